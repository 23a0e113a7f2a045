using LearningStack.Graphs;
using LearningStack.Graphs.Loops;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Stewardship;
using LearningStack.Web.Features.Stories;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Patterns;

/// <summary>Patterns across scales: what a cycle above the person scale may see of every cycle connected below it (through the
/// closure table, however many steps, each cycle once). Every figure is counted by the database (GROUP BY joined through
/// <see cref="CycleDescendant"/>); only the grouped rows come back. Person-scale figures count only files whose person agreed
/// (<see cref="CaseAggregates.CountedFiles"/>) and show no group of fewer than <see cref="CaseAggregates.MinimumGroup"/> people;
/// no free text from a case file is ever read. One method per section, so a benchmark can time each through the API and, with
/// the <c>…Query</c> methods' <c>ToQueryString()</c>, as raw SQL.</summary>
public sealed class PatternsQuery(AppDbContext db, NetworkAccess network, TimeProvider clock)
{
    /// <summary>How many learning records the "what was learnt" list shows.</summary>
    public const int LearningShown = 20;

    /// <summary>How many issues the list behind a figure shows.</summary>
    public const int IssuesShown = 200;

    public static readonly Failure PersonScale = new(OutcomeStatus.Conflict,
        Message: "A person-scale cycle has no Patterns page: patterns are what a larger cycle learns from the cycles below it. Open the Patterns of a team, organisation or place cycle.");

    // ----- the building blocks, all queries -----

    /// <summary>Every cycle below <paramref name="cycleId"/> (not the cycle itself). Filters use it as <c>Below(id).Contains(x.CycleId)</c>,
    /// which both databases run as <c>IN (SELECT …)</c>: SQLite then searches each table by its cycle index from the closure
    /// rows, where a correlated <c>EXISTS</c> made it scan the whole table (every issue in the country for one place's figures).</summary>
    public IQueryable<Guid> Below(Guid cycleId) => db.CycleDescendants.Where(d => d.AncestorId == cycleId).Select(d => d.DescendantId);

    /// <summary>The person-scale cycles below.</summary>
    public IQueryable<Guid> PersonCyclesBelow(Guid cycleId) =>
        db.CycleDescendants.Where(d => d.AncestorId == cycleId)
            .Join(db.Cycles, d => d.DescendantId, c => c.Id, (d, c) => c)
            .Where(c => c.Scale!.Kind == ScaleKind.Person).Select(c => c.Id);

    /// <summary>The case files below that may be counted.</summary>
    public IQueryable<CaseFile> CountedFiles(Guid cycleId) => CaseAggregates.CountedFiles(db, PersonCyclesBelow(cycleId));

    public IQueryable<Issue> IssuesBelow(Guid cycleId) =>
        db.Issues.Where(i => Below(cycleId).Contains(i.CycleId));

    // ----- the query of each figure (for ToQueryString and the benchmark) -----

    public IQueryable<IssueRollupRow> IssueRollupQuery(Guid cycleId, PatternMonths months) =>
        IssuesBelow(cycleId)
            .GroupBy(months.Expand((Issue i) => new { i.Level, i.Owner, i.Status, Month = PatternMonths.Of(i.CreatedAt) }))
            .Select(g => new IssueRollupRow(g.Key.Level, g.Key.Owner, g.Key.Status, g.Key.Month, g.Count()));

    /// <summary>One row per tag of each issue. Tags are a list in one column (JSON on SQLite, an array on PostgreSQL), and
    /// SQLite cannot join a list back to its row in a translated query, so the rows come from each database's own function.</summary>
    public IQueryable<IssueTag> IssueTags() => db.Database.IsSqlite()
        ? db.Database.SqlQueryRaw<IssueTag>("""SELECT i."Id" AS "IssueId", i."CycleId" AS "CycleId", j.value AS "Tag" FROM "Issues" AS i, json_each(i."Tags") AS j""")
        : db.Database.SqlQueryRaw<IssueTag>("""SELECT i."Id" AS "IssueId", i."CycleId" AS "CycleId", t AS "Tag" FROM "Issues" AS i, unnest(i."Tags") AS t""");

    /// <summary>One row per tag of each what-matters entry (see <see cref="IssueTags"/>).</summary>
    public IQueryable<StatementTag> StatementTags() => db.Database.IsSqlite()
        ? db.Database.SqlQueryRaw<StatementTag>("""SELECT s."CaseFileId" AS "CaseFileId", j.value AS "Tag" FROM "CaseStatements" AS s, json_each(s."Tags") AS j WHERE s."Kind" = 'WhatMatters'""")
        : db.Database.SqlQueryRaw<StatementTag>("""SELECT s."CaseFileId" AS "CaseFileId", t AS "Tag" FROM "CaseStatements" AS s, unnest(s."Tags") AS t WHERE s."Kind" = 'WhatMatters'""");

