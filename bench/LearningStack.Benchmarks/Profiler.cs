using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Benchmarks;

/// <summary>--profile: for each database and endpoint, the SQL commands one request issues (count, time, text) and a quick
/// sequential latency sample. Used to find where time goes before changing app code.</summary>
internal static class Profiler
{
    public static async Task<int> RunAsync()
    {
        foreach (var provider in BenchSettings.Providers)
        {
            var counter = new CommandLog();
            await using var app = await BenchApp.StartAsync(provider, counter);
            await using var raw = new RawCycles(provider, app.ConnectionString, app.NetworkId);
            var summaries = await raw.ReadAsync();
            var small = await SmallNetworkAsync(app);
            Console.WriteLine($"=== {provider}: network {app.NetworkId} ({BenchSeed.CycleCount} cycles, {BenchSeed.LinkCount} links)");
            var requests = new (string Name, Func<Task<long>> Send)[]
            {
                ("GET cycles API", () => app.GetAsync(app.Api, app.CyclesUrl)),
                ("GET stack API", () => app.GetAsync(app.Api, app.StackUrl)),
                ("GET stack page", () => app.GetAsync(app.Browser, app.PageUrl)),
                ("raw SQL cycles", () => raw.WriteJsonAsync()),
                ("breakdown: GET cycles API, client buffers the body", async () => (await app.Api.GetByteArrayAsync(app.CyclesUrl)).Length),
                ("breakdown: GET cycles API for a 50-cycle network", () => app.GetAsync(app.Api, $"/api/networks/{small}/cycles")),
                ("breakdown: raw SQL read only", async () => (await raw.ReadAsync()).Count),
                ("breakdown: EF query only (no HTTP, no JSON)", () => EfCyclesAsync(app)),
                ("breakdown: handler only (CycleCommands.ListAsync, no HTTP)", () => HandlerCyclesAsync(app, CancellationToken.None)),
                ("breakdown: JSON of 1,000 summaries only", async () => { var s = new CountingStream(); await JsonSerializer.SerializeAsync(s, summaries, RawCycles.Json); return s.Length; }),
                ("breakdown: GET /api/networks (small, same auth)", () => app.GetAsync(app.Api, "/api/networks")),
                ("breakdown: GET a static file (no app code, no database)", () => app.GetAsync(app.Browser, "/lib/bootstrap/dist/css/bootstrap.min.css")),
            };
            foreach (var (name, send) in requests)
            {
                await Warmup.UntilJitSettlesAsync(send);
                counter.Clear();
                var size = await send();
                var commands = counter.Take();
                Console.WriteLine($"--- {name}: {size:N0} bytes (rows for the read-only steps), {commands.Count} SQL commands, {commands.Sum(c => c.Duration.TotalMilliseconds):F1} ms in the database");
                foreach (var c in commands)
                {
                    Console.WriteLine($"    {c.Duration.TotalMilliseconds,7:F2} ms  {OneLine(c.Sql)}");
                }
                var times = new List<double>();
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < Samples; i++)
                {
                    var sw = Stopwatch.StartNew();
                    await send();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / Samples;
                var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var allocated = allocatedBytes >= 0 ? $"{allocatedBytes / Samples / 1024.0 / 1024.0:F1} MB" : "n/a";
                times.Sort();
                Console.WriteLine($"    {Samples} sequential requests: p50 {times[Samples / 2]:F1} ms, p95 {times[Samples * 95 / 100]:F1} ms, max {times[^1]:F1} ms; {cpu:F1} ms CPU and {allocated} allocated per request; GCs gen0/1/2 so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
            }
        }
        return 0;
    }

    /// <summary>--profile-patterns: every national Patterns section through the API beside its raw twin, measured interleaved (so
    /// drift of the machine between measuring one and the other cannot move the ratio, as it can in the benchmark, which measures
    /// them minutes apart), then the experiments section broken down (the SQL each step sends, the handler without HTTP, a bare
    /// DbContext, a small API request, a static file) — where the API's fixed cost goes.</summary>
    public static async Task<int> RunPatternsAsync()
    {
        foreach (var provider in BenchSettings.Providers)
        {
            var counter = new CommandLog();
            var national = await PatternsBenchmarks.StartAsync(provider, counter);
            await using var app = national.App;
            Console.WriteLine($"=== {provider}: place {national.PlaceCycleId}");
            (string Url, string Raw)[] sections =
            [
                ("issues", RawPatterns.Issues), ("problems", RawPatterns.Problems), ("spend", RawPatterns.Spend),
                ("work", RawPatterns.Work), ("community-map", RawPatterns.CommunityMap), ("experiments", RawPatterns.Experiments),
            ];
            var pairs = sections.SelectMany(x => new (string Name, Func<Task<long>> Send)[]
            {
                ($"GET {x.Url} API", () => app.GetAsync(app.Api, national.Url(x.Url))),
                ($"raw SQL {x.Url} ({x.Raw})", () => national.Raw.RunAsync(x.Raw)),
            });
            var requests = pairs.Concat(new (string Name, Func<Task<long>> Send)[]
            {
                ("breakdown: the two queries run the ordinary way, not compiled (ExperimentQuery().ToListAsync() in a fresh scope; no HTTP, no cycle-and-role query)", () => EfExperimentsAsync(app, national.PlaceCycleId)),
                ("breakdown: a scope, a DbContext, open and close its connection (no query)", () => BareScopeAsync(app)),
                ("breakdown: handler only (PatternsQuery.ExperimentsAsync in a fresh scope as the signed-in steward: the cycle-and-role query and the two compiled queries; no HTTP, no JSON)", () => HandlerExperimentsAsync(app, national.PlaceCycleId)),
                ("GET /api/networks (small, same auth, 1 query)", () => app.GetAsync(app.Api, "/api/networks")),
                ("GET a static file (no app code, no database)", () => app.GetAsync(app.Browser, "/lib/bootstrap/dist/css/bootstrap.min.css")),
            }).ToArray();
            foreach (var (name, send) in requests)
            {
                await Warmup.UntilJitSettlesAsync(send, roundSize: 5, maxSeconds: 15);
                counter.Clear();
                var size = await send();
                var commands = counter.Take();
                Console.WriteLine($"--- {name}: {size:N0} bytes or rows, {commands.Count} SQL commands, {commands.Sum(c => c.Duration.TotalMilliseconds):F2} ms in the database");
                foreach (var c in commands.Where(_ => name.Contains("experiments", StringComparison.Ordinal) || name.StartsWith("breakdown", StringComparison.Ordinal)))
                {
                    Console.WriteLine($"    {c.Duration.TotalMilliseconds,7:F2} ms  {OneLine(c.Sql)}");
                }
            }
            // Interleaved: each round sends every request once, starting at a different one each round, so a slow spell of the
            // machine (or tiered JIT settling) falls on all of them alike rather than on whichever was measured then.
            var times = requests.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < Samples; round++)
            {
                for (var k = 0; k < requests.Length; k++)
                {
                    var i = (round + k) % requests.Length;
                    var sw = Stopwatch.StartNew();
                    await requests[i].Send();
                    times[i].Add(sw.Elapsed.TotalMilliseconds);
                }
            }
            Console.WriteLine($"--- {Samples} interleaved rounds (p50 / p95 ms):");
            for (var i = 0; i < requests.Length; i++)
            {
                times[i].Sort();
                Console.WriteLine($"    {times[i][Samples / 2],7:F2} / {times[i][Samples * 95 / 100],7:F2}  {requests[i].Name}");
            }
            Console.WriteLine("--- API ÷ raw, p50 / p95:");
            for (var k = 0; k < sections.Length; k++)
            {
                var (api, raw) = (times[2 * k], times[2 * k + 1]);
                Console.WriteLine($"    {api[Samples / 2] / raw[Samples / 2],5:F2} / {api[Samples * 95 / 100] / raw[Samples * 95 / 100],5:F2}  {sections[k].Url}");
            }
        }
        return 0;
    }

