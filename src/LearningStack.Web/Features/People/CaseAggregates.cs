using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.People;

/// <summary>How people's measures moved between their first and latest reading, for one dimension, across the files counted.
/// Null figures mean the group was too small to show.</summary>
public sealed record DimensionAggregate(string Dimension, int? People, int? Higher, int? Same, int? Lower, bool Suppressed);

/// <summary>What a larger scale may see of the person scale below it: counts only, from files whose person agreed to be counted,
/// never a name, a reference or a word of free text, and no group smaller than <see cref="CaseAggregates.MinimumGroup"/>.</summary>
public sealed record PersonScaleAggregate(Guid CycleId, bool IsPersonScale, int PersonCycles, int? FilesCounted, int FilesNotCounted, IReadOnlyList<DimensionAggregate> Dimensions)
{
    public bool HasPersonScale => PersonCycles > 0;
}

/// <summary>Pseudonymised aggregates of the case files in the person-scale cycles below a cycle (following vertical links down,
/// however many steps). Consent is read at the moment of asking, so a withdrawal counts at once.</summary>
public sealed class CaseAggregates(AppDbContext db, NetworkAccess network)
{
    /// <summary>Groups smaller than this are never shown.</summary>
    public const int MinimumGroup = 5;

    public async Task<Outcome<PersonScaleAggregate>> ForCycleAsync(Guid cycleId, CancellationToken ct = default)
    {
        var networkId = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => (Guid?)c.NetworkId).FirstOrDefaultAsync(ct);
        if (networkId is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(networkId.Value, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var links = await db.CycleLinks.AsNoTracking().Where(l => l.NetworkId == networkId && l.Direction == LinkDirection.Vertical)
            .Select(l => new { l.FromCycleId, l.ToCycleId }).ToListAsync(ct);
        var below = new HashSet<Guid> { cycleId };
        var queue = new Queue<Guid>([cycleId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var smaller in links.Where(l => l.ToCycleId == current).Select(l => l.FromCycleId))
            {
                if (below.Add(smaller))
                {
                    queue.Enqueue(smaller);
                }
            }
        }
        var personCycles = await db.Cycles.AsNoTracking().Where(c => below.Contains(c.Id) && c.Scale!.Kind == ScaleKind.Person).Select(c => c.Id).ToListAsync(ct);
        var files = await db.CaseFiles.AsNoTracking().Where(c => personCycles.Contains(c.CycleId) && c.ErasedAt == null).Select(c => c.Id).ToListAsync(ct);
        var decisions = await db.CaseConsents.AsNoTracking()
            .Where(c => files.Contains(c.CaseFileId) && c.Purpose == ConsentPurpose.Aggregates)
            .Select(c => new { c.CaseFileId, c.Given, c.RecordedAt, c.Id }).ToListAsync(ct);
        var counted = decisions.GroupBy(d => d.CaseFileId)
            .Where(g => g.OrderByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id).First().Given)
            .Select(g => g.Key).ToHashSet();
        var readings = await db.MeasureReadings.AsNoTracking().Where(r => counted.Contains(r.CaseFileId))
            .Join(db.PersonMeasures, r => r.MeasureId, m => m.Id, (r, m) => new { r.CaseFileId, m.Name, m.Low, m.High, r.On, r.RecordedAt, r.Value })
            .ToListAsync(ct);
        var dimensions = readings
            .GroupBy(r => r.Name.Trim().ToUpperInvariant())
            .Select(g =>
            {
                var moves = g.GroupBy(r => r.CaseFileId).Select(person =>
                {
                    var ordered = person.OrderBy(r => r.On).ThenBy(r => r.RecordedAt).ToList();
                    return Math.Sign(ordered[^1].Value - ordered[0].Value);
                }).ToList();
                var name = g.GroupBy(r => r.Name.Trim()).OrderByDescending(n => n.Count()).First().Key;
                return moves.Count < MinimumGroup
                    ? new DimensionAggregate(name, null, null, null, null, true)
                    : new DimensionAggregate(name, moves.Count, moves.Count(m => m > 0), moves.Count(m => m == 0), moves.Count(m => m < 0), false);
            })
            .OrderBy(d => d.Suppressed).ThenBy(d => d.Dimension, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new PersonScaleAggregate(cycleId, personCycles.Contains(cycleId), personCycles.Count, counted.Count < MinimumGroup ? null : counted.Count, files.Count - counted.Count, dimensions);
    }
}
