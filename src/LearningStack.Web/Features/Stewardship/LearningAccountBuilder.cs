using System.Globalization;
using System.Text;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The sections every account has, in order, and the rules shared by pages and API.</summary>
public static class LearningAccountRules
{
    public const int MaxSectionLength = 60_000;
    public const int MaxDialogueLength = 4_000;

    /// <summary>The longest period one account may cover.</summary>
    public const int MaxPeriodDays = 3 * 366;

    public static IReadOnlyList<(string Key, string Title)> Sections { get; } =
    [
        ("purpose", "Purpose"),
        ("who-took-part", "Who took part"),
        ("what-we-tried", "What we tried"),
        ("what-we-learnt", "What we learnt"),
        ("what-changed", "What changed"),
        ("what-we-passed-on", "What we passed on"),
        ("open-questions", "Open questions"),
    ];

    public static string? SectionTitle(string? key) => Sections.FirstOrDefault(s => s.Key == key).Title;

    /// <summary>Who may write, edit and publish accounts and answer questions: the network's stewards, and members who steward the cycle.</summary>
    public static bool CanWrite(NetworkRole? role, bool stewardsCycle) =>
        role == NetworkRole.Steward || (role is NetworkRole.Member && stewardsCycle);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", English);

    public static string Date(DateTimeOffset d) => d.ToString("d MMMM yyyy", English);

    public static string Period(DateOnly from, DateOnly to) => $"{Date(from)} to {Date(to)}";
}

// What the builder reads: plain records loaded by LearningAccountRecords, so the builder itself is pure and unit tested.

/// <summary>Someone involved: a network member by name, or someone else by role only (or not at all, then only counted).</summary>
public sealed record AccountPerson(string? MemberName, string? Role, Voice? Voice = null);

public sealed record AccountExperiment(Guid Id, string Title, ExperimentType Type, ExperimentState State, ExperimentDecision? Decision,
    DateOnly? ConcludedOn, bool WithPerson, string? LearningAboutWork, string? LearningAboutOrganising, string? ResearchQuestion,
    IReadOnlyList<string> InquiryQuestions, int EvidenceInPeriod, IReadOnlyList<AccountPerson> People);

public sealed record AccountTheme(string Title, int Cards);

public sealed record AccountSession(Guid Id, string Title, DateTimeOffset StartsAt, IReadOnlyList<AccountPerson> People, IReadOnlyList<string> Decisions,
    IReadOnlyList<AccountTheme> Themes, int Cards);

public sealed record AccountEmbedding(string What, EmbeddingKind Kind, string? Replaced, DateOnly EmbeddedOn);

public sealed record AccountCountermeasure(Guid ExperimentId, string Rule, string Instead, CountermeasureStatus Status, DateOnly? EndedOn, string? WhyEnded);

public sealed record AccountRecipient(string CycleName, InfluenceResponse Response);

public sealed record AccountInfluence(Guid Id, string Title, DateTimeOffset SharedAt, IReadOnlyList<AccountRecipient> Recipients);

public sealed record AccountRoute(Guid IssueId, int Number, string Description, string ToCycleName, RouteStatus Status, string? Response, DateTimeOffset RoutedAt);

public sealed record AccountIssue(Guid Id, int Number, string Description);

/// <summary>Everything an account of one cycle over one period is assembled from. Nothing here comes from a case file: experiments tried
/// with one person are marked <see cref="AccountExperiment.WithPerson"/> and only counted, evidence kept in a case file is left out.</summary>
public sealed record AccountSources(Guid CycleId, string CycleName, string NetworkName, string? Purpose, DateOnly From, DateOnly To,
    IReadOnlyList<string> Stewards, IReadOnlyList<AccountExperiment> Experiments, IReadOnlyList<AccountSession> Sessions,
    IReadOnlyList<AccountEmbedding> Embeddings, IReadOnlyList<AccountCountermeasure> RetiredCountermeasures,
    IReadOnlyList<AccountInfluence> Influence, IReadOnlyList<AccountRoute> Routes, IReadOnlyList<AccountIssue> OpenIssues);

public sealed record BuiltSection(string Key, string Title, string Markdown);

