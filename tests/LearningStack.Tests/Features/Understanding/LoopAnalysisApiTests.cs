using System.Net;
using LearningStack.Graphs.Loops;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Tests.Features.Understanding;

/// <summary>Loop analysis, named loops and causes/uses trees through the API, on both databases.</summary>
public abstract class LoopAnalysisApiTests(AppFactory app)
{
    [Fact]
    public async Task LoopAnalysis_SmallMap_FindsEachLoopShortestFirstWithPolarity()
    {
        var (network, url, f) = await MapAsync();

        var analysis = await RunAsync(network.Member, url, new { });

        Assert.Equal((AnalysisState.Done, 3L, 1L, 2L, false), (analysis.State, analysis.Found, analysis.Reinforcing, analysis.Balancing, analysis.Truncated));
        Assert.Equal([1, 2, 2], analysis.Loops!.Select(l => l.Length));
        var selfLoop = analysis.Loops![0];
        Assert.Equal((LoopPolarity.Balancing, "Workload"), (selfLoop.Polarity, selfLoop.FactorNames[0]));
        var stressLoops = analysis.Loops.Skip(1).ToList();
        Assert.All(stressLoops, l => Assert.Equal(["Stress", "Sick days"], l.FactorNames.Order(StringComparer.Ordinal).Reverse()));
        Assert.Equal([LoopPolarity.Reinforcing, LoopPolarity.Balancing], stressLoops.Select(l => l.Polarity).Order());
        Assert.Contains(stressLoops, l => l.HasDelay);
        Assert.DoesNotContain(f.Keys, k => k == "unused");
    }

    [Fact]
    public async Task LoopAnalysis_ThroughFactor_OnlyLoopsThroughIt()
    {
        var (network, url, f) = await MapAsync();

        var analysis = await RunAsync(network.Member, url, new { throughFactorId = f["Workload"] });

        Assert.Equal(("Workload", 1L), (analysis.ThroughFactorName, analysis.Found));
    }

    [Fact]
    public async Task LoopAnalysis_CapReached_SaysTruncated()
    {
        var (network, url, _) = await MapAsync();

        var analysis = await RunAsync(network.Member, url, new { maxLoops = 2 });

        Assert.Equal((true, 2), (analysis.Truncated, analysis.Loops!.Count));
        Assert.Equal([1, 2], analysis.Loops!.Select(l => l.Length));
    }

    [Fact]
    public async Task LoopAnalysis_MaxLengthOne_OnlySelfLoops()
    {
        var (network, url, _) = await MapAsync();

        var analysis = await RunAsync(network.Member, url, new { maxLength = 1 });

        Assert.Equal([1], analysis.Loops!.Select(l => l.Length));
    }

    [Fact]
    public async Task LoopAnalysis_BadOptions_ReturnsFieldErrors()
    {
        var (network, url, _) = await MapAsync();

        using var response = await network.Member.PostAsync($"{url}/loop-analyses", new { maxLength = 0, maxLoops = 1_000_000, throughFactorId = Guid.NewGuid() });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("maxLength", problem.Errors!.Keys);
        Assert.Contains("maxLoops", problem.Errors!.Keys);
    }

    [Fact]
    public async Task NameLoop_ThenAnalyse_LoopCarriesNameAndNotes()
    {
        var (network, url, _) = await MapAsync();
        var first = await RunAsync(network.Member, url, new { });
        var reinforcing = first.Loops!.Single(l => l.Polarity == LoopPolarity.Reinforcing);

        using var named = await network.Member.PutAsync($"{url}/named-loops/{reinforcing.Key}", new { name = "Burnout spiral", notes = "Seen in the team's sickness records" });
        var view = await named.ReadAsync<NamedLoopView>();

        var again = await RunAsync(network.Member, url, new { });
        Assert.Equal(("Burnout spiral", "Seen in the team's sickness records"), again.Loops!.Single(l => l.Key == reinforcing.Key) is var l ? (l.Name, l.Notes) : default);
        Assert.Equal(reinforcing.LinkIds.Order(), view.LinkIds.Order());
        var map = await network.Observer.GetAsync<FactorMapView>($"{url}/factor-map");
        Assert.Equal("Burnout spiral", Assert.Single(map.NamedLoops).Name);
    }

