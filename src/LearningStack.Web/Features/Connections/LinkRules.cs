namespace LearningStack.Web.Features.Connections;

/// <summary>One end of a proposed link: the cycle and the position of its scale (0 = smallest).</summary>
public readonly record struct LinkEnd(Guid CycleId, Guid NetworkId, int ScalePosition);

/// <summary>A link that passed the rules, with its ends put in order (smaller scale first for vertical links).</summary>
public readonly record struct CheckedLink(LinkDirection Direction, Guid FromCycleId, Guid ToCycleId);

/// <summary>The rules for connecting two cycles.</summary>
public static class LinkRules
{
    /// <summary>Checks a proposed link. Returns the error message, or the link with its direction and order.</summary>
    public static (CheckedLink? Link, string? Error) Check(LinkEnd a, LinkEnd b, IEnumerable<(Guid From, Guid To)> existing)
    {
        if (a.CycleId == b.CycleId)
        {
            return (null, "A cycle cannot be linked to itself. Choose a different cycle to connect with.");
        }
        if (a.NetworkId != b.NetworkId)
        {
            return (null, "Both cycles must belong to the same network.");
        }
        var gap = Math.Abs(a.ScalePosition - b.ScalePosition);
        if (gap > 1)
        {
            return (null, $"These cycles are {gap} scales apart. A vertical link joins adjacent scales only, so learning passes through each scale in between — connect via a cycle at the scale between them.");
        }
        if (existing.Any(e => (e.From == a.CycleId && e.To == b.CycleId) || (e.From == b.CycleId && e.To == a.CycleId)))
        {
            return (null, "These two cycles are already linked. Edit the existing link instead.");
        }
        if (gap == 0)
        {
            return (new CheckedLink(LinkDirection.Horizontal, a.CycleId, b.CycleId), null);
        }
        var (smaller, larger) = a.ScalePosition < b.ScalePosition ? (a, b) : (b, a);
        return (new CheckedLink(LinkDirection.Vertical, smaller.CycleId, larger.CycleId), null);
    }
}
