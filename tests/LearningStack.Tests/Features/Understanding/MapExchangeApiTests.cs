using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Tests.Features.Understanding;

/// <summary>Import, export and snapshots of maps through the API, on both databases.</summary>
public abstract class MapExchangeApiTests(AppFactory app)
{
    [Fact]
    public async Task ExportOurJson_ImportIntoEmptyCycle_SameMap()
    {
        var (network, source) = await CycleWithActorsAsync();
        var target = (await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Copy")).Id;
        using var export = await network.Observer.GetAsync($"/api/cycles/{source}/maps/actor-map/export?format=json");
        await export.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^debt-advice-team-actor-map-\d{4}-\d{2}-\d{2}\.json$", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var import = await ImportAsync(network.Member, target, "actor-map", await export.Content.ReadAsByteArrayAsync(), "map.json");

        var summary = await import.ReadAsync<ImportSummary>();
        Assert.Equal((3, 0, 2, (string?)null), (summary.ElementsAdded, summary.ElementsMatched, summary.ConnectionsAdded, summary.SnapshotName));
        var before = await network.Member.GetAsync<ActorMapView>($"/api/cycles/{source}/actor-map");
        var after = await network.Member.GetAsync<ActorMapView>($"/api/cycles/{target}/actor-map");
        Assert.Equal(before.Actors.Select(a => (a.Name, a.Kind, string.Join(",", a.Roles), string.Join(",", a.Tags))),
            after.Actors.Select(a => (a.Name, a.Kind, string.Join(",", a.Roles), string.Join(",", a.Tags))));
        Assert.Equal(before.Relationships.Select(r => (r.Kind, r.Strength, r.Trust, r.Direction)).Order(), after.Relationships.Select(r => (r.Kind, r.Strength, r.Trust, r.Direction)).Order());
    }

    [Fact]
    public async Task ExportKumuXlsx_ImportIntoSameMap_MatchedByNameAndSnapshotSavedFirst()
    {
        var (network, cycle) = await CycleWithActorsAsync();
        using var export = await network.Member.GetAsync($"/api/cycles/{cycle}/maps/actor-map/export?format=kumu-xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);

        using var import = await ImportAsync(network.Member, cycle, "actor-map", await export.Content.ReadAsByteArrayAsync(), "kumu.xlsx");

        var summary = await import.ReadAsync<ImportSummary>();
        Assert.Equal((0, 3, "Before importing kumu.xlsx"), (summary.ElementsAdded, summary.ElementsMatched, summary.SnapshotName));
        var snapshots = await network.Member.GetAsync<List<SnapshotView>>($"/api/cycles/{cycle}/maps/actor-map/snapshots");
        Assert.Equal((3, 2), (Assert.Single(snapshots).ElementCount, snapshots[0].ConnectionCount));
    }

    [Fact]
    public async Task Import_CorruptSpreadsheet_400WithReasonAndNothingAdded()
    {
        var (network, cycle) = await CycleWithActorsAsync();

        using var import = await ImportAsync(network.Member, cycle, "actor-map", Encoding.UTF8.GetBytes("PK\u0003\u0004 not really a zip"), "broken.xlsx");

        var problem = await import.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.Errors!["file"]);
        Assert.Equal(3, (await network.Member.GetAsync<ActorMapView>($"/api/cycles/{cycle}/actor-map")).Actors.Count);
    }

    [Fact]
    public async Task Import_KumuCsvBadStrength_ReportsRowAndColumn()
    {
        var network = await app.NewNetworkAsync();
        var cycle = (await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team")).Id;
        const string csv = "From,To,Type,Direction,Strength\nResident,Caseworker,works with,mutual,4\nCaseworker,Food bank,refers to,directed,9\n";

        using var import = await ImportAsync(network.Member, cycle, "actor-map", Encoding.UTF8.GetBytes(csv), "connections.csv");

        var message = Assert.Single((await import.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!["file"]);
        Assert.Contains("row 3", message, StringComparison.Ordinal);
        Assert.Contains("Strength", message, StringComparison.Ordinal);
        Assert.Empty((await network.Member.GetAsync<ActorMapView>($"/api/cycles/{cycle}/actor-map")).Actors);
    }

    [Fact]
    public async Task ImportFactorMap_ConnectionWithoutPolarity_400AndNothingAdded()
    {
        var network = await app.NewNetworkAsync();
        var cycle = (await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team")).Id;
        const string json = """{"elements":[{"label":"Stress"},{"label":"Sick days"}],"connections":[{"from":"Stress","to":"Sick days","type":"+"},{"from":"Sick days","to":"Stress","type":"causes"}]}""";

        using var import = await ImportAsync(network.Member, cycle, "factor-map", Encoding.UTF8.GetBytes(json), "blueprint.json");

        var message = Assert.Single((await import.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!["file"]);
        Assert.Equal("The connection from “Sick days” to “Stress” has no polarity. Give it the type + (same direction) or − (opposite direction).", message);
        Assert.Empty((await network.Member.GetAsync<FactorMapView>($"/api/cycles/{cycle}/factor-map")).Factors);
    }

    [Fact]
    public async Task ImportFactorMap_KumuJsonWithSigns_LinksWithPolarityAndLoopsFound()
    {
        var network = await app.NewNetworkAsync();
        var cycle = (await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team")).Id;
        const string json = """{"elements":[{"label":"Stress"},{"label":"Sick days"}],"connections":[{"from":"Stress","to":"Sick days","type":"+"},{"from":"Sick days","to":"Stress","type":"-"}]}""";

        using var import = await ImportAsync(network.Member, cycle, "factor-map", Encoding.UTF8.GetBytes(json), "blueprint.json");

        Assert.Equal(2, (await import.ReadAsync<ImportSummary>()).ConnectionsAdded);
        var map = await network.Member.GetAsync<FactorMapView>($"/api/cycles/{cycle}/factor-map");
        Assert.Equal([LinkPolarity.Same, LinkPolarity.Opposite], map.Links.Select(l => l.Polarity).Order());
    }

    [Fact]
    public async Task Import_ActorMapFileIntoFactorMap_400SaysWhereItBelongs()
    {
        var (network, cycle) = await CycleWithActorsAsync();
        using var export = await network.Member.GetAsync($"/api/cycles/{cycle}/maps/actor-map/export?format=json");

        using var import = await ImportAsync(network.Member, cycle, "factor-map", await export.Content.ReadAsByteArrayAsync(), "actors.json");

        Assert.Equal(["This file holds an actor map. Import it on the actor map page."], await import.ShouldBeInvalidAsync("file"));
    }

    [Fact]
    public async Task Import_NoFile_400()
    {
        var (network, cycle) = await CycleWithActorsAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/maps/actor-map/import", new { });

        await response.ShouldBeInvalidAsync("file");
    }

    [Theory]
    [InlineData("GET", "/maps/people-map/export")]
    [InlineData("GET", "/maps/people-map/snapshots")]
    public async Task UnknownMap_404(string method, string path)
    {
        var (network, cycle) = await CycleWithActorsAsync();

        using var response = await network.Member.SendAsync(method, $"/api/cycles/{cycle}{path}", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_UnknownFormat_400()
    {
        var (network, cycle) = await CycleWithActorsAsync();

        using var response = await network.Member.GetAsync($"/api/cycles/{cycle}/maps/actor-map/export?format=pdf");

        await response.ShouldBeInvalidAsync("format");
    }

    [Fact]
    public async Task CompareSnapshot_AfterChanges_ListsAddedRemovedRenamed()
    {
        var (network, cycle) = await CycleWithActorsAsync();
        var snapshot = await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/maps/actor-map/snapshots", new { name = "Before the workshop" });
        var map = await network.Member.GetAsync<ActorMapView>($"/api/cycles/{cycle}/actor-map");
        var resident = map.Actors.Single(a => a.Name == "Resident");
        var foodBank = map.Actors.Single(a => a.Name == "Food bank");
        (await network.Member.PutAsync($"/api/actors/{resident.Id}", new { name = "Resident (Mrs B)", kind = "Person", version = resident.Version })).Dispose();
        (await network.Member.DeleteAsync($"/api/actors/{foodBank.Id}")).Dispose();
        await network.Member.CreatedIdAsync($"/api/cycles/{cycle}/actors", new { name = "Landlord", kind = "Organisation" });

        var comparison = await network.Observer.GetAsync<SnapshotComparison>($"/api/map-snapshots/{snapshot}/compare");

        Assert.Equal(["Landlord"], comparison.AddedElements);
        Assert.Equal(["Food bank"], comparison.RemovedElements);
        Assert.Equal([new Renamed("Resident", "Resident (Mrs B)")], comparison.RenamedElements);
        Assert.Equal(["Caseworker → Food bank (refers to)"], comparison.RemovedConnections);
        Assert.Empty(comparison.AddedConnections);
    }

    [Fact]
    public async Task SaveSnapshot_NoName_FieldError()
    {
        var (network, cycle) = await CycleWithActorsAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle}/maps/factor-map/snapshots", new { name = " " });

        await response.ShouldBeInvalidAsync("name");
    }

    private async Task<(TestNetwork Network, Guid Cycle)> CycleWithActorsAsync()
    {
        var network = await app.NewNetworkAsync();
        var cycle = (await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team")).Id;
        var url = $"/api/cycles/{cycle}";
        var resident = await network.Member.CreatedIdAsync($"{url}/actors", new { name = "Resident", kind = "Person", roles = new[] { "PersonServed" }, tags = new[] { "household" } });
        var caseworker = await network.Member.CreatedIdAsync($"{url}/actors", new { name = "Caseworker", kind = "Person", roles = new[] { "HasEnergyForChange" } });
        var foodBank = await network.Member.CreatedIdAsync($"{url}/actors", new { name = "Food bank", kind = "Community" });
        await network.Member.CreatedIdAsync($"{url}/relationships", new { fromId = caseworker, toId = resident, kind = "works with", direction = "Mutual", strength = 4, trust = "Good" });
        await network.Member.CreatedIdAsync($"{url}/relationships", new { fromId = caseworker, toId = foodBank, kind = "refers to", strength = 2, trust = "Mixed" });
        return (network, cycle);
    }

    private static async Task<HttpResponseMessage> ImportAsync(TestUser user, Guid cycle, string map, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await user.Http.PostAsync($"/api/cycles/{cycle}/maps/{map}/import", form);
    }
}

public sealed class MapExchangeApiSqliteTests(SqliteAppFactory app) : MapExchangeApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class MapExchangeApiPostgresTests(PostgresAppFactory app) : MapExchangeApiTests(app), IClassFixture<PostgresAppFactory>;
