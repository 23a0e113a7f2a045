using System.Text.Json;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.People;

/// <summary>Case files: every rule about the file, its people and who may see it, used by the pages and the API alike.
/// Reads go through <see cref="CaseAccess.ReadAsync"/> (logged); changes through <see cref="CaseAccess.WriteAsync"/>.</summary>
public sealed class CaseCommands(AppDbContext db, CaseAccess access, NetworkAccess network, TimeProvider clock)
{
    /// <summary>The case files of a person-scale cycle that the caller works on or was granted, and how many the cycle holds.
    /// Members of the network see only the count; the list shows references and names the caller already works with, and
    /// nothing else from the files.</summary>
    public async Task<Outcome<CaseList>> ListAsync(Guid cycleId, CancellationToken ct = default)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Select(c => new { c.NetworkId, c.Name, NetworkName = db.Networks.Where(n => n.Id == c.NetworkId).Select(n => n.Name).First(), c.Scale!.Kind })
            .FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(cycle.NetworkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var userId = access.UserId!;
        var now = clock.GetUtcNow();
        var total = await db.CaseFiles.CountAsync(c => c.CycleId == cycleId, ct);
        var practitioner = db.CaseFiles.AsNoTracking().Where(c => c.CycleId == cycleId && c.Practitioners.Any(p => p.UserId == userId))
            .Select(c => new { c.Id, c.Reference, c.DisplayName, Relation = CaseRelation.Practitioner, c.UpdatedAt, Person = c.PersonUserId != null });
        var granted = db.CaseFiles.AsNoTracking().Where(c => c.CycleId == cycleId && !c.Practitioners.Any(p => p.UserId == userId)
                && db.CaseAccessGrants.Any(g => g.CaseFileId == c.Id && g.UserId == userId && g.Kind == GrantKind.Granted && g.RevokedAt == null))
            .Select(c => new { c.Id, c.Reference, c.DisplayName, Relation = CaseRelation.Granted, c.UpdatedAt, Person = c.PersonUserId != null });
        var role = await network.RoleAsync(cycle.NetworkId, ct);
        var mine = role >= NetworkRole.Member ? await practitioner.ToListAsync(ct) : [];
        var grantedList = role >= NetworkRole.Member ? await granted.ToListAsync(ct) : [];
        var activeGrants = grantedList.Count == 0 ? [] : await db.CaseAccessGrants.AsNoTracking()
            .Where(g => g.UserId == userId && g.Kind == GrantKind.Granted && g.RevokedAt == null).Select(g => new { g.CaseFileId, g.ExpiresAt }).ToListAsync(ct);
        var rows = mine.Concat(grantedList.Where(g => activeGrants.Any(a => a.CaseFileId == g.Id && a.ExpiresAt > now)))
            .OrderBy(c => c.DisplayName ?? c.Reference, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new CaseSummary(c.Id, c.Reference, c.DisplayName, c.Relation, c.UpdatedAt, c.Person))
            .ToList();
        return new CaseList(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, cycle.Kind == ScaleKind.Person, role >= NetworkRole.Member, total, rows);
    }

