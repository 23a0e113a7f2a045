namespace LearningStack.Graphs.Tests;

public class SignedDigraphTests
{
    [Fact]
    public void Constructor_ValidEdges_KeepsTheirOrderAsIds()
    {
        SignedEdge[] edges = [new(1, 0, -1), new(0, 1, 1), new(0, 1, 1), new(2, 2, 0)];

        var graph = new SignedDigraph(3, edges);

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(edges, graph.Edges);
    }

    [Theory]
    [InlineData(-1, 0, 1)]
    [InlineData(0, 3, 1)]
    [InlineData(3, 0, 1)]
    [InlineData(0, 1, 2)]
    [InlineData(0, 1, -2)]
    public void Constructor_NodeOutOfRangeOrBadSign_Throws(int from, int to, int sign)
    {
        Assert.Throws<ArgumentException>(() => new SignedDigraph(3, [new SignedEdge(0, 1, 1), new SignedEdge(from, to, sign)]));
    }

    [Fact]
    public void Constructor_NegativeNodeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignedDigraph(-1, []));
    }

    [Fact]
    public void Edges_CannotBeChangedThroughTheList()
    {
        var graph = new SignedDigraph(2, [new SignedEdge(0, 1, 1)]);

        Assert.Throws<NotSupportedException>(() => ((IList<SignedEdge>)graph.Edges)[0] = new SignedEdge(1, 0, 1));
    }
}
