using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;

namespace LearningStack.Tests.Features.Cycles;

/// <summary>Two people editing the same cycle: the second save with a stale version is refused (409), never silently applied.</summary>
public abstract class CycleConcurrencyTests(AppFactory app)
{
    [Fact]
    public async Task UpdateCycle_SecondClientSendsSameVersion_Returns409AndFirstChangeKept()
    {
        var network = await app.NewNetworkAsync();
        var created = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team", "Original purpose");
        var seenByA = await network.Steward.GetAsync<CycleDetail>($"/api/cycles/{created.Id}");
        var seenByB = await network.Member.GetAsync<CycleDetail>($"/api/cycles/{created.Id}");
        Assert.Equal(seenByA.Version, seenByB.Version);

        using var a = await network.Steward.PutAsync($"/api/cycles/{created.Id}", new { scaleId = network.Scale(1), name = "Team", purpose = "A's purpose", version = seenByA.Version });
        using var b = await network.Member.PutAsync($"/api/cycles/{created.Id}", new { scaleId = network.Scale(1), name = "Team (B)", purpose = "B's purpose", version = seenByB.Version });

        await a.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var conflict = await b.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Someone else changed this", conflict.Detail, StringComparison.Ordinal);
        var now = await network.Observer.GetAsync<CycleDetail>($"/api/cycles/{created.Id}");
        Assert.Equal(("Team", "A's purpose", seenByA.Version + 1), (now.Name, now.Purpose, now.Version));
        var history = await network.Observer.GetAsync<List<HistoryView>>($"/api/cycles/{created.Id}/history");
        Assert.Single(history, h => h.EntityType == nameof(Cycle) && h.Action == "Updated");
    }

    [Fact]
    public async Task UpdateCycle_BothClientsAtTheSameMoment_ExactlyOneWins()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        var responses = await Task.WhenAll(
            network.Steward.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "Steward's name", version = cycle.Version }),
            network.Member.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "Member's name", version = cycle.Version }));

        try
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            var saved = await winner.ReadAsync<CycleDetail>();
            Assert.Equal((saved.Name, cycle.Version + 1), await NameAndVersionAsync(network, cycle.Id));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task UpdateCycle_AfterReloading_Succeeds()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");
        (await network.Steward.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "First", version = cycle.Version })).Dispose();
        var reloaded = await network.Member.GetAsync<CycleDetail>($"/api/cycles/{cycle.Id}");

        using var response = await network.Member.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "Second", version = reloaded.Version });

        Assert.Equal(("Second", cycle.Version + 2), ((await response.ReadAsync<CycleDetail>()).Name, (await network.Member.GetAsync<CycleDetail>($"/api/cycles/{cycle.Id}")).Version));
    }

    private static async Task<(string Name, int Version)> NameAndVersionAsync(TestNetwork network, Guid cycleId)
    {
        var cycle = await network.Member.GetAsync<CycleDetail>($"/api/cycles/{cycleId}");
        return (cycle.Name, cycle.Version);
    }
}

public sealed class CycleConcurrencySqliteTests(SqliteAppFactory app) : CycleConcurrencyTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CycleConcurrencyPostgresTests(PostgresAppFactory app) : CycleConcurrencyTests(app), IClassFixture<PostgresAppFactory>;
