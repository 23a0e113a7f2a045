using System.Globalization;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The names of the rules, as stored on each alarm.</summary>
public static class AlarmRuleKeys
{
    public const string Countermeasure = "countermeasure";
    public const string QuietExperiment = "quiet-experiment";
    public const string Ungrounded = "ungrounded";
    public const string PlayingSafe = "playing-safe";
    public const string MissingVoices = "missing-voices";
    public const string RouteWaiting = "route-waiting";
    public const string BoundaryReview = "boundary-review";
    public const string Resting = "resting";

    public static IReadOnlyList<string> All { get; } = [Countermeasure, QuietExperiment, Ungrounded, PlayingSafe, MissingVoices, RouteWaiting, BoundaryReview, Resting];

    /// <summary>A short heading for each rule.</summary>
    public static string Title(string rule) => rule switch
    {
        Countermeasure => "A countermeasure worth a second look",
        QuietExperiment => "An experiment gone quiet",
        Ungrounded => "Not learning from the scale below",
        PlayingSafe => "Are we only playing safe?",
        MissingVoices => "People served missing from sense-making",
        RouteWaiting => "A routed issue waiting for an answer",
        BoundaryReview => "Boundary not reviewed lately",
        Resting => "Every stage resting",
        _ => rule,
    };
}

/// <summary>A live cycle, as the rules need it.</summary>
/// <param name="IsSmallestScale">At the network's smallest scale (people's lives), where there is nothing below to learn from.</param>
/// <param name="StagesChangedAt">When a stage's status last changed (from the history), null if never recorded.</param>
public sealed record AlarmCycleFact(Guid Id, string Name, bool IsSmallestScale, DateTimeOffset CreatedAt, bool HasBoundary, DateTimeOffset? LastBoundaryReviewAt,
    IReadOnlyList<StageStatus> StageStatuses, DateTimeOffset? StagesChangedAt, bool LearnsFromBelow);

public sealed record AlarmCountermeasureFact(Guid Id, Guid CycleId, Guid ExperimentId, string ExperimentTitle, string Rule, CountermeasureStatus Status,
    DateOnly? ReviewOn, ExperimentState ExperimentState, DateTimeOffset? ExperimentConcludedAt);

/// <param name="StartedOn">The day it started running (its start date, or the day it was recorded when it has none).</param>
/// <param name="LastEvidenceOn">The latest day evidence was recorded for it (deleted entries do not count).</param>
/// <param name="LastReflectionOn">The latest day a learning pod reflected on it.</param>
/// <param name="LearntFromFailure">A pod's reflection on it says what went wrong.</param>
public sealed record AlarmExperimentFact(Guid Id, Guid CycleId, string Title, ExperimentState State, ExperimentDecision? Decision, DateTimeOffset CreatedAt,
    DateOnly StartedOn, DateTimeOffset? ConcludedAt, int? ReflectionEveryDays, DateOnly? LastEvidenceOn, DateOnly? LastReflectionOn, bool LearntFromFailure);

/// <summary>A sense-making session that has met (live or ended), and whether anyone took part as a person served.</summary>
public sealed record AlarmSessionFact(Guid Id, Guid CycleId, string Title, DateTimeOffset StartsAt, bool PersonServedPresent);

/// <summary>An issue routed to a cycle (<see cref="ToCycleId"/>) and still waiting for it to accept or decline.</summary>
public sealed record AlarmRouteFact(Guid Id, Guid ToCycleId, int IssueNumber, string FromCycleName, DateTimeOffset RoutedAt);

/// <summary>Everything the rules look at for one network, read in a fixed number of queries (<see cref="AlarmFactsQuery"/>).</summary>
public sealed record AlarmFacts(IReadOnlyList<AlarmCycleFact> Cycles, IReadOnlyList<AlarmCountermeasureFact> Countermeasures,
    IReadOnlyList<AlarmExperimentFact> Experiments, IReadOnlyList<AlarmSessionFact> Sessions, IReadOnlyList<AlarmRouteFact> Routes);

/// <summary>An alarm the rules raise: the situation (cycle, rule, key), why, how to resolve it and where, and the facts behind it.</summary>
public sealed record FiredAlarm(Guid CycleId, string Rule, string Key, DateTimeOffset Since, string Why, string How, string ActHref, string ActLabel,
    IReadOnlyDictionary<string, string> Facts);

