using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace LearningStack.Benchmarks;

/// <summary>One request per measured invocation, so Median and P95 are per-request latencies (what the targets are about), not
/// averages over batches; no outliers are removed (a slow request is a slow request), and no full GC is forced before each
/// request (BenchmarkDotNet's default), which would also trim the runtime's buffer pools and is not how a server runs. The app is hosted in-process (TestServer), so the benchmarks run in-process too: no generated
/// project to rebuild, and the content root and static-asset manifests of the web project are found as in the tests.</summary>
public static class BenchConfig
{
    public static IConfig Create(string artifactsPath, int warmup, int iterations, TimeSpan? timeout = null)
    {
        var job = Job.Default
            .WithToolchain(timeout is { } limit ? new InProcessEmitToolchain(limit, logOutput: true) : InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(warmup)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithGcForce(false)
            .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
            .WithId("PerRequest");
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Descriptor, DefaultColumnProviders.Params, DefaultColumnProviders.Metrics)
            .AddColumn(StatisticColumn.Mean, StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max, StatisticColumn.StdDev,
                BaselineRatioColumn.RatioMean)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond))
            .WithArtifactsPath(artifactsPath)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
            .WithOption(ConfigOptions.JoinSummary, false)
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
    }
}
