using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Features.Networks;

/// <summary>A network's system scales: rename, add, remove (only when empty) and reorder — stewards only.
/// (Who may call these endpoints is covered by the endpoint matrix in <see cref="NetworksApiTests"/>.)</summary>
public abstract class ScalesApiTests(AppFactory app)
{
    [Fact]
    public async Task AddScale_Steward_Returns201AsLargestCustomScale()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PostAsync($"{network.Url}/scales", new { name = "  Neighbourhood  " });

        var scale = await response.ReadAsync<ScaleView>(HttpStatusCode.Created);
        Assert.Equal(("Neighbourhood", ScaleKind.Custom, 5, 0), (scale.Name, scale.Kind, scale.Position, scale.CycleCount));
        var scales = await network.Observer.GetAsync<List<ScaleView>>($"{network.Url}/scales");
        Assert.Equal(scale.Id, scales[^1].Id);
    }

    [Theory]
    [InlineData("Team")]
    [InlineData("team")]
    [InlineData(" PLACE ")]
    public async Task AddScale_NameAlreadyUsed_Returns400ForName(string name)
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PostAsync($"{network.Url}/scales", new { name });

        var errors = await response.ShouldBeInvalidAsync("name");
        Assert.Contains("already a scale called", errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task AddScale_EmptyName_Returns400ForName(string? name)
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PostAsync($"{network.Url}/scales", new { name });

        await response.ShouldBeInvalidAsync("name");
    }

    [Fact]
    public async Task RenameScale_CurrentVersion_SavesAndBumpsVersion()
    {
        var network = await app.NewNetworkAsync();
        var place = network.Scales[3];

        using var response = await network.Steward.PutAsync($"{network.Url}/scales/{place.Id}", new { name = "Borough", version = place.Version });

        var renamed = await response.ReadAsync<ScaleView>();
        Assert.Equal(("Borough", ScaleKind.Place, 3, place.Version + 1), (renamed.Name, renamed.Kind, renamed.Position, renamed.Version));
    }

    [Fact]
    public async Task RenameScale_StaleVersion_Returns409()
    {
        var network = await app.NewNetworkAsync();
        var place = network.Scales[3];
        using (var first = await network.Steward.PutAsync($"{network.Url}/scales/{place.Id}", new { name = "Borough", version = place.Version }))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var second = await network.Steward.PutAsync($"{network.Url}/scales/{place.Id}", new { name = "District", version = place.Version });

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Borough", (await network.Steward.GetAsync<List<ScaleView>>($"{network.Url}/scales"))[3].Name);
    }

    [Fact]
    public async Task RenameScale_NameOver200Characters_Returns400ForName()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PutAsync($"{network.Url}/scales/{network.Scale(3)}", new { name = new string('s', 201) });

        await response.ShouldBeInvalidAsync("name");
    }

    [Fact]
    public async Task RenameScale_ToAnotherScalesName_Returns400ForName()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PutAsync($"{network.Url}/scales/{network.Scale(3)}", new { name = "team" });

        await response.ShouldBeInvalidAsync("name");
    }

    [Fact]
    public async Task RenameScale_ScaleOfAnotherNetwork_Returns404()
    {
        var network = await app.NewNetworkAsync();
        var other = await app.NewNetworkAsync("Other");

        using var response = await network.Steward.PutAsync($"{network.Url}/scales/{other.Scale(3)}", new { name = "Hijacked" });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoveScale_Empty_Returns204AndRenumbersTheRest()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.DeleteAsync($"{network.Url}/scales/{network.Scale(2)}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var scales = await network.Steward.GetAsync<List<ScaleView>>($"{network.Url}/scales");
        Assert.Equal(["Person / Practitioner", "Team", "Place", "Region / Country"], scales.Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3], scales.Select(s => s.Position));
    }

    [Fact]
    public async Task RemoveScale_WithCycles_Returns400WithReasonAndKeepsScale()
    {
        var network = await app.NewNetworkAsync();
        await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Housing team");

        using var response = await network.Steward.DeleteAsync($"{network.Url}/scales/{network.Scale(1)}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var reason = Assert.Single(problem.Errors!["scale"]);
        Assert.Equal("\"Team\" still has 2 cycles (archived ones included). Move or remove them before removing the scale.", reason);
        Assert.Equal(5, (await network.Steward.GetAsync<List<ScaleView>>($"{network.Url}/scales")).Count);
    }

    [Fact]
    public async Task RemoveScale_OnlyArchivedCycles_StillRefused()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(4), "National influence");
        using (var archived = await network.Steward.PostAsync($"/api/cycles/{cycle.Id}/archive", new { archived = true }))
        {
            await archived.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var response = await network.Steward.DeleteAsync($"{network.Url}/scales/{network.Scale(4)}");

        var errors = await response.ShouldBeInvalidAsync("scale");
        Assert.Contains("still has 1 cycle ", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveScale_Unknown_Returns404()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.DeleteAsync($"{network.Url}/scales/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReorderScales_EveryScaleOnce_SavesNewOrder()
    {
        var network = await app.NewNetworkAsync();
        var order = new[] { network.Scale(1), network.Scale(0), network.Scale(2), network.Scale(4), network.Scale(3) };

        using var response = await network.Steward.PutAsync($"{network.Url}/scales/order", new { scaleIds = order });

        var scales = await response.ReadAsync<List<ScaleView>>();
        Assert.Equal(["Team", "Person / Practitioner", "Organisation", "Region / Country", "Place"], scales.Select(s => s.Name));
        Assert.Equal(order, (await network.Observer.GetAsync<List<ScaleView>>($"{network.Url}/scales")).Select(s => s.Id));
    }

    [Fact]
    public async Task ReorderScales_ScaleMissing_Returns400ForScaleIds()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PutAsync($"{network.Url}/scales/order", new { scaleIds = network.Scales.Skip(1).Select(s => s.Id) });

        await response.ShouldBeInvalidAsync("scaleIds");
    }

    [Fact]
    public async Task ReorderScales_ScaleOfAnotherNetwork_Returns400ForScaleIds()
    {
        var network = await app.NewNetworkAsync();
        var other = await app.NewNetworkAsync("Other");
        var ids = network.Scales.Select(s => s.Id).ToArray();
        ids[0] = other.Scale(0);

        using var response = await network.Steward.PutAsync($"{network.Url}/scales/order", new { scaleIds = ids });

        await response.ShouldBeInvalidAsync("scaleIds");
    }
}

public sealed class ScalesApiSqliteTests(SqliteAppFactory app) : ScalesApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ScalesApiPostgresTests(PostgresAppFactory app) : ScalesApiTests(app), IClassFixture<PostgresAppFactory>;
