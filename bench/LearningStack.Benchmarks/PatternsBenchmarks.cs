using System.Data.Common;
using BenchmarkDotNet.Attributes;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Patterns;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningStack.Benchmarks;

/// <summary>Issue 7 "Speed": the Patterns tab of a place cycle ("Northgate place partnership": 10 organisations, 100 teams,
/// 10,000 case files below it) in the national network (<see cref="NationalSeed"/>), on each database. For each section, the
/// API endpoint as the steward, and beside it (<c>…_Raw</c>) the same roll-up queries — the SQL EF Core generates for the
/// <see cref="PatternsQuery"/> <c>…Query</c> methods, the text <c>ToQueryString()</c> shows — run with a plain ADO.NET command
/// on a fresh connection, every row read. One measured invocation is one request (see <see cref="BenchConfig"/>).</summary>
public class PatternsBenchmarks
{
    private static readonly Dictionary<BenchProvider, NationalApp> Apps = [];

    private NationalApp _n = null!;

    public static IEnumerable<BenchProvider> Providers => BenchSettings.Providers;

    [ParamsSource(nameof(Providers))]
    public BenchProvider Database { get; set; }

    /// <summary>Starts the app on the national data once per database (generating it when missing) and keeps it for every
    /// Patterns benchmark of the run; <see cref="DisposeAllAsync"/> stops them at the end.</summary>
    public static async Task<NationalApp> AppForAsync(BenchProvider provider)
    {
        if (Apps.TryGetValue(provider, out var ready))
        {
            return ready;
        }
        return Apps[provider] = await StartAsync(provider, interceptor: null);
    }

    /// <summary>The app on the national data (generated when missing), checked, with its raw twins; for the profiler too.</summary>
    public static async Task<NationalApp> StartAsync(BenchProvider provider, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor)
    {
        var app = await BenchApp.StartAsync(provider, interceptor, BenchSettings.NationalFolder);
        string stewardId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            stewardId = (await users.FindByEmailAsync(BenchSeed.Email))!.Id;
        }
        var (_, placeId) = await NationalSeed.EnsureAsync(app.Services, stewardId);
        var national = new NationalApp(app, placeId, await RawPatterns.CreateAsync(app, placeId));
        await BenchApp.CheckAsync(app.Browser, national.PageUrl, "Northgate place partnership");
        await BenchApp.CheckAsync(app.Api, national.Url("work"), "\"tasks\":");
        return national;
    }

    public static async Task DisposeAllAsync()
    {
        foreach (var app in Apps.Values)
        {
            await app.App.DisposeAsync();
        }
        Apps.Clear();
    }

    private void Setup(Func<Task<long>> request)
    {
        _n = AppForAsync(Database).GetAwaiter().GetResult();
        // National requests take up to a second or two, so the JIT warm-up works in small rounds and stops after 15 s.
        var count = Warmup.UntilJitSettlesAsync(request, roundSize: 3, maxSeconds: 15).GetAwaiter().GetResult();
        Console.WriteLine($"// Primed with {count} requests until the JIT settled.");
    }

    [GlobalSetup(Target = nameof(Page))] public void SetupPage() => Setup(Page);
    [GlobalSetup(Target = nameof(Summary_Api))] public void SetupSummary() => Setup(Summary_Api);
    [GlobalSetup(Target = nameof(Issues_Api))] public void SetupIssues() => Setup(Issues_Api);
    [GlobalSetup(Target = nameof(Issues_Raw))] public void SetupIssuesRaw() => Setup(Issues_Raw);
    [GlobalSetup(Target = nameof(Problems_Api))] public void SetupProblems() => Setup(Problems_Api);
    [GlobalSetup(Target = nameof(Problems_Raw))] public void SetupProblemsRaw() => Setup(Problems_Raw);
    [GlobalSetup(Target = nameof(Spend_Api))] public void SetupSpend() => Setup(Spend_Api);
    [GlobalSetup(Target = nameof(Spend_Raw))] public void SetupSpendRaw() => Setup(Spend_Raw);
    [GlobalSetup(Target = nameof(Experiments_Api))] public void SetupExperiments() => Setup(Experiments_Api);
    [GlobalSetup(Target = nameof(Experiments_Raw))] public void SetupExperimentsRaw() => Setup(Experiments_Raw);
    [GlobalSetup(Target = nameof(Work_Api))] public void SetupWork() => Setup(Work_Api);
    [GlobalSetup(Target = nameof(Work_Raw))] public void SetupWorkRaw() => Setup(Work_Raw);
    [GlobalSetup(Target = nameof(CommunityMap_Api))] public void SetupMap() => Setup(CommunityMap_Api);
    [GlobalSetup(Target = nameof(CommunityMap_Raw))] public void SetupMapRaw() => Setup(CommunityMap_Raw);

    /// <summary>GET /cycles/{id}/patterns with the Identity cookie: the whole server-rendered Patterns tab (every section).</summary>
    [Benchmark]
    public Task<long> Page() => _n.App.GetAsync(_n.App.Browser, _n.PageUrl);

    /// <summary>GET /api/cycles/{id}/patterns: the summary (no single roll-up query, so no raw twin).</summary>
    [Benchmark]
    public Task<long> Summary_Api() => _n.App.GetAsync(_n.App.Api, _n.Url(""));

    [Benchmark]
    public Task<long> Issues_Api() => _n.App.GetAsync(_n.App.Api, _n.Url("issues"));

    /// <summary>IssueRollupQuery, IssueTagQuery and RouteFateQuery.</summary>
    [Benchmark]
    public Task<long> Issues_Raw() => _n.Raw.RunAsync(RawPatterns.Issues);

    [Benchmark]
    public Task<long> Problems_Api() => _n.App.GetAsync(_n.App.Api, _n.Url("problems"));

    /// <summary>CaseTagQuery and IssueTagQuery (the generated network has no stories, so StoryTagQuery is not sent by the API either).</summary>
    [Benchmark]
    public Task<long> Problems_Raw() => _n.Raw.RunAsync(RawPatterns.Problems);

    [Benchmark]
    public Task<long> Spend_Api() => _n.App.GetAsync(_n.App.Api, _n.Url("spend"));

    /// <summary>SpendQuery.</summary>
    [Benchmark]
    public Task<long> Spend_Raw() => _n.Raw.RunAsync(RawPatterns.Spend);

    [Benchmark]
    public Task<long> Experiments_Api() => _n.App.GetAsync(_n.App.Api, _n.Url("experiments"));

    /// <summary>ExperimentQuery and ExperimentLearningQuery.</summary>
    [Benchmark]
    public Task<long> Experiments_Raw() => _n.Raw.RunAsync(RawPatterns.Experiments);

    [Benchmark]
    public Task<long> Work_Api() => _n.App.GetAsync(_n.App.Api, _n.Url("work"));

    /// <summary>WorkQuery and WorkTotalsQuery.</summary>
    [Benchmark]
    public Task<long> Work_Raw() => _n.Raw.RunAsync(RawPatterns.Work);

    [Benchmark]
    public Task<long> CommunityMap_Api() => _n.App.GetAsync(_n.App.Api, _n.Url("community-map"));

    /// <summary>CaseTagQuery, MapGroupQuery (the age and gender groups offered), CommunityFactorQuery and CommunityLinkQuery.</summary>
    [Benchmark]
    public Task<long> CommunityMap_Raw() => _n.Raw.RunAsync(RawPatterns.CommunityMap);
}

