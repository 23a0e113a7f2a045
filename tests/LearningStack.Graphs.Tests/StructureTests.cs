using LearningStack.Graphs.Centrality;

namespace LearningStack.Graphs.Tests;

public class StructureTests
{
    // 0 ⇄ 1 → 2 → 0 (a triangle), 2 → 3 → 4 (a tail), 5 ⇄ 6, 7 alone with a self-loop, 8 alone, parallel 3 → 4.
    private static readonly (int From, int To)[] Arcs =
        [(0, 1), (1, 0), (1, 2), (2, 0), (2, 3), (3, 4), (3, 4), (5, 6), (6, 5), (7, 7)];

    [Fact]
    public void Degrees_CountDistinctNeighboursIgnoringSelfLoops()
    {
        var degrees = Structure.Degrees(9, Arcs);

        Assert.Equal(new DegreeInfo(2, 1, 2), degrees[0]);
        Assert.Equal(new DegreeInfo(1, 2, 2), degrees[1]);
        Assert.Equal(new DegreeInfo(1, 2, 3), degrees[2]);
        Assert.Equal(new DegreeInfo(1, 1, 2), degrees[3]);
        Assert.Equal(new DegreeInfo(1, 0, 1), degrees[4]);
        Assert.Equal(new DegreeInfo(1, 1, 1), degrees[5]);
        Assert.Equal(new DegreeInfo(0, 0, 0), degrees[7]);
        Assert.Equal(new DegreeInfo(0, 0, 0), degrees[8]);
    }

    [Fact]
    public void Isolated_NodesWithoutArcs_SelfLoopsIgnored()
    {
        Assert.Equal([7, 8], Structure.Isolated(9, Arcs));
    }

    [Fact]
    public void CutVertices_ArticulationPointsOfTheUndirectedView()
    {
        // networkx.articulation_points of the same undirected graph: 2 and 3.
        Assert.Equal([2, 3], Structure.CutVertices(9, Arcs));
    }

    [Fact]
    public void CutVertices_StarAndCycle_CentreOnlyAndNone()
    {
        Assert.Equal([0], Structure.CutVertices(4, [(0, 1), (2, 0), (0, 3)]));
        Assert.Empty(Structure.CutVertices(4, [(0, 1), (1, 2), (2, 3), (3, 0)]));
        Assert.Empty(Structure.CutVertices(2, [(0, 1)]));
    }

    [Fact]
    public void CutVertices_LongPath_EveryInnerNodeWithoutDeepRecursion()
    {
        var n = 200_000;
        var arcs = Enumerable.Range(0, n - 1).Select(i => (i, i + 1));

        var cuts = Structure.CutVertices(n, arcs);

        Assert.Equal(n - 2, cuts.Length);
        Assert.Equal(1, cuts[0]);
    }

    [Fact]
    public void ReachableOnlyThrough_NodesWithOneNeighbour()
    {
        Assert.Equal([(4, 3), (5, 6), (6, 5)], Structure.ReachableOnlyThrough(9, Arcs));
    }
}