/// <summary>The eight governance alarms, as pure functions of the facts, the thresholds and the moment of asking. Each alarm is a
/// question for the stewards, never a score: it says why it fired and how to resolve it. Times compare strictly: a situation
/// exactly at its threshold does not fire yet.</summary>
public static class AlarmRules
{
    public static IReadOnlyList<FiredAlarm> Evaluate(AlarmFacts facts, AlarmThresholds thresholds, DateTimeOffset now, DateOnly today)
    {
        var live = facts.Cycles.Select(c => c.Id).ToHashSet();
        return
        [
            .. Countermeasures(facts.Countermeasures.Where(c => live.Contains(c.CycleId)), today),
            .. QuietExperiments(facts.Experiments.Where(e => live.Contains(e.CycleId)), thresholds, today),
            .. Ungrounded(facts.Cycles),
            .. PlayingSafe(facts.Cycles, facts.Experiments, thresholds, now),
            .. MissingVoices(facts.Cycles, facts.Sessions, thresholds, now),
            .. RoutesWaiting(facts.Routes.Where(r => live.Contains(r.ToCycleId)), thresholds, now),
            .. BoundaryNotReviewed(facts.Cycles, thresholds, now),
            .. AllResting(facts.Cycles, thresholds, now),
        ];
    }

    /// <summary>1. An active countermeasure past its review date, or outliving its concluded experiment (the countermeasure
    /// register's own flags, <see cref="CountermeasureFlagRules"/>). A new review date that passes in turn is a new situation.</summary>
    public static IEnumerable<FiredAlarm> Countermeasures(IEnumerable<AlarmCountermeasureFact> countermeasures, DateOnly today)
    {
        foreach (var c in countermeasures)
        {
            foreach (var flag in CountermeasureFlagRules.For(c.Status, c.ReviewOn, c.ExperimentState, today))
            {
                var pastReview = flag.Kind == CountermeasureFlagRules.PastReview;
                var since = pastReview ? Start(c.ReviewOn!.Value) : c.ExperimentConcludedAt ?? Start(today);
                var key = pastReview ? $"{c.Id}:{flag.Kind}:{Iso(c.ReviewOn!.Value)}" : $"{c.Id}:{flag.Kind}";
                var why = pastReview
                    ? $"The countermeasure “{c.Rule}” (for the experiment “{c.ExperimentTitle}”) is still in place, and it was due to be looked at again on {Day(c.ReviewOn!.Value)}."
                    : $"The experiment “{c.ExperimentTitle}” concluded{(c.ExperimentConcludedAt is { } at ? $" on {Day(at)}" : "")}, but its countermeasure “{c.Rule}” is still in place.";
                yield return new FiredAlarm(c.CycleId, AlarmRuleKeys.Countermeasure, key, since, why, flag.WhatToDo,
                    $"/experiments/{c.ExperimentId}?cm-end={c.Id}#cm-end-heading", "End the countermeasure, or make it the new normal",
                    Facts(("countermeasureId", c.Id.ToString()), ("experimentId", c.ExperimentId.ToString()), ("flag", flag.Kind),
                        ("reviewOn", c.ReviewOn is { } r ? Iso(r) : null), ("experimentConcludedAt", c.ExperimentConcludedAt?.ToString("o", CultureInfo.InvariantCulture))));
            }
        }
    }

    /// <summary>2. A running experiment with no evidence, or no pod reflection on it, for longer than its data plan's reflection
    /// cadence (or the network's default when the plan names none). Counted from the latest entry, or from the day it started.</summary>
    public static IEnumerable<FiredAlarm> QuietExperiments(IEnumerable<AlarmExperimentFact> experiments, AlarmThresholds thresholds, DateOnly today)
    {
        foreach (var e in experiments.Where(e => e.State == ExperimentState.Running))
        {
            var cadence = e.ReflectionEveryDays is { } days && days > 0 ? days : thresholds.QuietDays;
            var source = e.ReflectionEveryDays is > 0 ? "its data plan's reflection cadence" : "the network's default";
            foreach (var (what, last, how, label, href) in new[]
                     {
                         ("evidence", e.LastEvidenceOn, "Record what you have noticed since — a measurement, a note or a story — or, if the experiment has in fact stopped, conclude it with what you learnt.",
                             "Add evidence", $"/experiments/{e.Id}#evidence-heading"),
                         ("reflection", e.LastReflectionOn, "Reflect on it together in a learning pod (what did we do differently, what did we learn, what went wrong), or change the cadence in its data plan if it was too ambitious.",
                             "Reflect on it in a learning pod", $"/experiments/{e.Id}#pod-reflections-heading"),
                     })
            {
                var from = last is { } l && l > e.StartedOn ? l : e.StartedOn;
                var quiet = today.DayNumber - from.DayNumber;
                if (quiet <= cadence)
                {
                    continue;
                }
                var why = last is null
                    ? $"The experiment “{e.Title}” has been running since {Day(e.StartedOn)} with no {(what == "evidence" ? "evidence recorded" : "reflection on it")} yet: {quiet} days, longer than {source} of {cadence} days."
                    : $"The experiment “{e.Title}” has had no {(what == "evidence" ? "new evidence" : "reflection on it")} since {Day(last.Value)}: {quiet} days, longer than {source} of {cadence} days.";
                yield return new FiredAlarm(e.CycleId, AlarmRuleKeys.QuietExperiment, $"{e.Id}:{what}", Start(from), why, how, href, label,
                    Facts(("experimentId", e.Id.ToString()), ("missing", what), ("last", last is { } x ? Iso(x) : null), ("startedOn", Iso(e.StartedOn)),
                        ("cadenceDays", cadence.ToString(CultureInfo.InvariantCulture))));
            }
        }
    }