/// <summary>The app on the national data, its place cycle and the raw twins of its roll-up queries.</summary>
public sealed record NationalApp(BenchApp App, Guid PlaceCycleId, RawPatterns Raw)
{
    public string PageUrl => $"/cycles/{PlaceCycleId}/patterns";

    public string Url(string section) => $"/api/cycles/{PlaceCycleId}/patterns" + (section.Length == 0 ? "" : "/" + section);
}

/// <summary>The Patterns roll-up queries as raw SQL: each <c>…Query</c> of <see cref="PatternsQuery"/> turned into the command
/// EF Core would send (<c>CreateDbCommand</c>: the same SQL text <c>ToQueryString()</c> prints, with its parameters as
/// parameters), then run with plain ADO.NET — a new connection (from the provider's pool) per run, every row and column read.</summary>
public sealed class RawPatterns
{
    public const string Issues = "Issues", Problems = "Problems", Spend = "Spend", Experiments = "Experiments", Work = "Work", CommunityMap = "CommunityMap";

    /// <summary>A query's command as EF Core built it (its SQL text and its parameters, typed as EF Core binds them), detached
    /// from EF Core: each run gives it a fresh connection of its own.</summary>
    private sealed record Sql(string Name, DbCommand Command, int ExpectedRows)
    {
        public string Text => Command.CommandText;
    }

    private readonly Dictionary<string, List<Sql>> _sections = [];
    private readonly BenchProvider _provider;
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;

    private RawPatterns(BenchProvider provider, string connectionString)
    {
        _provider = provider;
        _connectionString = connectionString;
        _postgres = provider == BenchProvider.Postgres ? NpgsqlDataSource.Create(connectionString) : null;
    }

