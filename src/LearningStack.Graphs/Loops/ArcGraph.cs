namespace LearningStack.Graphs.Loops;

/// <summary>
/// A <see cref="SignedDigraph"/> as the loop search needs it: parallel edges grouped into one arc per ordered pair of
/// nodes, arcs in compressed rows sorted by target, incoming arcs, strongly connected components, and per arc the
/// numbers the polarity counts multiply. Self-loop arcs come after the others and are not in the rows.
/// </summary>
internal sealed class ArcGraph
{
    public ArcGraph(SignedDigraph graph)
    {
        var edges = graph.EdgeArray;
        var n = graph.NodeCount;
        NodeCount = n;
        Edges = edges;

        // Edge ids sorted by (from, to, id): each run with the same (from, to) is one arc.
        var order = new int[edges.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = edges[a].From.CompareTo(edges[b].From);
            if (c == 0)
            {
                c = edges[a].To.CompareTo(edges[b].To);
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        var arcCount = 0;
        var selfCount = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (i == 0 || edges[order[i]].From != edges[order[i - 1]].From || edges[order[i]].To != edges[order[i - 1]].To)
            {
                if (edges[order[i]].From == edges[order[i]].To)
                {
                    selfCount++;
                }
                else
                {
                    arcCount++;
                }
            }
        }

        RegularArcCount = arcCount;
        var total = arcCount + selfCount;
        OutStart = new int[n + 1];
        ArcFrom = new int[total];
        ArcTo = new int[total];
        EdgeStart = new int[total + 1];
        EdgeIds = new int[edges.Length];
        Multiplicity = new long[total];
        NonZero = new long[total];
        SignDifference = new long[total];
        SelfArc = new int[n];
        Array.Fill(SelfArc, -1);

        // Regular arcs first, in row order; then self-loop arcs. Edge ids are laid out arc by arc.
        int regular = 0, self = arcCount, regularEdges = 0;
        var selfEdges = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (edges[order[i]].From == edges[order[i]].To)
            {
                selfEdges++;
            }
        }

        var selfEdgeCursor = edges.Length - selfEdges;
        for (var i = 0; i < order.Length;)
        {
            var first = edges[order[i]];
            var j = i;
            while (j < order.Length && edges[order[j]].From == first.From && edges[order[j]].To == first.To)
            {
                j++;
            }

            int arc;
            int cursor;
            if (first.From == first.To)
            {
                arc = self++;
                cursor = selfEdgeCursor;
                selfEdgeCursor += j - i;
                SelfArc[first.From] = arc;
            }
            else
            {
                arc = regular++;
                cursor = regularEdges;
                regularEdges += j - i;
                OutStart[first.From + 1]++;
            }

            ArcFrom[arc] = first.From;
            ArcTo[arc] = first.To;
            EdgeStart[arc] = cursor;
            long plus = 0, minus = 0;
            for (var k = i; k < j; k++)
            {
                EdgeIds[cursor + k - i] = order[k];
                if (edges[order[k]].Sign > 0)
                {
                    plus++;
                }
                else if (edges[order[k]].Sign < 0)
                {
                    minus++;
                }
            }

            Multiplicity[arc] = j - i;
            NonZero[arc] = plus + minus;
            SignDifference[arc] = plus - minus;
            HasParallelEdges |= j - i > 1;
            i = j;
        }

        EdgeStart[total] = edges.Length;
        // EdgeStart must be monotone per arc index for EdgeCount(arc); self arcs were laid out after regular edges in
        // the same order as their arc indices, so it is.
        for (var v = 0; v < n; v++)
        {
            OutStart[v + 1] += OutStart[v];
        }

        InStart = new int[n + 1];
        for (var a = 0; a < arcCount; a++)
        {
            InStart[ArcTo[a] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            InStart[v + 1] += InStart[v];
        }

        InArcs = new int[arcCount];
        var fill = new int[n];
        for (var a = 0; a < arcCount; a++)
        {
            var to = ArcTo[a];
            InArcs[InStart[to] + fill[to]++] = a;
        }

        Component = StronglyConnectedComponents(out var componentCount);
        ComponentSize = new int[componentCount];
        foreach (var c in Component)
        {
            ComponentSize[c]++;
        }
    }

    public int NodeCount { get; }

    public SignedEdge[] Edges { get; }

    /// <summary>Arcs 0..RegularArcCount-1 join two different nodes; the rest are self-loops.</summary>
    public int RegularArcCount { get; }

    /// <summary>Node v's arcs are OutStart[v]..OutStart[v+1]-1, sorted by target.</summary>
    public int[] OutStart { get; }

    public int[] ArcFrom { get; }

    public int[] ArcTo { get; }

    /// <summary>Node v's incoming regular arcs are InArcs[InStart[v]..InStart[v+1]-1].</summary>
    public int[] InStart { get; }

    public int[] InArcs { get; }

    /// <summary>The edges of arc a are EdgeIds[EdgeStart[a]..EdgeStart[a+1]-1], ascending.</summary>
    public int[] EdgeStart { get; }

    public int[] EdgeIds { get; }

    /// <summary>The self-loop arc of each node, or -1.</summary>
    public int[] SelfArc { get; }

    /// <summary>Edges in the arc.</summary>
    public long[] Multiplicity { get; }

    /// <summary>Edges in the arc with a known sign (+1 or -1).</summary>
    public long[] NonZero { get; }

    /// <summary>Positive minus negative edges in the arc.</summary>
    public long[] SignDifference { get; }

    public bool HasParallelEdges { get; }

    /// <summary>The strongly connected component of each node (self-loops do not matter).</summary>
    public int[] Component { get; }

    public int[] ComponentSize { get; }

    /// <summary>Tarjan's algorithm, iteratively.</summary>
    private int[] StronglyConnectedComponents(out int componentCount)
    {
        var n = NodeCount;
        var index = new int[n];
        var low = new int[n];
        var component = new int[n];
        Array.Fill(index, -1);
        var onStack = new bool[n];
        var stack = new int[n];
        var callNode = new int[n];
        var callArc = new int[n];
        int stackTop = 0, next = 0;
        componentCount = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            var depth = 0;
            callNode[0] = root;
            callArc[0] = OutStart[root];
            index[root] = low[root] = next++;
            stack[stackTop++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                var v = callNode[depth];
                if (callArc[depth] < OutStart[v + 1])
                {
                    var w = ArcTo[callArc[depth]++];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack[stackTop++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callArc[depth] = OutStart[w];
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--stackTop];
                        onStack[w] = false;
                        component[w] = componentCount;
                    }
                    while (w != v);
                    componentCount++;
                }

                depth--;
                if (depth >= 0)
                {
                    var parent = callNode[depth];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return component;
    }
}
