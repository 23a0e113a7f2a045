using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Sense-making sessions: planning (when, where, who facilitates), participants and the voices they bring, the materials
/// under review, the state (planned, live, ended) and the record. Every rule is here, for pages and the API alike.</summary>
public sealed class SessionCommands(AppDbContext db, MapScope scope, TimeProvider clock)
{
    public const int PageSize = 25;
    private static readonly string[] MapKinds = ["actors", "factors", "process"];

    // ---- Reading ----------------------------------------------------------------------------------------------------

    /// <summary>A cycle's sessions, newest first, a page at a time (page 1 is the first).</summary>
    public async Task<Outcome<SessionListView>> ForCycleAsync(Guid cycleId, int page = 1, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        page = Math.Max(1, page);
        var query = db.SenseMakingSessions.AsNoTracking().Where(s => s.CycleId == cycleId);
        var total = await query.CountAsync(ct);
        var sessions = await SummariesAsync(query.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize), ct);
        return new SessionListView(cycle, sessions, page, PageSize, total);
    }

    /// <summary>For the cycle page: the next few sessions, the last few, and the voices strip.</summary>
    public async Task<Outcome<SessionsPanelView>> PanelAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var now = clock.GetUtcNow();
        var all = db.SenseMakingSessions.AsNoTracking().Where(s => s.CycleId == cycleId);
        var total = await all.CountAsync(ct);
        var upcoming = await SummariesAsync(all.Where(s => s.State != SessionState.Ended && s.StartsAt >= now).OrderBy(s => s.StartsAt).Take(3), ct);
        var upcomingIds = upcoming.Select(s => s.Id).ToList();
        var recent = await SummariesAsync(all.Where(s => !upcomingIds.Contains(s.Id)).OrderByDescending(s => s.StartsAt).Take(3), ct);
        var voices = await VoicesCoreAsync(cycleId, ct);
        return new SessionsPanelView(cycle, upcoming, recent, voices, total);
    }

    /// <summary>Which voices were present in the cycle's last sessions that have started (newest first).</summary>
    public async Task<Outcome<CycleVoicesView>> VoicesAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        return cycle is null ? denied! : await VoicesCoreAsync(cycleId, ct);
    }

    private async Task<CycleVoicesView> VoicesCoreAsync(Guid cycleId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.SenseMakingSessions.AsNoTracking()
            .Where(s => s.CycleId == cycleId && (s.State != SessionState.Planned || s.StartsAt <= now))
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id).Take(VoiceGaps.Window)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.State }).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var voices = await db.SessionParticipants.AsNoTracking().Where(p => ids.Contains(p.SessionId))
            .Select(p => new { p.SessionId, p.Voice }).Distinct().ToListAsync(ct);
        var rows = sessions.Select(s => new SessionVoices(s.Id, s.Title, Local(s.StartsAt), s.State,
            [.. voices.Where(v => v.SessionId == s.Id).Select(v => v.Voice).Distinct().OrderBy(v => v)])).ToList();
        return new CycleVoicesView(cycleId, rows, VoiceGaps.Prompt([.. rows.Select(r => (IReadOnlyCollection<Voice>)r.Voices)]));
    }

    public async Task<Outcome<SessionView>> GetAsync(Guid sessionId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.SenseMakingSessions.Where(s => s.Id == sessionId).Select(s => s.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return await ViewAsync(sessionId, ct);
    }

    /// <summary>Everything the session page shows.</summary>
    public async Task<Outcome<SessionPageView>> PageAsync(Guid sessionId, CancellationToken ct = default)
    {
        var cycleId = await db.SenseMakingSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (Guid?)s.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var (cycle, denied) = await scope.ForCycleAsync(cycleId.Value, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var session = await ViewAsync(sessionId, ct);
        return new SessionPageView(cycle, session, await RecordCoreAsync(cycle, session, ct));
    }

    /// <summary>The record of a session: participants and voices, insights by theme, decisions and issues raised.</summary>
    public async Task<Outcome<SessionRecord>> RecordAsync(Guid sessionId, CancellationToken ct = default)
    {
        var page = await PageAsync(sessionId, ct);
        return page.IsOk ? page.Value!.Record : new Failure(page.Status, page.Errors, page.Message);
    }

    /// <summary>The record as a file: "markdown" (the default) or "html" (a standalone printable page).</summary>
    public async Task<Outcome<SessionExportFile>> ExportAsync(Guid sessionId, string? format, CancellationToken ct = default)
    {
        var kind = (format ?? "markdown").Trim().ToLowerInvariant();
        if (kind is not ("markdown" or "md" or "html"))
        {
            return Failure.Invalid("format", "Use format=markdown or format=html.");
        }
        var record = await RecordAsync(sessionId, ct);
        if (!record.IsOk)
        {
            return new Failure(record.Status, record.Errors, record.Message);
        }
        var r = record.Value!;
        var name = SessionRecordExport.FileName(r);
        return kind == "html"
            ? new SessionExportFile(System.Text.Encoding.UTF8.GetBytes(SessionRecordExport.Html(r)), "text/html; charset=utf-8", name + ".html")
            : new SessionExportFile(System.Text.Encoding.UTF8.GetBytes(SessionRecordExport.Markdown(r)), "text/markdown; charset=utf-8", name + ".md");
    }

    /// <summary>What the forms offer: the network's members and this cycle's experiments, evidence (not deleted), pod reflections and maps.</summary>
    public async Task<SessionChoices> ChoicesAsync(Guid cycleId, Guid networkId, CancellationToken ct = default)
    {
        var members = await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == networkId)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.UserName, m.User.Email }).ToListAsync(ct);
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.CycleId == cycleId).OrderBy(e => e.Title)
            .Select(e => new { e.Id, e.Title }).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.CycleId == cycleId && e.DeletedAt == null)
            .Join(db.Experiments, e => e.ExperimentId, x => x.Id, (e, x) => new { e.Id, e.Title, e.Kind, e.OccurredOn, e.WhatMeasured, Experiment = x.Title, Linked = e.CaseFileId != null })
            .ToListAsync(ct);
        var reflections = await db.PodReflections.AsNoTracking().Where(r => r.CycleId == cycleId)
            .Join(db.LearningPods, r => r.PodId, p => p.Id, (r, p) => new { r.Id, r.WeekOf, Pod = p.Name }).ToListAsync(ct);
        var materials = new List<MaterialChoice>();
        materials.AddRange(experiments.Select(e => new MaterialChoice(MaterialKind.Experiment, e.Id, null, e.Title)));
        materials.AddRange(evidence.OrderByDescending(e => e.OccurredOn)
            .Select(e => new MaterialChoice(MaterialKind.Evidence, e.Id, null, EvidenceTitle(e.Title, e.Kind, e.WhatMeasured, e.OccurredOn, e.Experiment, e.Linked))));
        materials.AddRange(reflections.OrderByDescending(r => r.WeekOf).Select(r => new MaterialChoice(MaterialKind.PodReflection, r.Id, null, ReflectionTitle(r.Pod, r.WeekOf))));
        materials.AddRange(MapKinds.Select(k => new MaterialChoice(MaterialKind.Map, null, k, SessionText.MapTitle(k))));
        return new SessionChoices(
            [.. members.Select(m => new MemberChoice(m.UserId, MapText.Clean(m.DisplayName) ?? m.UserName ?? m.Email ?? m.UserId)).OrderBy(m => m.Name, StringComparer.CurrentCulture)],
            materials);
    }

    // ---- Sessions ---------------------------------------------------------------------------------------------------

    public async Task<Outcome<SessionView>> CreateAsync(Guid cycleId, SessionInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var (facilitator, failure) = await CheckAsync(cycle.NetworkId, input, ct);
        if (failure is not null)
        {
            return failure;
        }
        var session = new SenseMakingSession
        {
            Title = "", NetworkId = cycle.NetworkId, CycleId = cycleId, State = SessionState.Planned, CreatedAt = clock.GetUtcNow(),
        };
        Apply(session, input, facilitator);
        db.SenseMakingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(session.Id, ct);
    }

    public async Task<Outcome<SessionView>> UpdateAsync(Guid sessionId, SessionInput input, CancellationToken ct = default)
    {
        var (session, denied) = await ForEditAsync(sessionId, ct);
        if (session is null)
        {
            return denied!;
        }
        var (facilitator, failure) = await CheckAsync(session.NetworkId, input, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (Concurrency.Check(db, session, input.Version) is { } stale)
        {
            return stale;
        }
        Apply(session, input, facilitator);
        return await Concurrency.TrySaveAsync(db, ct) is { } conflict ? conflict : await ViewAsync(session.Id, ct);
    }

    /// <summary>Planned → Live → Ended; an ended session can be reopened (Live), a live one put back to Planned. A session that has
    /// ended cannot go back to Planned: it has met.</summary>
    public async Task<Outcome<SessionView>> ChangeStateAsync(Guid sessionId, SessionStateInput input, CancellationToken ct = default)
    {
        var (session, denied) = await ForEditAsync(sessionId, ct);
        if (session is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var state = input.State!.Value;
        if (!Enum.IsDefined(state))
        {
            return Failure.Invalid("state", "Use Planned, Live or Ended.");
        }
        if (session.State == SessionState.Ended && state == SessionState.Planned)
        {
            return Failure.Invalid("state", "This session has already met, so it cannot be planned again. Reopen it (Live) to add to its board, or plan a new session.");
        }
        if (Concurrency.Check(db, session, input.Version) is { } stale)
        {
            return stale;
        }
        if (session.State != state)
        {
            session.EndedAt = state == SessionState.Ended ? clock.GetUtcNow() : null;
            session.State = state;
        }
        return await Concurrency.TrySaveAsync(db, ct) is { } conflict ? conflict : await ViewAsync(session.Id, ct);
    }

    /// <summary>Only a planned session with nothing on its board can be deleted; once it has met, its record stays.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Guid sessionId, CancellationToken ct = default)
    {
        var (session, denied) = await ForEditAsync(sessionId, ct);
        if (session is null)
        {
            return denied!;
        }
        if (session.State != SessionState.Planned)
        {
            return new Failure(OutcomeStatus.Conflict, Message: "Only a planned session can be deleted. Once a session has met, its record is kept; if it did not happen, say so in its purpose.");
        }
        if (await db.InsightCards.AnyAsync(c => c.SessionId == sessionId, ct) || await db.InsightThemes.AnyAsync(t => t.SessionId == sessionId, ct))
        {
            return new Failure(OutcomeStatus.Conflict, Message: "This session already has insight cards or themes on its board, so it cannot be deleted. Its record is kept.");
        }
        db.SessionParticipants.RemoveRange(await db.SessionParticipants.Where(p => p.SessionId == sessionId).ToListAsync(ct));
        db.SessionMaterials.RemoveRange(await db.SessionMaterials.Where(m => m.SessionId == sessionId).ToListAsync(ct));
        db.SenseMakingSessions.Remove(session);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<(string? FacilitatorName, Failure? Failure)> CheckAsync(Guid networkId, SessionInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return (null, invalid);
        }
        var errors = new Dictionary<string, string[]>();
        var link = MapText.Clean(input.CallLink);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors["callLink"] = ["Enter the call link as a web address starting with https:// (or http://)."];
        }
        string? facilitator = null;
        if (MapText.Clean(input.FacilitatorUserId) is { } userId)
        {
            facilitator = await MemberNameAsync(networkId, userId, ct);
            if (facilitator is null)
            {
                errors["facilitatorUserId"] = ["That person is not a member of this network. Choose a member, or type the facilitator's name instead."];
            }
        }
        return (facilitator, errors.Count > 0 ? Failure.Invalid(errors) : null);
    }

    private static void Apply(SenseMakingSession s, SessionInput input, string? facilitatorName)
    {
        s.Title = input.Title!.Trim();
        s.Purpose = MapText.Clean(input.Purpose);
        s.StartsAt = input.StartsAt!.Value;
        s.Place = MapText.Clean(input.Place);
        s.CallLink = MapText.Clean(input.CallLink);
        s.FacilitatorUserId = facilitatorName is null ? null : MapText.Clean(input.FacilitatorUserId);
        s.FacilitatorName = facilitatorName ?? MapText.Clean(input.FacilitatorName);
    }

    // ---- Participants -----------------------------------------------------------------------------------------------

    public async Task<Outcome<ParticipantView>> AddParticipantAsync(Guid sessionId, ParticipantInput input, CancellationToken ct = default)
    {
        var (session, denied) = await ForEditAsync(sessionId, ct, track: false);
        if (session is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var errors = new Dictionary<string, string[]>();
        var userId = MapText.Clean(input.UserId);
        string? name = null;
        if (userId is not null)
        {
            name = await MemberNameAsync(session.NetworkId, userId, ct);
            if (name is null)
            {
                errors["userId"] = ["That person is not a member of this network. Choose a member, or write their name or role instead."];
            }
        }
        var role = MapText.Clean(input.Role);
        name ??= MapText.Clean(input.Name) ?? role;
        if (name is null && errors.Count == 0)
        {
            errors["name"] = ["Choose a member, or write a name or a role (for example \"a resident\" or \"housing officer\")."];
        }
        if (!Enum.IsDefined(input.Voice!.Value))
        {
            errors["voice"] = ["Choose the voice they bring: person served, practitioner, manager, partner organisation or other."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (userId is not null && await db.SessionParticipants.AnyAsync(p => p.SessionId == sessionId && p.UserId == userId, ct))
        {
            return new Failure(OutcomeStatus.Conflict, Message: $"{name} is already taking part in this session. Change their voice or role in the list instead.");
        }
        var participant = new SessionParticipant
        {
            NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = sessionId, UserId = userId, Name = name!,
            Role = role, Voice = input.Voice!.Value,
        };
        db.SessionParticipants.Add(participant);
        await db.SaveChangesAsync(ct);
        return ParticipantViewOf(participant);
    }

    /// <summary>Changes the voice and role (and the name of someone who is not a member; a member's name comes from their account).</summary>
    public async Task<Outcome<ParticipantView>> UpdateParticipantAsync(Guid participantId, ParticipantInput input, CancellationToken ct = default)
    {
        var participant = await db.SessionParticipants.FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (participant is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(participant.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (!Enum.IsDefined(input.Voice!.Value))
        {
            return Failure.Invalid("voice", "Choose the voice they bring: person served, practitioner, manager, partner organisation or other.");
        }
        var role = MapText.Clean(input.Role);
        if (participant.UserId is null && (MapText.Clean(input.Name) ?? role) is null)
        {
            return Failure.Invalid("name", "Write a name or a role for them.");
        }
        if (Concurrency.Check(db, participant, input.Version) is { } stale)
        {
            return stale;
        }
        participant.Voice = input.Voice.Value;
        participant.Role = role;
        if (participant.UserId is null)
        {
            participant.Name = MapText.Clean(input.Name) ?? role!;
        }
        return await Concurrency.TrySaveAsync(db, ct) is { } conflict ? conflict : ParticipantViewOf(participant);
    }

    public async Task<Outcome<bool>> RemoveParticipantAsync(Guid participantId, CancellationToken ct = default)
    {
        var participant = await db.SessionParticipants.FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (participant is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(participant.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        db.SessionParticipants.Remove(participant);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---- Materials --------------------------------------------------------------------------------------------------

    public async Task<Outcome<MaterialView>> AddMaterialAsync(Guid sessionId, MaterialInput input, CancellationToken ct = default)
    {
        var (session, denied) = await ForEditAsync(sessionId, ct, track: false);
        if (session is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var kind = input.Kind!.Value;
        var cycleId = session.CycleId;
        string? title = null;
        Guid targetId;
        string? mapKind = null;
        if (kind == MaterialKind.Map)
        {
            mapKind = MapText.Clean(input.MapKind)?.ToLowerInvariant();
            if (mapKind is null || !MapKinds.Contains(mapKind))
            {
                return Failure.Invalid("mapKind", "Choose which map to review: actors, factors or process.");
            }
            (targetId, title) = (cycleId, SessionText.MapTitle(mapKind));
        }
        else
        {
            if (input.TargetId is not { } id)
            {
                return Failure.Invalid("targetId", $"Choose which {SessionText.MaterialKindLabel(kind).ToLowerInvariant()} to review.");
            }
            targetId = id;
            title = kind switch
            {
                MaterialKind.Experiment => await db.Experiments.Where(e => e.Id == id && e.CycleId == cycleId).Select(e => e.Title).FirstOrDefaultAsync(ct),
                MaterialKind.Evidence => await db.Evidence.Where(e => e.Id == id && e.CycleId == cycleId && e.DeletedAt == null)
                    .Join(db.Experiments, e => e.ExperimentId, x => x.Id, (e, x) => new { e.Title, e.Kind, e.WhatMeasured, e.OccurredOn, Experiment = x.Title, Linked = e.CaseFileId != null })
                    .Select(e => EvidenceTitle(e.Title, e.Kind, e.WhatMeasured, e.OccurredOn, e.Experiment, e.Linked)).FirstOrDefaultAsync(ct),
                MaterialKind.PodReflection => await db.PodReflections.Where(r => r.Id == id && r.CycleId == cycleId)
                    .Join(db.LearningPods, r => r.PodId, p => p.Id, (r, p) => new { p.Name, r.WeekOf })
                    .Select(r => ReflectionTitle(r.Name, r.WeekOf)).FirstOrDefaultAsync(ct),
                _ => null,
            };
            if (title is null)
            {
                return Failure.Invalid("targetId", kind == MaterialKind.Evidence
                    ? "That evidence entry is not one of this cycle's (or it was deleted). Choose evidence from this cycle's experiments."
                    : $"That {SessionText.MaterialKindLabel(kind).ToLowerInvariant()} is not one of this cycle's. Choose one from the list.");
            }
        }
        if (await db.SessionMaterials.AnyAsync(m => m.SessionId == sessionId && m.Kind == kind && m.TargetId == targetId && m.MapKind == mapKind, ct))
        {
            return new Failure(OutcomeStatus.Conflict, Message: $"“{title}” is already under review in this session.");
        }
        var material = new SessionMaterial
        {
            NetworkId = session.NetworkId, CycleId = cycleId, SessionId = sessionId, Kind = kind, TargetId = targetId, MapKind = mapKind,
            Title = title.Length > Limits.Name ? title[..Limits.Name] : title, AddedAt = clock.GetUtcNow(),
        };
        db.SessionMaterials.Add(material);
        await db.SaveChangesAsync(ct);
        return (await MaterialsAsync([sessionId], ct)).First(m => m.Id == material.Id);
    }

    public async Task<Outcome<bool>> RemoveMaterialAsync(Guid materialId, CancellationToken ct = default)
    {
        var material = await db.SessionMaterials.FirstOrDefaultAsync(m => m.Id == materialId, ct);
        if (material is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(material.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        db.SessionMaterials.Remove(material);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---- Shared -----------------------------------------------------------------------------------------------------

    private async Task<(SenseMakingSession? Session, Failure? Denied)> ForEditAsync(Guid sessionId, CancellationToken ct, bool track = true)
    {
        var query = track ? db.SenseMakingSessions : db.SenseMakingSessions.AsNoTracking();
        var session = await query.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return (null, Failure.NotFound);
        }
        var denied = await scope.RequireAsync(session.NetworkId, NetworkRole.Member, ct);
        return denied is null ? (session, null) : (null, denied);
    }

    private async Task<string?> MemberNameAsync(Guid networkId, string userId, CancellationToken ct)
    {
        var member = await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == networkId && m.UserId == userId)
            .Select(m => new { m.User!.DisplayName, m.User.UserName, m.User.Email }).FirstOrDefaultAsync(ct);
        return member is null ? null : MapText.Clean(member.DisplayName) ?? member.UserName ?? member.Email ?? userId;
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    private async Task<List<SessionSummary>> SummariesAsync(IQueryable<SenseMakingSession> query, CancellationToken ct)
    {
        var rows = await query.Select(s => new
        {
            s.Id, s.CycleId, s.Title, s.StartsAt, s.Place, s.CallLink, s.FacilitatorName, s.State,
            Count = db.SessionParticipants.Count(p => p.SessionId == s.Id),
        }).ToListAsync(ct);
        return [.. rows.Select(s => new SessionSummary(s.Id, s.CycleId, s.Title, Local(s.StartsAt), s.Place, s.CallLink, s.FacilitatorName, s.State, s.Count))];
    }

    private async Task<SessionView> ViewAsync(Guid sessionId, CancellationToken ct)
    {
        var s = await db.SenseMakingSessions.AsNoTracking().FirstAsync(x => x.Id == sessionId, ct);
        var participants = await db.SessionParticipants.AsNoTracking().Where(p => p.SessionId == sessionId).ToListAsync(ct);
        return new SessionView(s.Id, s.CycleId, s.Title, s.Purpose, Local(s.StartsAt), s.Place, s.CallLink, s.FacilitatorUserId, s.FacilitatorName, s.State,
            s.EndedAt is { } ended ? Local(ended) : null,
            [.. participants.OrderBy(p => p.Voice).ThenBy(p => p.Name, StringComparer.CurrentCulture).Select(ParticipantViewOf)],
            await MaterialsAsync([sessionId], ct), s.Version);
    }

    private static ParticipantView ParticipantViewOf(SessionParticipant p) => new(p.Id, p.UserId, p.Name, p.Role, p.Voice, p.Version);

    private async Task<List<MaterialView>> MaterialsAsync(List<Guid> sessionIds, CancellationToken ct) =>
        [.. (await MaterialLinks.ListAsync(db, sessionIds, ct)).Select(m => m with { AddedAt = Local(m.AddedAt) })];

    private async Task<SessionRecord> RecordCoreAsync(CycleScope cycle, SessionView session, CancellationToken ct)
    {
        var themes = await db.InsightThemes.AsNoTracking().Where(t => t.SessionId == session.Id).OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Title }).ToListAsync(ct);
        var cards = await db.InsightCards.AsNoTracking().Where(c => c.SessionId == session.Id).OrderBy(c => c.Position).ThenBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Text, c.AuthorName, c.Kind, c.IsDecision, c.IssueId, c.ThemeId }).ToListAsync(ct);
        var issueIds = cards.Where(c => c.IssueId is not null).Select(c => c.IssueId!.Value).Distinct().ToList();
        var issues = issueIds.Count == 0 ? [] : await db.Issues.AsNoTracking().Where(i => issueIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Description }).ToDictionaryAsync(i => i.Id, ct);
        var grouped = themes.Select(t => new RecordTheme(t.Id, t.Title,
            [.. cards.Where(c => c.ThemeId == t.Id).Select(c => new RecordCard(c.Id, c.Text, c.AuthorName, c.Kind, c.IsDecision, c.IssueId))])).ToList();
        var known = themes.Select(t => t.Id).ToHashSet();
        var loose = cards.Where(c => c.ThemeId is null || !known.Contains(c.ThemeId.Value)).Select(c => new RecordCard(c.Id, c.Text, c.AuthorName, c.Kind, c.IsDecision, c.IssueId)).ToList();
        if (loose.Count > 0)
        {
            grouped.Add(new RecordTheme(null, "Not in a theme", loose));
        }
        var decisions = cards.Where(c => c.IsDecision).Select(c => new RecordCard(c.Id, c.Text, c.AuthorName, c.Kind, c.IsDecision, c.IssueId)).ToList();
        var raised = cards.Where(c => c.IssueId is { } id && issues.ContainsKey(id))
            .Select(c => (Issue: issues[c.IssueId!.Value], c.Text))
            .Select(x => new RecordIssue(x.Issue.Id, x.Issue.Number, x.Issue.Description, x.Text))
            .DistinctBy(i => i.Id).OrderBy(i => i.Number).ToList();
        return new SessionRecord(session.Id, cycle.CycleName, cycle.NetworkName, session.Title, session.Purpose, session.StartsAt, session.Place, session.CallLink,
            session.FacilitatorName, session.State, session.Participants, session.Materials, grouped, decisions, raised);
    }

    /// <summary>How an evidence entry is named among a session's materials (the name is kept with the material and shown to the whole
    /// cycle): an entry linked to a person's case file is named by its kind and date only, never by its words.</summary>
    internal static string EvidenceTitle(string? title, EvidenceKind kind, string? whatMeasured, DateOnly on, string experiment, bool linkedToCase) =>
        linkedToCase
            ? $"{EvidenceText.Neutral(kind, on)} — {experiment}"
            : $"{MapText.Clean(title) ?? MapText.Clean(whatMeasured) ?? kind.ToString()} ({on:d MMM yyyy}) — {experiment}";

    private static string ReflectionTitle(string pod, DateOnly weekOf) => $"{pod}: week of {weekOf:d MMM yyyy}";
}