    /// <summary>3. A cycle above the smallest scale with no vertical link from the scale below: experimenting "divorced" from
    /// the lives and work it is meant to learn from.</summary>
    public static IEnumerable<FiredAlarm> Ungrounded(IEnumerable<AlarmCycleFact> cycles) =>
        cycles.Where(c => !c.IsSmallestScale && !c.LearnsFromBelow).Select(c => new FiredAlarm(c.Id, AlarmRuleKeys.Ungrounded, "ungrounded", c.CreatedAt,
            $"“{c.Name}” has no link to a cycle at the scale below, so nothing in the records shows what it learns from the people and teams closer to the work.",
            "Connect it to the cycles below that it learns from and enables, and say what it learns from each.",
            $"/cycles/{c.Id}/connect", "Connect a cycle from the scale below", Facts(("cycleId", (string?)c.Id.ToString()))));

    /// <summary>4. No experiment concluded as "stop", or with a lesson about what went wrong, within the window. Only for a cycle
    /// that has been experimenting for at least the whole window (its first experiment recorded before the window began), so a
    /// new cycle, or one that has not started experimenting, is not nagged.</summary>
    public static IEnumerable<FiredAlarm> PlayingSafe(IEnumerable<AlarmCycleFact> cycles, IEnumerable<AlarmExperimentFact> experiments, AlarmThresholds thresholds, DateTimeOffset now)
    {
        var windowStart = now.AddMonths(-thresholds.PlayingSafeMonths);
        var byCycle = experiments.ToLookup(e => e.CycleId);
        foreach (var cycle in cycles)
        {
            var list = byCycle[cycle.Id].ToList();
            if (list.Count == 0 || list.Min(e => e.CreatedAt) >= windowStart)
            {
                continue;
            }
            bool Failed(AlarmExperimentFact e) => e.ConcludedAt is { } at && at >= windowStart && (e.Decision == ExperimentDecision.Stop || e.LearntFromFailure);
            if (list.Any(Failed))
            {
                continue;
            }
            var lastFailure = list.Where(e => e.ConcludedAt is not null && (e.Decision == ExperimentDecision.Stop || e.LearntFromFailure)).Max(e => e.ConcludedAt);
            var since = lastFailure ?? list.Min(e => e.CreatedAt);
            var why = lastFailure is { } last
                ? $"No experiment in “{cycle.Name}” has been stopped, or concluded with a lesson about what went wrong, since {Day(last)} — more than {Months(thresholds.PlayingSafeMonths)}."
                : $"No experiment in “{cycle.Name}” has been stopped, or concluded with a lesson about what went wrong, in the {list.Count} {(list.Count == 1 ? "experiment" : "experiments")} since {Day(since)}.";
            yield return new FiredAlarm(cycle.Id, AlarmRuleKeys.PlayingSafe, "playing-safe", since, why,
                "Ask together whether the experiments are safe to fail enough to learn from. Is anything running that should be stopped? Conclude it as a stop, and say what it taught you.",
                $"/cycles/{cycle.Id}/experiments", "Look at the cycle's experiments",
                Facts(("windowMonths", thresholds.PlayingSafeMonths.ToString(CultureInfo.InvariantCulture)), ("experiments", list.Count.ToString(CultureInfo.InvariantCulture)),
                    ("lastStopOrFailure", lastFailure?.ToString("o", CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>5. Nobody took part as a person served in any of the cycle's last few sessions that have met. Needs at least that many
    /// sessions (VoiceGaps already prompts on the sessions page before then).</summary>
    public static IEnumerable<FiredAlarm> MissingVoices(IEnumerable<AlarmCycleFact> cycles, IEnumerable<AlarmSessionFact> sessions, AlarmThresholds thresholds, DateTimeOffset now)
    {
        var byCycle = sessions.Where(s => s.StartsAt <= now).ToLookup(s => s.CycleId);
        foreach (var cycle in cycles)
        {
            var recent = byCycle[cycle.Id].OrderByDescending(s => s.StartsAt).Take(thresholds.VoiceSessions).ToList();
            if (recent.Count < thresholds.VoiceSessions || recent.Any(s => s.PersonServedPresent))
            {
                continue;
            }
            var since = recent[^1].StartsAt;
            yield return new FiredAlarm(cycle.Id, AlarmRuleKeys.MissingVoices, "missing-voices", since,
                $"Nobody took part as a person served or expert by experience in the last {recent.Count} sense-making {(recent.Count == 1 ? "session" : "sessions")} of “{cycle.Name}”, since {Day(since)}.",
                "Invite people the cycle serves to the next session, and record them as taking part in that voice.",
                $"/cycles/{cycle.Id}/sessions", "Plan the next session",
                Facts(("sessions", string.Join(",", recent.Select(s => s.Id))), ("window", thresholds.VoiceSessions.ToString(CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>6. An issue routed to the cycle and still waiting for it to accept or decline, for longer than the threshold.</summary>
    public static IEnumerable<FiredAlarm> RoutesWaiting(IEnumerable<AlarmRouteFact> routes, AlarmThresholds thresholds, DateTimeOffset now) =>
        routes.Where(r => now - r.RoutedAt > TimeSpan.FromDays(thresholds.RouteWaitDays)).Select(r => new FiredAlarm(r.ToCycleId, AlarmRuleKeys.RouteWaiting, r.Id.ToString(), r.RoutedAt,
            $"Issue {r.IssueNumber} from “{r.FromCycleName}” was routed here on {Day(r.RoutedAt)} and is still waiting to be accepted or declined ({(int)(now - r.RoutedAt).TotalDays} days).",
            "Accept it (as an issue, an experiment or a new cycle) or decline it with a reason, so the people who sent it know where it stands.",
            $"/cycles/{r.ToCycleId}/inbox", "Answer it in the inbox",
            Facts(("routeId", r.Id.ToString()), ("routedAt", r.RoutedAt.ToString("o", CultureInfo.InvariantCulture)), ("waitDays", thresholds.RouteWaitDays.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>7. A cycle with a boundary written down and no boundary review for longer than the threshold, counted from the
    /// latest review, or from the cycle's creation when it has none.</summary>
    public static IEnumerable<FiredAlarm> BoundaryNotReviewed(IEnumerable<AlarmCycleFact> cycles, AlarmThresholds thresholds, DateTimeOffset now)
    {
        var due = now.AddMonths(-thresholds.BoundaryReviewMonths);
        foreach (var cycle in cycles.Where(c => c.HasBoundary))
        {
            var since = cycle.LastBoundaryReviewAt is { } reviewed && reviewed > cycle.CreatedAt ? reviewed : cycle.CreatedAt;
            if (since >= due)
            {
                continue;
            }
            var why = cycle.LastBoundaryReviewAt is { } last
                ? $"The boundary of “{cycle.Name}” was last reviewed on {Day(last)}, more than {Months(thresholds.BoundaryReviewMonths)} ago."
                : $"The boundary of “{cycle.Name}” has not been reviewed since the cycle began on {Day(cycle.CreatedAt)}, more than {Months(thresholds.BoundaryReviewMonths)} ago.";
            yield return new FiredAlarm(cycle.Id, AlarmRuleKeys.BoundaryReview, "boundary-review", since, why,
                "Look again at who is inside and outside the boundary, and who is missing, and record the review on the actor map.",
                $"/cycles/{cycle.Id}/actor-map#boundary-heading", "Review the boundary",
                Facts(("lastReviewedAt", cycle.LastBoundaryReviewAt?.ToString("o", CultureInfo.InvariantCulture)), ("months", thresholds.BoundaryReviewMonths.ToString(CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>8. Every stage of the cycle resting for longer than the threshold, counted from the last change of a stage status
    /// (from the history), or from the cycle's creation when none is recorded.</summary>
    public static IEnumerable<FiredAlarm> AllResting(IEnumerable<AlarmCycleFact> cycles, AlarmThresholds thresholds, DateTimeOffset now)
    {
        foreach (var cycle in cycles.Where(c => c.StageStatuses.Count > 0 && c.StageStatuses.All(s => s == StageStatus.Resting)))
        {
            var since = cycle.StagesChangedAt is { } changed && changed > cycle.CreatedAt ? changed : cycle.CreatedAt;
            if (now - since <= TimeSpan.FromDays(thresholds.RestingDays))
            {
                continue;
            }
            yield return new FiredAlarm(cycle.Id, AlarmRuleKeys.Resting, "resting", since,
                $"Every stage of “{cycle.Name}” has been resting since {Day(since)} ({(int)(now - since).TotalDays} days).",
                "Decide together whether the cycle has done its work (archive it, saying what it learnt) or which stage to take up again.",
                $"/cycles/{cycle.Id}#stages-heading", "Change the stage statuses",
                Facts(("since", since.ToString("o", CultureInfo.InvariantCulture)), ("restingDays", thresholds.RestingDays.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Months(int months) => months == 1 ? "a month" : $"{months} months";

    private static Dictionary<string, string> Facts(params (string Key, string? Value)[] facts) =>
        facts.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
}
