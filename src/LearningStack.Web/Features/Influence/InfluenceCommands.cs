using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Influence;

/// <summary>Learning handed from one cycle to connected cycles, for them to use in their own learning, and their responses.</summary>
public sealed class InfluenceCommands(AppDbContext db, MapScope scope, NetworkAccess access, RouteCommands routes, TimeProvider clock)
{
    public async Task<Outcome<List<InfluenceView>>> FromCycleAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        return await ViewsAsync(db.InfluenceRecords.Where(r => r.FromCycleId == cycleId), ct);
    }

    public async Task<Outcome<InfluenceView>> GetAsync(Guid influenceId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.InfluenceRecords.Where(r => r.Id == influenceId).Select(r => r.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return (await ViewsAsync(db.InfluenceRecords.Where(r => r.Id == influenceId), ct))[0];
    }

    /// <summary>What this cycle can link as evidence, and the cycles it can hand learning to (connected ones first).</summary>
    public async Task<Outcome<EvidenceChoices>> ChoicesAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.CycleId == cycleId).OrderByDescending(e => e.CreatedAt)
            .Select(e => new EvidenceRef(e.Id, e.Title)).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.CycleId == cycleId).OrderByDescending(e => e.OccurredOn).Take(100)
            .Select(e => new { e.Id, e.Title, e.Kind, e.OccurredOn, e.CaseFileId }).ToListAsync(ct);
        var sessions = await db.SenseMakingSessions.AsNoTracking().Where(s => s.CycleId == cycleId).OrderByDescending(s => s.StartsAt)
            .Select(s => new EvidenceRef(s.Id, s.Title)).ToListAsync(ct);
        var links = await routes.LinksOfAsync(cycleId, ct);
        var cycles = await db.Cycles.AsNoTracking().Where(c => c.NetworkId == cycle.NetworkId && c.ArchivedAt == null && c.Id != cycleId)
            .Select(c => new { c.Id, c.Name, ScaleName = c.Scale!.Name }).ToListAsync(ct);
        return new EvidenceChoices(experiments,
            [.. evidence.Select(e => new EvidenceRef(e.Id, EvidenceName(e.Title, e.Kind, e.OccurredOn, e.CaseFileId)))], sessions,
            [.. cycles.Select(c => new RouteOption(c.Id, c.Name, c.ScaleName, RoutingRules.Connected(cycleId, c.Id, links), false, false))
                .OrderByDescending(o => o.Connected).ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>Hands learning to one or more connected cycles. Any member of the network may.</summary>
    public async Task<Outcome<InfluenceView>> CreateAsync(Guid cycleId, InfluenceInput input, CancellationToken ct = default)
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
        var errors = new Dictionary<string, string[]>();
        var toIds = input.ToCycleIds.Distinct().ToList();
        if (toIds.Count == 0)
        {
            errors["toCycleIds"] = ["Choose at least one connected cycle to hand this learning to."];
        }
        else
        {
            var targets = await db.Cycles.AsNoTracking().Where(c => toIds.Contains(c.Id))
                .Select(c => new RouteTarget(c.Id, c.NetworkId, c.Name, c.ArchivedAt != null)).ToListAsync(ct);
            var links = await routes.LinksOfAsync(cycleId, ct);
            var messages = toIds.Select(id => RoutingRules.CheckTarget(cycleId, cycle.NetworkId, cycle.CycleName,
                    targets.FirstOrDefault(t => t.CycleId == id) is { CycleId: var found } t && found != Guid.Empty ? t : null, links, "toCycleIds"))
                .OfType<RouteRefusal>().Select(r => r.Message).Distinct().ToArray();
            if (messages.Length > 0)
            {
                errors["toCycleIds"] = messages;
            }
        }
        await CheckOwnAsync(db.Experiments.Where(e => e.CycleId == cycleId).Select(e => e.Id), input.ExperimentIds, "experimentIds",
            "Link only this cycle's experiments.", errors, ct);
        await CheckOwnAsync(db.Evidence.Where(e => e.CycleId == cycleId).Select(e => e.Id), input.EvidenceIds, "evidenceIds",
            "Link only this cycle's evidence.", errors, ct);
        await CheckOwnAsync(db.SenseMakingSessions.Where(s => s.CycleId == cycleId).Select(s => s.Id), input.SessionIds, "sessionIds",
            "Link only this cycle's sessions.", errors, ct);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var record = new InfluenceRecord
        {
            NetworkId = cycle.NetworkId, FromCycleId = cycleId, Title = input.Title!.Trim(), Learning = input.Learning!.Trim(),
            ExperimentIds = [.. input.ExperimentIds.Distinct()], EvidenceIds = [.. input.EvidenceIds.Distinct()], SessionIds = [.. input.SessionIds.Distinct()],
            SharedByUserId = access.UserId, SharedAt = clock.GetUtcNow(),
        };
        db.InfluenceRecords.Add(record);
        foreach (var toId in toIds)
        {
            db.InfluenceRecipients.Add(new InfluenceRecipient
            {
                NetworkId = cycle.NetworkId, InfluenceId = record.Id, FromCycleId = cycleId, ToCycleId = toId, Response = InfluenceResponse.Pending,
            });
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(record.Id, ct);
    }

    /// <summary>A receiving cycle says what it did with the learning. Any member of the network may answer for a receiving cycle.</summary>
    public async Task<Outcome<RecipientView>> RespondAsync(Guid recipientId, InfluenceResponseInput input, CancellationToken ct = default)
    {
        var recipient = await db.InfluenceRecipients.FirstOrDefaultAsync(r => r.Id == recipientId, ct);
        if (recipient is null)
        {
            return Failure.NotFound;
        }
        if (await access.RequireAsync(recipient.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (input.Response is not { } response || response == InfluenceResponse.Pending || !Enum.IsDefined(response))
        {
            return Failure.Invalid("response", "Choose Used, Adapted or NotRelevant.");
        }
        if (Concurrency.Check(db, recipient, input.Version) is { } stale)
        {
            return stale;
        }
        recipient.Response = response;
        recipient.ResponseNote = MapText.Clean(input.Note);
        recipient.RespondedByUserId = access.UserId;
        recipient.RespondedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await RecipientViewsAsync(db.InfluenceRecipients.Where(r => r.Id == recipientId), ct))[0];
    }

    internal async Task<List<RecipientView>> RecipientViewsAsync(IQueryable<InfluenceRecipient> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Join(db.Cycles, r => r.ToCycleId, c => c.Id, (r, c) => new { R = r, c.Name })
            .GroupJoin(db.Users, x => x.R.RespondedByUserId, u => u.Id, (x, us) => new { x.R, x.Name, Users = us })
            .SelectMany(x => x.Users.DefaultIfEmpty(), (x, u) => new { x.R, x.Name, By = u == null ? null : u.DisplayName ?? u.UserName })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name).Select(r => new RecipientView(r.R.Id, r.R.InfluenceId, r.R.ToCycleId, r.Name, r.R.Response, r.R.ResponseNote, r.By, r.R.RespondedAt, r.R.Version))];
    }

    internal async Task<List<InfluenceView>> ViewsAsync(IQueryable<InfluenceRecord> query, CancellationToken ct)
    {
        var records = await query.AsNoTracking().OrderByDescending(r => r.SharedAt).ToListAsync(ct);
        if (records.Count == 0)
        {
            return [];
        }
        var ids = records.Select(r => r.Id).ToList();
        var recipients = await RecipientViewsAsync(db.InfluenceRecipients.Where(r => ids.Contains(r.InfluenceId)), ct);
        var cycleIds = records.Select(r => r.FromCycleId).Distinct().ToList();
        var cycles = await db.Cycles.AsNoTracking().Where(c => cycleIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var userIds = records.Select(r => r.SharedByUserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? u.Id, ct);
        var experimentIds = records.SelectMany(r => r.ExperimentIds).Distinct().ToList();
        var experiments = await db.Experiments.AsNoTracking().Where(e => experimentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        var evidenceIds = records.SelectMany(r => r.EvidenceIds).Distinct().ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => evidenceIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.Kind, e.OccurredOn, e.CaseFileId }).ToDictionaryAsync(e => e.Id, e => EvidenceName(e.Title, e.Kind, e.OccurredOn, e.CaseFileId), ct);
        var sessionIds = records.SelectMany(r => r.SessionIds).Distinct().ToList();
        var sessions = await db.SenseMakingSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        static List<EvidenceRef> Refs(IEnumerable<Guid> ids, Dictionary<Guid, string> titles) =>
            [.. ids.Where(titles.ContainsKey).Select(id => new EvidenceRef(id, titles[id]))];
        return [.. records.Select(r => new InfluenceView(r.Id, r.NetworkId, r.FromCycleId, cycles.GetValueOrDefault(r.FromCycleId, "?"), r.Title, r.Learning,
            r.SharedByUserId is { } u ? users.GetValueOrDefault(u) : null, r.SharedAt, Refs(r.ExperimentIds, experiments), Refs(r.EvidenceIds, evidence),
            Refs(r.SessionIds, sessions), [.. recipients.Where(x => x.InfluenceId == r.Id)], r.Version))];
    }

    /// <summary>How evidence is named in influence records, which travel to other cycles: an entry linked to a person's case file by
    /// its kind and date only.</summary>
    private static string EvidenceName(string? title, Experiments.EvidenceKind kind, DateOnly on, Guid? caseFileId) =>
        caseFileId is not null ? Experiments.EvidenceText.Neutral(kind, on) : title ?? $"{kind} of {on:d MMM yyyy}";

    internal static async Task CheckOwnAsync(IQueryable<Guid> own, List<Guid> chosen, string field, string message, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (chosen.Count == 0)
        {
            return;
        }
        var wanted = chosen.Distinct().ToList();
        var found = await own.Where(id => wanted.Contains(id)).CountAsync(ct);
        if (found != wanted.Count)
        {
            errors[field] = [message];
        }
    }
}