/// <summary>Writes the first draft of each section from the records, in plain words, with relative links to the records behind it.
/// Record text is escaped so that it reads as written; stopping an experiment is told as learning, never as failure.</summary>
public static class LearningAccountBuilder
{
    public static IReadOnlyList<BuiltSection> Build(AccountSources s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return LearningAccountRules.Sections.Select(section => new BuiltSection(section.Key, section.Title, Write(s, section.Key).Trim() + "\n")).ToList();
    }

    private static string Write(AccountSources s, string key) => key switch
    {
        "purpose" => Purpose(s),
        "who-took-part" => WhoTookPart(s),
        "what-we-tried" => WhatWeTried(s),
        "what-we-learnt" => WhatWeLearnt(s),
        "what-changed" => WhatChanged(s),
        "what-we-passed-on" => WhatWePassedOn(s),
        "open-questions" => OpenQuestions(s),
        _ => "",
    };

    private static string E(string? text) => SessionRecordExport.EscapeMarkdown(text?.Trim());

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{N(n)} {many}";

    private static string Purpose(AccountSources s)
    {
        var md = new StringBuilder();
        md.Append("This is an account of what **").Append(E(s.CycleName)).Append("** (").Append(E(s.NetworkName)).Append(") tried, learnt and passed on from ")
            .Append(LearningAccountRules.Period(s.From, s.To)).AppendLine(". It is written to help us account for our learning, not to be held to account for targets.")
            .AppendLine();
        if (string.IsNullOrWhiteSpace(s.Purpose))
        {
            md.AppendLine("The cycle has not written down its purpose yet.");
        }
        else
        {
            md.Append("Our purpose: ").AppendLine(E(s.Purpose));
        }
        md.AppendLine().Append("[The cycle](/cycles/").Append(s.CycleId).AppendLine(")");
        return md.ToString();
    }

    private static string WhoTookPart(AccountSources s)
    {
        var md = new StringBuilder();
        md.Append("- Stewards of the cycle: ").AppendLine(s.Stewards.Count == 0 ? "none named" : E(string.Join(", ", s.Stewards)));
        var visible = s.Experiments.Where(e => !e.WithPerson).ToList();
        var experimentPeople = visible.SelectMany(e => e.People).ToList();
        var members = experimentPeople.Where(p => p.MemberName is not null).Select(p => p.MemberName!).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var others = experimentPeople.Count(p => p.MemberName is null);
        md.Append("- In our experiments: ");
        md.AppendLine(members.Count == 0 && others == 0 ? "no one recorded"
            : string.Join("; ", new[] { members.Count > 0 ? E(string.Join(", ", members)) : null, others > 0 ? Plural(others, "other person or group named by role", "other people or groups named by role") : null }.OfType<string>()));
        var sessionPeople = s.Sessions.SelectMany(x => x.People).ToList();
        var sessionMembers = sessionPeople.Where(p => p.MemberName is not null).Select(p => p.MemberName!).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var roles = sessionPeople.Where(p => p.MemberName is null && p.Role is not null).Select(p => p.Role!).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var unnamed = sessionPeople.Count(p => p.MemberName is null && p.Role is null);
        md.Append("- In our sense-making sessions: ");
        md.AppendLine(sessionPeople.Count == 0 ? "no one recorded"
            : string.Join("; ", new[] { sessionMembers.Count > 0 ? E(string.Join(", ", sessionMembers)) : null, roles.Count > 0 ? "by role: " + E(string.Join(", ", roles)) : null,
                unnamed > 0 ? Plural(unnamed, "other person", "other people") : null }.OfType<string>()));
        var voices = sessionPeople.Where(p => p.Voice is not null).GroupBy(p => p.Voice!.Value).OrderBy(g => g.Key).ToList();
        if (voices.Count > 0)
        {
            md.Append("- Voices present in sessions: ").AppendLine(string.Join(", ", voices.Select(g => $"{VoiceWords.Brief(g.Key).ToLowerInvariant()} ({N(g.Count())})")));
        }
        if (s.Sessions.Count > 0 && !sessionPeople.Any(p => p.Voice == Voice.PersonServed))
        {
            md.AppendLine().AppendLine("No one took part in our sessions as a person served or expert by experience in this period.");
        }
        var withPerson = s.Experiments.Count(e => e.WithPerson);
        if (withPerson > 0)
        {
            md.AppendLine().Append("We also tried things with ").Append(Plural(withPerson, "person", "people"))
                .AppendLine(" one to one; what happened is kept in their own case files, so they are counted here and not named.");
        }
        return md.ToString();
    }

