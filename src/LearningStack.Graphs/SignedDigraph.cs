namespace LearningStack.Graphs;

/// <summary>A directed, signed edge. Sign: +1 (same direction), -1 (opposite), 0 (unknown polarity).</summary>
public readonly record struct SignedEdge(int From, int To, int Sign);

/// <summary>
/// A directed multigraph with signed edges on nodes 0..NodeCount-1. The edge id is the index of the edge in the
/// order given; parallel edges and self-loops are allowed.
/// </summary>
public sealed class SignedDigraph
{
    private readonly SignedEdge[] _edges;

    public SignedDigraph(int nodeCount, IEnumerable<SignedEdge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        _edges = [.. edges];
        for (var i = 0; i < _edges.Length; i++)
        {
            var e = _edges[i];
            if ((uint)e.From >= (uint)nodeCount || (uint)e.To >= (uint)nodeCount)
            {
                throw new ArgumentException(
                    $"Edge {i} ({e.From} -> {e.To}) has a node outside 0..{nodeCount - 1}.", nameof(edges));
            }

            if (e.Sign is < -1 or > 1)
            {
                throw new ArgumentException($"Edge {i} has sign {e.Sign}; a sign is -1, 0 or +1.", nameof(edges));
            }
        }

        NodeCount = nodeCount;
        Edges = Array.AsReadOnly(_edges);
    }

    public int NodeCount { get; }

    public IReadOnlyList<SignedEdge> Edges { get; }

    /// <summary>The edges as an array, for the algorithms in this library (never handed out).</summary>
    internal SignedEdge[] EdgeArray => _edges;
}