    /// <summary>Captures each section's SQL from the app's own PatternsQuery, and the number of rows EF Core reads with it, which
    /// every raw run must match.</summary>
    public static async Task<RawPatterns> CreateAsync(BenchApp app, Guid placeId)
    {
        var raw = new RawPatterns(app.Provider, app.ConnectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var q = scope.ServiceProvider.GetRequiredService<PatternsQuery>();
        var months = new PatternMonths(DateTimeOffset.UtcNow);
        await raw.AddAsync(Issues, "IssueRollupQuery", q.IssueRollupQuery(placeId, months));
        await raw.AddAsync(Issues, "IssueTagQuery", q.IssueTagQuery(placeId));
        await raw.AddAsync(Issues, "RouteFateQuery", q.RouteFateQuery(placeId));
        await raw.AddAsync(Problems, "CaseTagQuery", q.CaseTagQuery(placeId));
        await raw.AddAsync(Problems, "IssueTagQuery", q.IssueTagQuery(placeId));
        await raw.AddAsync(Spend, "SpendQuery", q.SpendQuery(placeId, months.FirstDay));
        await raw.AddAsync(Experiments, "ExperimentQuery", q.ExperimentQuery(placeId));
        await raw.AddAsync(Experiments, "ExperimentLearningQuery", q.ExperimentLearningQuery(placeId));
        await raw.AddAsync(Work, "WorkQuery", q.WorkQuery(placeId));
        await raw.AddAsync(Work, "WorkTotalsQuery", q.WorkTotalsQuery(placeId));
        await raw.AddAsync(CommunityMap, "CaseTagQuery", q.CaseTagQuery(placeId));
        await raw.AddAsync(CommunityMap, "MapGroupQuery", q.MapGroupQuery(placeId));
        await raw.AddAsync(CommunityMap, "CommunityFactorQuery", q.CommunityFactorQuery(placeId, MapFilter.Everyone));
        await raw.AddAsync(CommunityMap, "CommunityLinkQuery", q.CommunityLinkQuery(placeId, MapFilter.Everyone));
        foreach (var section in raw._sections)
        {
            await raw.RunAsync(section.Key);
        }
        return raw;
    }

    private async Task AddAsync<T>(string section, string name, IQueryable<T> query)
    {
        var command = query.CreateDbCommand();
        command.Connection = null;
        command.Transaction = null;
        var text = query.ToQueryString();
        if (System.Text.RegularExpressions.Regex.Matches(command.CommandText, @"\bef_[a-z_]+").Select(m => m.Value).FirstOrDefault(f => f != "ef_sum") is { } missing)
        {
            throw new InvalidOperationException($"{name} calls {missing}, which only EF Core's connections have; register it in OpenAsync.");
        }
        if (!text.Contains(command.CommandText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name}: the command's SQL is not the text ToQueryString shows.");
        }
        var rows = (await query.ToListAsync()).Count;
        if (rows == 0)
        {
            throw new InvalidOperationException($"{name} returns no rows for the place cycle: the national data is missing something.");
        }
        Console.WriteLine($"// {section}/{name} on {_provider}: {rows} rows.");
        if (Environment.GetEnvironmentVariable("LEARNINGSTACK_BENCH_SQL_DIR") is { Length: > 0 } folder)
        {
            // For EXPLAIN by hand: on SQLite the file runs as it is in the sqlite3 shell (ToQueryString writes .param set lines).
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{_provider}-{section}-{name}.sql"), text);
        }
        if (!_sections.TryGetValue(section, out var list))
        {
            _sections[section] = list = [];
        }
        list.Add(new Sql(name, command, rows));
    }

    /// <summary>The SQL text of each query, for EXPLAIN.</summary>
    public IEnumerable<(string Section, string Name, string Text)> Queries =>
        _sections.SelectMany(s => s.Value.Select(q => (s.Key, q.Name, q.Text)));

    /// <summary>Runs a section's queries one after another, each on a fresh connection, reading every value; returns the rows read.</summary>
    public async Task<long> RunAsync(string section)
    {
        long total = 0;
        foreach (var sql in _sections[section])
        {
            await using var connection = await OpenAsync();
            var command = sql.Command;
            command.Connection = connection;
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            var rows = 0;
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
            if (rows != sql.ExpectedRows)
            {
                throw new InvalidOperationException($"{section}/{sql.Name}: raw SQL read {rows} rows, EF Core {sql.ExpectedRows}.");
            }
            total += rows;
        }
        return total;
    }

    private async Task<DbConnection> OpenAsync()
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync();
        }
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        // SQLite has no decimal type: EF Core stores decimals as TEXT and sums them with an aggregate it registers on each
        // connection it opens (ef_sum). The raw connection needs the same function to run the same SQL.
        connection.CreateAggregate<decimal?, decimal?>("ef_sum", null, (sum, value) => value is null ? sum : (sum ?? 0m) + value.Value, isDeterministic: true);
        return connection;
    }
}
