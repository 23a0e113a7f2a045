using System.Diagnostics;
using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Cli.Generate;

/// <summary><c>learningstack generate</c>: writes a synthetic network into a LearningStack database, for benchmarks and for trying
/// the larger-scale pages (Patterns) with realistic volumes.</summary>
public static class GenerateCommand
{
    public const string Usage = """
        Usage: learningstack generate --database sqlite|postgres --connection CONNECTION [options]

        Writes a generated network into a LearningStack database (migrating it first): one country cycle, places, organisations,
        teams and a casework (person-scale) cycle per team, joined by learns-from links, with case files, visits, consent,
        what matters, spend, life maps, issue logs (some routed up) and experiments with evidence. Nobody's real data.

        Options:
          --database sqlite|postgres   which provider the connection string is for (default sqlite)
          --connection CONNECTION      e.g. "Data Source=data/learningstack.db" or "Host=…;Database=…;Username=…"
          --size national|small        national: 30 places, 300 organisations, 3,000 teams, 300,000 case files,
                                       about 1,000,000 issues and evidence entries (several minutes); small: a few of each (default small)
          --name NAME                  the network's name (default "Generated national network (SIZE, seed N)")
          --seed N                     random seed; the same seed gives the same network (default 20261124)
          --steward-email EMAIL        an existing account to make steward of the network and of every cycle
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, stdout, stderr, ct).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await stdout.WriteLineAsync(Usage);
            return Cli.Ok;
        }
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                await stderr.WriteLineAsync($"learningstack generate: '{args[i]}' needs a value, or is not an option. Run 'learningstack generate --help'.");
                return Cli.BadInput;
            }
            options[args[i]] = args[++i];
        }
        string[] known = ["--database", "--connection", "--size", "--name", "--seed", "--steward-email"];
        if (options.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            await stderr.WriteLineAsync($"learningstack generate: unknown option '{unknown}'. Run 'learningstack generate --help'.");
            return Cli.BadInput;
        }
        var provider = options.GetValueOrDefault("--database", "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres"))
        {
            await stderr.WriteLineAsync("learningstack generate: --database must be sqlite or postgres.");
            return Cli.BadInput;
        }
        if (!options.TryGetValue("--connection", out var connection) || string.IsNullOrWhiteSpace(connection))
        {
            await stderr.WriteLineAsync("learningstack generate: --connection is required, e.g. --connection \"Data Source=data/learningstack.db\".");
            return Cli.BadInput;
        }
        var sizeName = options.GetValueOrDefault("--size", "small");
        if (!GeneratedShape.Named.TryGetValue(sizeName, out var shape))
        {
            await stderr.WriteLineAsync($"learningstack generate: --size must be one of {string.Join(", ", GeneratedShape.Named.Keys)}.");
            return Cli.BadInput;
        }
        var seed = 20261124;
        if (options.TryGetValue("--seed", out var seedText) && !int.TryParse(seedText, System.Globalization.CultureInfo.InvariantCulture, out seed))
        {
            await stderr.WriteLineAsync("learningstack generate: --seed must be a whole number.");
            return Cli.BadInput;
        }
        var name = options.GetValueOrDefault("--name", $"Generated network ({sizeName.ToLowerInvariant()}, seed {seed})");

        var create = NetworkGenerator.ContextsFor(provider == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, connection);

        string? stewardId;
        await using (var db = create())
        {
            await stdout.WriteLineAsync($"Preparing the {provider} database…");
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.CloseConnectionAsync();
            }
            await db.Database.MigrateAsync(ct);
            if (await db.Networks.AnyAsync(n => n.Name == name, ct))
            {
                await stderr.WriteLineAsync($"learningstack generate: a network called '{name}' is already in this database. Choose another --name or --seed.");
                return Cli.BadInput;
            }
            stewardId = null;
            if (options.TryGetValue("--steward-email", out var email))
            {
                var normalised = email.Trim().ToUpperInvariant();
                stewardId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
                if (stewardId is null)
                {
                    await stderr.WriteLineAsync($"learningstack generate: no account with the email '{email}'. Create it first (sign up, or 'create-steward').");
                    return Cli.BadInput;
                }
            }
        }

        await stdout.WriteLineAsync($"Generating '{name}': {shape.Places} places, {shape.Organisations:N0} organisations, {shape.Teams:N0} teams, {shape.CaseFiles:N0} case files, " +
            $"{shape.Issues:N0} issues and {shape.EvidenceEntries:N0} evidence entries…");
        var clock = Stopwatch.StartNew();
        var generated = await new NetworkGenerator(create, shape, seed, DateTimeOffset.UtcNow, stdout).RunAsync(name, stewardId, ct);
        await stdout.WriteLineAsync($"Done in {clock.Elapsed.TotalSeconds:N0} s. Network {generated.NetworkId}:");
        foreach (var (what, count) in generated.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            await stdout.WriteLineAsync($"  {what,-26} {count,12:N0}");
        }
        return Cli.Ok;
    }
}