    public IQueryable<TagRow> IssueTagQuery(Guid cycleId) =>
        IssueTags().Where(t => Below(cycleId).Contains(t.CycleId))
            .GroupBy(t => t.Tag).Select(g => new TagRow(g.Key, g.Select(t => t.IssueId).Distinct().Count()));

    public IQueryable<RouteRow> RouteFateQuery(Guid cycleId) =>
        db.IssueRoutes.Where(r => Below(cycleId).Contains(r.FromCycleId))
            .GroupBy(r => r.Status).Select(g => new RouteRow(g.Key, g.Count()));

    /// <summary>Tags on what matters, in distinct counted files.</summary>
    public IQueryable<TagRow> CaseTagQuery(Guid cycleId)
    {
        var files = CountedFiles(cycleId).Select(f => f.Id);
        return StatementTags().Where(s => files.Contains(s.CaseFileId))
            .GroupBy(x => x.Tag).Select(g => new TagRow(g.Key, g.Select(x => x.CaseFileId).Distinct().Count()));
    }

    /// <summary>Tag answers of stories told with a counted person who has not withdrawn consent for stories, in distinct files.</summary>
    public IQueryable<TagRow> StoryTagQuery(Guid cycleId, IReadOnlyCollection<Guid> tagSignifiers)
    {
        var files = CountedFiles(cycleId).Select(f => f.Id);
        return db.StoryAnswers.Where(a => tagSignifiers.Contains(a.SignifierId) && a.Option != null)
            .Join(db.Stories, a => a.StoryId, s => s.Id, (a, s) => new { a.Option, s.CaseFileId })
            .Where(x => x.CaseFileId != null && files.Contains(x.CaseFileId.Value) &&
                db.CaseConsents.Where(c => c.CaseFileId == x.CaseFileId && c.Purpose == ConsentPurpose.Stories)
                    .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (bool?)c.Given).FirstOrDefault() != false)
            .GroupBy(x => x.Option!).Select(g => new TagRow(g.Key, g.Select(x => x.CaseFileId).Distinct().Count()));
    }

    /// <summary>Spend in the cycles below, by need and month: entries not linked to a case, and entries linked to a counted file.</summary>
    public IQueryable<SpendRow> SpendQuery(Guid cycleId, DateOnly from)
    {
        var files = CountedFiles(cycleId).Select(f => f.Id);
        return db.SpendEntries
            .Where(e => e.SpentOn >= from && Below(cycleId).Contains(e.CycleId) &&
                (e.CaseFileId == null || files.Contains(e.CaseFileId.Value)))
            .GroupBy(e => new { e.NeedCategoryId, e.Currency, e.SpentOn.Year, e.SpentOn.Month })
            .Select(g => new SpendRow(g.Key.NeedCategoryId, g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(e => e.Amount), g.Count(),
                g.Where(e => e.CaseFileId != null).Select(e => e.CaseFileId).Distinct().Count()));
    }

    // The experiments section's two queries are compiled (CompiledQuery): each takes a few milliseconds at national scale, so
    // EF Core's own per-query work (parameter extraction, the query-cache lookup) was a large share of the section's time.
    // Written out in full, as a compiled query cannot call the building blocks above; the filter is the same as Below().

    /// <summary>Experiments in the cycles below, by type, state and decision, leaving out any tried with one person (their learning
    /// lives in the case file).</summary>
    private static readonly CompiledQuery<Guid, ExperimentCell> ExperimentCells = new((db, cycleId) =>
        db.Experiments
            .Where(x => x.CaseFileId == null && db.CycleDescendants.Where(d => d.AncestorId == cycleId).Select(d => d.DescendantId).Contains(x.CycleId))
            .GroupBy(x => new { x.Type, x.State, x.Decision })
            .Select(g => new ExperimentCell(g.Key.Type, g.Key.State, g.Key.Decision, g.Count())));

    /// <summary>The latest learning written in experiments below (the same experiments as <see cref="ExperimentCells"/>).</summary>
    private static readonly CompiledQuery<Guid, ExperimentLearning> ExperimentLearnings = new((db, cycleId) =>
        db.Experiments
            .Where(x => x.CaseFileId == null && db.CycleDescendants.Where(d => d.AncestorId == cycleId).Select(d => d.DescendantId).Contains(x.CycleId))
            .Where(x => x.State == ExperimentState.Concluded || x.LearningAboutWork != null || x.LearningAboutOrganising != null)
            .OrderByDescending(x => x.ConcludedAt).ThenByDescending(x => x.CreatedAt).Take(LearningShown)
            .Join(db.Cycles, x => x.CycleId, c => c.Id, (x, c) => new ExperimentLearning(x.Id, x.Title, c.Id, c.Name, x.Type, x.Decision, x.ConcludedAt,
                x.LearningAboutWork, x.LearningAboutOrganising)));

    public IQueryable<ExperimentCell> ExperimentQuery(Guid cycleId) => ExperimentCells.Query(db, cycleId);

    /// <summary>Tasks done on visits in counted files: distinct files and visits per task.</summary>
    public IQueryable<TaskRow> WorkQuery(Guid cycleId)
    {
        var files = CountedFiles(cycleId).Select(f => f.Id);
        return db.CaseNoteTasks.Where(t => files.Contains(t.CaseFileId))
            .GroupBy(t => t.TaskTypeId)
            .Select(g => new TaskRow(g.Key, g.Select(t => t.CaseFileId).Distinct().Count(), g.Select(t => t.CaseNoteId).Distinct().Count()));
    }

    /// <summary>People with tasks and visits with tasks, in one pass over the tasks (distinct counts cannot be summed from the rows
    /// per task). No row when there are no tasks.</summary>
    public IQueryable<WorkTotals> WorkTotalsQuery(Guid cycleId)
    {
        var files = CountedFiles(cycleId).Select(f => f.Id);
        return db.CaseNoteTasks.Where(t => files.Contains(t.CaseFileId)).GroupBy(t => 1)
            .Select(g => new WorkTotals(g.Select(t => t.CaseFileId).Distinct().Count(), g.Select(t => t.CaseNoteId).Distinct().Count()));
    }

    public IQueryable<ExperimentLearning> ExperimentLearningQuery(Guid cycleId) => ExperimentLearnings.Query(db, cycleId);

    /// <summary>The counted files, optionally only those in a group: a what-matters tag, an age band, a gender.</summary>
    private IQueryable<Guid> MapFiles(Guid cycleId, MapFilter? filter)
    {
        var files = CountedFiles(cycleId);
        if (filter?.AgeBand is { } age)
        {
            files = files.Where(f => f.AgeBand == age);
        }
        if (filter?.Gender is { } gender)
        {
            files = files.Where(f => f.Gender == gender);
        }
        var ids = files.Select(f => f.Id);
        return filter?.Tag is not { } tag
            ? ids
            : ids.Where(f => db.CaseStatements.Any(s => s.CaseFileId == f && s.Kind == StatementKind.WhatMatters && s.Tags.Contains(tag)));
    }

    /// <summary>Counted files per age band and gender together (null: not said), for the map's filter options.</summary>
    public IQueryable<GroupRow> MapGroupQuery(Guid cycleId) =>
        CountedFiles(cycleId).GroupBy(f => new { f.AgeBand, f.Gender }).Select(g => new GroupRow(g.Key.AgeBand, g.Key.Gender, g.Count()));

    public IQueryable<TagRow> CommunityFactorQuery(Guid cycleId, MapFilter? filter)
    {
        var files = MapFiles(cycleId, filter);
        return db.LifeMapElements.Where(e => e.Theme != null && files.Contains(e.CaseFileId))
            .GroupBy(e => e.Theme!).Select(g => new TagRow(g.Key, g.Select(e => e.CaseFileId).Distinct().Count()));
    }

    public IQueryable<CommunityLinkRow> CommunityLinkQuery(Guid cycleId, MapFilter? filter)
    {
        var files = MapFiles(cycleId, filter);
        return db.LifeMapLinks.Where(l => files.Contains(l.CaseFileId))
            .Join(db.LifeMapElements, l => l.FromId, e => e.Id, (l, from) => new { l.CaseFileId, l.ToId, l.Polarity, From = from.Theme })
            .Join(db.LifeMapElements, x => x.ToId, e => e.Id, (x, to) => new { x.CaseFileId, x.Polarity, x.From, To = to.Theme })
            .Where(x => x.From != null && x.To != null && x.From != x.To)
            .GroupBy(x => new { x.From, x.To, x.Polarity })
            .Select(g => new CommunityLinkRow(g.Key.From!, g.Key.To!, g.Key.Polarity, g.Select(x => x.CaseFileId).Distinct().Count()));
    }

    // Tag counts are needed by more than one section; the Patterns page asks for all of them in one request (this service is
    // scoped to it), so each is counted once per request.
    private readonly Dictionary<Guid, List<TagRow>> _issueTags = [], _caseTags = [];

    private async Task<List<TagRow>> IssueTagRowsAsync(Guid cycleId, CancellationToken ct) =>
        _issueTags.TryGetValue(cycleId, out var rows) ? rows : _issueTags[cycleId] = await IssueTagQuery(cycleId).ToListAsync(ct);

    private async Task<List<TagRow>> CaseTagRowsAsync(Guid cycleId, CancellationToken ct) =>
        _caseTags.TryGetValue(cycleId, out var rows) ? rows : _caseTags[cycleId] = await CaseTagQuery(cycleId).ToListAsync(ct);

    // ----- the sections -----

    public async Task<Outcome<PatternsSummary>> SummaryAsync(Guid cycleId, CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        var below = await db.CycleDescendants.CountAsync(d => d.AncestorId == cycleId, ct);
        var personCycles = await PersonCyclesBelow(cycleId).CountAsync(ct);
        var files = await db.CaseFiles.CountAsync(f => PersonCyclesBelow(cycleId).Contains(f.CycleId) && f.ErasedAt == null, ct);
        var counted = await CountedFiles(cycleId).CountAsync(ct);

        var children = await db.CycleLinks.AsNoTracking().Where(l => l.ToCycleId == cycleId && l.Direction == LinkDirection.Vertical)
            .Join(db.Cycles, l => l.FromCycleId, c => c.Id, (l, c) => new { c.Id, c.Name, Scale = c.Scale!.Name, l.LearnsFrom })
            .ToListAsync(ct);
        var childIds = children.Select(c => c.Id).ToList();
        // Each child with the cycles below it, counted in the database per child.
        var subtrees = db.CycleDescendants.Where(d => childIds.Contains(d.AncestorId)).Select(d => new { d.AncestorId, d.DescendantId })
            .Concat(db.Cycles.Where(c => childIds.Contains(c.Id)).Select(c => new { AncestorId = c.Id, DescendantId = c.Id }));
        var issues = await subtrees.Join(db.Issues, s => s.DescendantId, i => i.CycleId, (s, i) => new { s.AncestorId, i.Status })
            .GroupBy(x => new { x.AncestorId, x.Status }).Select(g => new { g.Key.AncestorId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var experiments = await subtrees.Join(db.Experiments.Where(x => x.CaseFileId == null), s => s.DescendantId, x => x.CycleId, (s, x) => s.AncestorId)
            .GroupBy(a => a).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var sizes = await db.CycleDescendants.Where(d => childIds.Contains(d.AncestorId)).GroupBy(d => d.AncestorId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Each child's story beside its figures: the newest learning written in it or below it, and its own latest account.
        var latest = await subtrees
            .Join(db.Experiments.Where(x => x.CaseFileId == null && x.State == ExperimentState.Concluded && (x.LearningAboutWork != null || x.LearningAboutOrganising != null)),
                s => s.DescendantId, x => x.CycleId, (s, x) => new { s.AncestorId, x.Id, x.ConcludedAt, x.CreatedAt })
            .GroupBy(x => x.AncestorId)
            .Select(g => g.OrderByDescending(x => x.ConcludedAt).ThenByDescending(x => x.CreatedAt).Select(x => new { x.AncestorId, x.Id }).First())
            .ToDictionaryAsync(x => x.AncestorId, x => x.Id, ct);
        var latestIds = latest.Values.Distinct().ToList();
        var learning = await db.Experiments.AsNoTracking().Where(x => latestIds.Contains(x.Id))
            .Join(db.Cycles, x => x.CycleId, c => c.Id, (x, c) => new ChildLearning(x.Id, x.Title, c.Name, x.ConcludedAt, (x.LearningAboutWork ?? x.LearningAboutOrganising)!))
            .ToDictionaryAsync(l => l.ExperimentId, ct);
        var accounts = (await db.LearningAccounts.AsNoTracking().Where(a => childIds.Contains(a.CycleId) && a.Status == LearningAccountStatus.Published)
                .Select(a => new { a.CycleId, a.Id, a.Title, a.PeriodFrom, a.PeriodTo, a.PublishedAt }).ToListAsync(ct))
            .GroupBy(a => a.CycleId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.PeriodTo).ThenByDescending(a => a.PublishedAt).Select(a => new ChildAccount(a.Id, a.Title, a.PeriodFrom, a.PeriodTo)).First());
        var childViews = children
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new ChildCycle(c.Id, c.Name, c.Scale, c.LearnsFrom, sizes.GetValueOrDefault(c.Id),
                issues.Where(i => i.AncestorId == c.Id && i.Status == IssueStatus.Open).Sum(i => i.Count),
                issues.Where(i => i.AncestorId == c.Id && i.Status == IssueStatus.Closed).Sum(i => i.Count),
                experiments.GetValueOrDefault(c.Id),
                latest.TryGetValue(c.Id, out var experimentId) ? learning.GetValueOrDefault(experimentId) : null,
                accounts.GetValueOrDefault(c.Id)))
            .ToList();
        return new PatternsSummary(cycle, below, personCycles, CaseAggregates.Shown(counted), files - counted, childViews,
            How("Cycles connected below this one by learns-from links, each once however many ways it is reached; case files in the person-scale cycles among them, counted only where the person agreed. " +
                "Beside each cycle directly below: the learning written most recently when an experiment concluded there or below it, and the latest learning account it published, in its own words.",
                ("cycles below", below), ("person-scale cycles", personCycles), ("case files", files)));
    }

    public async Task<Outcome<IssuePatterns>> IssuesAsync(Guid cycleId, CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        var months = new PatternMonths(clock.GetUtcNow());
        var rows = await IssueRollupQuery(cycleId, months).ToListAsync(ct);
        var tags = (await IssueTagRowsAsync(cycleId, ct))
            .GroupBy(t => LifeThemes.Normalise(t.Tag) ?? t.Tag).Select(g => new TagRow(g.Key, g.Sum(t => t.Count))).ToList();
        var routes = await RouteFateQuery(cycleId).ToListAsync(ct);
        var cells = rows.Select(r => new IssueCell(r.Level, r.Owner, r.Status, months.LabelOf(r.Month), r.Count))
            .OrderBy(c => c.Month == PatternMonths.Earlier ? "" : c.Month, StringComparer.Ordinal).ThenBy(c => c.Level).ThenBy(c => c.Owner).ThenBy(c => c.Status).ToList();
        var total = rows.Sum(r => r.Count);
        return new IssuePatterns(cycle, months.Labels, cells,
            [.. tags.OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.CurrentCultureIgnoreCase).Select(t => new TagCount(t.Tag, t.Count))],
            [.. Enum.GetValues<RouteStatus>().Select(s => new RouteFate(s, routes.Where(r => r.Status == s).Sum(r => r.Count)))],
            total,
            How("Issues logged in every cycle below, grouped by level, who can act on them, open or closed and the month they were logged (the last 24 months; older ones together); their tags; and the issues those cycles routed elsewhere, by what became of them.",
                ("issues", total), ("routed issues", routes.Sum(r => r.Count))));
    }

    public async Task<Outcome<ProblemPatterns>> ProblemsAsync(Guid cycleId, CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        var caseTags = await CaseTagRowsAsync(cycleId, ct);
        var issueTags = await IssueTagRowsAsync(cycleId, ct);
        var signifiers = (await db.StoryCollections.AsNoTracking().Where(c => c.NetworkId == cycle.NetworkId).Select(c => c.Signifiers).ToListAsync(ct))
            .SelectMany(s => s).Where(s => s.Kind == SignifierKind.Tags).Select(s => s.Id).ToList();
        var storyTags = signifiers.Count == 0 ? [] : await StoryTagQuery(cycleId, signifiers).ToListAsync(ct);
        var merged = new Dictionary<string, (int Cases, int Issues, int Stories)>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<TagRow> rows, Func<(int, int, int), int, (int, int, int)> add)
        {
            foreach (var row in rows)
            {
                var key = LifeThemes.Normalise(row.Tag) ?? row.Tag;
                merged[key] = add(merged.GetValueOrDefault(key), row.Count);
            }
        }
        Add(caseTags, (t, n) => (t.Item1 + n, t.Item2, t.Item3));
        Add(issueTags, (t, n) => (t.Item1, t.Item2 + n, t.Item3));
        Add(storyTags, (t, n) => (t.Item1, t.Item2, t.Item3 + n));
        var tags = merged
            .Select(m => new CommonTag(m.Key, CaseAggregates.Shown(m.Value.Cases), m.Value.Cases is > 0 and < CaseAggregates.MinimumGroup,
                m.Value.Issues, CaseAggregates.Shown(m.Value.Stories), m.Value.Stories is > 0 and < CaseAggregates.MinimumGroup))
            .Where(t => t.Weight > 0)
            .OrderByDescending(t => t.Weight).ThenBy(t => t.Tag, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var rareCases = merged.Count(m => m.Value.Cases is > 0 and < CaseAggregates.MinimumGroup);
        var rareStories = merged.Count(m => m.Value.Stories is > 0 and < CaseAggregates.MinimumGroup);
        return new ProblemPatterns(cycle, tags, rareCases, rareStories,
            How("Tags on what matters in the case files below (each person once per tag, only where they agreed to be counted), tags on the issues of the cycles below (each issue once), and tags people chose for stories told with them (each person once). Tags from fewer than 5 people are not shown, only how many such rare tags there are.",
                ("tags from what matters", caseTags.Count), ("tags on issues", issueTags.Count), ("tags on stories", storyTags.Count)));
    }

    public async Task<Outcome<SpendPatterns>> SpendAsync(Guid cycleId, CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        var months = new PatternMonths(clock.GetUtcNow());
        var rows = await SpendQuery(cycleId, months.FirstDay).ToListAsync(ct);
        var needIds = rows.Select(r => r.NeedCategoryId).Distinct().ToList();
        var needs = await db.NeedCategories.AsNoTracking().Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var cells = rows
            .Select(r =>
            {
                var suppressed = r.Cases is > 0 and < CaseAggregates.MinimumGroup;
                return new SpendCell(r.NeedCategoryId, needs.GetValueOrDefault(r.NeedCategoryId, "?"), r.Currency, PatternMonths.Label(r.Year, r.Month),
                    suppressed ? null : r.Amount, suppressed ? null : r.Entries, suppressed);
            })
            .OrderBy(c => c.Month, StringComparer.Ordinal).ThenBy(c => c.Need, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.Currency, StringComparer.Ordinal)
            .ToList();
        return new SpendPatterns(cycle, months.Labels, cells, cells.Count(c => c.Suppressed),
            How("Spend logged in the cycles below in the last 24 months, by need and month: entries not linked to a person, and entries linked to a person who agreed to be counted. A month's need with spend for 1 to 4 people is not shown.",
                ("spend entries", rows.Sum(r => r.Entries)), ("needs", needIds.Count)));
    }

    public async Task<Outcome<ExperimentPatterns>> ExperimentsAsync(Guid cycleId, CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        var cells = await ExperimentCells.ToListAsync(db, cycleId, ct);
        var learning = await ExperimentLearnings.ToListAsync(db, cycleId, ct);
        var ordered = cells.OrderBy(c => c.Type).ThenBy(c => c.State).ThenBy(c => c.Decision).ToList();
        return new ExperimentPatterns(cycle, ordered, learning,
            How("Experiments in the cycles below, by type, state and decision (iterate, embed, stop), and the latest learning written when they concluded. Experiments tried with one person are left out: their learning is kept in the case file.",
                ("experiments", cells.Sum(c => c.Count))));
    }

    public async Task<Outcome<WorkPatterns>> WorkAsync(Guid cycleId, CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        var rows = await WorkQuery(cycleId).ToDictionaryAsync(r => r.TaskTypeId, ct);
        var (withTasks, visits) = await WorkTotalsQuery(cycleId).FirstOrDefaultAsync(ct) ?? new WorkTotals(0, 0);
        var types = await CaseTaskCommands.ViewsAsync(db, cycle.NetworkId, ct);
        var tasks = types
            .Select(t =>
            {
                var row = rows.GetValueOrDefault(t.Id);
                var shown = row is not null && row.Cases >= CaseAggregates.MinimumGroup;
                return new WorkTask(t.Id, t.Name, t.Complexity, t.ComplexityNote, shown ? row!.Cases : null, shown ? row!.Visits : null, row is not null && !shown);
            })
            .OrderBy(t => t.Complexity).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new WorkPatterns(cycle, tasks, CaseAggregates.Shown(withTasks), withTasks < CaseAggregates.MinimumGroup ? null : visits,
            How("Tasks recorded on visits and calls in the case files below (only where the person agreed to be counted): for each task on the network's list, how many people needed it and on how many visits, beside the complexity the team judged it to have. A task needed by fewer than 5 people shows no figures.",
                ("people with tasks", withTasks), ("visits with tasks", visits), ("tasks on the list", types.Count)));
    }

    public async Task<Outcome<CommunityMap>> CommunityMapAsync(Guid cycleId, MapFilter? filter = null, CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        filter = (filter ?? MapFilter.Everyone) with { Tag = LifeThemes.Normalise(filter?.Tag) };
        var tagOptions = (await CaseTagRowsAsync(cycleId, ct)).Where(t => t.Count >= CaseAggregates.MinimumGroup)
            .Select(t => t.Tag).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        // A group is offered only when at least 5 counted people are in it (people who did not say are not a group); combined
        // filters are then suppressed figure by figure.
        var groups = await MapGroupQuery(cycleId).ToListAsync(ct);
        var ageOptions = groups.Where(g => g.AgeBand is not null).GroupBy(g => g.AgeBand!.Value)
            .Where(g => g.Sum(x => x.Count) >= CaseAggregates.MinimumGroup).Select(g => g.Key).Order().ToList();
        var genderOptions = groups.Where(g => g.Gender is not null).GroupBy(g => g.Gender!.Value)
            .Where(g => g.Sum(x => x.Count) >= CaseAggregates.MinimumGroup).Select(g => g.Key).Order().ToList();
        if (filter.Tag is { } tag && !tagOptions.Contains(tag))
        {
            return Failure.Invalid("tag", "Choose a tag shared by at least 5 people.");
        }
        if (filter.AgeBand is { } age && !ageOptions.Contains(age))
        {
            return Failure.Invalid("ageBand", "Choose an age band at least 5 counted people are in.");
        }
        if (filter.Gender is { } gender && !genderOptions.Contains(gender))
        {
            return Failure.Invalid("gender", "Choose a gender at least 5 counted people share.");
        }
        var factorRows = await CommunityFactorQuery(cycleId, filter).ToListAsync(ct);
        var linkRows = await CommunityLinkQuery(cycleId, filter).ToListAsync(ct);
        var factors = factorRows.Where(f => f.Count >= CaseAggregates.MinimumGroup)
            .OrderByDescending(f => f.Count).ThenBy(f => f.Tag, StringComparer.CurrentCultureIgnoreCase)
            .Select(f => new CommunityFactor(f.Tag, f.Count)).ToList();
        var shown = factors.Select(f => f.Theme).ToHashSet();
        var links = linkRows.Where(l => l.Cases >= CaseAggregates.MinimumGroup && shown.Contains(l.From) && shown.Contains(l.To))
            .OrderByDescending(l => l.Cases).ThenBy(l => l.From, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.To, StringComparer.CurrentCultureIgnoreCase)
            .Select(l => new CommunityLink(l.From, l.To, l.Polarity, l.Cases)).ToList();
        var (loops, truncated) = Loops(factors, links);
        return new CommunityMap(cycle, filter.Tag, tagOptions, filter.AgeBand, ageOptions, filter.Gender, genderOptions, factors, links,
            factorRows.Count - factors.Count, linkRows.Count - links.Count, loops, truncated,
            How("The life maps in the case files below (only where the person agreed to be counted" + filter.InWords() +
                ") laid on top of each other: each theme a factor, each link between themes counted once per person whose map has it. Factors and links on fewer than 5 maps are left out; feedback loops are then found on what remains. " +
                "Age and gender are what people chose to share about themselves; a group is offered only when at least 5 counted people are in it.",
                ("themes", factorRows.Count), ("links between themes", linkRows.Count)));
    }

    /// <summary>Feedback loops on the layered map: same-direction links +, opposite −, unknown 0.</summary>
    public static (IReadOnlyList<CommunityLoop> Loops, bool Truncated) Loops(IReadOnlyList<CommunityFactor> factors, IReadOnlyList<CommunityLink> links)
    {
        var index = factors.Select((f, i) => (f.Theme, i)).ToDictionary(x => x.Theme, x => x.i);
        var edges = links.Select(l => new SignedEdge(index[l.From], index[l.To], l.Polarity switch
        {
            Understanding.LinkPolarity.Same => 1,
            Understanding.LinkPolarity.Opposite => -1,
            _ => 0,
        })).ToList();
        var list = LoopFinder.FindShortestFirst(new SignedDigraph(factors.Count, edges), new LoopOptions { MaxLength = 8, MaxLoops = 50 });
        return ([.. list.Loops.Select(l => new CommunityLoop([.. l.Nodes.Select(n => factors[n].Theme)], l.Polarity.ToString()))], list.Count.Truncated);
    }

    /// <summary>The issues behind a figure, in the cycles below: filtered by tag, level, owner and status, newest first.</summary>
    public async Task<Outcome<PatternIssueList>> IssueListAsync(Guid cycleId, string? tag, IssueLevel? level, IssueOwner? owner, IssueStatus? status,
        CancellationToken ct = default)
    {
        await using var connection = await db.Database.HoldConnectionAsync(ct);
        var (cycle, failure) = await ScopeAsync(cycleId, ct);
        if (cycle is null)
        {
            return failure!;
        }
        var issues = IssuesBelow(cycleId);
        if (LifeThemes.Normalise(tag) is { } wanted)
        {
            // Tags on issues keep the case they were typed in; the figure counts them without case, and so does the list.
            var variants = await IssueTags().Where(t => Below(cycleId).Contains(t.CycleId))
                .Select(t => t.Tag).Distinct().ToListAsync(ct);
            var matching = variants.Where(v => string.Equals(LifeThemes.Normalise(v), wanted, StringComparison.Ordinal)).ToList();
            issues = issues.Where(i => i.Tags.Any(t => matching.Contains(t)));
            tag = wanted;
        }
        if (level is { } l)
        {
            issues = issues.Where(i => i.Level == l);
        }
        if (owner is { } o)
        {
            issues = issues.Where(i => i.Owner == o);
        }
        if (status is { } s)
        {
            issues = issues.Where(i => i.Status == s);
        }
        var total = await issues.CountAsync(ct);
        var list = await issues.OrderByDescending(i => i.CreatedAt).Take(IssuesShown)
            .Join(db.Cycles, i => i.CycleId, c => c.Id, (i, c) => new PatternIssue(i.Id, i.Number, c.Id, c.Name, i.Description, i.Level, i.Owner, i.Status, i.Tags, i.CreatedAt))
            .ToListAsync(ct);
        return new PatternIssueList(cycle, tag, level, owner, status, total, list);
    }

    /// <summary>The cycle, when the caller may see it and it is above the person scale.</summary>
    public async Task<(PatternsCycle? Cycle, Failure? Failure)> ScopeAsync(Guid cycleId, CancellationToken ct)
    {
        // The cycle and the viewer's role in its network in one round trip: every section asks this first.
        var userId = network.UserId;
        var found = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Select(c => new
            {
                c.Id, c.NetworkId, c.Name, Network = db.Networks.Where(n => n.Id == c.NetworkId).Select(n => n.Name).First(), Scale = c.Scale!.Name, c.Scale.Kind,
                Role = db.NetworkMembers.Where(m => m.NetworkId == c.NetworkId && m.UserId == userId).Select(m => (NetworkRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            network.Remember(found.NetworkId, found.Role);
        }
        if (found is null || NetworkAccess.Check(found.Role, NetworkRole.Observer) is not null)
        {
            return (null, Failure.NotFound);
        }
        if (found.Kind == ScaleKind.Person)
        {
            return (null, PersonScale);
        }
        return (new PatternsCycle(found.Id, found.NetworkId, found.Name, found.Network, found.Scale), null);
    }

    private Computation How(string query, params (string What, int Count)[] records) =>
        new(query, [.. records.Select(r => new RecordCount(r.What, r.Count))], clock.GetUtcNow());
}

public sealed record IssueRollupRow(IssueLevel Level, IssueOwner Owner, IssueStatus Status, int Month, int Count);

public sealed record TagRow(string Tag, int Count);

public sealed record GroupRow(AgeBand? AgeBand, GenderGroup? Gender, int Count);

/// <summary>Whose life maps the community map layers: everyone counted, or only a group (a what-matters tag, an age band, a
/// gender, or several together).</summary>
public sealed record MapFilter(string? Tag = null, AgeBand? AgeBand = null, GenderGroup? Gender = null)
{
    public static MapFilter Everyone { get; } = new();

    /// <summary>", and only people …" for the "how was this computed" text; empty for everyone.</summary>
    public string InWords()
    {
        var parts = new List<string>();
        if (Tag is not null)
        {
            parts.Add($"with \"{Tag}\" among what matters");
        }
        if (AgeBand is { } age)
        {
            parts.Add($"aged {AboutText.Age(age)}");
        }
        if (Gender is { } gender)
        {
            parts.Add($"whose gender is \"{AboutText.Gender(gender)}\"");
        }
        return parts.Count == 0 ? "" : ", and only people " + string.Join(", ", parts);
    }
}

public sealed record IssueTag(Guid IssueId, Guid CycleId, string Tag);

public sealed record StatementTag(Guid CaseFileId, string Tag);

public sealed record RouteRow(RouteStatus Status, int Count);

public sealed record SpendRow(Guid NeedCategoryId, string Currency, int Year, int Month, decimal Amount, int Entries, int Cases);

public sealed record WorkTotals(int Cases, int Visits);

public sealed record TaskRow(Guid TaskTypeId, int Cases, int Visits);

public sealed record CommunityLinkRow(string From, string To, Understanding.LinkPolarity? Polarity, int Cases);
