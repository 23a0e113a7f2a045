using LearningStack.Graphs.Loops;

namespace LearningStack.Graphs.Tests;

/// <summary>Graphs and helpers the tests share.</summary>
internal static class TestGraphs
{
    /// <summary>No length bound and no cap.</summary>
    public static readonly LoopOptions Unlimited = new() { MaxLength = int.MaxValue, MaxLoops = long.MaxValue };

    /// <summary>The count of loops with these polarities.</summary>
    public static LoopCount Tally(IEnumerable<LoopPolarity> polarities, bool truncated = false)
    {
        var list = polarities.ToList();
        return new LoopCount(
            list.Count(p => p == LoopPolarity.Reinforcing),
            list.Count(p => p == LoopPolarity.Balancing),
            list.Count(p => p == LoopPolarity.Undetermined),
            truncated);
    }

    public static SignedDigraph Graph(int nodeCount, params (int From, int To, int Sign)[] edges) =>
        new(nodeCount, edges.Select(e => new SignedEdge(e.From, e.To, e.Sign)));

    /// <summary>Every ordered pair of distinct nodes, sign +1.</summary>
    public static SignedDigraph Complete(int n)
    {
        var edges = new List<SignedEdge>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    edges.Add(new SignedEdge(i, j, 1));
                }
            }
        }

        return new SignedDigraph(n, edges);
    }

    /// <summary>Random multigraph with parallel edges and self-loops, seeded.</summary>
    public static SignedDigraph RandomMultigraph(Random random, int nodeCount, int edgeCount)
    {
        var edges = new List<SignedEdge>();
        for (var i = 0; i < edgeCount; i++)
        {
            var from = random.Next(nodeCount);
            var to = random.Next(10) == 0 ? from : random.Next(nodeCount);
            if (random.Next(6) == 0 && edges.Count > 0)
            {
                // A parallel edge to an existing one.
                var other = edges[random.Next(edges.Count)];
                (from, to) = (other.From, other.To);
            }

            edges.Add(new SignedEdge(from, to, random.Next(7) switch { 0 => 0, < 4 => 1, _ => -1 }));
        }

        return new SignedDigraph(nodeCount, edges);
    }

    /// <summary>A chain of diamonds a→b1, a→b2, b1→c, b2→c, c→… with no cycles: 2^k paths, 0 loops.</summary>
    public static SignedDigraph DiamondChain(int diamonds)
    {
        var edges = new List<SignedEdge>();
        for (var k = 0; k < diamonds; k++)
        {
            var a = 3 * k;
            edges.Add(new SignedEdge(a, a + 1, 1));
            edges.Add(new SignedEdge(a, a + 2, -1));
            edges.Add(new SignedEdge(a + 1, a + 3, 1));
            edges.Add(new SignedEdge(a + 2, a + 3, 1));
        }

        return new SignedDigraph((3 * diamonds) + 1, edges);
    }
}