    /// <summary>--loop WHAT SECONDS [Sqlite|Postgres]: sends one kind of request over and over, for attaching a profiler
    /// (e.g. dotnet-trace collect -p PID --profile cpu-sampling). WHAT is cycles, stack, page or raw.</summary>
    public static async Task<int> LoopAsync(string what, int seconds, BenchProvider provider)
    {
        await using var app = await BenchApp.StartAsync(provider);
        await using var raw = new RawCycles(provider, app.ConnectionString, app.NetworkId);
        Func<Task<long>> send = what switch
        {
            "cycles" => () => app.GetAsync(app.Api, app.CyclesUrl),
            "stack" => () => app.GetAsync(app.Api, app.StackUrl),
            "page" => () => app.GetAsync(app.Browser, app.PageUrl),
            "raw" => () => raw.WriteJsonAsync(),
            _ => throw new ArgumentException("Loop over cycles, stack, page or raw.", nameof(what)),
        };
        await Warmup.UntilJitSettlesAsync(send);
        Console.WriteLine($"READY pid {Environment.ProcessId}: looping {what} on {provider} for {seconds} s");
        using var jit = Environment.GetEnvironmentVariable("LEARNINGSTACK_LIST_JIT") == "1" ? new JitListener() : null;
        await Task.Delay(500);
        if (jit is not null) { jit.Recording = true; }
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var sw = Stopwatch.StartNew();
        var count = 0;
        var times = new List<double>();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            var t = Stopwatch.StartNew();
            await send();
            times.Add(t.Elapsed.TotalMilliseconds);
            count++;
        }
        times.Sort();
        Console.WriteLine($"{count} requests, p50 {times[times.Count / 2]:F1} ms, p95 {times[times.Count * 95 / 100]:F1} ms; " +
            $"{System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore} methods compiled meanwhile");
        if (jit is not null)
        {
            foreach (var group in jit.Methods.GroupBy(m => m).OrderByDescending(g => g.Count()).Take(40))
            {
                Console.WriteLine($"  {group.Count(),5} × {group.Key}");
            }
        }
        return 0;
    }

    /// <summary>The cycles API's EF Core query on its own, as CycleCommands.ListAsync runs it.</summary>
    private static async Task<long> EfCyclesAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var networkId = app.NetworkId;
        var rows = await db.Cycles.AsNoTracking()
            .Where(c => c.NetworkId == networkId && c.ArchivedAt == null)
            .OrderBy(c => c.Scale!.Position).ThenBy(c => c.Name)
            .Select(c => new CycleSummary(c.Id, c.NetworkId, c.ScaleId, c.Name, c.Purpose, c.Kind, c.ArchivedAt != null, c.Version))
            .ToListAsync();
        return rows.Count;
    }

    /// <summary>The cycles API's handler on its own: a scope, the signed-in user, CycleCommands.ListAsync (role check + query).
    /// Includes looking the user up by email (one more query) to build the principal.</summary>
    private static async Task<long> HandlerCyclesAsync(BenchApp app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByEmailAsync(BenchSeed.Email);
        SignIn(scope.ServiceProvider, user!.Id);
        var result = await scope.ServiceProvider.GetRequiredService<CycleCommands>().ListAsync(app.NetworkId, false, ct);
        return result.Value!.Count;
    }

    /// <summary>Makes <paramref name="userId"/> the signed-in user of a scope, as authentication would for a request.</summary>
    private static void SignIn(IServiceProvider services, string userId) =>
        services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId)], "test")),
        };

    private static async Task<long> EfExperimentsAsync(BenchApp app, Guid placeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var q = scope.ServiceProvider.GetRequiredService<Web.Features.Patterns.PatternsQuery>();
        return (await q.ExperimentQuery(placeId).ToListAsync()).Count + (await q.ExperimentLearningQuery(placeId).ToListAsync()).Count;
    }

    private static readonly Dictionary<BenchApp, string> StewardIds = [];

    private static async Task<long> BareScopeAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.CloseConnectionAsync();
        return 1;
    }

    private static async Task<long> HandlerExperimentsAsync(BenchApp app, Guid placeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (!StewardIds.TryGetValue(app, out var stewardId))
        {
            StewardIds[app] = stewardId = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByEmailAsync(BenchSeed.Email))!.Id;
        }
        SignIn(scope.ServiceProvider, stewardId);
        var result = await scope.ServiceProvider.GetRequiredService<Web.Features.Patterns.PatternsQuery>().ExperimentsAsync(placeId);
        return result.Value!.Cells.Count + result.Value.Learning.Count;
    }

    /// <summary>A network with 50 cycles (first 50 of the big one's, copied), to see how the cycles API scales with size.</summary>
    private static async Task<Guid> SmallNetworkAsync(BenchApp app)
    {
        var response = await app.Api.PostAsJsonAsync("/api/networks", new { name = "Small " + Guid.NewGuid().ToString("N")[..6] });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var scales = await app.Api.GetFromJsonAsync<JsonElement>($"/api/networks/{id}/scales");
        var scaleId = scales[0].GetProperty("id").GetGuid();
        for (var i = 0; i < 50; i++)
        {
            (await app.Api.PostAsJsonAsync($"/api/networks/{id}/cycles", new { scaleId, name = $"Small cycle {i}", purpose = "People lead thriving lives, free from debt and isolation, in their own words.", kind = "StandingBody" })).EnsureSuccessStatusCode();
        }
        return id;
    }

    private static int Samples => int.TryParse(Environment.GetEnvironmentVariable("LEARNINGSTACK_PROFILE_SAMPLES"), out var n) && n >= 20 ? n : 30;

    private static string OneLine(string sql)
    {
        var text = string.Join(' ', sql.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 400 ? text : text[..400] + " …";
    }

    private sealed record Command(string Sql, TimeSpan Duration);

    /// <summary>Records every command EF Core executes.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<Command> _commands = new();

        public void Clear() => _commands.Clear();

        public List<Command> Take()
        {
            var list = _commands.ToList();
            _commands.Clear();
            return list;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(new Command(command.CommandText, eventData.Duration));
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            _commands.Enqueue(new Command(command.CommandText, eventData.Duration));
            return base.ReaderExecuted(command, eventData, result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(new Command(command.CommandText, eventData.Duration));
            return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(new Command(command.CommandText, eventData.Duration));
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }
    }
}
