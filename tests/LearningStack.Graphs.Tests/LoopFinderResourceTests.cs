using LearningStack.Graphs.Loops;
using static LearningStack.Graphs.Tests.TestGraphs;

namespace LearningStack.Graphs.Tests;

/// <summary>Memory that stays flat as loop counts grow, and cancellation.</summary>
[Collection(MemoryMeasurements.Name)]
public class LoopFinderResourceTests
{
    private static long AllocatedBy(Action action)
    {
        action(); // JIT and first-use allocations out of the way
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Count_MillionLoops_AllocatesLittleAndNoMoreThanForAThousand()
    {
        LoopCount small = default, large = default;

        var forSmall = AllocatedBy(() => small = LoopFinder.Count(Complete(7), Unlimited));
        var forLarge = AllocatedBy(() => large = LoopFinder.Count(Complete(10), Unlimited));

        Assert.Equal(2_365, small.Total);
        Assert.Equal(1_112_073, large.Total);
        Assert.True(forLarge < 64 * 1024, $"{forLarge} bytes for a million loops");
        Assert.True(forLarge < forSmall + (16 * 1024), $"{forSmall} bytes for 2,365 loops, {forLarge} for 1,112,073");
    }

    [Fact]
    public void Count_MillionLoopsWithParallelEdgesAndABound_AllocatesLittle()
    {
        // Every link doubled with opposite signs: 2^k loops per node cycle of length k.
        var complete = Complete(8);
        var graph = new SignedDigraph(8, complete.Edges.Concat(complete.Edges.Select(e => e with { Sign = -1 })));
        LoopCount count = default;

        var allocated = AllocatedBy(() => count = LoopFinder.Count(graph, Unlimited with { MaxLength = 6 }));

        Assert.True(count.Total > 100_000, $"{count}");
        Assert.Equal(count.Reinforcing, count.Balancing);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes");
    }

    [Fact]
    public void Enumerate_ManyLoops_MemoryDoesNotGrowWithTheLoopsSeen()
    {
        var seen = 0L;
        var before = 0L;
        foreach (var loop in LoopFinder.Enumerate(Complete(9), Unlimited))
        {
            if (++seen == 1_000)
            {
                GC.Collect();
                before = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        GC.Collect();
        Assert.Equal(125_664, seen);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 1024 * 1024);
    }

    [Fact]
    public void Count_CancelledWhileRunning_StopsPromptly()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The complete digraph on 16 nodes has about 10^13 cycles: this would run for days.
        Assert.Throws<OperationCanceledException>(() => LoopFinder.Count(Complete(16), Unlimited, cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void FindShortestFirst_CancelledWhileRunning_StopsPromptly()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.Throws<OperationCanceledException>(() => LoopFinder.FindShortestFirst(Complete(16), Unlimited, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Enumerate_CancelledToken_ThrowsWhileIterating()
    {
        using var cancellation = new CancellationTokenSource();
        var loops = LoopFinder.Enumerate(Complete(12), Unlimited, cancellation.Token);
        var seen = 0;

        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var loop in loops)
            {
                if (++seen == 10)
                {
                    cancellation.Cancel();
                }
            }
        });
        Assert.True(seen < 100_000);
    }
}

/// <summary>Tests that read the process's memory run alone: other tests allocating at the same time would blur the figures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
