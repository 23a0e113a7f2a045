using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.Stewardship;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Stewardship;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Tests.Features.Stewardship;

/// <summary>Governance alarms through the API and the evaluation, on both databases: firing, idempotency, several evaluations at
/// once, dismissing with a reason, resolving and recurring, who may do what, thresholds per network, the stack's count and the digest.</summary>
public abstract class AlarmsApiTests(AppFactory app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A person-scale cycle (nothing below it, so only the countermeasure fires) with a concluded experiment whose countermeasure is still active.</summary>
    private async Task<(TestNetwork Network, CycleDetail Cycle, Guid CountermeasureId)> ForgottenCountermeasureAsync()
    {
        var network = await app.NewNetworkAsync("Alarms");
        var cycle = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        var experiment = new Experiment
        {
            Title = "Drop-in clinic", NetworkId = network.Id, CycleId = cycle.Id, State = ExperimentState.Concluded, Decision = ExperimentDecision.Stop,
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-60), ConcludedAt = DateTimeOffset.UtcNow.AddDays(-20),
        };
        var countermeasure = new Countermeasure
        {
            NetworkId = network.Id, CycleId = cycle.Id, ExperimentId = experiment.Id, Rule = "Advice by appointment only", Instead = "A drop-in hour",
            AgreedByName = "Head of service", From = Today.AddDays(-50), Status = CountermeasureStatus.Active, CreatedAt = DateTimeOffset.UtcNow.AddDays(-50),
        };
        await app.WithDbAsync(async db =>
        {
            db.Experiments.Add(experiment);
            db.Countermeasures.Add(countermeasure);
            await db.SaveChangesAsync();
        });
        return (network, cycle, countermeasure.Id);
    }

    private static async Task<CycleAlarmsView> EvaluateAsync(TestUser user, Guid cycleId)
    {
        using var response = await user.PostAsync($"/api/cycles/{cycleId}/alarms/evaluate", null);
        return await response.ReadAsync<CycleAlarmsView>();
    }

    private Task<int> RowsAsync(Guid cycleId) => app.WithDbAsync(db => db.Alarms.CountAsync(a => a.CycleId == cycleId));

    private Task SetStatusAsync(Guid countermeasureId, CountermeasureStatus status) => app.WithDbAsync(async db =>
    {
        var c = await db.Countermeasures.SingleAsync(x => x.Id == countermeasureId);
        c.Status = status;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Evaluate_ForgottenCountermeasure_OneOpenAlarmSayingWhyAndHow()
    {
        var (network, cycle, countermeasureId) = await ForgottenCountermeasureAsync();

        var view = await EvaluateAsync(network.Steward, cycle.Id);

        var alarm = Assert.Single(view.Open);
        Assert.Equal((AlarmRuleKeys.Countermeasure, $"{countermeasureId}:experiment-concluded", "Open"), (alarm.Rule, alarm.Key, alarm.State));
        Assert.Contains("“Advice by appointment only” is still in place", alarm.Why, StringComparison.Ordinal);
        Assert.Contains($"cm-end={countermeasureId}", alarm.ActHref, StringComparison.Ordinal);
        Assert.Equal(countermeasureId.ToString(), alarm.Facts["countermeasureId"]);
        Assert.True(view.CanDismiss);
        var observed = await network.Observer.GetAsync<CycleAlarmsView>($"/api/cycles/{cycle.Id}/alarms");
        Assert.Equal(alarm.Id, Assert.Single(observed.Open).Id);
        Assert.False(observed.CanDismiss);
    }

    [Fact]
    public async Task Evaluate_Twice_SameAlarmOneRowLastSeenMovesOn()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();

        var first = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);
        var second = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);

        Assert.Equal((first.Id, first.FirstSeenAt, first.Version), (second.Id, second.FirstSeenAt, second.Version));
        Assert.True(second.LastSeenAt >= first.LastSeenAt);
        Assert.Equal(1, await RowsAsync(cycle.Id));
    }

    [Fact]
    public async Task Evaluate_SeveralAtOnce_OneRowPerSituation()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();
        var evaluation = app.Services.GetRequiredService<AlarmEvaluation>();

        for (var round = 0; round < 3; round++)
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => evaluation.EvaluateNetworkAsync(network.Id))));
            Assert.All(runs, r => Assert.Equal(1, r.Fired));
            if (round == 0)
            {
                Assert.Equal(1, runs.Sum(r => r.Opened));
            }
        }

        Assert.Equal(1, await RowsAsync(cycle.Id));
    }

    [Fact]
    public async Task Evaluate_SeveralAtOnceAfterTheSituationRecurs_OneNewRow()
    {
        var (network, cycle, countermeasureId) = await ForgottenCountermeasureAsync();
        var evaluation = app.Services.GetRequiredService<AlarmEvaluation>();
        await evaluation.EvaluateNetworkAsync(network.Id);
        await SetStatusAsync(countermeasureId, CountermeasureStatus.Removed);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => evaluation.EvaluateNetworkAsync(network.Id))));
        await SetStatusAsync(countermeasureId, CountermeasureStatus.Active);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => evaluation.EvaluateNetworkAsync(network.Id))));

        var rows = await app.WithDbAsync(db => db.Alarms.Where(a => a.CycleId == cycle.Id).Select(a => a.ResolvedAt).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r is null);
    }

    [Fact]
    public async Task Resolve_CountermeasureEnded_AlarmResolvedAndRecurrenceFiresAnew()
    {
        var (network, cycle, countermeasureId) = await ForgottenCountermeasureAsync();
        var first = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);

        await SetStatusAsync(countermeasureId, CountermeasureStatus.Removed);
        var resolved = await EvaluateAsync(network.Steward, cycle.Id);

        Assert.Empty(resolved.Open);
        Assert.Equal((first.Id, "Resolved"), (Assert.Single(resolved.Resolved).Id, resolved.Resolved[0].State));

        await SetStatusAsync(countermeasureId, CountermeasureStatus.Active);
        var again = await EvaluateAsync(network.Steward, cycle.Id);
        Assert.NotEqual(first.Id, Assert.Single(again.Open).Id);
    }

    [Fact]
    public async Task Dismiss_StewardWithReason_KeptInHistoryAndStaysDismissedForTheSameSituation()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();
        var alarm = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);

        using var response = await network.Steward.PostAsync($"/api/cycles/{cycle.Id}/alarms/{alarm.Id}/dismiss", new { reason = "The library asked us to keep the hour", version = alarm.Version });

        var dismissed = await response.ReadAsync<AlarmView>();
        Assert.Equal(("Dismissed", "The library asked us to keep the hour", "Stella Steward"), (dismissed.State, dismissed.DismissReason, dismissed.DismissedByName));
        var after = await EvaluateAsync(network.Steward, cycle.Id);
        Assert.Empty(after.Open);
        Assert.Equal(alarm.Id, Assert.Single(after.Dismissed).Id);
        var history = await app.WithDbAsync(db => db.History.Where(h => h.EntityId == alarm.Id).Select(h => h.Action).ToListAsync());
        Assert.Equal(["Created", "Updated"], history.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dismiss_NoReason_FieldError()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();
        var alarm = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);

        using var response = await network.Steward.PostAsync($"/api/cycles/{cycle.Id}/alarms/{alarm.Id}/dismiss", new { reason = "  ", version = alarm.Version });

        await response.ShouldBeInvalidAsync("reason");
    }

    [Fact]
    public async Task Dismiss_StaleVersionOrTwice_Conflict()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();
        var alarm = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);
        var url = $"/api/cycles/{cycle.Id}/alarms/{alarm.Id}/dismiss";

        using var stale = await network.Steward.PostAsync(url, new { reason = "Fine", version = alarm.Version + 1 });
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var ok = await network.Steward.PostAsync(url, new { reason = "Fine", version = alarm.Version });
        await ok.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var twice = await network.Steward.PostAsync(url, new { reason = "Again", version = alarm.Version + 1 });
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Dismiss_MemberOnlyWhenCycleSteward()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();
        var alarm = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);
        var url = $"/api/cycles/{cycle.Id}/alarms/{alarm.Id}/dismiss";

        using var member = await network.Member.PostAsync(url, new { reason = "Fine", version = alarm.Version });
        await member.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var observer = await network.Observer.PostAsync($"/api/cycles/{cycle.Id}/alarms/evaluate", null);
        await observer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await app.WithDbAsync(async db =>
        {
            db.CycleStewards.Add(new CycleSteward { CycleId = cycle.Id, NetworkId = network.Id, UserId = network.Member.Id });
            await db.SaveChangesAsync();
        });
        Assert.True((await EvaluateAsync(network.Member, cycle.Id)).CanDismiss);
        using var steward = await network.Member.PostAsync(url, new { reason = "Fine", version = alarm.Version });
        await steward.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Settings_DefaultsThenChangedByAStewardThenFollowedByTheRules()
    {
        var network = await app.NewNetworkAsync("Thresholds");
        var cycle = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        await app.WithDbAsync(async db =>
        {
            db.Experiments.Add(new Experiment
            {
                Title = "Shopping together", NetworkId = network.Id, CycleId = cycle.Id, State = ExperimentState.Running, CreatedAt = DateTimeOffset.UtcNow.AddDays(-20),
                StartsOn = Today.AddDays(-20),
            });
            await db.SaveChangesAsync();
        });
        var url = $"/api/networks/{network.Id}/alarm-settings";
        var defaults = await network.Observer.GetAsync<AlarmSettingsView>(url);
        Assert.Equal((AlarmThresholds.Default, true, 0, false), (defaults.Thresholds, defaults.IsDefault, defaults.Version, defaults.CanEdit));
        Assert.Empty((await EvaluateAsync(network.Steward, cycle.Id)).Open);

        using var byMember = await network.Member.PutAsync(url, AlarmCatalogue.Thresholds(version: 0, quietDays: 10));
        await byMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var invalid = await network.Steward.PutAsync(url, AlarmCatalogue.Thresholds(version: 0, quietDays: 0));
        await invalid.ShouldBeInvalidAsync("quietDays");
        using var saved = await network.Steward.PutAsync(url, AlarmCatalogue.Thresholds(version: 0, quietDays: 10));
        var changed = await saved.ReadAsync<AlarmSettingsView>();
        Assert.Equal((10, false, 1), (changed.Thresholds.QuietDays, changed.IsDefault, changed.Version));
        using var stale = await network.Steward.PutAsync(url, AlarmCatalogue.Thresholds(version: 0, quietDays: 12));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var open = (await network.Observer.GetAsync<CycleAlarmsView>($"/api/cycles/{cycle.Id}/alarms")).Open;
        Assert.Equal(2, open.Count(a => a.Rule == AlarmRuleKeys.QuietExperiment));
    }

    [Fact]
    public async Task Stack_OpenAlarm_CountOnTheCycleCard_DismissedNotCounted()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();
        var alarm = Assert.Single((await EvaluateAsync(network.Steward, cycle.Id)).Open);

        var stack = await network.Observer.GetAsync<Stack>($"{network.Url}/stack");
        Assert.Equal(1, stack.Bands.SelectMany(b => b.Cycles).Single(c => c.Id == cycle.Id).OpenAlarms);

        using var dismissed = await network.Steward.PostAsync($"/api/cycles/{cycle.Id}/alarms/{alarm.Id}/dismiss", new { reason = "Fine", version = alarm.Version });
        await dismissed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        stack = await network.Observer.GetAsync<Stack>($"{network.Url}/stack");
        Assert.Equal(0, stack.Bands.SelectMany(b => b.Cycles).Single(c => c.Id == cycle.Id).OpenAlarms);
    }

    [Fact]
    public async Task Digest_StewardSeesOpenAlarms_MemberWhoStewardsNothingSeesNone()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();
        await EvaluateAsync(network.Steward, cycle.Id);

        var steward = await network.Steward.GetAsync<AlarmDigestView>("/api/alarms/digest");
        var member = await network.Member.GetAsync<AlarmDigestView>("/api/alarms/digest");

        Assert.Single(Assert.Single(steward.Cycles, c => c.CycleId == cycle.Id).Open);
        Assert.DoesNotContain(member.Cycles, c => c.CycleId == cycle.Id);
    }

    [Fact]
    public async Task Read_Outsider_NotFound()
    {
        var (network, cycle, _) = await ForgottenCountermeasureAsync();

        using var response = await network.Outsider.GetAsync($"/api/cycles/{cycle.Id}/alarms");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class AlarmsApiSqliteTests(SqliteAppFactory app) : AlarmsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AlarmsApiPostgresTests(PostgresAppFactory app) : AlarmsApiTests(app), IClassFixture<PostgresAppFactory>;
