namespace LearningStack.Graphs.Loops;

/// <summary>Finds the elementary feedback loops (edge cycles) of a <see cref="SignedDigraph"/>.</summary>
public static class LoopFinder
{
    /// <summary>Streams loops lazily in discovery order; stops after <see cref="LoopOptions.MaxLoops"/>.</summary>
    public static IEnumerable<Loop> Enumerate(SignedDigraph graph, LoopOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException();
    }

    /// <summary>The shortest loops first (then by node ids), at most <see cref="LoopOptions.MaxLoops"/> of them.</summary>
    public static LoopList FindShortestFirst(SignedDigraph graph, LoopOptions options, IProgress<LoopCount>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException();
    }

    /// <summary>Counts and classifies loops without listing them, in flat memory.</summary>
    public static LoopCount Count(SignedDigraph graph, LoopOptions options, IProgress<LoopCount>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException();
    }
}
