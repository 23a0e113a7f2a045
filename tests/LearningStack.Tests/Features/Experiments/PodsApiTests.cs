using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Experiments;

namespace LearningStack.Tests.Features.Experiments;

/// <summary>Learning pods and their weekly reflections.</summary>
public abstract class PodsApiTests(AppFactory app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private static readonly DateOnly ThisMonday = PodQuestions.Monday(Today);

    [Fact]
    public async Task CreatePod_PeopleWithBlanksAndRepeats_CleanedList()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/pods", new { name = " Front desk pair ", people = new[] { " Ana ", "", "Bo", "ana" } });

        var pod = await response.ReadAsync<PodView>(HttpStatusCode.Created);
        Assert.Equal("Front desk pair", pod.Name);
        Assert.Equal(["Ana", "Bo"], pod.People);
        Assert.Equal($"/api/pods/{pod.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CreatePod_NoName_FieldError()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/pods", new { people = new[] { "Ana" } });

        await response.ShouldBeInvalidAsync("name");
    }

    [Fact]
    public async Task UpdatePod_StaleVersion_Conflict()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });
        using var first = await network.Member.PutAsync($"/api/pods/{podId}", new { name = "Renamed", version = 1 });
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var second = await network.Member.PutAsync($"/api/pods/{podId}", new { name = "Stale rename", version = 1 });

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AddReflection_AnyDayOfTheWeek_StoredAsItsMondayWithTheAuthor()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });
        var wednesday = ThisMonday.AddDays(-5);

        using var response = await network.Member.PostAsync($"/api/pods/{podId}/reflections", new { weekOf = wednesday, learnt = "People open up at home" });

        var reflection = await response.ReadAsync<PodReflectionView>(HttpStatusCode.Created);
        Assert.Equal((ThisMonday.AddDays(-7), DayOfWeek.Monday), (reflection.WeekOf, reflection.WeekOf.DayOfWeek));
        Assert.Equal(network.Member.Name, reflection.AuthorName);
        var read = await network.Observer.GetAsync<PodReflectionView>(response.Headers.Location!.OriginalString);
        Assert.Equal("People open up at home", read.Learnt);
    }

    [Fact]
    public async Task AddReflection_FutureWeek_FieldError()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });

        using var response = await network.Member.PostAsync($"/api/pods/{podId}/reflections", new { weekOf = ThisMonday.AddDays(7), learnt = "Too early" });

        await response.ShouldBeInvalidAsync("weekOf");
    }

    [Fact]
    public async Task AddReflection_NoAnswers_AsksForAtLeastOne()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });

        using var response = await network.Member.PostAsync($"/api/pods/{podId}/reflections", new { weekOf = Today, learnt = "  " });

        Assert.Equal(["Answer at least one of the four questions; the others can stay empty."], await response.ShouldBeInvalidAsync("didDifferently"));
    }

    [Fact]
    public async Task AddReflection_ExperimentOfAnotherCycle_FieldError()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var other = await network.Member.CreateCycleAsync(network.Id, network.Scale(2), "Council finance");
        var elsewhere = await CountermeasureTestData.AddExperimentAsync(app, network.Id, other.Id, "Elsewhere");
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });

        using var response = await network.Member.PostAsync($"/api/pods/{podId}/reflections", new { weekOf = Today, experimentId = elsewhere, learnt = "Something" });

        await response.ShouldBeInvalidAsync("experimentId");
    }

    [Fact]
    public async Task GetPod_SixWeeks_GroupedByWeekNewestFirstOlderLeftOut()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });
        var url = $"/api/pods/{podId}/reflections";
        await network.Member.CreatedIdAsync(url, new { weekOf = ThisMonday.AddDays(-14), didDifferently = "Two weeks ago" });
        await network.Member.CreatedIdAsync(url, new { weekOf = Today, learnt = "This week, first", experimentId });
        await network.Steward.CreatedIdAsync(url, new { weekOf = ThisMonday, wentWrong = "This week, second" });
        await network.Member.CreatedIdAsync(url, new { weekOf = ThisMonday.AddDays(-7 * 6), learnt = "Seven weeks ago" });

        var pod = await network.Observer.GetAsync<PodDetailView>($"/api/pods/{podId}?weeks=6");

        Assert.Equal([ThisMonday, ThisMonday.AddDays(-14)], pod.RecentWeeks.Select(w => w.WeekOf));
        Assert.Equal(["This week, first", null], pod.RecentWeeks[0].Reflections.Select(r => r.Learnt));
        Assert.Equal("Shopping together", pod.RecentWeeks[0].Reflections[0].ExperimentTitle);
        Assert.Equal(ThisMonday, pod.Pod.LatestWeekOf);
        var longer = await network.Observer.GetAsync<PodDetailView>($"/api/pods/{podId}?weeks=7");
        Assert.Equal(3, longer.RecentWeeks.Count);
    }

    [Fact]
    public async Task CyclePods_LatestReflectionWeek_Shown()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });
        await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Quiet pod" });
        await network.Member.CreatedIdAsync($"/api/pods/{podId}/reflections", new { weekOf = ThisMonday.AddDays(-7), learnt = "Something" });

        var pods = await network.Observer.GetAsync<CyclePodsView>($"/api/cycles/{cycle.Id}/pods");

        Assert.Equal([("Pod", (DateOnly?)ThisMonday.AddDays(-7)), ("Quiet pod", null)], pods.Pods.Select(p => (p.Name, p.LatestWeekOf)));
    }

    [Fact]
    public async Task UpdateReflection_StaleVersion_Conflict()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });
        var id = await network.Member.CreatedIdAsync($"/api/pods/{podId}/reflections", new { weekOf = Today, learnt = "First" });
        using var first = await network.Member.PutAsync($"/api/pod-reflections/{id}", new { weekOf = Today, learnt = "Second", version = 1 });
        var updated = await first.ReadAsync<PodReflectionView>();

        using var second = await network.Member.PutAsync($"/api/pod-reflections/{id}", new { weekOf = Today, learnt = "Stale", version = 1 });

        Assert.Equal(("Second", 2), (updated.Learnt, updated.Version));
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ExperimentReflections_OnlyThoseAboutIt()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var podId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/pods", new { name = "Pod" });
        await network.Member.CreatedIdAsync($"/api/pods/{podId}/reflections", new { weekOf = Today, learnt = "About it", experimentId });
        await network.Member.CreatedIdAsync($"/api/pods/{podId}/reflections", new { weekOf = Today, learnt = "About the week" });

        var reflections = await network.Observer.GetAsync<List<PodReflectionView>>($"/api/experiments/{experimentId}/pod-reflections");

        Assert.Equal([("About it", "Pod")], reflections.Select(r => (r.Learnt, r.PodName)));
    }
}

public sealed class PodsApiSqliteTests(SqliteAppFactory app) : PodsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PodsApiPostgresTests(PostgresAppFactory app) : PodsApiTests(app), IClassFixture<PostgresAppFactory>;
