using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Stewardship;

namespace LearningStack.Tests.Features.Stewardship;

/// <summary>What goes into each section of a learning account, given the records.</summary>
public sealed class LearningAccountBuilderTests
{
    private static readonly Guid Cycle = Guid.NewGuid();
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 3, 31);

    private static AccountSources Sources(IReadOnlyList<AccountExperiment>? experiments = null, IReadOnlyList<AccountSession>? sessions = null,
        IReadOnlyList<AccountEmbedding>? embeddings = null, IReadOnlyList<AccountCountermeasure>? retired = null, IReadOnlyList<AccountInfluence>? influence = null,
        IReadOnlyList<AccountRoute>? routes = null, IReadOnlyList<AccountIssue>? issues = null, string? purpose = "People live free from debt.") =>
        new(Cycle, "Debt team", "Gateshead", purpose, From, To, ["Alex Rivers"], experiments ?? [], sessions ?? [], embeddings ?? [], retired ?? [],
            influence ?? [], routes ?? [], issues ?? []);

    private static AccountExperiment Experiment(string title, ExperimentState state = ExperimentState.Running, ExperimentDecision? decision = null,
        bool withPerson = false, string? learning = null, IReadOnlyList<AccountPerson>? people = null, IReadOnlyList<string>? questions = null) =>
        new(Guid.NewGuid(), title, ExperimentType.Probe, state, decision, state == ExperimentState.Concluded ? new DateOnly(2026, 3, 1) : null, withPerson,
            learning, null, null, questions ?? [], 2, people ?? []);

    private static string Section(AccountSources s, string key) => LearningAccountBuilder.Build(s).Single(x => x.Key == key).Markdown;

    [Fact]
    public void Build_AnyRecords_SevenSectionsInOrderEachEndingWithOneNewline()
    {
        var built = LearningAccountBuilder.Build(Sources());

        Assert.Equal(["purpose", "who-took-part", "what-we-tried", "what-we-learnt", "what-changed", "what-we-passed-on", "open-questions"], built.Select(b => b.Key));
        Assert.All(built, b => Assert.EndsWith("\n", b.Markdown, StringComparison.Ordinal));
        Assert.All(built, b => Assert.False(b.Markdown.EndsWith("\n\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Purpose_WithAndWithout_QuotesItOrSaysItIsNotWritten()
    {
        Assert.Contains("Our purpose: People live free from debt.", Section(Sources(), "purpose"), StringComparison.Ordinal);
        Assert.Contains($"[The cycle](/cycles/{Cycle})", Section(Sources(), "purpose"), StringComparison.Ordinal);
        Assert.Contains("has not written down its purpose yet", Section(Sources(purpose: null), "purpose"), StringComparison.Ordinal);
    }

    [Fact]
    public void WhoTookPart_MembersByName_OthersByRoleOrCounted_PeopleServedCountedOnly()
    {
        var experiments = new[] { Experiment("Drop-in", people: [new("Sam Okafor", null), new(null, null), new(null, null)]) };
        var sessions = new[]
        {
            new AccountSession(Guid.NewGuid(), "March meeting", new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero),
                [new("Sam Okafor", "Caseworker", Voice.Practitioner), new(null, "Food bank manager", Voice.Partner), new(null, null, Voice.PersonServed)], [], [], 0),
        };

        var who = Section(Sources(experiments, sessions), "who-took-part");

        Assert.Contains("- Stewards of the cycle: Alex Rivers", who, StringComparison.Ordinal);
        Assert.Contains("- In our experiments: Sam Okafor; 2 other people or groups named by role", who, StringComparison.Ordinal);
        Assert.Contains("- In our sense-making sessions: Sam Okafor; by role: Food bank manager; 1 other person", who, StringComparison.Ordinal);
        Assert.Contains("person served (1)", who, StringComparison.Ordinal);
        Assert.DoesNotContain("No one took part in our sessions as a person served", who, StringComparison.Ordinal);
    }

    [Fact]
    public void WhoTookPart_NoPersonServedInSessions_SaysSoPlainly()
    {
        var sessions = new[] { new AccountSession(Guid.NewGuid(), "Team", DateTimeOffset.UtcNow, [new("Sam", null, Voice.Practitioner)], [], [], 0) };

        Assert.Contains("No one took part in our sessions as a person served", Section(Sources(sessions: sessions), "who-took-part"), StringComparison.Ordinal);
    }

    [Fact]
    public void PersonScaleExperiments_OnlyCounted_NeverTitledOrTheirLearningShown()
    {
        var experiments = new[]
        {
            Experiment("Shopping with P-abc123", ExperimentState.Concluded, ExperimentDecision.Iterate, withPerson: true, learning: "She trusts us now"),
            Experiment("Phone first"),
        };
        var built = LearningAccountBuilder.Build(Sources(experiments));
        var all = string.Concat(built.Select(b => b.Markdown));

        Assert.DoesNotContain("Shopping", all, StringComparison.Ordinal);
        Assert.DoesNotContain("trusts", all, StringComparison.Ordinal);
        Assert.Contains("And 1 experiment tried with one person each", Section(Sources(experiments), "what-we-tried"), StringComparison.Ordinal);
        Assert.Contains("1 experiment tried with one person concluded", Section(Sources(experiments), "what-we-learnt"), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatWeTried_LinksEachExperimentWithTypeStateAndEvidence()
    {
        var e = Experiment("Phone first");

        Assert.Equal($"- [Phone first](/experiments/{e.Id}) — probe, running; 2 pieces of evidence gathered in the period\n", Section(Sources([e]), "what-we-tried"));
        Assert.Equal("We ran no experiments in this period.\n", Section(Sources(), "what-we-tried"));
    }

    [Fact]
    public void WhatWeLearnt_StoppedExperiment_ToldAsLearningNeverAsFailure()
    {
        var stopped = Experiment("Library drop-in", ExperimentState.Concluded, ExperimentDecision.Stop, learning: "Mondays are *quiet*");
        var sessions = new[]
        {
            new AccountSession(Guid.NewGuid(), "March meeting", new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), [],
                ["Keep the phone-first probe going"], [new AccountTheme("Trust", 3), new AccountTheme("Empty theme", 0)], 4),
        };

        var learnt = Section(Sources([stopped], sessions), "what-we-learnt");

        Assert.Contains("we decided: stop, and keep what we learned", learnt, StringComparison.Ordinal);
        Assert.Contains("  - About the work: Mondays are \\*quiet\\*", learnt, StringComparison.Ordinal);
        Assert.Contains("What did not work taught us as much as what did: we stopped 1 experiment", learnt, StringComparison.Ordinal);
        Assert.Contains("/record), 3 March 2026 — 4 insights", learnt, StringComparison.Ordinal);
        Assert.Contains("  - Theme: Trust (3)", learnt, StringComparison.Ordinal);
        Assert.DoesNotContain("Empty theme", learnt, StringComparison.Ordinal);
        Assert.Contains("  - Decided: Keep the phone\\-first probe going", learnt, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", learnt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WhatWeLearnt_ConcludedOutsideThePeriod_LeftOut()
    {
        var later = Experiment("After the period", ExperimentState.Concluded, ExperimentDecision.Embed) with { ConcludedOn = new DateOnly(2026, 4, 2) };

        Assert.DoesNotContain("After the period", Section(Sources([later]), "what-we-learnt"), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatChangedAndPassedOn_EmbeddingsRetiredCountermeasuresInfluenceAndRoutesWithTheirFate()
    {
        var experimentId = Guid.NewGuid();
        var influenceId = Guid.NewGuid();
        var issueId = Guid.NewGuid();
        var s = Sources(
            embeddings: [new AccountEmbedding("Spending principles", EmbeddingKind.Policy, "Sign-off by the team leader", new DateOnly(2026, 2, 1))],
            retired: [new AccountCountermeasure(experimentId, "Petty cash only", "Team card", CountermeasureStatus.NewNormal, new DateOnly(2026, 2, 2), "Audit agreed")],
            influence: [new AccountInfluence(influenceId, "What cards taught us", new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero), [new AccountRecipient("Finance", InfluenceResponse.Adapted)])],
            routes: [new AccountRoute(issueId, 4, "Audit trail", "Finance", RouteStatus.Declined, "Not ours", new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero))]);

        var changed = Section(s, "what-changed");
        var passed = Section(s, "what-we-passed-on");

        Assert.Contains("- Policy: Spending principles (1 February 2026) — replaced: Sign\\-off by the team leader", changed, StringComparison.Ordinal);
        Assert.Contains($"- Petty cash only — instead: Team card. Became the new normal (2 February 2026): Audit agreed [experiment](/experiments/{experimentId})", changed, StringComparison.Ordinal);
        Assert.Contains($"- [What cards taught us](/influence/{influenceId}), 3 February 2026 — Finance: adapted", passed, StringComparison.Ordinal);
        Assert.Contains($"- [#4 Audit trail](/issues/{issueId}) to Finance, 4 February 2026 — declined: Not ours", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenQuestions_OpenIssuesAndTheQuestionsOfUnconcludedExperiments()
    {
        var issue = new AccountIssue(Guid.NewGuid(), 7, "Letters frighten people");
        var running = Experiment("Phone first", questions: ["Do people pick up?"]);
        var done = Experiment("Done one", ExperimentState.Concluded, ExperimentDecision.Embed, questions: ["Answered already?"]);

        var open = Section(Sources([running, done], issues: [issue]), "open-questions");

        Assert.Contains($"- [#7 Letters frighten people](/issues/{issue.Id})", open, StringComparison.Ordinal);
        Assert.Contains($"- Do people pick up? ([Phone first](/experiments/{running.Id}))", open, StringComparison.Ordinal);
        Assert.DoesNotContain("Answered already?", open, StringComparison.Ordinal);
    }
}
