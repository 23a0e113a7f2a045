using LearningStack.Graphs.Loops;
using static LearningStack.Graphs.Tests.TestGraphs;

namespace LearningStack.Graphs.Tests;

public class LoopFinderTests
{
    /// <summary>Elementary cycles of the complete digraph on n nodes: sum over k=2..n of C(n,k)(k-1)!.</summary>
    private static long CompleteDigraphCycles(int n)
    {
        long sum = 0;
        for (var k = 2; k <= n; k++)
        {
            long arrangements = 1; // n!/(n-k)! / k = C(n,k)(k-1)!
            for (var i = 0; i < k; i++)
            {
                arrangements *= n - i;
            }

            sum += arrangements / k;
        }

        return sum;
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 5)]
    [InlineData(4, 20)]
    [InlineData(5, 84)]
    [InlineData(6, 409)]
    [InlineData(7, 2365)]
    [InlineData(8, 16064)]
    public void Count_CompleteDigraph_MatchesFormula(int n, long expected)
    {
        Assert.Equal(expected, CompleteDigraphCycles(n));

        var count = LoopFinder.Count(Complete(n), Unlimited);

        Assert.Equal(new LoopCount(expected, 0, 0, false), count);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void Enumerate_CompleteDigraph_GivesEachCycleOnce(int n)
    {
        var loops = LoopFinder.Enumerate(Complete(n), Unlimited).ToList();

        Assert.Equal(CompleteDigraphCycles(n), loops.Count);
        Assert.Equal(loops.Count, loops.Select(l => string.Join(",", l.EdgeIds)).Distinct().Count());
    }

    [Fact]
    public void Enumerate_ParallelOppositeLinks_GiveOneReinforcingAndOneBalancingLoop()
    {
        var graph = Graph(2, (0, 1, 1), (0, 1, -1), (1, 0, 1));

        var loops = LoopFinder.Enumerate(graph, Unlimited).ToList();

        Assert.Equal(2, loops.Count);
        Assert.Equal([0, 2], loops[0].EdgeIds);
        Assert.Equal(LoopPolarity.Reinforcing, loops[0].Polarity);
        Assert.Equal([1, 2], loops[1].EdgeIds);
        Assert.Equal(LoopPolarity.Balancing, loops[1].Polarity);
        Assert.Equal(new LoopCount(1, 1, 0, false), LoopFinder.Count(graph, Unlimited));
    }

    [Fact]
    public void Count_ParallelEdgesOnEveryHop_MultipliesAndClassifies()
    {
        // 0→1: +, -, 0; 1→2: +, -; 2→0: + → 6 loops: (+,+)R (+,-)B (-,+)B (-,-)R and two with the unknown sign.
        var graph = Graph(3, (0, 1, 1), (0, 1, -1), (0, 1, 0), (1, 2, 1), (1, 2, -1), (2, 0, 1));

        var count = LoopFinder.Count(graph, Unlimited);

        Assert.Equal(new LoopCount(2, 2, 2, false), count);
        Assert.Equal(6, LoopFinder.Enumerate(graph, Unlimited).Count());
    }

    [Fact]
    public void Enumerate_SelfLoops_AreLoopsOfLengthOne()
    {
        var graph = Graph(3, (1, 1, -1), (1, 1, 1), (0, 2, 1));

        var loops = LoopFinder.Enumerate(graph, Unlimited).ToList();

        Assert.Equal(2, loops.Count);
        Assert.All(loops, l => Assert.Equal(1, l.Length));
        Assert.All(loops, l => Assert.Equal([1], l.Nodes));
        Assert.Equal(LoopPolarity.Balancing, loops[0].Polarity);
        Assert.Equal(LoopPolarity.Reinforcing, loops[1].Polarity);
    }

    [Fact]
    public void Count_DisconnectedGraph_CountsEveryPart()
    {
        // Two triangles (one balancing), a self-loop, an isolated node and a dangling edge.
        var graph = Graph(9,
            (0, 1, 1), (1, 2, 1), (2, 0, 1),
            (3, 4, 1), (4, 5, -1), (5, 3, 1),
            (6, 6, 0),
            (7, 0, 1));

        Assert.Equal(new LoopCount(1, 1, 1, false), LoopFinder.Count(graph, Unlimited));
    }

    [Fact]
    public void Enumerate_MaxLength_DropsLongerLoops()
    {
        var graph = Complete(5);

        var loops = LoopFinder.Enumerate(graph, Unlimited with { MaxLength = 3 }).ToList();

        Assert.Equal(10 + 20, loops.Count); // C(5,2)·1 + C(5,3)·2
        Assert.All(loops, l => Assert.InRange(l.Length, 2, 3));
        Assert.Equal(30, LoopFinder.Count(graph, Unlimited with { MaxLength = 3 }).Total);
    }

    [Fact]
    public void Count_MaxLoopsCap_SetsTruncatedAndCountsExactlyTheCap()
    {
        var options = Unlimited with { MaxLoops = 100 };

        var count = LoopFinder.Count(Complete(6), options);

        Assert.True(count.Truncated);
        Assert.Equal(100, count.Total);
    }

    [Fact]
    public void Count_MaxLoopsEqualToTheNumberOfLoops_IsNotTruncated()
    {
        var count = LoopFinder.Count(Complete(4), Unlimited with { MaxLoops = 20 });

        Assert.Equal(new LoopCount(20, 0, 0, false), count);
    }

    [Fact]
    public void Count_CapInsideOneNodeCycleWithParallelEdges_MatchesTheFirstLoopsEnumerated()
    {
        // One node cycle standing for 2·3 = 6 loops; a cap of 4 takes the first four.
        var graph = Graph(2, (0, 1, 1), (0, 1, -1), (1, 0, 1), (1, 0, 0), (1, 0, -1));
        var options = Unlimited with { MaxLoops = 4 };

        var count = LoopFinder.Count(graph, options);
        var first = LoopFinder.Enumerate(graph, options).ToList();

        Assert.Equal(4, first.Count);
        Assert.Equal(
            Tally(first.Select(l => l.Polarity), true),
            count);
    }

    [Fact]
    public void Enumerate_MaxLoopsCap_StopsAtTheCap()
    {
        Assert.Equal(7, LoopFinder.Enumerate(Complete(5), Unlimited with { MaxLoops = 7 }).Count());
        Assert.Empty(LoopFinder.Enumerate(Complete(5), Unlimited with { MaxLoops = 0 }));
    }

    [Fact]
    public void FindShortestFirst_MaxLoopsCap_ReturnsTheShortestLoopsAndTruncated()
    {
        var graph = Complete(6);
        var options = Unlimited with { MaxLoops = 30 };

        var list = LoopFinder.FindShortestFirst(graph, options);

        Assert.Equal(30, list.Loops.Count);
        Assert.Equal(new LoopCount(30, 0, 0, true), list.Count);
        // 15 two-node loops, then the first 15 triangles in node order.
        var expected = BruteForceLoops.Sorted(BruteForceLoops.All(graph)).Take(30).Select(l => l.Key);
        Assert.Equal(expected, list.Loops.Select(l => string.Join(",", l.EdgeIds)));
    }

    [Fact]
    public void FindShortestFirst_UnderTheCap_ListsAllShortestFirstThenByNodes()
    {
        var graph = Graph(4, (0, 1, 1), (1, 2, 1), (2, 3, -1), (3, 0, 1), (2, 1, 1), (3, 3, 1), (1, 0, 0));

        var list = LoopFinder.FindShortestFirst(graph, Unlimited);

        Assert.Equal(
            [[3], [0, 1], [1, 2], [0, 1, 2, 3]],
            list.Loops.Select(l => l.Nodes.ToArray()).ToArray());
        Assert.Equal(new LoopCount(2, 1, 1, false), list.Count);
    }

    [Fact]
    public void Enumerate_ThroughNode_OnlyLoopsThroughIt()
    {
        var graph = Complete(5);

        var loops = LoopFinder.Enumerate(graph, Unlimited with { ThroughNode = 3 }).ToList();

        Assert.Equal(BruteForceLoops.All(graph, throughNode: 3).Count, loops.Count);
        Assert.All(loops, l => Assert.Contains(3, l.Nodes));
        Assert.All(loops, l => Assert.Equal(l.Nodes.Min(), l.Nodes[0]));
    }

    [Fact]
    public void Enumerate_Loop_StartsAtItsSmallestNodeAndFollowsItsEdges()
    {
        var graph = Graph(4, (3, 1, 1), (1, 2, -1), (2, 3, 1));

        var loop = Assert.Single(LoopFinder.Enumerate(graph, Unlimited with { ThroughNode = 3 }));

        Assert.Equal([1, 2, 3], loop.Nodes);
        Assert.Equal([1, 2, 0], loop.EdgeIds);
        Assert.Equal(3, loop.Length);
        Assert.Equal(LoopPolarity.Balancing, loop.Polarity);
    }

    [Theory]
    [InlineData(1, 1, 1, LoopPolarity.Reinforcing)]
    [InlineData(-1, -1, 1, LoopPolarity.Reinforcing)]
    [InlineData(-1, 1, 1, LoopPolarity.Balancing)]
    [InlineData(-1, -1, -1, LoopPolarity.Balancing)]
    [InlineData(1, 0, 1, LoopPolarity.Undetermined)]
    [InlineData(-1, 0, -1, LoopPolarity.Undetermined)]
    public void Enumerate_Triangle_PolarityIsTheProductOfSigns(int a, int b, int c, LoopPolarity expected)
    {
        var graph = Graph(3, (0, 1, a), (1, 2, b), (2, 0, c));

        Assert.Equal(expected, Assert.Single(LoopFinder.Enumerate(graph, Unlimited)).Polarity);
        var count = LoopFinder.Count(graph, Unlimited);
        Assert.Equal(1, expected switch
        {
            LoopPolarity.Reinforcing => count.Reinforcing,
            LoopPolarity.Balancing => count.Balancing,
            LoopPolarity.Undetermined => count.Undetermined,
        });
    }

    [Fact]
    public void Count_DiamondChain_HasNoLoops()
    {
        Assert.Equal(default, LoopFinder.Count(DiamondChain(200), Unlimited));
    }

    [Fact]
    public void Count_DiamondChainClosedByOneBackEdge_CountsEveryPath()
    {
        // Closing a chain of k diamonds gives 2^k loops, half of them balancing.
        var chain = DiamondChain(10);
        var graph = new SignedDigraph(chain.NodeCount, chain.Edges.Append(new SignedEdge(30, 0, 1)));

        Assert.Equal(new LoopCount(512, 512, 0, false), LoopFinder.Count(graph, Unlimited));
        Assert.Equal(0, LoopFinder.Count(graph, Unlimited with { MaxLength = 20 }).Total);
        Assert.Equal(1024, LoopFinder.Count(graph, Unlimited with { MaxLength = 21 }).Total);
    }

    [Fact]
    public void Count_EmptyGraph_IsZero()
    {
        Assert.Equal(default, LoopFinder.Count(new SignedDigraph(0, []), Unlimited));
        Assert.Empty(LoopFinder.FindShortestFirst(new SignedDigraph(0, []), Unlimited).Loops);
    }

    [Fact]
    public void Count_InvalidOptions_Throws()
    {
        var graph = Complete(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => LoopFinder.Count(graph, new LoopOptions { MaxLength = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoopFinder.Count(graph, new LoopOptions { MaxLoops = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoopFinder.Count(graph, new LoopOptions { ThroughNode = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoopFinder.Enumerate(graph, new LoopOptions { ThroughNode = -1 }));
    }

    [Fact]
    public void Count_Progress_ReportsTheFinalCount()
    {
        var reports = new List<LoopCount>();

        var count = LoopFinder.Count(Complete(7), Unlimited, new SynchronousProgress<LoopCount>(reports.Add));

        Assert.Equal(count, reports[^1]);
    }

    [Fact]
    public void FindShortestFirst_Progress_ReportsTheFinalCount()
    {
        var reports = new List<LoopCount>();

        var list = LoopFinder.FindShortestFirst(Complete(6), Unlimited with { MaxLoops = 50 }, new SynchronousProgress<LoopCount>(reports.Add));

        Assert.Equal(list.Count, reports[^1]);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
