using LearningStack.Cli.Generate;
using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Benchmarks;

/// <summary>The national-scale network of issue 7 (1 country, 30 places, 300 organisations, 3,000 teams, 300,000 case files,
/// about 1M issues and evidence entries), written once per database by the CLI's generator with the benchmark user as steward.
/// Idempotent: a database that already holds it is left alone (generating takes minutes).</summary>
public static class NationalSeed
{
    public const int Seed = 20261124;
    public static readonly string NetworkName = $"National benchmark (generated, seed {Seed})";

    /// <summary>Returns the network and one of its place cycles (the first, "Northgate place partnership"), generating them when missing.</summary>
    public static async Task<(Guid NetworkId, Guid PlaceCycleId)> EnsureAsync(IServiceProvider services, string stewardUserId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Networks.AsNoTracking().Where(n => n.Name == NetworkName).Select(n => (Guid?)n.Id).FirstOrDefaultAsync() is not { } networkId)
        {
            var connection = db.Database.GetConnectionString()!;
            var create = NetworkGenerator.ContextsFor(db.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, connection);
            Console.WriteLine($"// Generating the national network on {(db.Database.IsSqlite() ? "SQLite" : "PostgreSQL")} (a few minutes, once per database)…");
            var generated = await new NetworkGenerator(create, GeneratedShape.National, Seed, DateTimeOffset.UtcNow, Console.Out).RunAsync(NetworkName, stewardUserId, CancellationToken.None);
            networkId = generated.NetworkId;
        }
        var place = await db.Cycles.AsNoTracking().Where(c => c.NetworkId == networkId && c.Name == "Northgate place partnership").Select(c => c.Id).SingleAsync();
        return (networkId, place);
    }
}