    private static string WhatWeTried(AccountSources s)
    {
        var visible = s.Experiments.Where(e => !e.WithPerson).ToList();
        if (visible.Count == 0 && s.Experiments.Count == 0)
        {
            return "We ran no experiments in this period.";
        }
        var md = new StringBuilder();
        foreach (var e in visible)
        {
            md.Append("- [").Append(E(e.Title)).Append("](/experiments/").Append(e.Id).Append(") — ").Append(ExperimentLifecycle.Label(e.Type).ToLowerInvariant())
                .Append(", ").Append(ExperimentLifecycle.Label(e.State).ToLowerInvariant());
            if (e.EvidenceInPeriod > 0)
            {
                md.Append("; ").Append(Plural(e.EvidenceInPeriod, "piece of evidence", "pieces of evidence")).Append(" gathered in the period");
            }
            md.AppendLine();
        }
        var withPerson = s.Experiments.Count(e => e.WithPerson);
        if (withPerson > 0)
        {
            md.AppendLine().Append("And ").Append(Plural(withPerson, "experiment", "experiments")).AppendLine(" tried with one person each, kept in their case files.");
        }
        return md.ToString();
    }

    private static string WhatWeLearnt(AccountSources s)
    {
        var md = new StringBuilder();
        var concluded = s.Experiments.Where(e => e.State == ExperimentState.Concluded && e.ConcludedOn is { } on && on >= s.From && on <= s.To).ToList();
        var visible = concluded.Where(e => !e.WithPerson).ToList();
        md.AppendLine("### From our experiments").AppendLine();
        if (visible.Count == 0)
        {
            md.AppendLine("No experiment was concluded in this period.");
        }
        foreach (var e in visible)
        {
            md.Append("- [").Append(E(e.Title)).Append("](/experiments/").Append(e.Id).Append(')');
            if (e.Decision is { } decision)
            {
                md.Append(" — we decided: ").Append(ExperimentLifecycle.Label(decision).ToLowerInvariant());
            }
            md.AppendLine();
            if (!string.IsNullOrWhiteSpace(e.LearningAboutWork))
            {
                md.Append("  - About the work: ").AppendLine(E(e.LearningAboutWork));
            }
            if (!string.IsNullOrWhiteSpace(e.LearningAboutOrganising))
            {
                md.Append("  - About how we organise: ").AppendLine(E(e.LearningAboutOrganising));
            }
        }
        var stopped = visible.Count(e => e.Decision == ExperimentDecision.Stop);
        if (stopped > 0)
        {
            md.AppendLine().Append("What did not work taught us as much as what did: we stopped ").Append(Plural(stopped, "experiment", "experiments"))
                .AppendLine(" and kept what we learnt from them.");
        }
        var withPerson = concluded.Count(e => e.WithPerson);
        if (withPerson > 0)
        {
            md.AppendLine().Append(Plural(withPerson, "experiment", "experiments")).AppendLine(" tried with one person concluded; their learning stays in the person's file.");
        }
        md.AppendLine().AppendLine("### From our sense-making").AppendLine();
        if (s.Sessions.Count == 0)
        {
            md.AppendLine("We held no sense-making sessions in this period.");
        }
        foreach (var session in s.Sessions)
        {
            md.Append("- [").Append(E(session.Title)).Append("](/sessions/").Append(session.Id).Append("/record), ").Append(LearningAccountRules.Date(session.StartsAt));
            md.AppendLine(session.Cards == 0 ? " — no insights recorded" : $" — {Plural(session.Cards, "insight", "insights")}");
            foreach (var theme in session.Themes.Where(t => t.Cards > 0))
            {
                md.Append("  - Theme: ").Append(E(theme.Title)).Append(" (").Append(N(theme.Cards)).AppendLine(")");
            }
            foreach (var decision in session.Decisions)
            {
                md.Append("  - Decided: ").AppendLine(E(decision));
            }
        }
        return md.ToString();
    }

