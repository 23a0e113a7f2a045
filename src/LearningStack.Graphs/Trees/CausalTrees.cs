namespace LearningStack.Graphs.Trees;

/// <summary>A node of a causes or uses tree; <see cref="ViaEdge"/> is the edge id used to reach it (null at the root).</summary>
public sealed record TreeNode(int Node, int? ViaEdge, IReadOnlyList<TreeNode> Children);

/// <summary>
/// Causes and uses trees, as Vensim draws them: one child per edge, in edge id order. A node may appear on several
/// branches but never twice on one path from the root, so loops stop where they come back.
/// </summary>
public static class CausalTrees
{
    /// <summary>What drives <paramref name="node"/>: its incoming edges, <paramref name="depth"/> levels deep.</summary>
    public static TreeNode Causes(SignedDigraph graph, int node, int depth = 2) => Build(graph, node, depth, incoming: true);

    /// <summary>What <paramref name="node"/> drives: its outgoing edges, <paramref name="depth"/> levels deep.</summary>
    public static TreeNode Uses(SignedDigraph graph, int node, int depth = 2) => Build(graph, node, depth, incoming: false);

    private static TreeNode Build(SignedDigraph graph, int node, int depth, bool incoming)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, graph.NodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);

        // Edge ids by the node they lead away from in the tree (the target for causes, the source for uses).
        var edges = graph.EdgeArray;
        var n = graph.NodeCount;
        var start = new int[n + 1];
        foreach (var e in edges)
        {
            start[(incoming ? e.To : e.From) + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            start[v + 1] += start[v];
        }

        var byNode = new int[edges.Length];
        var fill = new int[n];
        for (var id = 0; id < edges.Length; id++)
        {
            var key = incoming ? edges[id].To : edges[id].From;
            byNode[start[key] + fill[key]++] = id;
        }

        // Depth-first with an explicit stack; a node is on the path while its frame is on the stack.
        var onPath = new bool[n];
        var rootChildren = new List<TreeNode>();
        var root = new TreeNode(node, null, rootChildren.AsReadOnly());
        var frames = new Stack<(int Node, List<TreeNode> Children, int Next, int Level)>();
        frames.Push((node, rootChildren, start[node], 0));
        onPath[node] = true;
        while (frames.Count > 0)
        {
            var (at, children, next, level) = frames.Pop();
            if (level == depth || next == start[at + 1])
            {
                onPath[at] = false;
                continue;
            }

            frames.Push((at, children, next + 1, level));
            var id = byNode[next];
            var other = incoming ? edges[id].From : edges[id].To;
            if (onPath[other])
            {
                continue;
            }

            var grandchildren = new List<TreeNode>();
            children.Add(new TreeNode(other, id, grandchildren.AsReadOnly()));
            onPath[other] = true;
            frames.Push((other, grandchildren, start[other], level + 1));
        }

        return root;
    }
}
