using LearningStack.Graphs.Centrality;

namespace LearningStack.Graphs.Tests;

/// <summary>Expected values are networkx 3.6.1's betweenness_centrality on the same directed graphs.</summary>
public class BetweennessTests
{
    private static (int From, int To)[] Mutual(params (int From, int To)[] links) =>
        [.. links, .. links.Select(l => (l.To, l.From))];

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-9, $"node {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    [Fact]
    public void Compute_DirectedPath_CountsThePairsThroughTheMiddle()
    {
        (int, int)[] arcs = [(0, 1), (1, 2), (2, 3)];

        AssertClose([0, 2, 2, 0], Betweenness.Compute(4, arcs));
        AssertClose([0, 1 / 3.0, 1 / 3.0, 0], Betweenness.Compute(4, arcs, normalized: true));
    }

    [Fact]
    public void Compute_MutualPath_CountsBothDirections()
    {
        var arcs = Mutual((0, 1), (1, 2), (2, 3));

        AssertClose([0, 4, 4, 0], Betweenness.Compute(4, arcs));
        AssertClose([0, 2 / 3.0, 2 / 3.0, 0], Betweenness.Compute(4, arcs, normalized: true));
    }

    [Fact]
    public void Compute_Star_AllThroughTheCentre()
    {
        var arcs = Mutual((0, 1), (0, 2), (0, 3), (0, 4));

        AssertClose([12, 0, 0, 0, 0], Betweenness.Compute(5, arcs));
        AssertClose([1, 0, 0, 0, 0], Betweenness.Compute(5, arcs, normalized: true));
    }

    [Fact]
    public void Compute_DirectedCycle_EveryNodeTheSame()
    {
        (int, int)[] arcs = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)];

        AssertClose([6, 6, 6, 6, 6], Betweenness.Compute(5, arcs));
        AssertClose([0.5, 0.5, 0.5, 0.5, 0.5], Betweenness.Compute(5, arcs, normalized: true));
    }

    [Fact]
    public void Compute_MutualPairsJoinedOneWay_OnlyTheJoinCarriesPaths()
    {
        (int, int)[] arcs = [.. Mutual((0, 1), (2, 3)), (1, 2)];

        AssertClose([0, 2, 2, 0], Betweenness.Compute(4, arcs));
    }

    [Fact]
    public void Compute_Diamond_SplitsPathsBetweenTheTwoSides()
    {
        (int, int)[] arcs = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4)];

        AssertClose([0, 1, 1, 3, 0], Betweenness.Compute(5, arcs));
        AssertClose([0, 1 / 12.0, 1 / 12.0, 0.25, 0], Betweenness.Compute(5, arcs, normalized: true));
    }

    [Fact]
    public void Compute_DisconnectedParts_EachOnItsOwn()
    {
        (int, int)[] arcs = [.. Mutual((0, 1), (1, 2)), (3, 4), (4, 5)];

        AssertClose([0, 2, 0, 0, 1, 0, 0], Betweenness.Compute(7, arcs));
    }

    [Fact]
    public void Compute_ParallelArcsAndSelfLoops_DoNotCount()
    {
        (int, int)[] arcs = [(0, 1), (0, 1), (1, 1), (1, 2), (2, 3), (2, 3), (3, 3)];

        AssertClose([0, 2, 2, 0], Betweenness.Compute(4, arcs));
    }

    [Fact]
    public void Compute_RandomDigraph_MatchesNetworkx()
    {
        // networkx.gnp_random_graph(12, 0.2, seed=7, directed=True)
        (int, int)[] arcs =
        [
            (0, 2), (0, 4), (0, 7), (0, 9), (0, 11), (1, 0), (1, 4), (1, 11), (2, 3), (2, 4), (2, 7), (3, 0), (3, 1),
            (4, 8), (4, 11), (5, 1), (6, 4), (7, 1), (7, 3), (7, 4), (7, 5), (7, 8), (8, 0), (9, 0), (9, 1), (9, 7),
            (10, 5), (11, 1), (11, 3), (11, 4), (11, 6), (11, 8), (11, 9), (11, 10),
        ];

        AssertClose(
            [33.53333333333333, 26.3, 0.6666666666666666, 3.3666666666666667, 17.933333333333334, 10.0, 0.0, 10.700000000000001, 6.366666666666667, 3.1666666666666665, 3.5, 38.46666666666666],
            Betweenness.Compute(12, arcs));
        AssertClose(
            [0.3048484848484848, 0.23909090909090908, 0.00606060606060606, 0.030606060606060605, 0.16303030303030303, 0.09090909090909091, 0.0, 0.09727272727272727, 0.057878787878787884, 0.028787878787878786, 0.031818181818181815, 0.3496969696969696],
            Betweenness.Compute(12, arcs, normalized: true));
    }

    [Fact]
    public void Compute_TinyGraphs_NotNormalizedBelowThreeNodes()
    {
        Assert.Empty(Betweenness.Compute(0, []));
        AssertClose([0, 0], Betweenness.Compute(2, Mutual((0, 1)), normalized: true));
    }

    [Fact]
    public void Compute_NodeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Betweenness.Compute(2, [(0, 2)]));
    }

    [Fact]
    public void Compute_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => Betweenness.Compute(3, [(0, 1)], cancellationToken: cancellation.Token));
    }
}
