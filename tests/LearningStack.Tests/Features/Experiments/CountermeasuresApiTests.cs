using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;

namespace LearningStack.Tests.Features.Experiments;

/// <summary>The countermeasures register: an experiment's shields against business-as-usual rules, and the cycle's register with its flags.</summary>
public abstract class CountermeasuresApiTests(AppFactory app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task Create_Valid_CreatedActiveWithLocation()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today));

        var created = await response.ReadAsync<CountermeasureView>(HttpStatusCode.Created);
        Assert.Equal($"/api/countermeasures/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((CountermeasureStatus.Active, "Head of service", 1), (created.Status, created.AgreedByName, created.Version));
        Assert.Empty(created.Flags);
        var read = await network.Observer.GetAsync<CountermeasureView>(response.Headers.Location!.OriginalString);
        Assert.Equal(created.Rule, read.Rule);
    }

    [Fact]
    public async Task Create_Empty_FieldErrorsForRuleInsteadAndFrom()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures", new { });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "rule", "instead", "from" }, problem.Errors!.Keys.ToHashSet());
    }

    [Fact]
    public async Task Create_NobodyAgreed_AsksWhoAgreed()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today, agreedByName: " "));

        await response.ShouldBeInvalidAsync("agreedByName");
    }

    [Fact]
    public async Task Create_AgreedByActorOfTheCycle_TakesTheActorsName()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var actorId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/actors", new { name = "Duty manager", kind = "Person" });

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today, agreedByName: null, agreedByActorId: actorId));

        var created = await response.ReadAsync<CountermeasureView>(HttpStatusCode.Created);
        Assert.Equal((actorId, "Duty manager"), (created.AgreedByActorId, created.AgreedByName));
    }

    [Fact]
    public async Task Create_ActorOfAnotherCycle_FieldErrorAndNothingSaved()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var other = await network.Member.CreateCycleAsync(network.Id, network.Scale(2), "Another cycle");
        var actorId = await network.Member.CreatedIdAsync($"/api/cycles/{other.Id}/actors", new { name = "Elsewhere", kind = "Person" });

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today, agreedByName: null, agreedByActorId: actorId));

        await response.ShouldBeInvalidAsync("agreedByActorId");
        Assert.Empty(await network.Member.GetAsync<List<CountermeasureView>>($"/api/experiments/{experimentId}/countermeasures"));
    }

    [Fact]
    public async Task Create_ReviewBeforeStart_FieldError()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today, reviewOn: Today.AddDays(-1)));

        Assert.Equal(["The review date cannot be before the date the countermeasure starts."], await response.ShouldBeInvalidAsync("reviewOn"));
    }

    [Fact]
    public async Task Create_DisturbanceWithoutDate_AsksWhenNoticed()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today, disturbed: "The night shift's handover"));

        await response.ShouldBeInvalidAsync("noticedOn");
    }

    [Fact]
    public async Task Create_Disturbance_Recorded()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/experiments/{experimentId}/countermeasures",
            Body(Today, disturbed: "The night shift's handover", noticedOn: Today.AddDays(-2)));

        var created = await response.ReadAsync<CountermeasureView>(HttpStatusCode.Created);
        Assert.True(created.IsDisturbance);
        Assert.Equal(("The night shift's handover", Today.AddDays(-2)), (created.Disturbed, created.NoticedOn));
    }

    [Fact]
    public async Task Update_StaleVersion_Conflict()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today));
        using var first = await network.Member.PutAsync($"/api/countermeasures/{id}", Body(Today, version: 1, rule: "Changed once"));
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var second = await network.Member.PutAsync($"/api/countermeasures/{id}", Body(Today, version: 1, rule: "Changed from a stale copy"));

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_WithoutVersion_FieldError()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today));

        using var response = await network.Member.PutAsync($"/api/countermeasures/{id}", Body(Today));

        await response.ShouldBeInvalidAsync("version");
    }

    [Fact]
    public async Task Update_RemovedWithoutWhy_AsksWhy()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today));

        using var response = await network.Member.PutAsync($"/api/countermeasures/{id}", Body(Today, version: 1, status: "Removed"));

        Assert.Equal(["Say why the countermeasure is no longer needed."], await response.ShouldBeInvalidAsync("whyEnded"));
    }

    [Fact]
    public async Task Update_NewNormalThenActiveAgain_EndDateSetThenCleared()
    {
        var (network, _, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today.AddDays(-30)));

        using var ended = await network.Member.PutAsync($"/api/countermeasures/{id}",
            Body(Today.AddDays(-30), version: 1, status: "NewNormal", whyEnded: "Open cases are now the policy"));
        var newNormal = await ended.ReadAsync<CountermeasureView>();
        using var reopened = await network.Member.PutAsync($"/api/countermeasures/{id}", Body(Today.AddDays(-30), version: 2, status: "Active"));
        var active = await reopened.ReadAsync<CountermeasureView>();

        Assert.Equal((CountermeasureStatus.NewNormal, Today, "Open cases are now the policy"), (newNormal.Status, newNormal.EndedOn!.Value, newNormal.WhyEnded));
        Assert.Equal((CountermeasureStatus.Active, (DateOnly?)null, (string?)null), (active.Status, active.EndedOn, active.WhyEnded));
    }

    [Fact]
    public async Task CycleRegister_StatusFilter_OnlyThatStatus()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today, rule: "Still active"));
        var removed = await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today, rule: "Removed one"));
        using var end = await network.Member.PutAsync($"/api/countermeasures/{removed}", Body(Today, version: 1, rule: "Removed one", status: "Removed", whyEnded: "Not needed", endedOn: Today));
        await end.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var all = await network.Observer.GetAsync<CountermeasureRegisterView>($"/api/cycles/{cycle.Id}/countermeasures");
        var onlyRemoved = await network.Observer.GetAsync<CountermeasureRegisterView>($"/api/cycles/{cycle.Id}/countermeasures?status=Removed");

        Assert.Equal(["Still active", "Removed one"], all.Countermeasures.Select(c => c.Rule));
        Assert.Equal(["Removed one"], onlyRemoved.Countermeasures.Select(c => c.Rule));
        Assert.Equal(("Shopping together", ExperimentState.Running), (all.Countermeasures[0].ExperimentTitle, all.Countermeasures[0].ExperimentState));
    }

    [Fact]
    public async Task CycleRegister_UnknownStatus_FieldError()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Observer.GetAsync($"/api/cycles/{cycle.Id}/countermeasures?status=Finished");

        await response.ShouldBeInvalidAsync("status");
    }

    [Fact]
    public async Task CycleRegister_PastReviewAndConcludedExperiment_BothFlagged()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today.AddDays(-20), reviewOn: Today.AddDays(-1)));
        await CountermeasureTestData.SetStateAsync(app, experimentId, ExperimentState.Concluded);

        var register = await network.Observer.GetAsync<CountermeasureRegisterView>($"/api/cycles/{cycle.Id}/countermeasures");

        var flags = Assert.Single(register.Countermeasures).Flags;
        Assert.Equal([CountermeasureFlagRules.PastReview, CountermeasureFlagRules.ExperimentConcluded], flags.Select(f => f.Kind));
        Assert.All(flags, f => Assert.False(string.IsNullOrWhiteSpace(f.WhatToDo)));
    }

    [Fact]
    public async Task CycleRegister_ReviewToday_NotFlagged()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body(Today.AddDays(-20), reviewOn: Today));

        var register = await network.Observer.GetAsync<CountermeasureRegisterView>($"/api/cycles/{cycle.Id}/countermeasures");

        Assert.Empty(Assert.Single(register.Countermeasures).Flags);
    }

    private static object Body(DateOnly from, int? version = null, string rule = "Cases close after three contacts", string? agreedByName = "Head of service",
        Guid? agreedByActorId = null, DateOnly? reviewOn = null, string? disturbed = null, DateOnly? noticedOn = null, string? status = null,
        string? whyEnded = null, DateOnly? endedOn = null) => new
    {
        rule, instead = "Cases stay open while the resident wants", agreedByName, agreedByActorId, from, reviewOn, disturbed, noticedOn, status, whyEnded, endedOn, version,
    };
}

