using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;

namespace LearningStack.Tests.Features.Connections;

/// <summary>Links between cycles through the JSON API: vertical between adjacent scales (smaller first), horizontal at one scale.</summary>
public abstract class ConnectionsApiTests(AppFactory app)
{
    [Fact]
    public void Endpoints_NoneStewardOnly_AsDesigned()
    {
        Assert.DoesNotContain(ApiEndpoints.All, e => e.Feature == Feature.Connections && ApiEndpoints.StewardOnly(e));
    }

    // ----- creating links -----

    [Fact]
    public async Task CreateLink_AdjacentScalesLargerFirst_StoredVerticalWithSmallerFirst()
    {
        var (network, person, team, _) = await CyclesAsync();

        using var response = await network.Member.PostAsync($"{network.Url}/links", new
        {
            fromCycleId = team.Id,
            toCycleId = person.Id,
            learnsFrom = "  What residents' stories show  ",
            enables = "Time to listen",
            notes = "",
        });

        var link = await response.ReadAsync<LinkView>(HttpStatusCode.Created);
        Assert.Equal($"/api/links/{link.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((LinkDirection.Vertical, person.Id, "Conversations", team.Id, "Team", "What residents' stories show", "Time to listen", (string?)null),
            (link.Direction, link.FromCycleId, link.FromName, link.ToCycleId, link.ToName, link.LearnsFrom, link.Enables, link.Notes));
        Assert.Equal(link, await network.Observer.GetAsync<LinkView>($"/api/links/{link.Id}"));
    }

    [Fact]
    public async Task CreateLink_SameScale_StoredHorizontalWithNotes()
    {
        var (network, _, team, _) = await CyclesAsync();
        var housing = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Housing");

        var link = await network.Member.LinkAsync(network.Id, team.Id, housing.Id, notes: "Shared residents");

        Assert.Equal((LinkDirection.Horizontal, team.Id, housing.Id, "Shared residents", (string?)null, (string?)null),
            (link.Direction, link.FromCycleId, link.ToCycleId, link.Notes, link.LearnsFrom, link.Enables));
    }

    [Fact]
    public async Task CreateLink_SameScaleWithOnlyLearnsFrom_KeepsTextAsNotes()
    {
        var (network, _, team, _) = await CyclesAsync();
        var housing = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Housing");

        var link = await network.Member.LinkAsync(network.Id, team.Id, housing.Id, learnsFrom: "Shared issue log");

        Assert.Equal(("Shared issue log", (string?)null), (link.Notes, link.LearnsFrom));
    }