    [Fact]
    public async Task NameLoop_LinksThatDoNotClose_ReturnsFieldError()
    {
        var (network, url, f) = await MapAsync();
        var map = await network.Member.GetAsync<FactorMapView>($"{url}/factor-map");
        var notALoop = FactorGraph.Key(map.Links.Where(l => l.FromId == f["Stress"]).Take(1).Select(l => l.Id));

        using var response = await network.Member.PutAsync($"{url}/named-loops/{notALoop}", new { name = "Nope" });

        Assert.Equal(["These links do not form a loop on this map."], await response.ShouldBeInvalidAsync("key"));
    }

    [Fact]
    public async Task CancelAnalysis_Unknown_Returns404()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Member.DeleteAsync($"/api/loop-analyses/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Trees_DepthTwo_CausesAndUsesWithSigns()
    {
        var (network, url, f) = await MapAsync();

        var trees = await network.Observer.GetAsync<FactorTrees>($"/api/factors/{f["Stress"]}/trees?depth=2");

        Assert.Equal("Stress", trees.Name);
        Assert.Equal(["Sick days", "Sick days"], trees.Causes.Children.Select(c => c.Name));
        Assert.Equal([LinkPolarity.Same, LinkPolarity.Opposite], trees.Causes.Children.Select(c => c.Polarity!.Value).Order());
        Assert.Equal(["Sick days", "Workload"], trees.Uses.Children.Select(c => c.Name).Order(StringComparer.Ordinal));
        using var bad = await network.Observer.GetAsync($"/api/factors/{f["Stress"]}/trees?depth=9");
        await bad.ShouldBeInvalidAsync("depth");
    }

    /// <summary>Stress ⇄ Sick days twice (+ with delay, and −), Stress → Workload, Workload → Workload (−).</summary>
    private async Task<(TestNetwork Network, string Url, Dictionary<string, Guid> Factors)> MapAsync()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Ward team");
        var url = $"/api/cycles/{cycle.Id}";
        var f = new Dictionary<string, Guid>();
        foreach (var name in new[] { "Stress", "Sick days", "Workload" })
        {
            f[name] = await network.Member.CreatedIdAsync($"{url}/factors", new { name });
        }
        await network.Member.CreatedIdAsync($"{url}/causal-links", new { fromId = f["Stress"], toId = f["Sick days"], polarity = "Same", delay = true });
        await network.Member.CreatedIdAsync($"{url}/causal-links", new { fromId = f["Sick days"], toId = f["Stress"], polarity = "Same" });
        await network.Member.CreatedIdAsync($"{url}/causal-links", new { fromId = f["Sick days"], toId = f["Stress"], polarity = "Opposite" });
        await network.Member.CreatedIdAsync($"{url}/causal-links", new { fromId = f["Stress"], toId = f["Workload"], polarity = "Same" });
        await network.Member.CreatedIdAsync($"{url}/causal-links", new { fromId = f["Workload"], toId = f["Workload"], polarity = "Opposite" });
        return (network, url, f);
    }

    private static async Task<LoopAnalysisView> RunAsync(TestUser user, string url, object options)
    {
        using var started = await user.PostAsync($"{url}/loop-analyses", options);
        var analysis = await started.ReadAsync<LoopAnalysisView>(HttpStatusCode.Accepted);
        Assert.Equal($"/api/loop-analyses/{analysis.Id}", started.Headers.Location?.OriginalString);
        for (var i = 0; i < 200 && analysis.State == AnalysisState.Running; i++)
        {
            await Task.Delay(25);
            analysis = await user.GetAsync<LoopAnalysisView>($"/api/loop-analyses/{analysis.Id}");
        }
        return analysis;
    }
}

public sealed class LoopAnalysisApiSqliteTests(SqliteAppFactory app) : LoopAnalysisApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class LoopAnalysisApiPostgresTests(PostgresAppFactory app) : LoopAnalysisApiTests(app), IClassFixture<PostgresAppFactory>;