/// <summary>A network with a team cycle and a running experiment on it, put straight into the database.</summary>
internal static class CountermeasureTestData
{
    public static async Task<(TestNetwork Network, CycleDetail Cycle, Guid ExperimentId)> ExperimentAsync(AppFactory app, string title = "Shopping together",
        DateOnly? startsOn = null, DateOnly[]? reviewPoints = null, DateOnly? plannedEndOn = null)
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        var id = await AddExperimentAsync(app, network.Id, cycle.Id, title, startsOn, reviewPoints, plannedEndOn);
        return (network, cycle, id);
    }

    public static async Task<Guid> AddExperimentAsync(AppFactory app, Guid networkId, Guid cycleId, string title, DateOnly? startsOn = null,
        DateOnly[]? reviewPoints = null, DateOnly? plannedEndOn = null)
    {
        var experiment = new Experiment
        {
            Title = title, NetworkId = networkId, CycleId = cycleId, State = ExperimentState.Running, CreatedAt = DateTimeOffset.UtcNow,
            StartsOn = startsOn, ReviewPoints = [.. reviewPoints ?? []], PlannedEndOn = plannedEndOn,
        };
        await app.WithDbAsync(async db =>
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync();
        });
        return experiment.Id;
    }

    public static Task SetStateAsync(AppFactory app, Guid experimentId, ExperimentState state) => app.WithDbAsync(async db =>
    {
        var experiment = await db.Experiments.FindAsync(experimentId);
        experiment!.State = state;
        await db.SaveChangesAsync();
    });
}

public sealed class CountermeasuresApiSqliteTests(SqliteAppFactory app) : CountermeasuresApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CountermeasuresApiPostgresTests(PostgresAppFactory app) : CountermeasuresApiTests(app), IClassFixture<PostgresAppFactory>;
