namespace LearningStack.Graphs.Centrality;

/// <summary>
/// Arcs as compressed rows with parallel arcs merged and self-loops dropped, both directed and as the undirected
/// view (each pair of linked nodes once).
/// </summary>
internal sealed class SimpleGraph
{
    private SimpleGraph(int nodeCount, int[] start, int[] target)
    {
        NodeCount = nodeCount;
        Start = start;
        Target = target;
    }

    public int NodeCount { get; }

    /// <summary>Node v's neighbours are Target[Start[v]..Start[v+1]-1], ascending and distinct.</summary>
    public int[] Start { get; }

    public int[] Target { get; }

    public int Degree(int v) => Start[v + 1] - Start[v];

    public ReadOnlySpan<int> Neighbours(int v) => Target.AsSpan(Start[v], Start[v + 1] - Start[v]);

    /// <summary>The directed graph: out-neighbours.</summary>
    public static SimpleGraph Directed(int nodeCount, IEnumerable<(int From, int To)> arcs) =>
        Build(nodeCount, Collect(nodeCount, arcs), reverse: false, both: false);

    /// <summary>In-neighbours.</summary>
    public static SimpleGraph Reversed(int nodeCount, IEnumerable<(int From, int To)> arcs) =>
        Build(nodeCount, Collect(nodeCount, arcs), reverse: true, both: false);

    /// <summary>The undirected view: every node linked by an arc either way.</summary>
    public static SimpleGraph Undirected(int nodeCount, IEnumerable<(int From, int To)> arcs) =>
        Build(nodeCount, Collect(nodeCount, arcs), reverse: false, both: true);

    /// <summary>All three views from one pass over the arcs.</summary>
    public static (SimpleGraph Out, SimpleGraph In, SimpleGraph Both) Views(int nodeCount, IEnumerable<(int From, int To)> arcs)
    {
        var list = Collect(nodeCount, arcs);
        return (Build(nodeCount, list, false, false), Build(nodeCount, list, true, false), Build(nodeCount, list, false, true));
    }

    private static List<(int From, int To)> Collect(int nodeCount, IEnumerable<(int From, int To)> arcs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(arcs);
        var list = new List<(int From, int To)>();
        foreach (var (from, to) in arcs)
        {
            if ((uint)from >= (uint)nodeCount || (uint)to >= (uint)nodeCount)
            {
                throw new ArgumentException($"Arc ({from} -> {to}) has a node outside 0..{nodeCount - 1}.", nameof(arcs));
            }

            if (from != to)
            {
                list.Add((from, to));
            }
        }

        return list;
    }

    private static SimpleGraph Build(int nodeCount, List<(int From, int To)> arcs, bool reverse, bool both)
    {
        var start = new int[nodeCount + 1];
        foreach (var (from, to) in arcs)
        {
            if (both || !reverse)
            {
                start[from + 1]++;
            }

            if (both || reverse)
            {
                start[to + 1]++;
            }
        }

        for (var v = 0; v < nodeCount; v++)
        {
            start[v + 1] += start[v];
        }

        var fill = new int[nodeCount];
        var target = new int[start[nodeCount]];
        foreach (var (from, to) in arcs)
        {
            if (both || !reverse)
            {
                target[start[from] + fill[from]++] = to;
            }

            if (both || reverse)
            {
                target[start[to] + fill[to]++] = from;
            }
        }

        // Sort each row and drop repeats, compacting in place.
        var write = 0;
        var compactStart = new int[nodeCount + 1];
        for (var v = 0; v < nodeCount; v++)
        {
            var row = target.AsSpan(start[v], start[v + 1] - start[v]);
            row.Sort();
            compactStart[v] = write;
            for (var i = 0; i < row.Length; i++)
            {
                if (i == 0 || row[i] != row[i - 1])
                {
                    target[write++] = row[i];
                }
            }
        }

        compactStart[nodeCount] = write;
        Array.Resize(ref target, write);
        return new SimpleGraph(nodeCount, compactStart, target);
    }
}
