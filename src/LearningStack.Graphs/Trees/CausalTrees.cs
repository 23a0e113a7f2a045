namespace LearningStack.Graphs.Trees;

/// <summary>A node of a causes or uses tree; <see cref="ViaEdge"/> is the edge id used to reach it (null at the root).</summary>
public sealed record TreeNode(int Node, int? ViaEdge, IReadOnlyList<TreeNode> Children);

/// <summary>Causes and uses trees, as Vensim draws them.</summary>
public static class CausalTrees
{
    public static TreeNode Causes(SignedDigraph graph, int node, int depth = 2) => throw new NotImplementedException();

    public static TreeNode Uses(SignedDigraph graph, int node, int depth = 2) => throw new NotImplementedException();
}
