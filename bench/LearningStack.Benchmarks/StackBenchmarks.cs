using BenchmarkDotNet.Attributes;

namespace LearningStack.Benchmarks;

/// <summary>The "Speed" benchmarks on a network of 1,000 cycles and 2,000 links, once per database. Each measured
/// invocation is one request (see BenchConfig), so the P50/P95 columns are per-request percentiles.</summary>
public class StackBenchmarks
{
    private BenchApp _app = null!;
    private RawCycles _raw = null!;

    public static IEnumerable<BenchProvider> Providers => BenchSettings.Providers;

    [ParamsSource(nameof(Providers))]
    public BenchProvider Database { get; set; }

    private void Setup()
    {
        _app = BenchApp.StartAsync(Database).GetAwaiter().GetResult();
        _raw = new RawCycles(Database, _app.ConnectionString, _app.NetworkId);
        CheckRawMatchesApi().GetAwaiter().GetResult();
    }

    /// <summary>Each benchmark starts its own app, then repeats its request until the JIT has settled (see <see cref="Warmup"/>);
    /// BenchmarkDotNet's own warm-up iterations follow.</summary>
    [GlobalSetup(Target = nameof(CyclesApi))]
    public void SetupCycles() => SetupAndPrime(CyclesApi);

    [GlobalSetup(Target = nameof(StackApi))]
    public void SetupStack() => SetupAndPrime(StackApi);

    [GlobalSetup(Target = nameof(StackPage))]
    public void SetupPage() => SetupAndPrime(StackPage);

    [GlobalSetup(Target = nameof(RawSql_Cycles))]
    public void SetupRaw() => SetupAndPrime(RawSql_Cycles);

    private void SetupAndPrime(Func<Task<long>> request)
    {
        Setup();
        var count = Warmup.UntilJitSettlesAsync(request).GetAwaiter().GetResult();
        Console.WriteLine($"// Primed with {count} requests until the JIT settled.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>GET /api/networks/{id}/cycles with a bearer token: 1,000 cycle summaries as JSON.</summary>
    [Benchmark]
    public Task<long> CyclesApi() => _app.GetAsync(_app.Api, _app.CyclesUrl);

    /// <summary>GET /api/networks/{id}/stack with a bearer token: scales, 1,000 cycles and 2,000 links as JSON.</summary>
    [Benchmark]
    public Task<long> StackApi() => _app.GetAsync(_app.Api, _app.StackUrl);

    /// <summary>GET /networks/{id} with the Identity cookie: the whole server-rendered stack view page.</summary>
    [Benchmark]
    public Task<long> StackPage() => _app.GetAsync(_app.Browser, _app.PageUrl);

    /// <summary>The cycles API's rows with plain ADO.NET, serialized to the same JSON: the 1.5× baseline.</summary>
    [Benchmark(Baseline = true)]
    public Task<long> RawSql_Cycles() => _raw.WriteJsonAsync();

    private async Task CheckRawMatchesApi()
    {
        var api = await _app.Api.GetByteArrayAsync(_app.CyclesUrl);
        var raw = await _raw.GetJsonBytesAsync();
        if (!api.AsSpan().SequenceEqual(raw))
        {
            throw new InvalidOperationException($"The raw-SQL baseline does not return the same JSON as the cycles API ({raw.Length} vs {api.Length} bytes).");
        }
        if (await _raw.WriteJsonAsync() != api.Length || await _app.GetAsync(_app.Api, _app.CyclesUrl) != api.Length)
        {
            throw new InvalidOperationException("The streamed responses differ in length from the buffered ones.");
        }
        var rows = (await _raw.ReadAsync()).Count;
        if (rows != BenchSeed.CycleCount)
        {
            throw new InvalidOperationException($"Expected {BenchSeed.CycleCount} cycles, read {rows}.");
        }
    }
}