    private static string WhatChanged(AccountSources s)
    {
        var md = new StringBuilder();
        md.AppendLine("### Became how we work").AppendLine();
        if (s.Embeddings.Count == 0)
        {
            md.AppendLine("Nothing was recorded in the embedding register in this period.");
        }
        foreach (var e in s.Embeddings)
        {
            md.Append("- ").Append(InfluenceText.Kind(e.Kind)).Append(": ").Append(E(e.What)).Append(" (").Append(LearningAccountRules.Date(e.EmbeddedOn)).Append(')');
            if (!string.IsNullOrWhiteSpace(e.Replaced))
            {
                md.Append(" — replaced: ").Append(E(e.Replaced));
            }
            md.AppendLine();
        }
        if (s.Embeddings.Count > 0)
        {
            md.AppendLine().Append("[The embedding register](/cycles/").Append(s.CycleId).AppendLine("/embedding)");
        }
        md.AppendLine().AppendLine("### Countermeasures retired").AppendLine();
        if (s.RetiredCountermeasures.Count == 0)
        {
            md.AppendLine("No countermeasure ended in this period.");
        }
        foreach (var c in s.RetiredCountermeasures)
        {
            md.Append("- ").Append(E(c.Rule)).Append(" — instead: ").Append(E(c.Instead)).Append(". ")
                .Append(c.Status == CountermeasureStatus.NewNormal ? "Became the new normal" : "Removed, no longer needed");
            if (c.EndedOn is { } ended)
            {
                md.Append(" (").Append(LearningAccountRules.Date(ended)).Append(')');
            }
            if (!string.IsNullOrWhiteSpace(c.WhyEnded))
            {
                md.Append(": ").Append(E(c.WhyEnded));
            }
            md.Append(" [experiment](/experiments/").Append(c.ExperimentId).AppendLine(")");
        }
        return md.ToString();
    }

