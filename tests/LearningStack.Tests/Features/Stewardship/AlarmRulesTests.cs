using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Stewardship;

namespace LearningStack.Tests.Features.Stewardship;

/// <summary>Each governance alarm rule fires on its situation and not otherwise, with the edges of its threshold: exactly at a
/// threshold does not fire yet, one day (or moment) past it does.</summary>
public sealed class AlarmRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly AlarmThresholds Defaults = AlarmThresholds.Default;
    private static readonly Guid CycleId = Guid.CreateVersion7();

    private static AlarmCycleFact Cycle(bool smallest = false, DateTimeOffset? created = null, bool boundary = false, DateTimeOffset? reviewed = null,
        StageStatus[]? stages = null, DateTimeOffset? stagesChanged = null, bool learnsFromBelow = true) =>
        new(CycleId, "Debt team", smallest, created ?? Now.AddYears(-2), boundary, reviewed, stages ?? [StageStatus.Active, StageStatus.NotStarted], stagesChanged, learnsFromBelow);

    private static AlarmExperimentFact Experiment(ExperimentState state = ExperimentState.Running, DateOnly? startedOn = null, int? cadence = null,
        DateOnly? evidence = null, DateOnly? reflection = null, DateTimeOffset? created = null, DateTimeOffset? concluded = null,
        ExperimentDecision? decision = null, bool failure = false) =>
        new(Guid.CreateVersion7(), CycleId, "Credit cards", state, decision, created ?? Now.AddDays(-100), startedOn ?? Today.AddDays(-100), concluded, cadence,
            evidence, reflection, failure);

    private static AlarmFacts Facts(AlarmCycleFact? cycle = null, AlarmCountermeasureFact[]? countermeasures = null, AlarmExperimentFact[]? experiments = null,
        AlarmSessionFact[]? sessions = null, AlarmRouteFact[]? routes = null) =>
        new([cycle ?? Cycle()], countermeasures ?? [], experiments ?? [], sessions ?? [], routes ?? []);

    private static List<FiredAlarm> Run(AlarmFacts facts, AlarmThresholds? thresholds = null) => [.. AlarmRules.Evaluate(facts, thresholds ?? Defaults, Now, Today)];

    // 1. Countermeasures

    private static AlarmCountermeasureFact Countermeasure(CountermeasureStatus status = CountermeasureStatus.Active, DateOnly? reviewOn = null,
        ExperimentState state = ExperimentState.Running, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), CycleId, Guid.CreateVersion7(), "Drop-in clinic", "Advice by appointment only", status, reviewOn, state, Now.AddDays(-50));

    [Fact]
    public void Countermeasure_ActiveAfterExperimentConcluded_FiresWithWhyHowAndWhereToEndIt()
    {
        var countermeasure = Countermeasure(state: ExperimentState.Concluded);

        var alarm = Assert.Single(Run(Facts(countermeasures: [countermeasure])));

        Assert.Equal((AlarmRuleKeys.Countermeasure, $"{countermeasure.Id}:experiment-concluded", Now.AddDays(-50)), (alarm.Rule, alarm.Key, alarm.Since));
        Assert.Contains("“Drop-in clinic” concluded on 5 October 2026", alarm.Why, StringComparison.Ordinal);
        Assert.Contains("“Advice by appointment only” is still in place", alarm.Why, StringComparison.Ordinal);
        Assert.Equal($"/experiments/{countermeasure.ExperimentId}?cm-end={countermeasure.Id}#cm-end-heading", alarm.ActHref);
        Assert.Equal(countermeasure.Id.ToString(), alarm.Facts["countermeasureId"]);
    }

    [Theory]
    [InlineData(CountermeasureStatus.Removed)]
    [InlineData(CountermeasureStatus.NewNormal)]
    public void Countermeasure_EndedAfterExperimentConcluded_DoesNotFire(CountermeasureStatus status) =>
        Assert.Empty(Run(Facts(countermeasures: [Countermeasure(status, Today.AddDays(-10), ExperimentState.Concluded)])));

    [Fact]
    public void Countermeasure_ReviewDateToday_DoesNotFire() =>
        Assert.Empty(Run(Facts(countermeasures: [Countermeasure(reviewOn: Today)])));

    [Fact]
    public void Countermeasure_ReviewDateYesterday_FiresKeyedByThatDate()
    {
        var countermeasure = Countermeasure(reviewOn: Today.AddDays(-1));

        var alarm = Assert.Single(Run(Facts(countermeasures: [countermeasure])));

        Assert.Equal($"{countermeasure.Id}:past-review:2026-11-23", alarm.Key);
        Assert.Contains("looked at again on 23 November 2026", alarm.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Countermeasure_PastReviewAndExperimentConcluded_TwoSituations() =>
        Assert.Equal(2, Run(Facts(countermeasures: [Countermeasure(reviewOn: Today.AddDays(-3), state: ExperimentState.Concluded)])).Count);

    // 2. Quiet experiments

    [Fact]
    public void QuietExperiment_NoEvidenceForExactlyTheCadence_DoesNotFire() =>
        Assert.Empty(Run(Facts(experiments: [Experiment(cadence: 14, evidence: Today.AddDays(-14), reflection: Today.AddDays(-14))])));

    [Fact]
    public void QuietExperiment_NoEvidenceForOneDayMoreThanTheCadence_FiresForEvidenceOnly()
    {
        var experiment = Experiment(cadence: 14, evidence: Today.AddDays(-15), reflection: Today.AddDays(-2));

        var alarm = Assert.Single(Run(Facts(experiments: [experiment])));

        Assert.Equal((AlarmRuleKeys.QuietExperiment, $"{experiment.Id}:evidence"), (alarm.Rule, alarm.Key));
        Assert.Contains("since 9 November 2026: 15 days, longer than its data plan's reflection cadence of 14 days", alarm.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietExperiment_NoReflectionEver_CountsFromTheStartAndUsesTheNetworkDefault()
    {
        var experiment = Experiment(startedOn: Today.AddDays(-31), evidence: Today.AddDays(-1));

        var alarm = Assert.Single(Run(Facts(experiments: [experiment])));

        Assert.Equal($"{experiment.Id}:reflection", alarm.Key);
        Assert.Contains("the network's default of 30 days", alarm.Why, StringComparison.Ordinal);
        Assert.Empty(Run(Facts(experiments: [experiment with { StartedOn = Today.AddDays(-30) }])));
    }

    [Fact]
    public void QuietExperiment_NetworkDefaultChanged_FollowsTheNetwork()
    {
        var facts = Facts(experiments: [Experiment(startedOn: Today.AddDays(-20), evidence: Today.AddDays(-20), reflection: Today.AddDays(-20))]);

        Assert.Empty(Run(facts));
        Assert.Equal(2, Run(facts, Defaults with { QuietDays = 19 }).Count);
    }

    [Theory]
    [InlineData(ExperimentState.Designing)]
    [InlineData(ExperimentState.Reflecting)]
    [InlineData(ExperimentState.Concluded)]
    public void QuietExperiment_NotRunning_DoesNotFire(ExperimentState state) =>
        Assert.Empty(Run(Facts(experiments: [Experiment(state, startedOn: Today.AddDays(-300))])));

    // 3. Ungrounded

    [Fact]
    public void Ungrounded_AboveSmallestScaleWithNoLinkFromBelow_Fires()
    {
        var alarm = Assert.Single(Run(Facts(Cycle(learnsFromBelow: false))));

        Assert.Equal((AlarmRuleKeys.Ungrounded, $"/cycles/{CycleId}/connect"), (alarm.Rule, alarm.ActHref));
    }

    [Fact]
    public void Ungrounded_SmallestScaleOrLinkedFromBelow_DoesNotFire()
    {
        Assert.Empty(Run(Facts(Cycle(smallest: true, learnsFromBelow: false))));
        Assert.Empty(Run(Facts(Cycle(learnsFromBelow: true))));
    }

    // 4. Playing safe

    [Fact]
    public void PlayingSafe_ExperimentingLongerThanTheWindowWithNoStopOrFailure_Fires()
    {
        var alarm = Assert.Single(Run(Facts(experiments: [Experiment(ExperimentState.Concluded, created: Now.AddMonths(-6).AddSeconds(-1), concluded: Now.AddDays(-10), decision: ExperimentDecision.Embed)])));

        Assert.Equal(AlarmRuleKeys.PlayingSafe, alarm.Rule);
    }

    [Fact]
    public void PlayingSafe_FirstExperimentExactlyAtTheWindow_DoesNotFireYet() =>
        Assert.Empty(Run(Facts(experiments: [Experiment(ExperimentState.Concluded, created: Now.AddMonths(-6), concluded: Now.AddDays(-10), decision: ExperimentDecision.Embed)])));

    [Fact]
    public void PlayingSafe_NoExperimentsAtAll_DoesNotFire() => Assert.Empty(Run(Facts()));

    [Fact]
    public void PlayingSafe_StopConcludedAtTheStartOfTheWindow_DoesNotFire()
    {
        var old = Experiment(ExperimentState.Concluded, created: Now.AddYears(-1), concluded: Now.AddMonths(-1), decision: ExperimentDecision.Iterate);
        var stop = Experiment(ExperimentState.Concluded, created: Now.AddYears(-1), concluded: Now.AddMonths(-6), decision: ExperimentDecision.Stop);

        Assert.Empty(Run(Facts(experiments: [old, stop])));
        Assert.Single(Run(Facts(experiments: [old, stop with { ConcludedAt = Now.AddMonths(-6).AddSeconds(-1) }])));
    }

    [Fact]
    public void PlayingSafe_ConcludedWithALessonFromWhatWentWrong_DoesNotFire() =>
        Assert.Empty(Run(Facts(experiments: [Experiment(ExperimentState.Concluded, created: Now.AddYears(-1), concluded: Now.AddDays(-5), decision: ExperimentDecision.Embed, failure: true)])));

    [Fact]
    public void PlayingSafe_LongerWindowForTheNetwork_TheOldStopCounts()
    {
        var facts = Facts(experiments: [Experiment(ExperimentState.Concluded, created: Now.AddYears(-2), concluded: Now.AddMonths(-8), decision: ExperimentDecision.Stop)]);

        Assert.Single(Run(facts));
        Assert.Empty(Run(facts, Defaults with { PlayingSafeMonths = 12 }));
    }

    // 5. Missing voices

    private static AlarmSessionFact Session(int daysAgo, bool personServed = false) => new(Guid.CreateVersion7(), CycleId, "Team meeting", Now.AddDays(-daysAgo), personServed);

    [Fact]
    public void MissingVoices_LastThreeSessionsWithoutAPersonServed_Fires()
    {
        var alarm = Assert.Single(Run(Facts(sessions: [Session(1), Session(8), Session(15), Session(22, personServed: true)])));

        Assert.Equal((AlarmRuleKeys.MissingVoices, Now.AddDays(-15)), (alarm.Rule, alarm.Since));
    }

    [Fact]
    public void MissingVoices_PersonServedInTheThirdLatest_DoesNotFire() =>
        Assert.Empty(Run(Facts(sessions: [Session(1), Session(8), Session(15, personServed: true)])));

    [Fact]
    public void MissingVoices_FewerSessionsThanTheWindow_DoesNotFire() =>
        Assert.Empty(Run(Facts(sessions: [Session(1), Session(8)])));

    [Fact]
    public void MissingVoices_FutureSessionNotCounted_AndWindowFollowsTheNetwork()
    {
        var facts = Facts(sessions: [Session(-3), Session(1), Session(8)]);

        Assert.Empty(Run(facts));
        Assert.Single(Run(facts, Defaults with { VoiceSessions = 2 }));
    }

    // 6. Routed issues waiting

    [Fact]
    public void RouteWaiting_ExactlyTheThreshold_DoesNotFire_OneMomentLater_FiresOnTheReceivingCycle()
    {
        var route = new AlarmRouteFact(Guid.CreateVersion7(), CycleId, 7, "Caseworker conversations", Now.AddDays(-21));

        Assert.Empty(Run(Facts(routes: [route])));
        var alarm = Assert.Single(Run(Facts(routes: [route with { RoutedAt = Now.AddDays(-21).AddMinutes(-1) }])));
        Assert.Equal((CycleId, route.Id.ToString(), $"/cycles/{CycleId}/inbox"), (alarm.CycleId, alarm.Key, alarm.ActHref));
        Assert.Contains("Issue 7 from “Caseworker conversations”", alarm.Why, StringComparison.Ordinal);
        Assert.Empty(Run(Facts(routes: [route with { RoutedAt = Now.AddDays(-25) }]), Defaults with { RouteWaitDays = 30 }));
    }

    [Fact]
    public void RouteWaiting_ToAnArchivedCycle_DoesNotFire() =>
        Assert.Empty(Run(Facts(routes: [new AlarmRouteFact(Guid.CreateVersion7(), Guid.CreateVersion7(), 7, "Elsewhere", Now.AddDays(-100))])));

    // 7. Boundary review

    [Fact]
    public void BoundaryReview_NoReviewSinceCreationMoreThanSixMonthsAgo_Fires()
    {
        var alarm = Assert.Single(Run(Facts(Cycle(boundary: true, created: Now.AddMonths(-6).AddDays(-1)))));

        Assert.Equal(AlarmRuleKeys.BoundaryReview, alarm.Rule);
        Assert.Contains("not been reviewed since the cycle began", alarm.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void BoundaryReview_ReviewedExactlySixMonthsAgo_DoesNotFire() =>
        Assert.Empty(Run(Facts(Cycle(boundary: true, reviewed: Now.AddMonths(-6)))));

    [Fact]
    public void BoundaryReview_ReviewedLongAgo_FiresSinceTheReview_UnlessTheNetworkAllowsLonger()
    {
        var facts = Facts(Cycle(boundary: true, reviewed: Now.AddMonths(-9)));

        Assert.Equal(Now.AddMonths(-9), Assert.Single(Run(facts)).Since);
        Assert.Empty(Run(facts, Defaults with { BoundaryReviewMonths = 12 }));
    }

    [Fact]
    public void BoundaryReview_NoBoundaryWritten_DoesNotFire() =>
        Assert.Empty(Run(Facts(Cycle(boundary: false, created: Now.AddYears(-3)))));

    // 8. All stages resting

    private static readonly StageStatus[] AllResting = [.. Enumerable.Repeat(StageStatus.Resting, 5)];

    [Fact]
    public void Resting_AllStagesRestingSinceExactly60Days_DoesNotFire_61Days_Fires()
    {
        Assert.Empty(Run(Facts(Cycle(stages: AllResting, stagesChanged: Now.AddDays(-60)))));
        var alarm = Assert.Single(Run(Facts(Cycle(stages: AllResting, stagesChanged: Now.AddDays(-61)))));
        Assert.Equal((AlarmRuleKeys.Resting, Now.AddDays(-61)), (alarm.Rule, alarm.Since));
    }

    [Fact]
    public void Resting_OneStagePaused_DoesNotFire() =>
        Assert.Empty(Run(Facts(Cycle(stages: [.. AllResting[..4], StageStatus.Paused], stagesChanged: Now.AddDays(-300)))));

    [Fact]
    public void Resting_NoStageHistory_CountsFromCreation_AndFollowsTheNetwork()
    {
        var facts = Facts(Cycle(stages: AllResting, created: Now.AddDays(-90)));

        Assert.Single(Run(facts));
        Assert.Empty(Run(facts, Defaults with { RestingDays = 90 }));
    }

    // Whole evaluation

    [Fact]
    public void Evaluate_QuietCycle_NoAlarms() => Assert.Empty(Run(Facts()));

    [Fact]
    public void Evaluate_SameFactsTwice_SameSituationKeys()
    {
        var facts = Facts(Cycle(learnsFromBelow: false, boundary: true, created: Now.AddYears(-1)), [Countermeasure(state: ExperimentState.Concluded)],
            [Experiment(startedOn: Today.AddDays(-90))], [Session(1), Session(2), Session(3)]);

        var keys = Run(facts).Select(a => (a.Rule, a.Key)).ToList();

        Assert.Equal(keys, Run(facts).Select(a => (a.Rule, a.Key)).ToList());
        Assert.Equal(6, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
