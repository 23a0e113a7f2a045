using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Influence;

/// <summary>The embedding register: what a cycle's learning turned into business as usual. Recording one retires the countermeasures
/// it makes unnecessary (they become the new normal) in the same save.</summary>
public sealed class EmbeddingCommands(AppDbContext db, MapScope scope, NetworkAccess access, TimeProvider clock)
{
    public async Task<Outcome<EmbeddingRegisterView>> RegisterAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var embeddings = await ViewsAsync(db.Embeddings.Where(e => e.CycleId == cycleId), ct);
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.CycleId == cycleId).OrderByDescending(e => e.CreatedAt)
            .Select(e => new EvidenceRef(e.Id, e.Title)).ToListAsync(ct);
        var sessions = await db.SenseMakingSessions.AsNoTracking().Where(s => s.CycleId == cycleId).OrderByDescending(s => s.StartsAt)
            .Select(s => new EvidenceRef(s.Id, s.Title)).ToListAsync(ct);
        var active = await CountermeasureRefs(db.Countermeasures.Where(c => c.CycleId == cycleId && c.Status == CountermeasureStatus.Active)).ToListAsync(ct);
        return new EmbeddingRegisterView(new CycleScopeRef(cycle.CycleId, cycle.NetworkId, cycle.CycleName, cycle.NetworkName, cycle.CanEdit),
            embeddings, experiments, sessions, active);
    }

    public async Task<Outcome<List<EmbeddingView>>> ListAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        return cycle is null ? denied! : await ViewsAsync(db.Embeddings.Where(e => e.CycleId == cycleId), ct);
    }

    public async Task<Outcome<EmbeddingView>> GetAsync(Guid embeddingId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.Embeddings.Where(e => e.Id == embeddingId).Select(e => e.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return (await ViewsAsync(db.Embeddings.Where(e => e.Id == embeddingId), ct))[0];
    }

    public async Task<Outcome<EmbeddingView>> CreateAsync(Guid cycleId, EmbeddingInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var embedding = new Embedding { What = "", NetworkId = cycle.NetworkId, CycleId = cycleId, RecordedByUserId = access.UserId, CreatedAt = clock.GetUtcNow() };
        if (await ApplyAsync(embedding, input, ct) is { } wrong)
        {
            return wrong;
        }
        db.Embeddings.Add(embedding);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return new Failure(OutcomeStatus.Conflict, Message: "One of the countermeasures was changed by someone else just now. Nothing was saved: reload and try again.");
        }
        return await GetAsync(embedding.Id, ct);
    }

    public async Task<Outcome<EmbeddingView>> UpdateAsync(Guid embeddingId, EmbeddingInput input, CancellationToken ct = default)
    {
        var embedding = await db.Embeddings.FirstOrDefaultAsync(e => e.Id == embeddingId, ct);
        if (embedding is null)
        {
            return Failure.NotFound;
        }
        if (await access.RequireAsync(embedding.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, embedding, input.Version) is { } stale)
        {
            return stale;
        }
        if (await ApplyAsync(embedding, input, ct) is { } wrong)
        {
            return wrong;
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await GetAsync(embeddingId, ct);
    }

    /// <summary>Checks every rule (all errors at once) and applies the input, retiring newly listed countermeasures and giving back
    /// those taken off the list.</summary>
    private async Task<Failure?> ApplyAsync(Embedding embedding, EmbeddingInput input, CancellationToken ct)
    {
        var cycleId = embedding.CycleId;
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(input.Kind!.Value))
        {
            errors["kind"] = ["Choose Process, Infrastructure, Culture or Policy."];
        }
        await InfluenceCommands.CheckOwnAsync(db.Experiments.Where(e => e.CycleId == cycleId).Select(e => e.Id), input.ExperimentIds, "experimentIds",
            "Choose only this cycle's experiments.", errors, ct);
        await InfluenceCommands.CheckOwnAsync(db.SenseMakingSessions.Where(s => s.CycleId == cycleId).Select(s => s.Id), input.SessionIds, "sessionIds",
            "Choose only this cycle's sessions.", errors, ct);
        var wanted = input.RetiredCountermeasureIds.Distinct().ToList();
        var previously = embedding.RetiredCountermeasureIds.ToHashSet();
        var touched = wanted.Union(previously).ToList();
        var countermeasures = touched.Count == 0 ? [] : await db.Countermeasures.Where(c => touched.Contains(c.Id) && c.CycleId == cycleId).ToListAsync(ct);
        var newlyRetired = countermeasures.Where(c => wanted.Contains(c.Id) && !previously.Contains(c.Id)).ToList();
        if (wanted.Any(id => countermeasures.All(c => c.Id != id)))
        {
            errors["retiredCountermeasureIds"] = ["Choose only this cycle's countermeasures."];
        }
        else if (newlyRetired.FirstOrDefault(c => c.Status != CountermeasureStatus.Active) is { } ended)
        {
            errors["retiredCountermeasureIds"] = [$"The countermeasure '{ended.Rule}' is no longer active. Choose only active countermeasures."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        embedding.What = input.What!.Trim();
        embedding.Kind = input.Kind!.Value;
        embedding.Replaced = MapText.Clean(input.Replaced);
        embedding.EmbeddedOn = input.EmbeddedOn!.Value;
        embedding.ExperimentIds = [.. input.ExperimentIds.Distinct()];
        embedding.SessionIds = [.. input.SessionIds.Distinct()];
        embedding.RetiredCountermeasureIds = wanted;
        var why = RouteCommands.Shorten($"Became business as usual: {embedding.What}", 2000);
        foreach (var c in countermeasures.Where(c => wanted.Contains(c.Id)))
        {
            if (c.Status == CountermeasureStatus.Active || (previously.Contains(c.Id) && c.Status == CountermeasureStatus.NewNormal))
            {
                (c.Status, c.EndedOn, c.WhyEnded) = (CountermeasureStatus.NewNormal, embedding.EmbeddedOn, why);
            }
        }
        foreach (var c in countermeasures.Where(c => !wanted.Contains(c.Id) && previously.Contains(c.Id) && c.Status == CountermeasureStatus.NewNormal))
        {
            // Taken off the list: it is active again.
            (c.Status, c.EndedOn, c.WhyEnded) = (CountermeasureStatus.Active, null, null);
        }
        return null;
    }

    private IQueryable<CountermeasureRef> CountermeasureRefs(IQueryable<Countermeasure> query) =>
        query.AsNoTracking().OrderBy(c => c.From)
            .Join(db.Experiments, c => c.ExperimentId, e => e.Id, (c, e) => new CountermeasureRef(c.Id, c.Rule, c.Instead, e.Title));

    internal async Task<List<EmbeddingView>> ViewsAsync(IQueryable<Embedding> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderByDescending(e => e.EmbeddedOn).ThenByDescending(e => e.CreatedAt).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var experimentIds = rows.SelectMany(r => r.ExperimentIds).Distinct().ToList();
        var experiments = await db.Experiments.AsNoTracking().Where(e => experimentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        var sessionIds = rows.SelectMany(r => r.SessionIds).Distinct().ToList();
        var sessions = await db.SenseMakingSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var retiredIds = rows.SelectMany(r => r.RetiredCountermeasureIds).Distinct().ToList();
        var retired = (await CountermeasureRefs(db.Countermeasures.Where(c => retiredIds.Contains(c.Id))).ToListAsync(ct)).ToDictionary(c => c.Id);
        var userIds = rows.Select(r => r.RecordedByUserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? u.Id, ct);
        return [.. rows.Select(r => new EmbeddingView(r.Id, r.NetworkId, r.CycleId, r.What, r.Kind, r.Replaced, r.EmbeddedOn,
            [.. r.ExperimentIds.Where(experiments.ContainsKey).Select(id => new EvidenceRef(id, experiments[id]))],
            [.. r.SessionIds.Where(sessions.ContainsKey).Select(id => new EvidenceRef(id, sessions[id]))],
            [.. r.RetiredCountermeasureIds.Where(retired.ContainsKey).Select(id => retired[id])],
            r.RecordedByUserId is { } u ? users.GetValueOrDefault(u) : null, r.Version))];
    }
}