    private static string WhatWePassedOn(AccountSources s)
    {
        var md = new StringBuilder();
        md.AppendLine("### Learning handed to other cycles").AppendLine();
        if (s.Influence.Count == 0)
        {
            md.AppendLine("We handed no learning on in this period.");
        }
        foreach (var i in s.Influence)
        {
            md.Append("- [").Append(E(i.Title)).Append("](/influence/").Append(i.Id).Append("), ").Append(LearningAccountRules.Date(i.SharedAt));
            if (i.Recipients.Count > 0)
            {
                md.Append(" — ").Append(string.Join("; ", i.Recipients.Select(r => $"{E(r.CycleName)}: {InfluenceText.Response(r.Response).ToLowerInvariant()}")));
            }
            md.AppendLine();
        }
        md.AppendLine().AppendLine("### Issues we routed, and what became of them").AppendLine();
        if (s.Routes.Count == 0)
        {
            md.AppendLine("We routed no issues to other cycles in this period.");
        }
        foreach (var r in s.Routes)
        {
            md.Append("- [#").Append(N(r.Number)).Append(' ').Append(E(r.Description)).Append("](/issues/").Append(r.IssueId).Append(") to ").Append(E(r.ToCycleName))
                .Append(", ").Append(LearningAccountRules.Date(r.RoutedAt)).Append(" — ").Append(RoutingRules.StatusText(r.Status).ToLowerInvariant());
            if (!string.IsNullOrWhiteSpace(r.Response))
            {
                md.Append(": ").Append(E(r.Response));
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string OpenQuestions(AccountSources s)
    {
        var md = new StringBuilder();
        md.AppendLine("### Issues still open").AppendLine();
        if (s.OpenIssues.Count == 0)
        {
            md.AppendLine("No issue in our log is open.");
        }
        foreach (var i in s.OpenIssues)
        {
            md.Append("- [#").Append(N(i.Number)).Append(' ').Append(E(i.Description)).Append("](/issues/").Append(i.Id).AppendLine(")");
        }
        md.AppendLine().AppendLine("### Questions our experiments are still asking").AppendLine();
        var asking = s.Experiments.Where(e => !e.WithPerson && e.State != ExperimentState.Concluded).ToList();
        var any = false;
        foreach (var e in asking)
        {
            var questions = new[] { e.ResearchQuestion }.Concat(e.InquiryQuestions).Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
            foreach (var q in questions)
            {
                md.Append("- ").Append(E(q)).Append(" ([").Append(E(e.Title)).Append("](/experiments/").Append(e.Id).AppendLine("))");
                any = true;
            }
        }
        if (!any)
        {
            md.AppendLine("No open inquiry questions were recorded.");
        }
        return md.ToString();
    }
}

/// <summary>Loads an account's sources for one cycle and period in a fixed number of queries. Names people only when they are members
/// of the network; reads nothing from case files (experiments tried with a person are only flagged, evidence kept in a file is skipped).</summary>
public static class LearningAccountRecords
{
    public static async Task<AccountSources> LoadAsync(AppDbContext db, Guid cycleId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.Id, c.Name, c.Purpose, c.NetworkId, NetworkName = n.Name }).FirstAsync(ct);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var memberIds = await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == cycle.NetworkId).Select(m => m.UserId).ToListAsync(ct);
        var names = (await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName);
        string? Member(string? userId) => userId is not null && names.TryGetValue(userId, out var name) ? name : null;

        var stewards = (await db.CycleStewards.AsNoTracking().Where(s => s.CycleId == cycleId).Select(s => s.UserId).ToListAsync(ct))
            .Select(Member).OfType<string>().Order(StringComparer.CurrentCulture).ToList();

        // Experiments whose time overlaps the period: begun by its end, and not concluded before it began.
        var experiments = (await db.Experiments.AsNoTracking().Where(e => e.CycleId == cycleId && e.CreatedAt < end && (e.ConcludedAt == null || e.ConcludedAt >= start))
            .Select(e => new
            {
                e.Id, e.Title, e.Type, e.State, e.Decision, e.ConcludedAt, e.StartsOn, e.CreatedAt, WithPerson = e.CaseFileId != null, e.LearningAboutWork,
                e.LearningAboutOrganising, e.ResearchQuestion, e.InquiryQuestions,
            }).ToListAsync(ct))
            .Where(e => (e.StartsOn ?? DateOnly.FromDateTime(e.CreatedAt.UtcDateTime)) <= to)
            .OrderBy(e => e.StartsOn ?? DateOnly.FromDateTime(e.CreatedAt.UtcDateTime)).ThenBy(e => e.Title, StringComparer.CurrentCulture).ToList();
        var experimentIds = experiments.Select(e => e.Id).ToList();
        var evidence = await db.Evidence.AsNoTracking()
            .Where(x => experimentIds.Contains(x.ExperimentId) && x.CaseFileId == null && x.DeletedAt == null && x.OccurredOn >= from && x.OccurredOn <= to)
            .GroupBy(x => x.ExperimentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var participants = (await db.ExperimentParticipants.AsNoTracking().Where(p => experimentIds.Contains(p.ExperimentId))
            .Select(p => new { p.ExperimentId, p.UserId }).ToListAsync(ct)).ToLookup(p => p.ExperimentId);

        var sessions = await db.SenseMakingSessions.AsNoTracking().Where(x => x.CycleId == cycleId && x.StartsAt >= start && x.StartsAt < end)
            .OrderBy(x => x.StartsAt).Select(x => new { x.Id, x.Title, x.StartsAt }).ToListAsync(ct);
        var sessionIds = sessions.Select(x => x.Id).ToList();
        var sessionPeople = (await db.SessionParticipants.AsNoTracking().Where(p => sessionIds.Contains(p.SessionId))
            .Select(p => new { p.SessionId, p.UserId, p.Role, p.Voice }).ToListAsync(ct)).ToLookup(p => p.SessionId);
        var cards = (await db.InsightCards.AsNoTracking().Where(c => sessionIds.Contains(c.SessionId))
            .Select(c => new { c.SessionId, c.ThemeId, c.IsDecision, c.Text, c.Position }).ToListAsync(ct)).ToLookup(c => c.SessionId);
        var themes = (await db.InsightThemes.AsNoTracking().Where(t => sessionIds.Contains(t.SessionId))
            .Select(t => new { t.Id, t.SessionId, t.Title, t.Position }).ToListAsync(ct)).ToLookup(t => t.SessionId);

        var embeddings = await db.Embeddings.AsNoTracking().Where(e => e.CycleId == cycleId && e.EmbeddedOn >= from && e.EmbeddedOn <= to)
            .OrderBy(e => e.EmbeddedOn).Select(e => new AccountEmbedding(e.What, e.Kind, e.Replaced, e.EmbeddedOn)).ToListAsync(ct);
        var retired = await db.Countermeasures.AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.Status != CountermeasureStatus.Active && c.EndedOn != null && c.EndedOn >= from && c.EndedOn <= to)
            .OrderBy(c => c.EndedOn).Select(c => new AccountCountermeasure(c.ExperimentId, c.Rule, c.Instead, c.Status, c.EndedOn, c.WhyEnded)).ToListAsync(ct);

        var influence = await db.InfluenceRecords.AsNoTracking().Where(r => r.FromCycleId == cycleId && r.SharedAt >= start && r.SharedAt < end)
            .OrderBy(r => r.SharedAt).Select(r => new { r.Id, r.Title, r.SharedAt }).ToListAsync(ct);
        var influenceIds = influence.Select(r => r.Id).ToList();
        var recipients = (await db.InfluenceRecipients.AsNoTracking().Where(r => influenceIds.Contains(r.InfluenceId))
            .Join(db.Cycles, r => r.ToCycleId, c => c.Id, (r, c) => new { r.InfluenceId, c.Name, r.Response }).ToListAsync(ct)).ToLookup(r => r.InfluenceId);
        var routes = await db.IssueRoutes.AsNoTracking().Where(r => r.FromCycleId == cycleId && r.RoutedAt >= start && r.RoutedAt < end)
            .Join(db.Issues, r => r.IssueId, i => i.Id, (r, i) => new { r, i })
            .Join(db.Cycles, x => x.r.ToCycleId, c => c.Id, (x, c) => new { x.r.IssueId, x.i.Number, x.i.Description, c.Name, x.r.Status, x.r.Response, x.r.RoutedAt })
            .OrderBy(x => x.RoutedAt).ToListAsync(ct);
        var openIssues = await db.Issues.AsNoTracking().Where(i => i.CycleId == cycleId && i.Status == IssueStatus.Open && i.CreatedAt < end)
            .OrderBy(i => i.Number).Select(i => new AccountIssue(i.Id, i.Number, i.Description)).ToListAsync(ct);

        return new AccountSources(cycle.Id, cycle.Name, cycle.NetworkName, cycle.Purpose, from, to, stewards,
            [.. experiments.Select(e => new AccountExperiment(e.Id, e.Title, e.Type, e.State, e.Decision,
                e.ConcludedAt is { } c ? DateOnly.FromDateTime(c.UtcDateTime) : null, e.WithPerson, e.LearningAboutWork, e.LearningAboutOrganising,
                e.ResearchQuestion, e.InquiryQuestions, evidence.GetValueOrDefault(e.Id),
                [.. participants[e.Id].Select(p => new AccountPerson(Member(p.UserId), null))]))],
            [.. sessions.Select(x => new AccountSession(x.Id, x.Title, x.StartsAt,
                [.. sessionPeople[x.Id].Select(p => new AccountPerson(Member(p.UserId), p.Role, p.Voice))],
                [.. cards[x.Id].Where(c => c.IsDecision).OrderBy(c => c.Position).Select(c => c.Text)],
                [.. themes[x.Id].OrderBy(t => t.Position).Select(t => new AccountTheme(t.Title, cards[x.Id].Count(c => c.ThemeId == t.Id)))],
                cards[x.Id].Count()))],
            embeddings, retired,
            [.. influence.Select(r => new AccountInfluence(r.Id, r.Title, r.SharedAt, [.. recipients[r.Id].Select(x => new AccountRecipient(x.Name, x.Response))]))],
            [.. routes.Select(r => new AccountRoute(r.IssueId, r.Number, r.Description, r.Name, r.Status, r.Response, r.RoutedAt))],
            openIssues);
    }
}
