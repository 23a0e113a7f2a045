namespace LearningStack.Graphs.Centrality;

/// <summary>Betweenness centrality (Brandes) of an unweighted directed graph.</summary>
public static class Betweenness
{
    /// <summary>
    /// One value per node. Arcs are directed (add both directions for a mutual link); parallel arcs count once and
    /// self-loops are ignored. <paramref name="normalized"/> divides by (n-1)(n-2), as networkx does for directed graphs.
    /// </summary>
    public static double[] Compute(int nodeCount, IEnumerable<(int From, int To)> arcs, bool normalized = false, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException();
    }
}
