namespace LearningStack.Graphs.Centrality;

/// <summary>
/// Degrees of a node, counting distinct other nodes (parallel arcs once, self-loops not at all): In, the nodes with
/// an arc to it; Out, the nodes it has an arc to; Total, its neighbours in the undirected view.
/// </summary>
public sealed record DegreeInfo(int In, int Out, int Total);

/// <summary>Simple structural facts about a directed graph given as arcs; self-loops and parallel arcs do not matter.</summary>
public static class Structure
{
    public static DegreeInfo[] Degrees(int nodeCount, IEnumerable<(int From, int To)> arcs)
    {
        var (outs, ins, both) = SimpleGraph.Views(nodeCount, arcs);
        var degrees = new DegreeInfo[nodeCount];
        for (var v = 0; v < nodeCount; v++)
        {
            degrees[v] = new DegreeInfo(ins.Degree(v), outs.Degree(v), both.Degree(v));
        }

        return degrees;
    }

    /// <summary>Nodes with no arc to or from another node, ascending.</summary>
    public static int[] Isolated(int nodeCount, IEnumerable<(int From, int To)> arcs)
    {
        var both = SimpleGraph.Undirected(nodeCount, arcs);
        var isolated = new List<int>();
        for (var v = 0; v < nodeCount; v++)
        {
            if (both.Degree(v) == 0)
            {
                isolated.Add(v);
            }
        }

        return [.. isolated];
    }

    /// <summary>
    /// The articulation points of the undirected view, ascending: nodes whose removal splits their connected part.
    /// Hopcroft and Tarjan's low points, iteratively.
    /// </summary>
    public static int[] CutVertices(int nodeCount, IEnumerable<(int From, int To)> arcs)
    {
        var g = SimpleGraph.Undirected(nodeCount, arcs);
        var discovery = new int[nodeCount];
        var low = new int[nodeCount];
        var parent = new int[nodeCount];
        var nextEdge = new int[nodeCount];
        var isCut = new bool[nodeCount];
        var stack = new int[nodeCount];
        Array.Fill(discovery, -1);
        var time = 0;
        for (var root = 0; root < nodeCount; root++)
        {
            if (discovery[root] >= 0)
            {
                continue;
            }

            var rootChildren = 0;
            var top = 0;
            stack[0] = root;
            parent[root] = -1;
            discovery[root] = low[root] = time++;
            nextEdge[root] = g.Start[root];
            while (top >= 0)
            {
                var v = stack[top];
                if (nextEdge[v] < g.Start[v + 1])
                {
                    var w = g.Target[nextEdge[v]++];
                    if (discovery[w] < 0)
                    {
                        parent[w] = v;
                        discovery[w] = low[w] = time++;
                        nextEdge[w] = g.Start[w];
                        stack[++top] = w;
                        if (v == root)
                        {
                            rootChildren++;
                        }
                    }
                    else if (w != parent[v])
                    {
                        low[v] = Math.Min(low[v], discovery[w]);
                    }

                    continue;
                }

                top--;
                var p = parent[v];
                if (p >= 0)
                {
                    low[p] = Math.Min(low[p], low[v]);
                    if (p != root && low[v] >= discovery[p])
                    {
                        isCut[p] = true;
                    }
                }
            }

            isCut[root] = rootChildren > 1;
        }

        var cuts = new List<int>();
        for (var v = 0; v < nodeCount; v++)
        {
            if (isCut[v])
            {
                cuts.Add(v);
            }
        }

        return [.. cuts];
    }

    /// <summary>
    /// Nodes whose every connection goes through exactly one other node (one distinct neighbour in the undirected
    /// view), with that neighbour, by node.
    /// </summary>
    public static IReadOnlyList<(int Node, int Via)> ReachableOnlyThrough(int nodeCount, IEnumerable<(int From, int To)> arcs)
    {
        var both = SimpleGraph.Undirected(nodeCount, arcs);
        var result = new List<(int Node, int Via)>();
        for (var v = 0; v < nodeCount; v++)
        {
            if (both.Degree(v) == 1)
            {
                result.Add((v, both.Neighbours(v)[0]));
            }
        }

        return result.AsReadOnly();
    }
}
