using LearningStack.Graphs.Loops;
using static LearningStack.Graphs.Tests.TestGraphs;

namespace LearningStack.Graphs.Tests;

/// <summary>The loop finder against <see cref="BruteForceLoops"/> on many seeded random small multigraphs.</summary>
public class LoopFinderPropertyTests
{
    private const int GraphsPerSeedBlock = 150;

    public static TheoryData<int> SeedBlocks() => [0, 1, 2, 3];

    /// <summary>Random cases: a multigraph with parallel edges and self-loops, a length bound and maybe a through-node.</summary>
    private static IEnumerable<(SignedDigraph Graph, LoopOptions Options, string Label)> Cases(int block)
    {
        for (var i = 0; i < GraphsPerSeedBlock; i++)
        {
            var seed = (block * GraphsPerSeedBlock) + i;
            var random = new Random(seed);
            var nodes = random.Next(1, 9);
            var edges = random.Next(0, nodes * 3);
            var graph = RandomMultigraph(random, nodes, edges);
            var maxLength = random.Next(3) == 0 ? int.MaxValue : random.Next(1, nodes + 1);
            int? through = random.Next(3) == 0 ? random.Next(nodes) : null;
            var options = new LoopOptions { MaxLength = maxLength, MaxLoops = long.MaxValue, ThroughNode = through };
            yield return (graph, options, $"seed {seed}: {nodes} nodes, {edges} edges, max length {maxLength}, through {through}");
        }
    }

    private static string Key(Loop loop) => string.Join(",", loop.EdgeIds);

    [Theory]
    [MemberData(nameof(SeedBlocks))]
    public void Enumerate_RandomMultigraphs_SameLoopsAsBruteForce(int block)
    {
        foreach (var (graph, options, label) in Cases(block))
        {
            var expected = BruteForceLoops.All(graph, options.MaxLength, options.ThroughNode);

            var actual = LoopFinder.Enumerate(graph, options).ToList();

            Assert.True(
                expected.Select(l => l.Key).Order().SequenceEqual(actual.Select(Key).Order()),
                $"{label}: expected {expected.Count} loops, found {actual.Count}");
            foreach (var loop in actual)
            {
                Assert.Equal(loop.Nodes, loop.EdgeIds.Select(e => graph.Edges[e].From));
                Assert.Equal(loop.Nodes.Min(), loop.Nodes[0]);
                Assert.Equal(expected.Single(l => l.Key == Key(loop)).Polarity, loop.Polarity);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SeedBlocks))]
    public void Count_RandomMultigraphs_SameCountsAsBruteForce(int block)
    {
        foreach (var (graph, options, label) in Cases(block))
        {
            var expected = BruteForceLoops.All(graph, options.MaxLength, options.ThroughNode);

            var count = LoopFinder.Count(graph, options);

            Assert.True(
                Tally(expected.Select(l => l.Polarity)) == count,
                $"{label}: {count}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedBlocks))]
    public void Count_RandomMultigraphsWithACap_CountsTheFirstLoopsEnumerated(int block)
    {
        foreach (var (graph, options, label) in Cases(block))
        {
            var all = BruteForceLoops.All(graph, options.MaxLength, options.ThroughNode).Count;
            var capped = options with { MaxLoops = all / 2 };
            var first = LoopFinder.Enumerate(graph, capped).ToList();

            var count = LoopFinder.Count(graph, capped);

            Assert.Equal(all / 2, first.Count);
            Assert.True(
                Tally(first.Select(l => l.Polarity), all > all / 2) == count,
                $"{label}: {count}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedBlocks))]
    public void FindShortestFirst_RandomMultigraphs_SameOrderAsSortedBruteForce(int block)
    {
        foreach (var (graph, options, label) in Cases(block))
        {
            var expected = BruteForceLoops.Sorted(BruteForceLoops.All(graph, options.MaxLength, options.ThroughNode));
            foreach (var cap in new long[] { long.MaxValue, expected.Count, expected.Count / 3, 1 })
            {
                var list = LoopFinder.FindShortestFirst(graph, options with { MaxLoops = cap });

                var wanted = expected.Take((int)Math.Min(cap, expected.Count)).Select(l => l.Key).ToList();
                Assert.True(wanted.SequenceEqual(list.Loops.Select(Key)), $"{label}, cap {cap}");
                Assert.Equal(expected.Count > cap, list.Count.Truncated);
                Assert.Equal(wanted.Count, list.Count.Total);
            }
        }
    }

    [Fact]
    public void Enumerate_DenserRandomGraphsWithBounds_SameLoopsAsBruteForce()
    {
        // Fewer, larger cases: where the bounded search's locks and relaxations matter most.
        for (var seed = 1000; seed < 1060; seed++)
        {
            var random = new Random(seed);
            var nodes = random.Next(8, 11);
            var graph = RandomMultigraph(random, nodes, random.Next(nodes * 2, nodes * 4));
            var options = new LoopOptions
            {
                MaxLength = random.Next(2, 7),
                MaxLoops = long.MaxValue,
                ThroughNode = random.Next(2) == 0 ? random.Next(nodes) : null,
            };
            var expected = BruteForceLoops.All(graph, options.MaxLength, options.ThroughNode);

            var actual = LoopFinder.Enumerate(graph, options).Select(Key).Order().ToList();

            Assert.True(expected.Select(l => l.Key).Order().SequenceEqual(actual), $"seed {seed}: {expected.Count} vs {actual.Count}");
        }
    }

    [Fact]
    public void Count_RandomDigraphsWithTightBounds_SameCountsAsBruteForce()
    {
        // Where a bound shorter than the component bites, the search relaxes locks along B-lists; only a few graphs
        // in a hundred make that matter, so try thousands.
        for (var seed = 0; seed < 4000; seed++)
        {
            var random = new Random(seed);
            var nodes = random.Next(4, 10);
            var edges = Enumerable.Range(0, random.Next(nodes, nodes * 3))
                .Select(_ => new SignedEdge(random.Next(nodes), random.Next(nodes), random.Next(2) == 0 ? 1 : -1))
                .ToList();
            var graph = new SignedDigraph(nodes, edges);
            var maxLength = random.Next(2, nodes);
            var expected = BruteForceLoops.All(graph, maxLength);

            var count = LoopFinder.Count(graph, new LoopOptions { MaxLength = maxLength, MaxLoops = long.MaxValue });

            Assert.True(
                count == Tally(expected.Select(l => l.Polarity)),
                $"seed {seed}: expected {expected.Count}, counted {count}");
        }
    }
}
