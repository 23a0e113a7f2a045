using System.Collections.ObjectModel;

namespace LearningStack.Graphs.Loops;

/// <summary>The polarity of a feedback loop: the product of its edge signs.</summary>
public enum LoopPolarity
{
    /// <summary>An even number of negative edges and no unknown ones.</summary>
    Reinforcing,

    /// <summary>An odd number of negative edges and no unknown ones.</summary>
    Balancing,

    /// <summary>At least one edge has sign 0.</summary>
    Undetermined,
}

/// <summary>Limits on a loop search.</summary>
public sealed record LoopOptions
{
    /// <summary>The most edges a loop may have; <see cref="int.MaxValue"/> for no limit.</summary>
    public int MaxLength { get; init; } = 12;

    /// <summary>The most loops to find; <see cref="long.MaxValue"/> for no limit.</summary>
    public long MaxLoops { get; init; } = 1000;

    /// <summary>When set, only loops that pass through this node.</summary>
    public int? ThroughNode { get; init; }
}

/// <summary>One elementary feedback loop, as a cycle of edges.</summary>
public sealed class Loop
{
    private readonly int[] _edgeIds;
    private readonly int[] _nodes;
    private ReadOnlyCollection<int>? _edgeIdsView;
    private ReadOnlyCollection<int>? _nodesView;

    internal Loop(int[] edgeIds, int[] nodes, LoopPolarity polarity)
    {
        _edgeIds = edgeIds;
        _nodes = nodes;
        Polarity = polarity;
    }

    /// <summary>Edge ids in traversal order, starting with the edge that leaves the loop's smallest node.</summary>
    /// <remarks>The read-only views are made on first use: streaming code that only counts does not pay for them.</remarks>
    public IReadOnlyList<int> EdgeIds => _edgeIdsView ??= Array.AsReadOnly(_edgeIds);

    /// <summary><c>Nodes[i]</c> is the node edge <c>EdgeIds[i]</c> leaves.</summary>
    public IReadOnlyList<int> Nodes => _nodesView ??= Array.AsReadOnly(_nodes);

    /// <summary>The number of edges (and of nodes).</summary>
    public int Length => _edgeIds.Length;

    public LoopPolarity Polarity { get; }

    public override string ToString() => $"{Polarity} [{string.Join(" -> ", Nodes)}] via edges [{string.Join(", ", EdgeIds)}]";
}

/// <summary>How many loops of each polarity; <see cref="Truncated"/> when more loops exist than were counted.</summary>
public readonly record struct LoopCount(long Reinforcing, long Balancing, long Undetermined, bool Truncated)
{
    public long Total => Reinforcing + Balancing + Undetermined;
}

/// <summary>A list of loops and their count.</summary>
public sealed record LoopList(IReadOnlyList<Loop> Loops, LoopCount Count);
