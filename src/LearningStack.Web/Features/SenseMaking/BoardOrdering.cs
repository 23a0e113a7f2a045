namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Places cards (and themes) in order with gaps between their positions, so moving one card changes only that card; when
/// there is no room left between two neighbours, the column is numbered afresh.</summary>
public static class BoardOrdering
{
    public const int Gap = 1024;

    /// <summary>The position for an item put at <paramref name="index"/> among the others (their positions in order), or null when
    /// its neighbours leave no room and the column must be renumbered.</summary>
    public static int? Between(IReadOnlyList<int> others, int index)
    {
        if (others.Count == 0)
        {
            return 0;
        }
        index = Math.Clamp(index, 0, others.Count);
        if (index == others.Count)
        {
            return others[^1] + Gap;
        }
        if (index == 0)
        {
            return others[0] - Gap;
        }
        var (before, after) = (others[index - 1], others[index]);
        return after - before < 2 ? null : before + ((after - before) / 2);
    }

    /// <summary>Positions for the whole column afresh: the others in order with the moved item at <paramref name="index"/>.</summary>
    public static IReadOnlyList<T> Insert<T>(IReadOnlyList<T> others, int index, T item)
    {
        var list = others.ToList();
        list.Insert(Math.Clamp(index, 0, list.Count), item);
        return list;
    }

    public static int Renumbered(int index) => index * Gap;
}
