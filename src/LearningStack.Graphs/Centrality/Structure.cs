namespace LearningStack.Graphs.Centrality;

/// <summary>Degrees of a node; <see cref="Total"/> is the number of distinct neighbours in the undirected view.</summary>
public sealed record DegreeInfo(int In, int Out, int Total);

/// <summary>Simple structural facts about a directed graph given as arcs.</summary>
public static class Structure
{
    public static DegreeInfo[] Degrees(int nodeCount, IEnumerable<(int From, int To)> arcs) => throw new NotImplementedException();

    public static int[] Isolated(int nodeCount, IEnumerable<(int From, int To)> arcs) => throw new NotImplementedException();

    public static int[] CutVertices(int nodeCount, IEnumerable<(int From, int To)> arcs) => throw new NotImplementedException();

    public static IReadOnlyList<(int Node, int Via)> ReachableOnlyThrough(int nodeCount, IEnumerable<(int From, int To)> arcs) => throw new NotImplementedException();
}
