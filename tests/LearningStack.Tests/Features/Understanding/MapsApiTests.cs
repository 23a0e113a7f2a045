using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Tests.Features.Understanding;

/// <summary>Actor maps and factor maps through the JSON API, on both databases.</summary>
public abstract class MapsApiTests(AppFactory app)
{
    // ----- actors and relationships -----

    [Fact]
    public async Task CreateActor_WithTagsAndRoles_CleanedAndListed()
    {
        var (network, cycle) = await CycleAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/actors", new
        {
            name = "  Housing officer ",
            kind = "Person",
            tags = new[] { "housing | council", "Housing", " " },
            roles = new[] { "OpinionLeader", "HasEnergyForChange" },
        });

        var actor = await response.ReadAsync<ActorView>(HttpStatusCode.Created);
        Assert.Equal(("Housing officer", ActorKind.Person), (actor.Name, actor.Kind));
        Assert.Equal(["housing", "council"], actor.Tags);
        Assert.Equal([ActorRoles.OpinionLeader, ActorRoles.HasEnergyForChange], actor.Roles);
        var map = await network.Observer.GetAsync<ActorMapView>($"/api/cycles/{cycle}/actor-map");
        var listed = Assert.Single(map.Actors);
        Assert.Equal((actor.Id, actor.Name, actor.Version), (listed.Id, listed.Name, listed.Version));
        Assert.Equal(actor.Tags, listed.Tags);
        Assert.Equal(actor.Roles, listed.Roles);
        Assert.False(map.CanEdit);
    }

    [Fact]
    public async Task CreateActor_NoNameNoKind_ReturnsFieldErrors()
    {
        var (network, cycle) = await CycleAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/actors", new { name = "" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("name", problem.Errors!.Keys);
        Assert.Contains("kind", problem.Errors!.Keys);
    }

    [Fact]
    public async Task CreateRelationship_ActorOfAnotherCycle_ReturnsFieldError()
    {
        var (network, cycle) = await CycleAsync();
        var other = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Elsewhere");
        var here = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/actors", new { name = "Here", kind = "Team" });
        var there = await network.Member.CreatedIdAsync($"/api/cycles/{other.Id}/actors", new { name = "There", kind = "Team" });

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/relationships", new { fromId = here, toId = there, kind = "works with" });

        Assert.Equal(["Choose an actor on this cycle's map."], await response.ShouldBeInvalidAsync("toId"));
    }

    [Theory]
    [InlineData(0, "strength")]
    [InlineData(6, "strength")]
    public async Task CreateRelationship_StrengthOutOfRange_ReturnsFieldError(int strength, string field)
    {
        var (network, cycle) = await CycleAsync();
        var (a, b) = await TwoActorsAsync(network, cycle);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/relationships", new { fromId = a, toId = b, kind = "funds", strength });

        Assert.Equal(["Strength is from 1 (weak) to 5 (strong)."], await response.ShouldBeInvalidAsync(field));
    }

    [Fact]
    public async Task CreateRelationship_SameActorBothEnds_ReturnsFieldError()
    {
        var (network, cycle) = await CycleAsync();
        var (a, _) = await TwoActorsAsync(network, cycle);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/relationships", new { fromId = a, toId = a, kind = "funds" });

        Assert.Equal(["A relationship needs two different actors."], await response.ShouldBeInvalidAsync("toId"));
    }

    [Fact]
    public async Task CreateRelationship_AllFields_StoredAsSent()
    {
        var (network, cycle) = await CycleAsync();
        var (a, b) = await TwoActorsAsync(network, cycle);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/relationships", new
        {
            fromId = a, toId = b, kind = "learns with", direction = "Mutual", strength = 4, trust = "Mixed", notes = "Monthly", since = "2025-04-01",
        });

        var r = await response.ReadAsync<RelationshipView>(HttpStatusCode.Created);
        Assert.Equal(("learns with", RelationshipDirection.Mutual, 4, TrustQuality.Mixed, "Monthly", new DateOnly(2025, 4, 1)),
            (r.Kind, r.Direction, r.Strength, r.Trust, r.Notes, r.Since));
    }

    [Fact]
    public async Task UpdateActor_StaleVersion_Returns409AndKeepsTheOtherChange()
    {
        var (network, cycle) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/actors", new { name = "Resident", kind = "Person" });
        using var first = await network.Member.PutAsync($"/api/actors/{id}", new { name = "Resident A", kind = "Person", version = 1 });
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var second = await network.Steward.PutAsync($"/api/actors/{id}", new { name = "Resident B", kind = "Person", version = 1 });

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var map = await network.Member.GetAsync<ActorMapView>($"/api/cycles/{cycle}/actor-map");
        Assert.Equal(("Resident A", 2), (map.Actors[0].Name, map.Actors[0].Version));
    }

    [Fact]
    public async Task UpdateActor_NoVersion_Returns400()
    {
        var (network, cycle) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/actors", new { name = "Resident", kind = "Person" });

        using var response = await network.Member.PutAsync($"/api/actors/{id}", new { name = "Renamed", kind = "Person" });

        await response.ShouldBeInvalidAsync("version");
    }

    [Fact]
    public async Task MoveActor_NoVersion_PositionStoredVersionUnchanged()
    {
        var (network, cycle) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/actors", new { name = "Resident", kind = "Person" });

        using var response = await network.Member.PutAsync($"/api/actors/{id}/position", new { x = 120.26, y = -40 });

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var actor = (await network.Member.GetAsync<ActorMapView>($"/api/cycles/{cycle}/actor-map")).Actors[0];
        Assert.Equal((120.3, -40.0, 1), (actor.X, actor.Y, actor.Version));
    }

    [Fact]
    public async Task DeleteActor_WithRelationships_RemovesThemAndKeepsEachInHistory()
    {
        var (network, cycle) = await CycleAsync();
        var (a, b) = await TwoActorsAsync(network, cycle);
        var r1 = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/relationships", new { fromId = a, toId = b, kind = "funds" });
        var r2 = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/relationships", new { fromId = b, toId = a, kind = "reports to" });

        using var response = await network.Member.DeleteAsync($"/api/actors/{a}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var map = await network.Member.GetAsync<ActorMapView>($"/api/cycles/{cycle}/actor-map");
        Assert.Equal([b], map.Actors.Select(x => x.Id));
        Assert.Empty(map.Relationships);
        var history = await network.Member.GetAsync<List<HistoryView>>($"/api/cycles/{cycle}/history");
        Assert.All(new[] { a, r1, r2 }, id => Assert.Single(history, h => h.EntityId == id && h.Action == "Deleted"));
    }

    // ----- factors and causal links -----

    [Fact]
    public async Task CreateLinks_ParallelBetweenSameFactors_BothKeptDistinct()
    {
        var (network, cycle) = await CycleAsync();
        var (stress, sick) = await TwoFactorsAsync(network, cycle);

        var plus = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/causal-links", new { fromId = stress, toId = sick, polarity = "Same", delay = true });
        var minus = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/causal-links", new { fromId = stress, toId = sick, polarity = "Opposite", confidence = "Low" });

        var map = await network.Member.GetAsync<FactorMapView>($"/api/cycles/{cycle}/factor-map");
        Assert.Equal(2, map.Links.Count);
        Assert.Equal((LinkPolarity.Same, true, Confidence.Medium), map.Links.Single(l => l.Id == plus) is var p ? (p.Polarity, p.Delay, p.Confidence) : default);
        Assert.Equal((LinkPolarity.Opposite, false, Confidence.Low), map.Links.Single(l => l.Id == minus) is var m ? (m.Polarity, m.Delay, m.Confidence) : default);
    }

    [Fact]
    public async Task CreateLink_NoPolarity_ReturnsFieldError()
    {
        var (network, cycle) = await CycleAsync();
        var (stress, sick) = await TwoFactorsAsync(network, cycle);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/causal-links", new { fromId = stress, toId = sick });

        Assert.Equal(["Choose + (same direction) or − (opposite direction)."], await response.ShouldBeInvalidAsync("polarity"));
    }

    [Fact]
    public async Task CreateFactor_ScriptEvidenceLink_ReturnsFieldError()
    {
        var (network, cycle) = await CycleAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/factors", new { name = "Stress", evidenceUrl = "javascript:alert(1)" });

        Assert.Equal(["Enter a web address starting with https:// or http://."], await response.ShouldBeInvalidAsync("evidenceUrl"));
    }

    [Fact]
    public async Task DeleteFactor_WithLinks_RemovesLinks()
    {
        var (network, cycle) = await CycleAsync();
        var (stress, sick) = await TwoFactorsAsync(network, cycle);
        await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/causal-links", new { fromId = stress, toId = sick, polarity = "Same" });

        using var response = await network.Member.DeleteAsync($"/api/factors/{sick}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var map = await network.Member.GetAsync<FactorMapView>($"/api/cycles/{cycle}/factor-map");
        Assert.Equal([stress], map.Factors.Select(f => f.Id));
        Assert.Empty(map.Links);
    }

    [Fact]
    public async Task UpdateLink_ConcurrentEdits_OneWinsOtherGets409()
    {
        var (network, cycle) = await CycleAsync();
        var (stress, sick) = await TwoFactorsAsync(network, cycle);
        var link = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/causal-links", new { fromId = stress, toId = sick, polarity = "Same" });

        var responses = await Task.WhenAll(
            network.Member.PutAsync($"/api/causal-links/{link}", new { fromId = stress, toId = sick, polarity = "Opposite", version = 1 }),
            network.Steward.PutAsync($"/api/causal-links/{link}", new { fromId = stress, toId = sick, polarity = "Same", delay = true, version = 1 }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    private async Task<(TestNetwork Network, Guid Cycle)> CycleAsync()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        return (network, cycle.Id);
    }

    private static async Task<(Guid, Guid)> TwoActorsAsync(TestNetwork network, Guid cycle) =>
        (await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/actors", new { name = "Resident", kind = "Person" }),
         await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/actors", new { name = "Advice centre", kind = "Organisation" }));

    private static async Task<(Guid, Guid)> TwoFactorsAsync(TestNetwork network, Guid cycle) =>
        (await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/factors", new { name = "Stress" }),
         await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/factors", new { name = "Sick days" }));
}

public sealed class MapsApiSqliteTests(SqliteAppFactory app) : MapsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class MapsApiPostgresTests(PostgresAppFactory app) : MapsApiTests(app), IClassFixture<PostgresAppFactory>;
