using LearningStack.Graphs.Loops;

namespace LearningStack.Graphs.Tests;

/// <summary>
/// An obviously correct loop enumerator to check the real one against: from every node s, every path of edges
/// through nodes greater than s, none twice, that returns to s. Exponential; for small graphs only.
/// </summary>
internal static class BruteForceLoops
{
    public sealed record Found(int[] EdgeIds, int[] Nodes, LoopPolarity Polarity)
    {
        public string Key => string.Join(",", EdgeIds);
    }

    public static List<Found> All(SignedDigraph graph, int maxLength = int.MaxValue, int? throughNode = null)
    {
        var found = new List<Found>();
        var edges = graph.Edges;
        var path = new List<int>();
        var visited = new bool[graph.NodeCount];
        for (var s = 0; s < graph.NodeCount; s++)
        {
            visited[s] = true;
            Extend(s, s);
            visited[s] = false;
        }

        return found;

        void Extend(int start, int at)
        {
            if (path.Count == maxLength)
            {
                return;
            }

            for (var e = 0; e < edges.Count; e++)
            {
                if (edges[e].From != at)
                {
                    continue;
                }

                var to = edges[e].To;
                path.Add(e);
                if (to == start)
                {
                    Record();
                }
                else if (to > start && !visited[to])
                {
                    visited[to] = true;
                    Extend(start, to);
                    visited[to] = false;
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        void Record()
        {
            var nodes = path.Select(e => edges[e].From).ToArray();
            if (throughNode is { } t && !nodes.Contains(t))
            {
                return;
            }

            var sign = path.Aggregate(1, (product, e) => product * edges[e].Sign);
            var polarity = sign > 0 ? LoopPolarity.Reinforcing : sign < 0 ? LoopPolarity.Balancing : LoopPolarity.Undetermined;
            found.Add(new Found([.. path], nodes, polarity));
        }
    }

    /// <summary>Shortest first, then node ids, then edge ids, as <see cref="LoopFinder.FindShortestFirst"/> orders.</summary>
    public static List<Found> Sorted(IEnumerable<Found> loops)
    {
        var list = loops.ToList();
        list.Sort((a, b) =>
        {
            var c = a.EdgeIds.Length.CompareTo(b.EdgeIds.Length);
            for (var i = 0; c == 0 && i < a.Nodes.Length; i++)
            {
                c = a.Nodes[i].CompareTo(b.Nodes[i]);
            }

            for (var i = 0; c == 0 && i < a.EdgeIds.Length; i++)
            {
                c = a.EdgeIds[i].CompareTo(b.EdgeIds[i]);
            }

            return c;
        });
        return list;
    }
}
