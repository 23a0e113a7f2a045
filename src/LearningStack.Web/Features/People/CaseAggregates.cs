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

    /// <summary>The case files in <paramref name="cycleIds"/> that may be counted: not erased, and the person's latest decision
    /// about aggregates is "given" (<see cref="CaseFile.Counted"/>, written with each decision, so a withdrawal counts at once).
    /// A query, for use inside larger queries that count in the database.</summary>
    public static IQueryable<CaseFile> CountedFiles(AppDbContext db, IQueryable<Guid> cycleIds) =>
        db.CaseFiles.Where(f => cycleIds.Contains(f.CycleId) && f.ErasedAt == null && f.Counted);

    /// <summary>Sets <see cref="CaseFile.Counted"/> of the files in <paramref name="files"/> from their latest recorded decision
    /// about aggregates (none recorded: not counted). Reads the decision inside the statement, so two decisions saved at the
    /// same moment still leave the flag matching the latest. A bulk statement: the file's version and history are untouched,
    /// since the consent row is the record.</summary>
    public static Task<int> RefreshCountedAsync(AppDbContext db, IQueryable<CaseFile> files, CancellationToken ct = default) =>
        files.ExecuteUpdateAsync(u => u.SetProperty(f => f.Counted, f => f.ErasedAt == null &&
            db.CaseConsents.Where(c => c.CaseFileId == f.Id && c.Purpose == ConsentPurpose.Aggregates)
                .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => c.Given).FirstOrDefault()), ct);

    /// <summary>A count as it may be shown: null when the group is smaller than <see cref="MinimumGroup"/>.</summary>
    public static int? Shown(int count) => count < MinimumGroup ? null : count;

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
        var below = db.CycleDescendants.Where(d => d.AncestorId == cycleId).Select(d => d.DescendantId);
        var personCycles = await db.Cycles.AsNoTracking().Where(c => (c.Id == cycleId || below.Contains(c.Id)) && c.Scale!.Kind == ScaleKind.Person)
            .Select(c => c.Id).ToListAsync(ct);
        var filesTotal = await db.CaseFiles.CountAsync(c => personCycles.Contains(c.CycleId) && c.ErasedAt == null, ct);
        var counted = (await CountedFiles(db, db.Cycles.Where(c => personCycles.Contains(c.Id)).Select(c => c.Id)).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
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
        return new PersonScaleAggregate(cycleId, personCycles.Contains(cycleId), personCycles.Count, counted.Count < MinimumGroup ? null : counted.Count, filesTotal - counted.Count, dimensions);
    }
}
