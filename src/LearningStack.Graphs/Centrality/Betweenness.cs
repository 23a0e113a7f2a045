namespace LearningStack.Graphs.Centrality;

/// <summary>Betweenness centrality (Brandes 2001) of an unweighted directed graph.</summary>
public static class Betweenness
{
    /// <summary>
    /// One value per node: the sum over ordered pairs (s, t), s ≠ v ≠ t, of the share of shortest s→t paths through v.
    /// Arcs are directed (add both directions for a mutual link); parallel arcs count once and self-loops are
    /// ignored. <paramref name="normalized"/> divides by (n-1)(n-2), as networkx does for directed graphs.
    /// </summary>
    public static double[] Compute(int nodeCount, IEnumerable<(int From, int To)> arcs, bool normalized = false, CancellationToken cancellationToken = default)
    {
        var graph = SimpleGraph.Directed(nodeCount, arcs);
        var n = nodeCount;
        var start = graph.Start;
        var target = graph.Target;
        var result = new double[n];
        var order = new int[n];          // nodes in BFS order (a queue, then read backwards)
        var distance = new int[n];
        var paths = new double[n];       // shortest paths from s
        var dependency = new double[n];
        var share = new double[n];       // (1 + dependency) / paths, once a node's dependency is final
        Array.Fill(distance, -1);
        for (var s = 0; s < n; s++)
        {
            if ((s & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var head = 0;
            var tail = 0;
            order[tail++] = s;
            distance[s] = 0;
            paths[s] = 1;
            while (head < tail)
            {
                var v = order[head++];
                var next = distance[v] + 1;
                for (int i = start[v], end = start[v + 1]; i < end; i++)
                {
                    var w = target[i];
                    if (distance[w] < 0)
                    {
                        distance[w] = next;
                        order[tail++] = w;
                    }

                    if (distance[w] == next)
                    {
                        paths[w] += paths[v];
                    }
                }
            }

            // Back from the farthest: a node's dependency gathers its successors' on shortest paths (Brandes' sum of
            // paths[v] / paths[w] * (1 + dependency[w]), with the per-successor part computed once).
            for (var k = tail - 1; k >= 0; k--)
            {
                var v = order[k];
                var next = distance[v] + 1;
                var sum = 0.0;
                for (int i = start[v], end = start[v + 1]; i < end; i++)
                {
                    var w = target[i];
                    if (distance[w] == next)
                    {
                        sum += share[w];
                    }
                }

                dependency[v] = paths[v] * sum;
                share[v] = (1 + dependency[v]) / paths[v];
                if (v != s)
                {
                    result[v] += dependency[v];
                }
            }

            for (var k = 0; k < tail; k++)
            {
                var v = order[k];
                distance[v] = -1;
                paths[v] = 0;
                dependency[v] = 0;
            }
        }

        if (normalized && n > 2)
        {
            var scale = 1.0 / ((n - 1.0) * (n - 2.0));
            for (var v = 0; v < n; v++)
            {
                result[v] *= scale;
            }
        }

        return result;
    }
}
