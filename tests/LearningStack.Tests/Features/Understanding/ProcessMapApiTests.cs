using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Tests.Features.Understanding;

/// <summary>The process map: ordered steps of a person's journey, value or failure demand.</summary>
public abstract class ProcessMapApiTests(AppFactory app)
{
    [Fact]
    public async Task CreateStep_AtPosition_InsertedAndOthersRenumbered()
    {
        var (network, url) = await CycleAsync();
        await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "Phones the council", demand = "Value" });
        await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "Phones again: nobody called back", demand = "Failure", responsible = "Contact centre" });

        await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "Waits on hold", demand = "Failure", position = 2 });

        var map = await network.Member.GetAsync<ProcessMapView>($"{url}/process-map");
        Assert.Equal(["Phones the council", "Waits on hold", "Phones again: nobody called back"], map.Steps.Select(s => s.Description));
        Assert.Equal([1, 2, 3], map.Steps.Select(s => s.Position));
        Assert.Equal((1, 2), (map.ValueCount, map.FailureCount));
    }

    [Fact]
    public async Task DeleteStep_Middle_RenumbersTheRest()
    {
        var (network, url) = await CycleAsync();
        await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "One", demand = "Value" });
        var two = await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "Two", demand = "Value" });
        await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "Three", demand = "Value" });

        using var response = await network.Member.DeleteAsync($"/api/process-steps/{two}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var map = await network.Member.GetAsync<ProcessMapView>($"{url}/process-map");
        Assert.Equal([("One", 1), ("Three", 2)], map.Steps.Select(s => (s.Description, s.Position)));
    }

    [Fact]
    public async Task UpdateStep_MoveToFirst_Reordered()
    {
        var (network, url) = await CycleAsync();
        await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "One", demand = "Value" });
        var two = await network.Member.CreatedIdAsync($"{url}/process-steps", new { description = "Two", demand = "Value" });

        using var response = await network.Member.PutAsync($"/api/process-steps/{two}", new { description = "Two", demand = "Failure", position = 1, version = 1 });

        var step = await response.ReadAsync<ProcessStepView>();
        Assert.Equal((1, DemandKind.Failure), (step.Position, step.Demand));
    }

    [Fact]
    public async Task CreateStep_NoDemand_ReturnsFieldError()
    {
        var (network, url) = await CycleAsync();

        using var response = await network.Member.PostAsync($"{url}/process-steps", new { description = "Phones the council" });

        Assert.Equal(["Say whether this step is value demand or failure demand."], await response.ShouldBeInvalidAsync("demand"));
    }

    private async Task<(TestNetwork Network, string Url)> CycleAsync()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Contact centre team");
        return (network, $"/api/cycles/{cycle.Id}");
    }
}

public sealed class ProcessMapApiSqliteTests(SqliteAppFactory app) : ProcessMapApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProcessMapApiPostgresTests(PostgresAppFactory app) : ProcessMapApiTests(app), IClassFixture<PostgresAppFactory>;
