using LearningStack.Graphs.Loops;
using LearningStack.Web.Features.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningStack.Tests.Features.Understanding;

/// <summary>The background runner of loop analyses: progress while running, and cancellation.</summary>
public sealed class LoopAnalysesTests
{
    [Fact]
    public async Task Cancel_HugeAnalysisRunning_StopsAsCancelledWithProgressSoFar()
    {
        var analyses = new LoopAnalyses(TimeProvider.System, NullLogger<LoopAnalyses>.Instance);
        var graph = Complete(16);
        var job = analyses.Start(Guid.NewGuid(), Guid.NewGuid(), graph, new LoopOptions { MaxLength = 16, MaxLoops = long.MaxValue }, null,
            new Dictionary<string, (string, string?)>());
        await WaitUntilAsync(() => job.Progress.Total > 0);

        analyses.Cancel(job);

        await WaitUntilAsync(() => job.State != AnalysisState.Running);
        Assert.Equal(AnalysisState.Cancelled, job.State);
        Assert.True(job.Progress.Total > 0);
        Assert.Null(job.View.Loops);
        Assert.Same(job, analyses.Find(job.Id));
    }

    [Fact]
    public async Task Start_SmallMap_DoneWithLoopsKeyedFromSmallestLink()
    {
        var analyses = new LoopAnalyses(TimeProvider.System, NullLogger<LoopAnalyses>.Instance);
        var graph = Complete(3);

        var job = analyses.Start(Guid.NewGuid(), Guid.NewGuid(), graph, new LoopOptions(), null, new Dictionary<string, (string, string?)>());

        await WaitUntilAsync(() => job.State != AnalysisState.Running);
        Assert.Equal((AnalysisState.Done, 5), (job.State, job.Loops!.Count));
        Assert.All(job.Loops!, l => Assert.Equal(l.LinkIds.Min(), Guid.Parse(l.Key.Split('.')[0])));
    }

    /// <summary>Every factor drives every other (+).</summary>
    private static FactorGraph Complete(int n)
    {
        var cycle = Guid.NewGuid();
        var factors = Enumerable.Range(0, n).Select(i => new FactorView(Guid.CreateVersion7(), cycle, $"F{i}", null, [], null, null, null, 1)).ToList();
        var links = (from a in factors from b in factors where a != b
                     select new CausalLinkView(Guid.CreateVersion7(), cycle, a.Id, b.Id, LinkPolarity.Same, false, Confidence.Medium, null, 1)).ToList();
        return FactorGraph.From(factors, links);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }
        Assert.True(condition(), "Timed out waiting.");
    }
}
