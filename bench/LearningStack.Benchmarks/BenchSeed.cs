using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Benchmarks;

/// <summary>Seeds one network of the size the issue asks for: 5 scales, 1,000 cycles, 2,000 valid links (vertical between
/// adjacent scales, horizontal within a scale, no duplicates). Idempotent: a database that already holds it is left alone.</summary>
public static class BenchSeed
{
    public const string NetworkName = "Benchmark stack (1,000 cycles)";
    public const string Email = "bench@bench.learningstack.org";
    public const string Password = "Bench-password-2026";

    /// <summary>Cycles per scale, smallest scale first: a pyramid, as real stacks have more small cycles than large ones.</summary>
    public static IReadOnlyList<int> CyclesPerScale { get; } = [300, 250, 200, 150, 100];

    public const int VerticalPerScalePair = 350;   // 4 pairs → 1,400 vertical links

    public static IReadOnlyList<int> HorizontalPerScale { get; } = [180, 150, 120, 90, 60];   // 600 horizontal links

    public static int CycleCount => CyclesPerScale.Sum();

    public static int LinkCount => VerticalPerScalePair * (CyclesPerScale.Count - 1) + HorizontalPerScale.Sum();

    /// <summary>Returns the id of the benchmark network, seeding it first when missing.</summary>
    public static async Task<Guid> EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var appDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await appDb.Networks.AsNoTracking().Where(n => n.Name == NetworkName).Select(n => (Guid?)n.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(Email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Benchmark steward" };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Could not create the benchmark user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        // Bulk insert through a plain AppDbContext without the history interceptor: the seed is set-up, not user edits.
        await using var db = CreateBulkContext(appDb);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var network = Build(user.Id, db);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        return network.Id;
    }

    private static AppDbContext CreateBulkContext(AppDbContext appDb)
    {
        var cs = appDb.Database.GetConnectionString() ?? throw new InvalidOperationException("No connection string.");
        if (appDb.Database.IsSqlite())
        {
            var options = (DbContextOptionsBuilder<SqliteAppDbContext>)Database.ConfigureSqlite(new DbContextOptionsBuilder<SqliteAppDbContext>(), cs);
            return new SqliteAppDbContext(options.Options);
        }
        var pg = (DbContextOptionsBuilder<PostgresAppDbContext>)Database.ConfigurePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), cs);
        return new PostgresAppDbContext(pg.Options);
    }

    private static Network Build(string userId, AppDbContext db)
    {
        var random = new Random(20261123);
        var now = DateTimeOffset.UtcNow;
        var network = new Network
        {
            Name = NetworkName,
            Description = "A synthetic network for the benchmarks in bench/: five scales, 1,000 cycles and 2,000 links.",
            CreatedAt = now.AddDays(-365),
        };
        network.Scales.AddRange(Scale.Defaults.Select((d, i) => new Scale { NetworkId = network.Id, Name = d.Name, Kind = d.Kind, Position = i }));
        network.Members.Add(new NetworkMember { NetworkId = network.Id, UserId = userId, Role = NetworkRole.Steward, JoinedAt = now.AddDays(-365) });
        db.Networks.Add(network);

        var stages = Enum.GetValues<Stage>();
        var byScale = new List<List<Cycle>>();
        var n = 0;
        for (var s = 0; s < CyclesPerScale.Count; s++)
        {
            var scale = network.Scales[s];
            var list = new List<Cycle>(CyclesPerScale[s]);
            for (var i = 0; i < CyclesPerScale[s]; i++, n++)
            {
                var cycle = Cycle.Create(network.Id, scale.Id, $"{scale.Name} cycle {n + 1:0000}", now.AddDays(-300 + n % 200));
                cycle.Kind = n % 3 == 0 ? CycleKind.ConvenedAroundIssue : CycleKind.StandingBody;
                cycle.Purpose = $"People in neighbourhood {n % 97 + 1} lead thriving lives, free from debt and isolation, in their own words (cycle {n + 1}).";
                cycle.Boundary = n % 2 == 0 ? "In: residents, their caseworkers and the team leader. Out: decisions made about residents without them." : null;
                foreach (var stage in cycle.Stages)
                {
                    stage.Status = (n + (int)stage.Stage) % 3 == 0 ? StageStatus.Active : (n + (int)stage.Stage) % 7 == 0 ? StageStatus.Paused : StageStatus.NotStarted;
                }
                cycle.Stewards.Add(new CycleSteward { CycleId = cycle.Id, NetworkId = network.Id, UserId = userId });
                list.Add(cycle);
            }
            byScale.Add(list);
            db.Cycles.AddRange(list);
        }
        if (stages.Length != 5 || n != CycleCount)
        {
            throw new InvalidOperationException("Unexpected seed shape.");
        }

        var seen = new HashSet<(Guid, Guid)>();
        var links = new List<CycleLink>(LinkCount);
        for (var s = 0; s + 1 < byScale.Count; s++)
        {
            var made = 0;
            while (made < VerticalPerScalePair)
            {
                var smaller = byScale[s][random.Next(byScale[s].Count)];
                var larger = byScale[s + 1][random.Next(byScale[s + 1].Count)];
                if (seen.Add((smaller.Id, larger.Id)))
                {
                    links.Add(new CycleLink
                    {
                        NetworkId = network.Id, Direction = LinkDirection.Vertical, FromCycleId = smaller.Id, ToCycleId = larger.Id, CreatedAt = now.AddDays(-100),
                        LearnsFrom = $"Patterns across the stories gathered by {smaller.Name}: what keeps people stuck, what helps.",
                        Enables = made % 4 == 0 ? null : "Time and permission to follow what matters to each person; removes form-filling that adds nothing.",
                    });
                    made++;
                }
            }
        }
        for (var s = 0; s < byScale.Count; s++)
        {
            var made = 0;
            while (made < HorizontalPerScale[s])
            {
                var a = byScale[s][random.Next(byScale[s].Count)];
                var b = byScale[s][random.Next(byScale[s].Count)];
                if (a.Id == b.Id || seen.Contains((b.Id, a.Id)) || !seen.Add((a.Id, b.Id)))
                {
                    continue;
                }
                links.Add(new CycleLink
                {
                    NetworkId = network.Id, Direction = LinkDirection.Horizontal, FromCycleId = a.Id, ToCycleId = b.Id, CreatedAt = now.AddDays(-90),
                    Notes = "Shared residents; a shared issue log on damp homes and rent arrears.",
                });
                made++;
            }
        }
        db.CycleLinks.AddRange(links);
        return network;
    }
}
