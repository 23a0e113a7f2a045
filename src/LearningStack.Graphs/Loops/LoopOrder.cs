namespace LearningStack.Graphs.Loops;

/// <summary>Shortest first, then by node ids, then by edge ids (each compared lexicographically).</summary>
internal sealed class LoopOrder : IComparer<Loop>
{
    public static readonly LoopOrder Instance = new();

    public int Compare(Loop? x, Loop? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.Length.CompareTo(y.Length);
        for (var i = 0; c == 0 && i < x.Length; i++)
        {
            c = x.Nodes[i].CompareTo(y.Nodes[i]);
        }

        for (var i = 0; c == 0 && i < x.Length; i++)
        {
            c = x.EdgeIds[i].CompareTo(y.EdgeIds[i]);
        }

        return c;
    }
}