    [Fact]
    public async Task CreateLink_CycleToItself_Returns400ForToCycleId()
    {
        var (network, _, team, _) = await CyclesAsync();

        using var response = await network.Member.PostAsync($"{network.Url}/links", new { fromCycleId = team.Id, toCycleId = team.Id });

        var errors = await response.ShouldBeInvalidAsync("toCycleId");
        Assert.Contains("cannot be linked to itself", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLink_SkipsAScale_Returns400ExplainingWhy()
    {
        var (network, person, _, organisation) = await CyclesAsync();

        using var response = await network.Member.PostAsync($"{network.Url}/links", new { fromCycleId = person.Id, toCycleId = organisation.Id });

        var errors = await response.ShouldBeInvalidAsync("toCycleId");
        Assert.Contains("2 scales apart", errors[0], StringComparison.Ordinal);
        Assert.Contains("connect via a cycle at the scale between them", errors[0], StringComparison.Ordinal);
        Assert.Empty(await network.Member.GetAsync<List<LinkView>>($"{network.Url}/links"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateLink_AlreadyLinkedEitherDirection_Returns400ForToCycleId(bool reversed)
    {
        var (network, person, team, _) = await CyclesAsync();
        await network.Member.LinkAsync(network.Id, person.Id, team.Id);

        using var response = await network.Member.PostAsync($"{network.Url}/links",
            reversed ? new { fromCycleId = team.Id, toCycleId = person.Id } : new { fromCycleId = person.Id, toCycleId = team.Id });

        var errors = await response.ShouldBeInvalidAsync("toCycleId");
        Assert.Contains("already linked", errors[0], StringComparison.Ordinal);
        Assert.Single(await network.Member.GetAsync<List<LinkView>>($"{network.Url}/links"));
    }

    [Fact]
    public async Task CreateLink_HorizontalAlreadyLinkedReversed_Returns400ForToCycleId()
    {
        var (network, _, team, _) = await CyclesAsync();
        var housing = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Housing");
        await network.Member.LinkAsync(network.Id, team.Id, housing.Id);

        using var response = await network.Member.PostAsync($"{network.Url}/links", new { fromCycleId = housing.Id, toCycleId = team.Id });

        await response.ShouldBeInvalidAsync("toCycleId");
    }

    [Fact]
    public async Task CreateLink_CycleOfAnotherNetwork_Returns400ForThatEnd()
    {
        var (network, _, team, _) = await CyclesAsync();
        var other = await app.NewNetworkAsync("Other");
        var foreign = await other.Member.CreateCycleAsync(other.Id, other.Scale(1), "Foreign team");

        using var toForeign = await network.Member.PostAsync($"{network.Url}/links", new { fromCycleId = team.Id, toCycleId = foreign.Id });
        using var fromForeign = await network.Member.PostAsync($"{network.Url}/links", new { fromCycleId = foreign.Id, toCycleId = team.Id });

        await toForeign.ShouldBeInvalidAsync("toCycleId");
        await fromForeign.ShouldBeInvalidAsync("fromCycleId");
    }

    [Fact]
    public async Task CreateLink_MissingEnd_Returns400ForToCycleId()
    {
        var (network, _, team, _) = await CyclesAsync();

        using var response = await network.Member.PostAsync($"{network.Url}/links", new { fromCycleId = team.Id });

        await response.ShouldBeInvalidAsync("toCycleId");
    }

    [Theory]
    [InlineData("learnsFrom")]
    [InlineData("enables")]
    [InlineData("notes")]
    public async Task CreateLink_NoteOver20000Characters_Returns400ForThatNote(string field)
    {
        var (network, person, team, _) = await CyclesAsync();
        var body = new Dictionary<string, object?> { ["fromCycleId"] = person.Id, ["toCycleId"] = team.Id, [field] = new string('x', 20_001) };

        using var response = await network.Member.PostAsync($"{network.Url}/links", body);

        await response.ShouldBeInvalidAsync(field);
    }

    // ----- reading, editing, deleting -----

    [Fact]
    public async Task GetCycle_Linked_ShowsConnectionsUpDownAndAcross()
    {
        var (network, person, team, organisation) = await CyclesAsync();
        var housing = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Housing");
        await network.Member.LinkAsync(network.Id, person.Id, team.Id, "Stories", "Time");
        await network.Member.LinkAsync(network.Id, organisation.Id, team.Id, "Spend log", "Principles");
        await network.Member.LinkAsync(network.Id, housing.Id, team.Id, notes: "Shared residents");

        var detail = await network.Observer.GetAsync<CycleDetail>($"/api/cycles/{team.Id}");

        var up = Assert.Single(detail.Up);
        Assert.Equal((organisation.Id, "Organisation", "Spend log", "Principles"), (up.CycleId, up.ScaleName, up.LearnsFrom, up.Enables));
        var down = Assert.Single(detail.Down);
        Assert.Equal((person.Id, "Person / Practitioner", "Stories"), (down.CycleId, down.ScaleName, down.LearnsFrom));
        var across = Assert.Single(detail.Across);
        Assert.Equal((housing.Id, "Team", "Shared residents"), (across.CycleId, across.ScaleName, across.Notes));
    }

    [Fact]
    public async Task ListLinks_Network_ListsEveryLinkWithCycleNames()
    {
        var (network, person, team, organisation) = await CyclesAsync();
        await network.Member.LinkAsync(network.Id, person.Id, team.Id);
        await network.Member.LinkAsync(network.Id, team.Id, organisation.Id);

        var links = await network.Observer.GetAsync<List<LinkView>>($"{network.Url}/links");

        Assert.Equal([("Conversations", "Team"), ("Team", "Organisation")], links.Select(l => (l.FromName, l.ToName)).Order());
    }

    [Fact]
    public async Task UpdateLink_CurrentVersion_SavesNotesAndBumpsVersion()
    {
        var (network, person, team, _) = await CyclesAsync();
        var link = await network.Member.LinkAsync(network.Id, person.Id, team.Id, "Old", "Old");

        using var response = await network.Member.PutAsync($"/api/links/{link.Id}", new { learnsFrom = "New learning", enables = "New enabling", version = link.Version });

        var updated = await response.ReadAsync<LinkView>();
        Assert.Equal(("New learning", "New enabling", link.Version + 1), (updated.LearnsFrom, updated.Enables, updated.Version));
    }

    [Fact]
    public async Task UpdateLink_StaleVersion_Returns409AndKeepsFirstEdit()
    {
        var (network, person, team, _) = await CyclesAsync();
        var link = await network.Member.LinkAsync(network.Id, person.Id, team.Id, "Original");
        (await network.Steward.PutAsync($"/api/links/{link.Id}", new { learnsFrom = "Steward's edit", version = link.Version })).Dispose();

        using var response = await network.Member.PutAsync($"/api/links/{link.Id}", new { learnsFrom = "Member's edit", version = link.Version });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Steward's edit", (await network.Member.GetAsync<LinkView>($"/api/links/{link.Id}")).LearnsFrom);
    }

    [Fact]
    public async Task UpdateLink_NoteOver20000Characters_Returns400ForNotes()
    {
        var (network, person, team, _) = await CyclesAsync();
        var link = await network.Member.LinkAsync(network.Id, person.Id, team.Id);

        using var response = await network.Member.PutAsync($"/api/links/{link.Id}", new { notes = new string('n', 20_001) });

        await response.ShouldBeInvalidAsync("notes");
    }

    [Fact]
    public async Task DeleteLink_Member_Returns204ThenGoneAndRecordedInHistory()
    {
        var (network, person, team, _) = await CyclesAsync();
        var link = await network.Member.LinkAsync(network.Id, person.Id, team.Id, "Learning");

        using var response = await network.Member.DeleteAsync($"/api/links/{link.Id}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await network.Member.GetAsync($"/api/links/{link.Id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var history = await network.Member.GetAsync<List<HistoryView>>($"/api/cycles/{person.Id}/history");
        var deleted = Assert.Single(history, h => h.EntityType == nameof(CycleLink) && h.Action == "Deleted");
        Assert.Equal((link.Id, network.Member.Name), (deleted.EntityId, deleted.UserName));
        Assert.Contains("Learning", deleted.Before, StringComparison.Ordinal);
        Assert.Null(deleted.After);
    }

    [Fact]
    public async Task History_LinkCreated_ShownOnBothCycles()
    {
        var (network, person, team, _) = await CyclesAsync();
        var link = await network.Member.LinkAsync(network.Id, person.Id, team.Id);

        var smaller = await network.Member.GetAsync<List<HistoryView>>($"/api/cycles/{person.Id}/history");
        var larger = await network.Member.GetAsync<List<HistoryView>>($"/api/cycles/{team.Id}/history");

        Assert.Single(smaller, h => h.EntityId == link.Id && h.Action == "Created");
        Assert.Single(larger, h => h.EntityId == link.Id && h.Action == "Created");
    }

    [Fact]
    public async Task GetLink_Unknown_Returns404()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.GetAsync($"/api/links/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A fresh network with one cycle at each of the three smallest scales.</summary>
    private async Task<(TestNetwork Network, CycleDetail Person, CycleDetail Team, CycleDetail Organisation)> CyclesAsync()
    {
        var network = await app.NewNetworkAsync();
        return (network,
            await network.Member.CreateCycleAsync(network.Id, network.Scale(0), "Conversations"),
            await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team"),
            await network.Member.CreateCycleAsync(network.Id, network.Scale(2), "Organisation"));
    }
}

public sealed class ConnectionsApiSqliteTests(SqliteAppFactory app) : ConnectionsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ConnectionsApiPostgresTests(PostgresAppFactory app) : ConnectionsApiTests(app), IClassFixture<PostgresAppFactory>;
