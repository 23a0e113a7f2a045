using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Features.Networks;

/// <summary>GET /api/networks/{id}/stack: the scales as bands, the live cycles in each, every link — in a fixed number of queries.</summary>
public abstract class StackApiTests(AppFactory app)
{
    [Fact]
    public async Task GetStack_CyclesAtSeveralScales_BandsSmallestFirstWithTheirCyclesAndLinks()
    {
        var network = await app.NewNetworkAsync();
        var person = await network.Member.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations", "People lead thriving lives");
        var team = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        var housing = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Housing team");
        var up = await network.Member.LinkAsync(network.Id, team.Id, person.Id, "Patterns in residents' stories", "Time to listen");
        var across = await network.Member.LinkAsync(network.Id, team.Id, housing.Id, notes: "Shared residents");
        using (var active = await network.Member.PutAsync($"/api/cycles/{team.Id}/stages/Experiment", new { status = "Active" }))
        {
            await active.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var stack = await network.Observer.GetAsync<Stack>($"{network.Url}/stack");

        Assert.Equal((network.Id, NetworkRole.Observer, 3), (stack.Network.Id, stack.Network.Role, stack.Network.CycleCount));
        Assert.Equal(["Person / Practitioner", "Team", "Organisation", "Place", "Region / Country"], stack.Bands.Select(b => b.Scale.Name));
        Assert.Equal([1, 2, 0, 0, 0], stack.Bands.Select(b => b.Cycles.Count));
        Assert.Equal([1, 2, 0, 0, 0], stack.Bands.Select(b => b.Scale.CycleCount));
        Assert.Equal(["Debt advice team", "Housing team"], stack.Bands[1].Cycles.Select(c => c.Name));
        Assert.Equal("People lead thriving lives", stack.Bands[0].Cycles[0].Purpose);
        Assert.Equal(1, stack.Find(team.Id)!.ActiveStages);
        Assert.Equal(2, stack.Links.Count);
        var vertical = Assert.Single(stack.Links, l => l.Id == up.Id);
        Assert.Equal((LinkDirection.Vertical, person.Id, team.Id, "Patterns in residents' stories", "Time to listen"),
            (vertical.Direction, vertical.FromCycleId, vertical.ToCycleId, vertical.LearnsFrom, vertical.Enables));
        Assert.Equal(LinkDirection.Horizontal, Assert.Single(stack.Links, l => l.Id == across.Id).Direction);
    }

    [Fact]
    public async Task GetStack_ArchivedCycle_LeftOutTogetherWithItsLinks()
    {
        var network = await app.NewNetworkAsync();
        var person = await network.Member.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        var team = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Old team");
        await network.Member.LinkAsync(network.Id, person.Id, team.Id);
        using (var archived = await network.Steward.PostAsync($"/api/cycles/{team.Id}/archive", new { archived = true }))
        {
            await archived.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var stack = await network.Member.GetAsync<Stack>($"{network.Url}/stack");

        Assert.Null(stack.Find(team.Id));
        Assert.NotNull(stack.Find(person.Id));
        Assert.Empty(stack.Links);
        Assert.Equal(1, stack.Network.CycleCount);
    }

    [Fact]
    public async Task GetStack_EmptyNetwork_FiveEmptyBands()
    {
        var network = await app.NewNetworkAsync();

        var stack = await network.Steward.GetAsync<Stack>($"{network.Url}/stack");

        Assert.Equal(5, stack.Bands.Count);
        Assert.All(stack.Bands, b => Assert.Empty(b.Cycles));
        Assert.Empty(stack.Links);
    }

    [Fact]
    public async Task GetStack_UnknownNetwork_Returns404()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.GetAsync($"/api/networks/{Guid.NewGuid()}/stack");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>No N+1: the stack is read in the same number of SQL commands whether it holds 5 cycles or 50 (with links).</summary>
    [Fact]
    public async Task GetStack_5Versus50CyclesWithLinks_SameNumberOfSqlCommands()
    {
        var small = await NetworkWithCyclesAsync(5);
        var large = await NetworkWithCyclesAsync(50);
        await CountSqlCommandsAsync(small); // warm-up: query compilation, key ring, first connection

        var (smallCount, smallStack, smallSql) = await CountSqlCommandsAsync(small);
        var (largeCount, largeStack, largeSql) = await CountSqlCommandsAsync(large);

        Assert.Equal((5, 4), (smallStack.Bands.Sum(b => b.Cycles.Count), smallStack.Links.Count));
        Assert.Equal((50, 85), (largeStack.Bands.Sum(b => b.Cycles.Count), largeStack.Links.Count));
        Assert.True(smallCount == largeCount,
            $"GET /stack issued {smallCount} SQL commands for 5 cycles but {largeCount} for 50 (N+1?).{Environment.NewLine}" +
            $"5 cycles:{Environment.NewLine}{string.Join(Environment.NewLine, smallSql)}{Environment.NewLine}" +
            $"50 cycles:{Environment.NewLine}{string.Join(Environment.NewLine, largeSql)}");
        Assert.InRange(smallCount, 1, 8);
    }

    private async Task<(int Count, Stack Stack, IReadOnlyList<string> Sql)> CountSqlCommandsAsync(TestNetwork network)
    {
        app.SqlCommands.Reset();
        using var response = await network.Member.GetAsync($"{network.Url}/stack");
        var count = app.SqlCommands.Count;
        var sql = app.SqlCommands.Commands;
        return (count, await response.ReadAsync<Stack>(), sql);
    }

    /// <summary>A network with cycles spread over the five scales, written straight to the database: each cycle has an active stage
    /// and a steward, each is linked vertically to the next one up, and each to the cycle five further on at its own scale.</summary>
    private async Task<TestNetwork> NetworkWithCyclesAsync(int count)
    {
        var network = await app.NewNetworkAsync($"{count} cycles");
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var cycles = Enumerable.Range(0, count).Select(i =>
            {
                var cycle = Cycle.Create(network.Id, network.Scale(i % 5), $"Cycle {i:D3}", now);
                cycle.Purpose = $"Purpose {i}";
                cycle.Stages[i % 5].Status = StageStatus.Active;
                cycle.Stewards.Add(new CycleSteward { CycleId = cycle.Id, NetworkId = network.Id, UserId = network.Member.Id });
                return cycle;
            }).ToList();
            db.Cycles.AddRange(cycles);
            for (var i = 0; i < count; i++)
            {
                if (i % 5 < 4 && i + 1 < count)
                {
                    db.CycleLinks.Add(new CycleLink { NetworkId = network.Id, Direction = LinkDirection.Vertical, FromCycleId = cycles[i].Id, ToCycleId = cycles[i + 1].Id, LearnsFrom = "Learns", Enables = "Enables", CreatedAt = now });
                }
                if (i + 5 < count)
                {
                    db.CycleLinks.Add(new CycleLink { NetworkId = network.Id, Direction = LinkDirection.Horizontal, FromCycleId = cycles[i].Id, ToCycleId = cycles[i + 5].Id, Notes = "Shares", CreatedAt = now });
                }
            }
            await db.SaveChangesAsync();
        });
        return network;
    }
}

public sealed class StackApiSqliteTests(SqliteAppFactory app) : StackApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class StackApiPostgresTests(PostgresAppFactory app) : StackApiTests(app), IClassFixture<PostgresAppFactory>;