    /// <summary>Opens a new case file in a person-scale cycle; the member who opens it becomes its first practitioner.</summary>
    public async Task<Outcome<CaseFileView>> CreateAsync(Guid cycleId, CaseInput input, CancellationToken ct = default)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => new { c.NetworkId, c.Scale!.Kind, c.ArchivedAt }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(cycle.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (cycle.Kind != ScaleKind.Person)
        {
            return Failure.Invalid("cycleId", "Case files belong to cycles at the person scale. Open it from a person-scale cycle.");
        }
        if (cycle.ArchivedAt is not null)
        {
            return Failure.Invalid("cycleId", "This cycle is archived. Open case files in a cycle that is still running.");
        }
        var now = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var file = new CaseFile
            {
                NetworkId = cycle.NetworkId,
                CycleId = cycleId,
                Reference = CaseFile.NewReference(),
                DisplayName = input.DisplayName!.Trim(),
                Contact = Clean(input.Contact),
                CreatedAt = now,
                UpdatedAt = now,
            };
            file.Practitioners.Add(new CasePractitioner { NetworkId = cycle.NetworkId, CaseFileId = file.Id, UserId = access.UserId!, AddedAt = now });
            db.CaseFiles.Add(file);
            try
            {
                await db.SaveChangesAsync(ct);
                return (await GetAsync(file.Id, "Opened the file (new)", ct)).Value!;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The whole file as the caller may see it; logged as a read of <paramref name="what"/>.</summary>
    public async Task<Outcome<CaseFileView>> GetAsync(Guid caseId, string what = "API: case file", CancellationToken ct = default)
    {
        var (scope, denied) = await access.ReadAsync(caseId, what, ct);
        return scope is null ? denied! : await ViewAsync(scope, ct);
    }

    private async Task<CaseFileView> ViewAsync(CaseScope scope, CancellationToken ct)
    {
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == scope.CaseId, ct);
        var practitioners = await db.CasePractitioners.AsNoTracking().Where(p => p.CaseFileId == scope.CaseId)
            .OrderBy(p => p.AddedAt).Select(p => new PersonRef(p.UserId, p.User!.DisplayName ?? p.User.Email ?? "")).ToListAsync(ct);
        var statements = await db.CaseStatements.AsNoTracking().Where(s => s.CaseFileId == scope.CaseId)
            .OrderByDescending(s => s.SaidOn).ThenByDescending(s => s.CreatedAt)
            .Select(s => new StatementView(s.Id, s.Kind, s.Text, s.SaidOn, s.WrittenBy, s.AuthorName, s.UpdatedAt, s.Version > 1, s.Version, s.Tags))
            .ToListAsync(ct);
        var tasks = (await db.CaseNoteTasks.AsNoTracking().Where(t => t.CaseFileId == scope.CaseId)
                .Join(db.CaseTaskTypes, t => t.TaskTypeId, k => k.Id, (t, k) => new { t.CaseNoteId, k.Id, k.Name }).ToListAsync(ct))
            .ToLookup(t => t.CaseNoteId, t => new CaseTaskRef(t.Id, t.Name));
        var notes = (await db.CaseNotes.AsNoTracking().Where(n => n.CaseFileId == scope.CaseId && (scope.SeesPractitionerOnly || !n.PractitionerOnly))
            .OrderByDescending(n => n.OccurredOn).ThenByDescending(n => n.CreatedAt)
            .Select(n => new NoteView(n.Id, n.Kind, n.OccurredOn, n.Who, n.WhatHappened, n.NextSteps, n.PractitionerOnly, n.AuthorName, n.CreatedAt, n.Version))
            .ToListAsync(ct))
            .Select(n => n with { Tasks = [.. tasks[n.Id].OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)] })
            .ToList();
        var now = clock.GetUtcNow();
        var grants = scope.ManagesAccess || scope.Relation == CaseRelation.Person
            ? (await db.CaseAccessGrants.AsNoTracking().Where(g => g.CaseFileId == scope.CaseId)
                .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { g, Name = u.DisplayName ?? u.Email ?? "" })
                .ToListAsync(ct))
                .OrderByDescending(x => x.g.GrantedAt)
                .Select(x => new GrantView(x.g.Id, new PersonRef(x.g.UserId, x.Name), x.g.Kind, x.g.Reason, x.g.GrantedByName, x.g.GrantedAt,
                    x.g.ExpiresAt, x.g.RevokedAt, x.g.IsActive(now)))
                .ToList()
            : [];
        var consents = await CurrentConsentsAsync(scope.CaseId, ct);
        // The case's own cycle and the cycles it learns into (usually the team): where an issue from the case can be logged.
        var issueLogs = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == file.CycleId || db.CycleLinks.Any(l => l.Direction == Connections.LinkDirection.Vertical && l.FromCycleId == file.CycleId && l.ToCycleId == c.Id))
            .OrderBy(c => c.Id == file.CycleId).ThenBy(c => c.Name)
            .Select(c => new CycleRef(c.Id, c.Name)).ToListAsync(ct);
        return new CaseFileView(file.Id, file.NetworkId, scope.NetworkName, file.CycleId, scope.CycleName, file.Reference, file.DisplayName, file.Contact,
            file.AgeBand, file.Gender, scope.Relation, file.PersonUserId is not null, file.Restricted, file.RestrictedReason, file.ErasedAt, file.CreatedAt, practitioners,
            [.. statements.Where(s => s.Kind == StatementKind.WhatMatters)], [.. statements.Where(s => s.Kind == StatementKind.Strength)],
            notes, grants, consents, issueLogs, file.Version);
    }

    /// <summary>The decision that holds now for each purpose (and organisation).</summary>
    public async Task<IReadOnlyList<ConsentView>> CurrentConsentsAsync(Guid caseId, CancellationToken ct)
    {
        var all = await db.CaseConsents.AsNoTracking().Where(c => c.CaseFileId == caseId).ToListAsync(ct);
        return [.. all.GroupBy(c => (c.Purpose, Organisation: c.Organisation?.ToUpperInvariant()))
            .Select(g => g.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).First())
            .OrderBy(c => c.Purpose).ThenBy(c => c.Organisation)
            .Select(c => new ConsentView(c.Purpose, c.Organisation, c.Given, c.How, c.RecordedAt, c.RecordedByName))];
    }

    public async Task<Outcome<CaseFileView>> UpdateAsync(Guid caseId, CaseInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Work, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var file = await db.CaseFiles.FirstAsync(c => c.Id == caseId, ct);
        if (Concurrency.Check(db, file, input.Version) is { } stale)
        {
            return stale;
        }
        file.DisplayName = input.DisplayName!.Trim();
        file.Contact = Clean(input.Contact);
        file.UpdatedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await ViewAsync(scope, ct);
    }

    /// <summary>What the person shares about themselves for counting in groups: the person or their practitioners may set it.</summary>
    public async Task<Outcome<CaseFileView>> SetAboutAsync(Guid caseId, AboutInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var file = await db.CaseFiles.FirstAsync(c => c.Id == caseId, ct);
        if (Concurrency.Check(db, file, input.Version) is { } stale)
        {
            return stale;
        }
        file.AgeBand = input.AgeBand;
        file.Gender = input.Gender;
        file.UpdatedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await ViewAsync(scope, ct);
    }

    // ----- what matters to me, strengths -----

    public async Task<Outcome<StatementView>> AddStatementAsync(Guid caseId, StatementInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var statement = new CaseStatement
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            Kind = input.Kind!.Value,
            Text = input.Text!.Trim(),
            SaidOn = input.SaidOn ?? Today(),
            Tags = CaseTags.Parse(input.Tags),
            WrittenBy = scope.Relation == CaseRelation.Person ? StatementAuthor.Person : StatementAuthor.Practitioner,
            AuthorUserId = access.UserId,
            AuthorName = access.UserName,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CaseStatements.Add(statement);
        await TouchAsync(caseId, now, ct);
        await db.SaveChangesAsync(ct);
        return StatementOf(statement);
    }

    public async Task<Outcome<StatementView>> UpdateStatementAsync(Guid statementId, StatementInput input, CancellationToken ct = default)
    {
        var statement = await db.CaseStatements.FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.WriteAsync(statement.CaseFileId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        input.Kind ??= statement.Kind;
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, statement, input.Version) is { } stale)
        {
            return stale;
        }
        var now = clock.GetUtcNow();
        statement.Kind = input.Kind.Value;
        statement.Text = input.Text!.Trim();
        statement.SaidOn = input.SaidOn ?? statement.SaidOn;
        if (input.Tags is not null)
        {
            statement.Tags = CaseTags.Parse(input.Tags);
        }
        statement.UpdatedAt = now;
        await TouchAsync(statement.CaseFileId, now, ct);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return StatementOf(statement);
    }

    /// <summary>Every version of one entry, newest first (a read of the file, so it is logged).</summary>
    public async Task<Outcome<IReadOnlyList<StatementHistoryView>>> StatementHistoryAsync(Guid statementId, CancellationToken ct = default)
    {
        var caseId = await db.CaseStatements.AsNoTracking().Where(s => s.Id == statementId).Select(s => (Guid?)s.CaseFileId).FirstOrDefaultAsync(ct);
        if (caseId is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ReadAsync(caseId.Value, "History of an entry in what matters", ct);
        if (scope is null)
        {
            return denied!;
        }
        var entries = await db.History.AsNoTracking().Where(h => h.EntityId == statementId)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).ToListAsync(ct);
        return entries.Select(h => new StatementHistoryView(h.At, h.UserName, h.Action, TextOf(h.After ?? h.Before))).ToList();
    }

    /// <summary>One entry with every earlier version, for its page (one logged read).</summary>
    public async Task<Outcome<StatementDetail>> StatementAsync(Guid statementId, CancellationToken ct = default)
    {
        var statement = await db.CaseStatements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ReadAsync(statement.CaseFileId, "An entry of what matters, with its history", ct);
        if (scope is null)
        {
            return denied!;
        }
        var entries = await db.History.AsNoTracking().Where(h => h.EntityId == statementId)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).ToListAsync(ct);
        return new StatementDetail(scope.CaseId, scope.Reference, scope.Relation, StatementOf(statement), scope.CanAddOwnWords,
            [.. entries.Select(h => new StatementHistoryView(h.At, h.UserName, h.Action, TextOf(h.After ?? h.Before)))]);
    }

    private static string? TextOf(string? snapshot)
    {
        if (snapshot is null)
        {
            return null;
        }
        using var json = JsonDocument.Parse(snapshot);
        return json.RootElement.TryGetProperty(nameof(CaseStatement.Text), out var text) ? text.GetString() : null;
    }

    // ----- notes -----

    public async Task<Outcome<NoteView>> AddNoteAsync(Guid caseId, NoteInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Work, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var note = new CaseNote
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            Kind = input.Kind ?? NoteKind.Visit,
            OccurredOn = input.OccurredOn ?? Today(),
            Who = Clean(input.Who),
            WhatHappened = input.WhatHappened!.Trim(),
            NextSteps = Clean(input.NextSteps),
            PractitionerOnly = input.PractitionerOnly,
            AuthorUserId = access.UserId,
            AuthorName = access.UserName,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (await TasksAsync(scope.NetworkId, input.TaskTypeIds ?? [], ct) is not { } chosen)
        {
            return Failure.Invalid("taskTypeIds", "Choose tasks from this network's task list.");
        }
        db.CaseNotes.Add(note);
        db.CaseNoteTasks.AddRange(chosen.Select(t => new CaseNoteTask { NetworkId = scope.NetworkId, CaseFileId = caseId, CaseNoteId = note.Id, TaskTypeId = t.Id }));
        await TouchAsync(caseId, now, ct);
        await db.SaveChangesAsync(ct);
        return NoteOf(note) with { Tasks = chosen };
    }

    public async Task<Outcome<NoteView>> UpdateNoteAsync(Guid noteId, NoteInput input, CancellationToken ct = default)
    {
        var note = await db.CaseNotes.FirstOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.WriteAsync(note.CaseFileId, CaseWrite.Work, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, note, input.Version) is { } stale)
        {
            return stale;
        }
        var had = await db.CaseNoteTasks.Where(t => t.CaseNoteId == note.Id).ToListAsync(ct);
        if (await TasksAsync(scope.NetworkId, input.TaskTypeIds ?? [.. had.Select(h => h.TaskTypeId)], ct) is not { } chosen)
        {
            return Failure.Invalid("taskTypeIds", "Choose tasks from this network's task list.");
        }
        var now = clock.GetUtcNow();
        db.CaseNoteTasks.RemoveRange(had.Where(h => chosen.All(c => c.Id != h.TaskTypeId)));
        db.CaseNoteTasks.AddRange(chosen.Where(c => had.All(h => h.TaskTypeId != c.Id))
            .Select(t => new CaseNoteTask { NetworkId = note.NetworkId, CaseFileId = note.CaseFileId, CaseNoteId = note.Id, TaskTypeId = t.Id }));
        note.Kind = input.Kind ?? note.Kind;
        note.OccurredOn = input.OccurredOn ?? note.OccurredOn;
        note.Who = Clean(input.Who);
        note.WhatHappened = input.WhatHappened!.Trim();
        note.NextSteps = Clean(input.NextSteps);
        note.PractitionerOnly = input.PractitionerOnly;
        note.UpdatedAt = now;
        await TouchAsync(note.CaseFileId, now, ct);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return NoteOf(note) with { Tasks = chosen };
    }

    /// <summary>The chosen tasks from the network's list, or null when one is not on it.</summary>
    private async Task<List<CaseTaskRef>?> TasksAsync(Guid networkId, List<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var found = await db.CaseTaskTypes.AsNoTracking().Where(t => t.NetworkId == networkId && wanted.Contains(t.Id))
            .OrderBy(t => t.Name).Select(t => new CaseTaskRef(t.Id, t.Name)).ToListAsync(ct);
        return found.Count == wanted.Count ? found : null;
    }

    // ----- practitioners and access -----

    /// <summary>Members of the network who could be added as practitioners or granted access (for the pages' pickers).</summary>
    public async Task<Outcome<IReadOnlyList<PersonRef>>> ColleaguesAsync(Guid caseId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ResolveAsync(caseId, ct);
        if (scope is null || !scope.ManagesAccess)
        {
            return denied ?? Failure.Forbidden;
        }
        var list = await db.NetworkMembers.AsNoTracking()
            .Where(m => m.NetworkId == scope.NetworkId && (m.Role == NetworkRole.Member || m.Role == NetworkRole.Steward))
            .Select(m => new PersonRef(m.UserId, m.User!.DisplayName ?? m.User.Email ?? ""))
            .ToListAsync(ct);
        return list.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<Outcome<PersonRef>> AddPractitionerAsync(Guid caseId, PractitionerInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Access, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var member = await WorkingMemberAsync(scope.NetworkId, input.UserId!, ct);
        if (member is null)
        {
            return Failure.Invalid("userId", "Practitioners must be members of the network who can edit (not observers). Invite them to the network first.");
        }
        if (await db.CasePractitioners.AnyAsync(p => p.CaseFileId == caseId && p.UserId == input.UserId, ct))
        {
            return Failure.Invalid("userId", $"{member.Name} already works on this file.");
        }
        db.CasePractitioners.Add(new CasePractitioner { NetworkId = scope.NetworkId, CaseFileId = caseId, UserId = input.UserId!, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<Outcome<bool>> RemovePractitionerAsync(Guid caseId, string userId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Access, ct);
        if (scope is null)
        {
            return denied!;
        }
        var practitioners = await db.CasePractitioners.Where(p => p.CaseFileId == caseId).ToListAsync(ct);
        var leaving = practitioners.FirstOrDefault(p => p.UserId == userId);
        if (leaving is null)
        {
            return Failure.NotFound;
        }
        if (practitioners.Count == 1)
        {
            return Failure.Invalid("userId", "A case file needs at least one practitioner. Add someone else before you step off it.");
        }
        db.CasePractitioners.Remove(leaving);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Outcome<GrantView>> GrantAsync(Guid caseId, GrantInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Access, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var today = Today();
        if (input.Until < today)
        {
            return Failure.Invalid("until", "Choose a last day from today onwards.");
        }
        if (input.Until > today.AddDays(366))
        {
            return Failure.Invalid("until", "Share a file for at most a year at a time. You can share it again when that ends.");
        }
        var member = await WorkingMemberAsync(scope.NetworkId, input.UserId!, ct);
        if (member is null)
        {
            return Failure.Invalid("userId", "Files can be shared with members of the network who can edit (not observers).");
        }
        if (await db.CasePractitioners.AnyAsync(p => p.CaseFileId == caseId && p.UserId == input.UserId, ct))
        {
            return Failure.Invalid("userId", $"{member.Name} already works on this file.");
        }
        var now = clock.GetUtcNow();
        var grant = new CaseAccessGrant
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            UserId = input.UserId!,
            Kind = GrantKind.Granted,
            Reason = input.Reason!.Trim(),
            GrantedByUserId = access.UserId,
            GrantedByName = access.UserName,
            GrantedAt = now,
            // Until the end of the chosen day (UTC).
            ExpiresAt = new DateTimeOffset(input.Until!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        db.CaseAccessGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        return new GrantView(grant.Id, member, grant.Kind, grant.Reason, grant.GrantedByName, grant.GrantedAt, grant.ExpiresAt, null, true);
    }

    public async Task<Outcome<bool>> RevokeGrantAsync(Guid grantId, CancellationToken ct = default)
    {
        var grant = await db.CaseAccessGrants.FirstOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.WriteAsync(grant.CaseFileId, CaseWrite.Access, ct, evenIfRestricted: true);
        if (scope is null)
        {
            return denied!;
        }
        if (grant.RevokedAt is null)
        {
            grant.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>The safeguarding lead opens a file in an emergency: always with a reason, for two hours, logged for all to see.</summary>
    public async Task<Outcome<CaseFileView>> BreakGlassAsync(Guid caseId, BreakGlassInput input, CancellationToken ct = default)
    {
        var file = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.NetworkId }).FirstOrDefaultAsync(ct);
        if (file is null || access.UserId is not { } userId)
        {
            return Failure.NotFound;
        }
        var safeguarding = await db.NetworkMembers.AsNoTracking().AnyAsync(m => m.NetworkId == file.NetworkId && m.UserId == userId && m.Safeguarding, ct);
        if (!safeguarding)
        {
            return Failure.NotFound;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        db.CaseAccessGrants.Add(new CaseAccessGrant
        {
            NetworkId = file.NetworkId,
            CaseFileId = caseId,
            UserId = userId,
            Kind = GrantKind.BreakGlass,
            Reason = input.Reason!.Trim(),
            GrantedByUserId = userId,
            GrantedByName = access.UserName,
            GrantedAt = now,
            ExpiresAt = now + CaseAccessGrant.BreakGlassLifetime,
        });
        await db.SaveChangesAsync(ct);
        var (scope, denied) = await access.ReadAsync(caseId, "Break glass: opened the file", ct, why: input.Reason.Trim());
        return scope is null ? denied! : await ViewAsync(scope, ct);
    }

    /// <summary>Who has read the file, newest first: for its practitioners and the person.</summary>
    public async Task<Outcome<IReadOnlyList<AccessLogView>>> AccessLogAsync(Guid caseId, int take = 500, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ResolveAsync(caseId, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (scope.Relation is not (CaseRelation.Practitioner or CaseRelation.Person))
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "The access log is for the person and the practitioners working with them.");
        }
        var list = await db.CaseAccessLog.AsNoTracking().Where(e => e.CaseFileId == caseId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Math.Clamp(take, 1, 5000))
            .Select(e => new AccessLogView(e.At, e.UserName, e.What, e.Relation, e.Why))
            .ToListAsync(ct);
        return list;
    }

    // ----- the person's own access -----

    public async Task<Outcome<CreatedCaseInvitation>> InviteAsync(Guid caseId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Access, ct);
        if (scope is null)
        {
            return denied!;
        }
        var now = clock.GetUtcNow();
        var token = LinkTokens.New();
        var invitation = new CaseInvitation
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            TokenHash = LinkTokens.Hash(token),
            InvitedByName = access.UserName,
            CreatedAt = now,
            ExpiresAt = now + CaseInvitation.Lifetime,
        };
        db.CaseInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new CreatedCaseInvitation(token, invitation.ExpiresAt);
    }

    public async Task<CaseInvitationPreview?> PreviewInvitationAsync(string token, CancellationToken ct = default)
    {
        var hash = LinkTokens.Hash(token);
        var found = await db.CaseInvitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new
            {
                i.InvitedByName, i.AcceptedAt, i.ExpiresAt,
                NetworkName = db.Networks.Where(n => n.Id == i.NetworkId).Select(n => n.Name).First(),
                PersonUserId = db.CaseFiles.Where(c => c.Id == i.CaseFileId).Select(c => c.PersonUserId).First(),
            })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new CaseInvitationPreview(found.NetworkName, found.InvitedByName,
            found.AcceptedAt is null && found.ExpiresAt > clock.GetUtcNow(), found.PersonUserId is not null && found.PersonUserId == access.UserId);
    }

    /// <summary>The signed-in person accepts the invitation and can open their own file from now on.</summary>
    public async Task<Outcome<Guid>> AcceptInvitationAsync(string token, CancellationToken ct = default)
    {
        if (access.UserId is not { } userId)
        {
            return Failure.Forbidden;
        }
        var hash = LinkTokens.Hash(token);
        var invitation = await db.CaseInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return Failure.NotFound;
        }
        var file = await db.CaseFiles.FirstAsync(c => c.Id == invitation.CaseFileId, ct);
        if (file.PersonUserId == userId)
        {
            return file.Id;
        }
        if (!invitation.IsOpen(clock.GetUtcNow()))
        {
            return Failure.Invalid("token", "This invitation has expired or been used. Ask your practitioner for a new link.");
        }
        if (file.PersonUserId is not null)
        {
            return Failure.Invalid("token", "This file is already linked to another account. Ask your practitioner for help.");
        }
        if (await db.CasePractitioners.AnyAsync(p => p.CaseFileId == file.Id && p.UserId == userId, ct))
        {
            return Failure.Invalid("token", "You work on this file as a practitioner. The invitation is for the person it is about: sign out and let them open the link.");
        }
        if (file.ErasedAt is not null)
        {
            return Failure.Invalid("token", "This file no longer holds anything about you.");
        }
        var now = clock.GetUtcNow();
        file.PersonUserId = userId;
        file.UpdatedAt = now;
        invitation.AcceptedAt = now;
        invitation.AcceptedByUserId = userId;
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    /// <summary>The files the signed-in person has been invited to as the person they are about.</summary>
    public async Task<IReadOnlyList<CaseSummary>> MineAsPersonAsync(CancellationToken ct = default)
    {
        if (access.UserId is not { } userId)
        {
            return [];
        }
        return await db.CaseFiles.AsNoTracking().Where(c => c.PersonUserId == userId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new CaseSummary(c.Id, c.Reference, c.DisplayName, CaseRelation.Person, c.UpdatedAt, true))
            .ToListAsync(ct);
    }

    // ----- consent and restriction -----

    public async Task<Outcome<IReadOnlyList<ConsentView>>> RecordConsentAsync(Guid caseId, ConsentInput input, CancellationToken ct = default)
    {
        // Withdrawing is always possible, even while processing is restricted.
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct, evenIfRestricted: input.Given == false);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var organisation = Clean(input.Organisation);
        if (input.Purpose == ConsentPurpose.Sharing && organisation is null)
        {
            return Failure.Invalid("organisation", "Name the organisation the file may be shared with.");
        }
        var how = Clean(input.How) ?? (scope.Relation == CaseRelation.Person ? "By the person, online" : null);
        if (how is null)
        {
            return Failure.Invalid("how", "Say how the person gave or withdrew consent, for example \"in person at a visit\".");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.CaseConsents.Add(new CaseConsent
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            Purpose = input.Purpose!.Value,
            Organisation = input.Purpose == ConsentPurpose.Sharing ? organisation : null,
            Given = input.Given!.Value,
            How = how,
            RecordedAt = clock.GetUtcNow(),
            RecordedByUserId = access.UserId,
            RecordedByName = access.UserName,
        });
        await db.SaveChangesAsync(ct);
        if (input.Purpose == ConsentPurpose.Aggregates)
        {
            await CaseAggregates.RefreshCountedAsync(db, db.CaseFiles.Where(f => f.Id == caseId), ct);
        }
        await transaction.CommitAsync(ct);
        return (await CurrentConsentsAsync(caseId, ct)).ToList();
    }

    public async Task<Outcome<CaseFileView>> SetRestrictionAsync(Guid caseId, RestrictionInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Access, ct, evenIfRestricted: true);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var reason = Clean(input.Reason);
        if (input.Restricted && reason is null)
        {
            return Failure.Invalid("reason", "Say why processing is restricted, for example \"the person is checking whether the record is accurate\".");
        }
        var file = await db.CaseFiles.FirstAsync(c => c.Id == caseId, ct);
        file.Restricted = input.Restricted;
        file.RestrictedReason = input.Restricted ? reason : null;
        file.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(scope with { Restricted = input.Restricted }, ct);
    }

    // ----- helpers -----

    private async Task<PersonRef?> WorkingMemberAsync(Guid networkId, string userId, CancellationToken ct) =>
        await db.NetworkMembers.AsNoTracking()
            .Where(m => m.NetworkId == networkId && m.UserId == userId && (m.Role == NetworkRole.Member || m.Role == NetworkRole.Steward))
            .Select(m => new PersonRef(m.UserId, m.User!.DisplayName ?? m.User.Email ?? ""))
            .FirstOrDefaultAsync(ct);

    private async Task TouchAsync(Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var file = await db.CaseFiles.FirstAsync(c => c.Id == caseId, ct);
        file.UpdatedAt = now;
    }

    private Failure? Check(StatementInput input) =>
        InputValidation.Check(input) ?? (input.SaidOn > Today() ? Failure.Invalid("saidOn", "The day it was said cannot be in the future.") : null);

    private Failure? Check(NoteInput input) =>
        InputValidation.Check(input) ?? (input.OccurredOn > Today() ? Failure.Invalid("occurredOn", "A visit or note cannot be dated in the future.") : null);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static StatementView StatementOf(CaseStatement s) =>
        new(s.Id, s.Kind, s.Text, s.SaidOn, s.WrittenBy, s.AuthorName, s.UpdatedAt, s.Version > 1, s.Version, s.Tags);

    private static NoteView NoteOf(CaseNote n) =>
        new(n.Id, n.Kind, n.OccurredOn, n.Who, n.WhatHappened, n.NextSteps, n.PractitionerOnly, n.AuthorName, n.CreatedAt, n.Version);
}
