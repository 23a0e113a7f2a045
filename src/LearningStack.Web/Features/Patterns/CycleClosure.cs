using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Patterns;

/// <summary>Keeps the closure table of the cycle tree (<see cref="CycleDescendant"/>) true to the vertical links. Whenever a
/// save adds or removes vertical links, the ancestors above the changed links have their descendants worked out again from the
/// network's links (breadth first, shortest depth, every cycle visited once — so diamonds count once and a loop in the links
/// cannot run forever) and the difference is written in the same save. <see cref="RebuildAsync"/> starts a network afresh.</summary>
public static class CycleClosure
{
    /// <summary>The cycles above <paramref name="starts"/> (following links upwards), the starts included.</summary>
    public static HashSet<Guid> AncestorsOf(IEnumerable<(Guid From, Guid To)> edges, IEnumerable<Guid> starts)
    {
        var above = edges.ToLookup(e => e.From, e => e.To);
        var seen = new HashSet<Guid>(starts);
        var queue = new Queue<Guid>(seen);
        while (queue.TryDequeue(out var current))
        {
            foreach (var larger in above[current])
            {
                if (seen.Add(larger))
                {
                    queue.Enqueue(larger);
                }
            }
        }
        return seen;
    }

    /// <summary>For each of <paramref name="ancestors"/>: every cycle below it with the fewest steps down. A cycle is never its
    /// own descendant, even when the links loop back.</summary>
    public static Dictionary<(Guid Ancestor, Guid Descendant), int> Descendants(IEnumerable<(Guid From, Guid To)> edges, IEnumerable<Guid> ancestors)
    {
        var below = edges.ToLookup(e => e.To, e => e.From);
        var result = new Dictionary<(Guid, Guid), int>();
        foreach (var ancestor in ancestors.Distinct())
        {
            var seen = new HashSet<Guid> { ancestor };
            var level = new List<Guid> { ancestor };
            for (var depth = 1; level.Count > 0; depth++)
            {
                var next = new List<Guid>();
                foreach (var smaller in level.SelectMany(c => below[c]))
                {
                    if (seen.Add(smaller))
                    {
                        result[(ancestor, smaller)] = depth;
                        next.Add(smaller);
                    }
                }
                level = next;
            }
        }
        return result;
    }

    /// <summary>Writes one network's closure table afresh from its vertical links.</summary>
    public static async Task<int> RebuildAsync(AppDbContext db, Guid networkId, CancellationToken ct = default)
    {
        var edges = await VerticalEdgesAsync(db, networkId, ct);
        var wanted = Descendants(edges, edges.Select(e => e.To));
        await db.CycleDescendants.Where(d => d.NetworkId == networkId).ExecuteDeleteAsync(ct);
        db.CycleDescendants.AddRange(wanted.Select(w => new CycleDescendant { NetworkId = networkId, AncestorId = w.Key.Ancestor, DescendantId = w.Key.Descendant, Depth = w.Value }));
        await db.SaveChangesAsync(ct);
        return wanted.Count;
    }

    /// <summary>Rebuilds every network's closure table (after a bulk import that bypassed the change tracker).</summary>
    public static async Task<int> RebuildAllAsync(AppDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        foreach (var networkId in await db.Networks.AsNoTracking().Select(n => n.Id).ToListAsync(ct))
        {
            total += await RebuildAsync(db, networkId, ct);
            db.ChangeTracker.Clear();
        }
        return total;
    }

    /// <summary>Adds to the pending save the closure rows that the pending link changes call for.</summary>
    internal static async Task ApplyPendingAsync(AppDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<CycleLink>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted && e.Entity.Direction == LinkDirection.Vertical)
            .Select(e => (e.State, e.Entity.NetworkId, Edge: (e.Entity.FromCycleId, e.Entity.ToCycleId)))
            .ToList();
        foreach (var network in changed.GroupBy(c => c.NetworkId))
        {
            var stored = await VerticalEdgesAsync(db, network.Key, ct);
            var removed = network.Where(c => c.State == EntityState.Deleted).Select(c => c.Edge).ToHashSet();
            var now = stored.Where(e => !removed.Contains(e)).Concat(network.Where(c => c.State == EntityState.Added).Select(c => c.Edge)).Distinct().ToList();
            var affected = AncestorsOf(stored.Concat(now), network.Select(c => c.Edge.ToCycleId)).ToList();
            var wanted = Descendants(now, affected);
            var existing = await db.CycleDescendants.Where(d => affected.Contains(d.AncestorId)).ToListAsync(ct);
            foreach (var row in existing)
            {
                if (!wanted.Remove((row.AncestorId, row.DescendantId), out var depth))
                {
                    db.CycleDescendants.Remove(row);
                }
                else if (row.Depth != depth)
                {
                    db.Entry(row).Property(r => r.Depth).CurrentValue = depth;
                }
            }
            db.CycleDescendants.AddRange(wanted.Select(w => new CycleDescendant { NetworkId = network.Key, AncestorId = w.Key.Ancestor, DescendantId = w.Key.Descendant, Depth = w.Value }));
        }
    }

    private static async Task<List<(Guid From, Guid To)>> VerticalEdgesAsync(AppDbContext db, Guid networkId, CancellationToken ct) =>
        (await db.CycleLinks.AsNoTracking().Where(l => l.NetworkId == networkId && l.Direction == LinkDirection.Vertical)
            .Select(l => new { l.FromCycleId, l.ToCycleId }).ToListAsync(ct))
        .Select(l => (l.FromCycleId, l.ToCycleId)).ToList();
}
