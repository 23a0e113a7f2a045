using BenchmarkDotNet.Running;

namespace LearningStack.Benchmarks;

/// <summary>
/// dotnet run -c Release --project bench/LearningStack.Benchmarks -- [--profile] [--quick] [BenchmarkDotNet options]
/// (bench/run.sh provisions PostgreSQL and runs everything). --profile prints the SQL each request issues instead of benchmarking.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--profile-patterns"))
        {
            return await Profiler.RunPatternsAsync();
        }
        if (args.Contains("--profile"))
        {
            return await Profiler.RunAsync();
        }
        if (Array.IndexOf(args, "--loop") is var at and >= 0 && args.Length > at + 2)
        {
            var provider = args.Length > at + 3 ? Enum.Parse<BenchProvider>(args[at + 3], ignoreCase: true) : BenchProvider.Sqlite;
            return await Profiler.LoopAsync(args[at + 1], int.Parse(args[at + 2], System.Globalization.CultureInfo.InvariantCulture), provider);
        }
        var quick = args.Contains("--quick");
        var rest = args.Where(a => a is not "--quick").ToArray();
        var artifacts = Environment.GetEnvironmentVariable("LEARNINGSTACK_BENCH_ARTIFACTS") is { Length: > 0 } path
            ? path
            : Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        var config = quick ? BenchConfig.Create(artifacts, warmup: 3, iterations: 10) : BenchConfig.Create(artifacts, warmup: 10, iterations: 100);
        // National scale: requests take from a few milliseconds to half a second, so fewer warm-ups (a full Patterns run of 100
        // requests per benchmark fits in ~6 minutes once the data exists; with 20, as in rounds 1 and 2, a p95 was one or two
        // samples), and a generous time limit per benchmark, since the first one may generate the national network.
        var national = quick
            ? BenchConfig.Create(artifacts, warmup: 1, iterations: 5, timeout: TimeSpan.FromHours(1))
            : BenchConfig.Create(artifacts, warmup: 5, iterations: 100, timeout: TimeSpan.FromHours(1));
        var summaries = new[] { BenchmarkRunner.Run<StackBenchmarks>(config, rest), BenchmarkRunner.Run<PatternsBenchmarks>(national, rest) };
        PatternsBenchmarks.DisposeAllAsync().GetAwaiter().GetResult();
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
