using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.SenseMaking;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Issues;

/// <summary>The issue log of a cycle: every rule about issues, used by the pages and the API alike.</summary>
public sealed class IssueCommands(AppDbContext db, MapScope scope, CurrentUser currentUser, TimeProvider clock, People.CaseAccess cases)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public static readonly string[] Sorts = ["number", "level", "owner", "status", "updated"];

    /// <summary>The log of a cycle, filtered, sorted and paged.</summary>
    public async Task<Outcome<IssuePage>> ListAsync(Guid cycleId, IssueQuery query, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var errors = new Dictionary<string, string[]>();
        IssueLevel? level = null;
        if (query.Level is { } l)
        {
            if (l is < 1 or > 3)
            {
                errors["level"] = ["Use level 1, 2 or 3, or leave it out for all levels."];
            }
            else
            {
                level = (IssueLevel)l;
            }
        }
        var owner = ParseEnum<IssueOwner>(query.Owner, "owner", "Use Team, Leadership or Government, or leave it out for all owners.", errors);
        var status = ParseEnum<IssueStatus>(query.Status, "status", "Use Open or Closed, or leave it out for both.", errors);
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? "number" : query.Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort))
        {
            errors["sort"] = ["Sort by number, level, owner, status or updated."];
        }
        var dir = string.IsNullOrWhiteSpace(query.Dir) ? (sort == "updated" ? "desc" : "asc") : query.Dir.Trim().ToLowerInvariant();
        if (dir is not ("asc" or "desc"))
        {
            errors["dir"] = ["Use asc or desc."];
        }
        var pageSize = query.PageSize ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Use a page size from 1 to {MaxPageSize}."];
        }
        var page = query.Page ?? 1;
        if (page < 1)
        {
            errors["page"] = ["Pages count from 1."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var tag = IssueText.Clean(query.Tag);

        var issues = db.Issues.AsNoTracking().Where(i => i.CycleId == cycleId);
        if (level is { } lv)
        {
            issues = issues.Where(i => i.Level == lv);
        }
        if (owner is { } ow)
        {
            issues = issues.Where(i => i.Owner == ow);
        }
        if (status is { } st)
        {
            issues = issues.Where(i => i.Status == st);
        }
        if (tag is not null)
        {
            var lower = tag.ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL: lower() on both providers
            issues = issues.Where(i => i.Tags.Any(t => t.ToLower() == lower));
#pragma warning restore CA1862
        }
        var total = await issues.CountAsync(ct);
        var desc = dir == "desc";
        IOrderedQueryable<Issue> ordered = sort switch
        {
            "level" => desc ? issues.OrderByDescending(i => i.Level) : issues.OrderBy(i => i.Level),
            "owner" => desc
                ? issues.OrderByDescending(i => i.Owner == IssueOwner.Team ? 0 : i.Owner == IssueOwner.Leadership ? 1 : 2)
                : issues.OrderBy(i => i.Owner == IssueOwner.Team ? 0 : i.Owner == IssueOwner.Leadership ? 1 : 2),
            "status" => desc
                ? issues.OrderByDescending(i => i.Status == IssueStatus.Open ? 0 : 1)
                : issues.OrderBy(i => i.Status == IssueStatus.Open ? 0 : 1),
            "updated" => desc ? issues.OrderByDescending(i => i.UpdatedAt) : issues.OrderBy(i => i.UpdatedAt),
            _ => desc ? issues.OrderByDescending(i => i.Number) : issues.OrderBy(i => i.Number),
        };
        if (sort != "number")
        {
            ordered = ordered.ThenBy(i => i.Number);
        }
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(View).ToListAsync(ct);
        var allTags = await AllTagsAsync(cycleId, ct);
        return new IssuePage(cycle, rows, total, page, pageSize, sort, dir, level, owner, status, tag, allTags);
    }

    /// <summary>Counts by level, owner and status.</summary>
    public async Task<Outcome<IssueSummary>> SummaryAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var counts = (await db.Issues.AsNoTracking().Where(i => i.CycleId == cycleId)
                .GroupBy(i => new { i.Level, i.Owner, i.Status })
                .Select(g => new { g.Key.Level, g.Key.Owner, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .Select(c => new IssueCount(c.Level, c.Owner, c.Status, c.Count))
            .OrderBy(c => c.Level).ThenBy(c => c.Owner).ThenBy(c => c.Status)
            .ToList();
        return new IssueSummary(cycleId, counts.Where(c => c.Status == IssueStatus.Open).Sum(c => c.Count),
            counts.Where(c => c.Status == IssueStatus.Closed).Sum(c => c.Count), counts);
    }

    /// <summary>The newest open issues of a cycle (for the cycle page).</summary>
    public async Task<IReadOnlyList<IssueView>> NewestOpenAsync(Guid cycleId, int take, CancellationToken ct = default) =>
        await db.Issues.AsNoTracking().Where(i => i.CycleId == cycleId && i.Status == IssueStatus.Open)
            .OrderByDescending(i => i.Number).Take(take).Select(View).ToListAsync(ct);

    public async Task<Outcome<IssueView>> GetAsync(Guid issueId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.Issues.Where(i => i.Id == issueId).Select(i => i.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return await db.Issues.AsNoTracking().Where(i => i.Id == issueId).Select(View).FirstAsync(ct);
    }

    /// <summary>An issue with its cycle, a link to its source and its history, for the issue page.</summary>
    public async Task<Outcome<IssueDetail>> DetailAsync(Guid issueId, CancellationToken ct = default)
    {
        var cycleId = await db.Issues.AsNoTracking().Where(i => i.Id == issueId).Select(i => (Guid?)i.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var (cycle, denied) = await scope.ForCycleAsync(cycleId.Value, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var issue = await db.Issues.AsNoTracking().Where(i => i.Id == issueId).Select(View).FirstAsync(ct);
        string? link = null;
        if (issue.SourceId is { } sourceId)
        {
            link = issue.Source switch
            {
                IssueSource.Insight => await db.InsightCards.AsNoTracking().Where(c => c.Id == sourceId).Select(c => "/sessions/" + c.SessionId).FirstOrDefaultAsync(ct),
                IssueSource.Experiment => await db.Experiments.AnyAsync(e => e.Id == sourceId, ct) ? $"/experiments/{sourceId}" : null,
                IssueSource.Case => $"/cases/{sourceId}",
                IssueSource.Route => await db.IssueRoutes.AsNoTracking().Where(r => r.Id == sourceId).Select(r => "/issues/" + r.IssueId).FirstOrDefaultAsync(ct),
                _ => null,
            };
        }
        var history = (await db.History.AsNoTracking()
                .Where(h => h.EntityType == nameof(Issue) && h.EntityId == issueId)
                .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                .Take(200)
                .Select(h => new { h.Action, h.UserName, h.At, h.Before, h.After })
                .ToListAsync(ct))
            .Select(h => new IssueHistoryItem(h.Action, h.UserName, h.At, HistoryText.Changes(h.Before, h.After)))
            .ToList();
        return new IssueDetail(cycle, issue, link, history);
    }

    /// <summary>What a new issue raised from an insight card or an experiment of the cycle starts with: the source's title and text.
    /// Null when the source is not of this cycle (the form then starts empty, as a direct issue).</summary>
    public async Task<IssuePrefill?> PrefillAsync(Guid cycleId, Guid? insightId, Guid? experimentId, Guid? caseId = null, CancellationToken ct = default)
    {
        if (caseId is { } fileId)
        {
            var reference = await CaseReferenceAsync(cycleId, fileId, ct);
            return reference is null ? null : new IssuePrefill(IssueSource.Case, fileId, $"Case {reference}", null, $"/cases/{fileId}", null);
        }
        if (insightId is { } cardId)
        {
            var card = await db.InsightCards.AsNoTracking().Where(c => c.Id == cardId && c.CycleId == cycleId)
                .Join(db.SenseMakingSessions, c => c.SessionId, s => s.Id, (c, s) => new { c.Text, s.Title, s.StartsAt, c.SessionId, c.IssueId })
                .FirstOrDefaultAsync(ct);
            return card is null ? null
                : new IssuePrefill(IssueSource.Insight, cardId, $"Insight from '{card.Title}' ({card.StartsAt:d MMM yyyy})", card.Text, $"/sessions/{card.SessionId}", card.IssueId);
        }
        if (experimentId is { } id)
        {
            var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == id && e.CycleId == cycleId).Select(e => new { e.Title }).FirstOrDefaultAsync(ct);
            return experiment is null ? null : new IssuePrefill(IssueSource.Experiment, id, $"Experiment '{experiment.Title}'", null, $"/experiments/{id}", null);
        }
        return null;
    }

    public async Task<Outcome<IssueView>> CreateAsync(Guid cycleId, IssueInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var errors = ValidationErrors(input);
        var source = input.Source ?? IssueSource.Direct;
        string? label = null;
        Guid? sourceId = null;
        InsightCard? card = null;
        switch (source)
        {
            case IssueSource.Direct:
                break;
            case IssueSource.Insight when input.SourceId is { } cardId:
                card = await db.InsightCards.FirstOrDefaultAsync(c => c.Id == cardId && c.CycleId == cycleId, ct);
                var session = card is null ? null
                    : await db.SenseMakingSessions.AsNoTracking().Where(s => s.Id == card.SessionId).Select(s => new { s.Title, s.StartsAt }).FirstOrDefaultAsync(ct);
                if (card is null || session is null)
                {
                    errors["sourceId"] = ["Choose an insight card from a sense-making session of this cycle."];
                }
                else if (card.IssueId is not null)
                {
                    var number = await db.Issues.AsNoTracking().Where(i => i.Id == card.IssueId).Select(i => (int?)i.Number).FirstOrDefaultAsync(ct);
                    errors["sourceId"] = [number is null
                        ? "This insight has already been turned into an issue."
                        : $"This insight has already been turned into issue #{number}."];
                }
                else
                {
                    (sourceId, label) = (card.Id, Truncate($"Insight from '{session.Title}' ({session.StartsAt:d MMM yyyy})"));
                }
                break;
            case IssueSource.Experiment when input.SourceId is { } experimentId:
                var title = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId && e.CycleId == cycleId).Select(e => e.Title).FirstOrDefaultAsync(ct);
                if (title is null)
                {
                    errors["sourceId"] = ["Choose an experiment of this cycle."];
                }
                else
                {
                    (sourceId, label) = (experimentId, Truncate($"Experiment '{title}'"));
                }
                break;
            case IssueSource.Insight or IssueSource.Experiment:
                errors["sourceId"] = [source == IssueSource.Insight ? "Give the id of the insight card the issue comes from." : "Give the id of the experiment the issue comes from."];
                break;
            case IssueSource.Case when input.SourceId is { } caseId:
                var reference = await CaseReferenceAsync(cycleId, caseId, ct);
                if (reference is null)
                {
                    errors["sourceId"] = ["Choose a case file you work on, in this cycle or a person-scale cycle this cycle learns from."];
                }
                else
                {
                    (sourceId, label) = (caseId, $"Case {reference}");
                }
                break;
            case IssueSource.Case:
                errors["sourceId"] = ["Give the id of the case file the issue comes from."];
                break;
            case IssueSource.Route:
                errors["source"] = ["Issues from another cycle arrive by accepting the routed issue in this cycle's inbox, not by creating them here."];
                break;
            default:
                errors["source"] = ["Use Direct, Insight, Experiment or Case."];
                break;
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var issue = new Issue
        {
            Description = "", NetworkId = cycle.NetworkId, CycleId = cycleId, Status = IssueStatus.Open, Source = source, SourceId = sourceId,
            SourceLabel = label, RaisedByUserId = currentUser.UserId, CreatedAt = now, UpdatedAt = now,
        };
        Apply(issue, input);
        db.Issues.Add(issue);
        if (card is not null)
        {
            card.IssueId = issue.Id;
        }
        await SaveNumberedAsync(cycleId, [issue], ct);
        return await GetAsync(issue.Id, ct);
    }

    public async Task<Outcome<IssueView>> UpdateAsync(Guid issueId, IssueInput input, CancellationToken ct = default)
    {
        var issue = await db.Issues.FirstOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(issue.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        var errors = ValidationErrors(input);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (Concurrency.Check(db, issue, input.Version) is { } stale)
        {
            return stale;
        }
        if (Apply(issue, input))
        {
            issue.UpdatedAt = clock.GetUtcNow();
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await GetAsync(issueId, ct);
    }

    public Task<Outcome<IssueView>> CloseAsync(Guid issueId, IssueStatusInput input, CancellationToken ct = default) =>
        ChangeStatusAsync(issueId, IssueStatus.Closed, input, ct);

    public Task<Outcome<IssueView>> ReopenAsync(Guid issueId, IssueStatusInput input, CancellationToken ct = default) =>
        ChangeStatusAsync(issueId, IssueStatus.Open, input, ct);

    private async Task<Outcome<IssueView>> ChangeStatusAsync(Guid issueId, IssueStatus to, IssueStatusInput input, CancellationToken ct)
    {
        var issue = await db.Issues.FirstOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(issue.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            return Failure.Invalid("reason", to == IssueStatus.Closed
                ? "Say why the issue is closed: what changed, or why it no longer needs work."
                : "Say why the issue is opened again.");
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, issue, input.Version) is { } stale)
        {
            return stale;
        }
        if (issue.Status == to)
        {
            return new Failure(OutcomeStatus.Conflict, Message: to == IssueStatus.Closed ? "The issue is already closed." : "The issue is already open.");
        }
        SetStatus(issue, to, input.Reason.Trim(), clock.GetUtcNow());
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await GetAsync(issueId, ct);
    }

    internal static void SetStatus(Issue issue, IssueStatus to, string reason, DateTimeOffset now)
    {
        issue.Status = to;
        issue.StatusReason = reason;
        issue.ClosedAt = to == IssueStatus.Closed ? now : null;
        issue.UpdatedAt = now;
    }

    /// <summary>Saves new issues with the next free numbers of the cycle. If someone else took a number meanwhile (the unique
    /// index refuses it), the numbers are picked again and the save retried.</summary>
    internal async Task SaveNumberedAsync(Guid cycleId, IReadOnlyList<Issue> added, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var next = await IssueNumbering.NextAsync(db, cycleId, ct);
            foreach (var issue in added)
            {
                issue.Number = next++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 5 && added.Count > 0)
            {
                // The interceptor added history entries for the failed attempt: drop them, they are made again on the next save.
                foreach (var entry in db.ChangeTracker.Entries<HistoryEntry>().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    private static Dictionary<string, string[]> ValidationErrors(IssueInput input)
    {
        var errors = InputValidation.Check(input)?.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [];
        if (input.Level is { } level && !Enum.IsDefined(level))
        {
            errors["level"] = ["Use level 1, 2 or 3."];
        }
        if (input.Owner is { } owner && !Enum.IsDefined(owner))
        {
            errors["owner"] = ["Use Team, Leadership or Government."];
        }
        if (input.Description is not null && string.IsNullOrWhiteSpace(input.Description) && !errors.ContainsKey("description"))
        {
            errors["description"] = ["Describe the issue: what gets in the way, and for whom."];
        }
        if (IssueText.TagProblem(IssueText.NormaliseTags(input.Tags)) is { } tagProblem)
        {
            errors["tags"] = [tagProblem];
        }
        return errors;
    }

    /// <summary>Copies the editable fields; true when anything changed.</summary>
    private static bool Apply(Issue issue, IssueInput input)
    {
        var description = input.Description!.Trim();
        var countermeasure = IssueText.Clean(input.CountermeasureNow);
        var change = IssueText.Clean(input.SystemChange);
        var tags = IssueText.NormaliseTags(input.Tags);
        var changed = issue.Description != description || issue.Level != input.Level!.Value || issue.Owner != input.Owner!.Value
            || issue.CountermeasureNow != countermeasure || issue.SystemChange != change || !issue.Tags.SequenceEqual(tags, StringComparer.Ordinal);
        if (changed)
        {
            (issue.Description, issue.Level, issue.Owner, issue.CountermeasureNow, issue.SystemChange) =
                (description, input.Level!.Value, input.Owner!.Value, countermeasure, change);
            if (!issue.Tags.SequenceEqual(tags, StringComparer.Ordinal))
            {
                issue.Tags = tags;
            }
        }
        return changed;
    }

    private async Task<List<string>> AllTagsAsync(Guid cycleId, CancellationToken ct)
    {
        var lists = await db.Issues.AsNoTracking().Where(i => i.CycleId == cycleId).Select(i => i.Tags).ToListAsync(ct);
        return lists.SelectMany(t => t).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static T? ParseEnum<T>(string? text, string field, string message, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }
        errors[field] = [message];
        return null;
    }

    private static string Truncate(string label) => label.Length <= Limits.Name ? label : label[..(Limits.Name - 1)] + "…";

    internal static readonly System.Linq.Expressions.Expression<Func<Issue, IssueView>> View = i => new IssueView(
        i.Id, i.NetworkId, i.CycleId, i.Number, i.Description, i.Level, i.Status, i.Owner, i.CountermeasureNow, i.SystemChange, i.Tags,
        i.Source, i.SourceId, i.SourceLabel, i.RaisedByUserId, i.CreatedAt, i.UpdatedAt, i.ClosedAt, i.StatusReason, i.Version);

    /// <summary>The pseudonymous reference of a case file the caller works on (or was granted), when the case's cycle is this cycle or
    /// learns into it (a vertical link up from the case's cycle). Null otherwise. The log only ever shows this reference.</summary>
    private async Task<string?> CaseReferenceAsync(Guid cycleId, Guid caseId, CancellationToken ct)
    {
        var (file, _) = await cases.WriteAsync(caseId, People.CaseWrite.Work, ct, evenIfRestricted: true);
        if (file is null)
        {
            return null;
        }
        var connected = file.CycleId == cycleId || await db.CycleLinks.AnyAsync(l =>
            l.Direction == Connections.LinkDirection.Vertical && l.FromCycleId == file.CycleId && l.ToCycleId == cycleId, ct);
        return connected ? file.Reference : null;
    }
}
