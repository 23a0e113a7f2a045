using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Reads what the alarm rules look at for a whole network in a fixed number of queries, however many cycles it has.
/// Only counts and dates leave the person scale: no case file, evidence text or name of a person is read.</summary>
public static class AlarmFactsQuery
{
    public static async Task<AlarmFacts> LoadAsync(AppDbContext db, Guid networkId, CancellationToken ct)
    {
        var smallest = await db.Scales.AsNoTracking().Where(s => s.NetworkId == networkId).MinAsync(s => (int?)s.Position, ct);
        var cycles = await db.Cycles.AsNoTracking().Where(c => c.NetworkId == networkId && c.ArchivedAt == null)
            .Select(c => new
            {
                c.Id, c.Name, c.CreatedAt, HasBoundary = c.Boundary != null && c.Boundary != "", c.Scale!.Position,
                Statuses = c.Stages.Select(s => s.Status).ToList(),
            })
            .ToListAsync(ct);
        var reviews = await db.BoundaryReviews.AsNoTracking().Where(b => b.NetworkId == networkId)
            .GroupBy(b => b.CycleId).Select(g => new { CycleId = g.Key, At = g.Max(b => b.ReviewedAt) }).ToDictionaryAsync(x => x.CycleId, x => x.At, ct);
        var stagesChanged = await db.History.AsNoTracking().Where(h => h.NetworkId == networkId && h.EntityType == nameof(CycleStage) && h.CycleId != null)
            .GroupBy(h => h.CycleId!.Value).Select(g => new { CycleId = g.Key, At = g.Max(h => h.At) }).ToDictionaryAsync(x => x.CycleId, x => x.At, ct);
        var grounded = (await db.CycleLinks.AsNoTracking().Where(l => l.NetworkId == networkId && l.Direction == LinkDirection.Vertical)
            .Select(l => l.ToCycleId).Distinct().ToListAsync(ct)).ToHashSet();

        var countermeasures = await db.Countermeasures.AsNoTracking().Where(c => c.NetworkId == networkId && c.Status == CountermeasureStatus.Active)
            .Join(db.Experiments, c => c.ExperimentId, e => e.Id, (c, e) => new AlarmCountermeasureFact(c.Id, c.CycleId, c.ExperimentId, e.Title, c.Rule, c.Status,
                c.ReviewOn, e.State, e.ConcludedAt))
            .ToListAsync(ct);

        var experiments = await db.Experiments.AsNoTracking().Where(e => e.NetworkId == networkId)
            .Select(e => new { e.Id, e.CycleId, e.Title, e.State, e.Decision, e.CreatedAt, e.StartsOn, e.ConcludedAt, e.ReflectionEveryDays })
            .ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(v => v.NetworkId == networkId && v.DeletedAt == null)
            .GroupBy(v => v.ExperimentId).Select(g => new { ExperimentId = g.Key, At = g.Max(v => v.CreatedAt) }).ToDictionaryAsync(x => x.ExperimentId, x => x.At, ct);
        var reflections = await db.PodReflections.AsNoTracking().Where(r => r.NetworkId == networkId && r.ExperimentId != null)
            .GroupBy(r => r.ExperimentId!.Value)
            .Select(g => new { ExperimentId = g.Key, At = g.Max(r => r.CreatedAt), WentWrong = g.Any(r => r.WentWrong != null && r.WentWrong != "") })
            .ToDictionaryAsync(x => x.ExperimentId, ct);

        var sessions = await db.SenseMakingSessions.AsNoTracking().Where(s => s.NetworkId == networkId && s.State != SessionState.Planned)
            .Select(s => new AlarmSessionFact(s.Id, s.CycleId, s.Title, s.StartsAt,
                db.SessionParticipants.Any(p => p.SessionId == s.Id && p.Voice == Voice.PersonServed)))
            .ToListAsync(ct);

        var routes = await db.IssueRoutes.AsNoTracking().Where(r => r.NetworkId == networkId && r.Status == RouteStatus.Waiting)
            .Join(db.Issues, r => r.IssueId, i => i.Id, (r, i) => new { r, i.Number })
            .Join(db.Cycles, x => x.r.FromCycleId, c => c.Id, (x, c) => new AlarmRouteFact(x.r.Id, x.r.ToCycleId, x.Number, c.Name, x.r.RoutedAt))
            .ToListAsync(ct);

        return new AlarmFacts(
            [.. cycles.Select(c => new AlarmCycleFact(c.Id, c.Name, c.Position == smallest, c.CreatedAt, c.HasBoundary, reviews.TryGetValue(c.Id, out var r) ? r : null,
                c.Statuses, stagesChanged.TryGetValue(c.Id, out var s) ? s : null, grounded.Contains(c.Id)))],
            countermeasures,
            [.. experiments.Select(e =>
            {
                var created = DateOnly.FromDateTime(e.CreatedAt.UtcDateTime);
                var reflected = reflections.GetValueOrDefault(e.Id);
                return new AlarmExperimentFact(e.Id, e.CycleId, e.Title, e.State, e.Decision, e.CreatedAt, e.StartsOn ?? created, e.ConcludedAt, e.ReflectionEveryDays,
                    evidence.TryGetValue(e.Id, out var v) ? DateOnly.FromDateTime(v.UtcDateTime) : null,
                    reflected is null ? null : DateOnly.FromDateTime(reflected.At.UtcDateTime), reflected?.WentWrong ?? false);
            })],
            sessions,
            routes);
    }
}
