using LearningStack.Graphs.Trees;
using static LearningStack.Graphs.Tests.TestGraphs;

namespace LearningStack.Graphs.Tests;

public class CausalTreesTests
{
    // Edges: 0: 1→0, 1: 2→0, 2: 2→1, 3: 0→2 (a loop 0→2→0), 4: 3→2, 5: 0→0, 6: 2→0 (parallel to 1).
    private static readonly SignedDigraph Graph = Graph(4, (1, 0, 1), (2, 0, -1), (2, 1, 1), (0, 2, 1), (3, 2, 1), (0, 0, 1), (2, 0, 1));

    private static string Show(TreeNode node) =>
        node.Children.Count == 0
            ? $"{node.Node}"
            : $"{node.Node}({string.Join(" ", node.Children.Select(Show))})";

    [Fact]
    public void Causes_DepthTwo_IncomingEdgesTwoLevels()
    {
        var tree = CausalTrees.Causes(Graph, 0);

        Assert.Null(tree.ViaEdge);
        // 0 ← 1 (edge 0) ← 2; 0 ← 2 (edges 1 and 6) ← 3 (0 is on the path, so not again); the self-loop is skipped.
        Assert.Equal("0(1(2) 2(3) 2(3))", Show(tree));
        Assert.Equal([0, 1, 6], tree.Children.Select(c => c.ViaEdge!.Value));
    }

    [Fact]
    public void Causes_Deeper_NodeRepeatsOnOtherBranchesButNotOnItsOwnPath()
    {
        var tree = CausalTrees.Causes(Graph, 0, depth: 5);

        Assert.Equal("0(1(2(3)) 2(3) 2(3))", Show(tree));
    }

    [Fact]
    public void Uses_DepthOne_OutgoingEdgesOnly()
    {
        Assert.Equal("2(0 1 0)", Show(CausalTrees.Uses(Graph, 2, depth: 1)));
        Assert.Equal("3(2(0 1 0))", Show(CausalTrees.Uses(Graph, 3)));
        // 0 leads only back to 2 (on the path) and to itself; 1 leads on to 0.
        Assert.Equal("3(2(0 1(0) 0))", Show(CausalTrees.Uses(Graph, 3, depth: 3)));
    }

    [Fact]
    public void Uses_DepthZero_JustTheRoot()
    {
        var tree = CausalTrees.Uses(Graph, 0, depth: 0);

        Assert.Equal(0, tree.Node);
        Assert.Empty(tree.Children);
    }

    [Fact]
    public void Causes_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CausalTrees.Causes(Graph, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => CausalTrees.Causes(Graph, 0, depth: -1));
    }
}
