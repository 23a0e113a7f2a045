using System.Diagnostics;
using System.Runtime;

namespace LearningStack.Benchmarks;

/// <summary>Brings a request to steady state before it is measured. With tiered compilation (on, as in production) the
/// runtime recompiles hot methods in the background after 30 calls, and on 2 cores that compilation competes with the
/// requests being measured: 40 warm-up requests were not enough (the first benchmark of a run measured 1.5–2× slower than
/// the same request later). So this repeats the request in rounds until a round compiles (almost) nothing new. A trickle
/// of one-off methods (timers, date formatting) goes on for minutes, so "almost" is at most 5 per round, and the whole
/// warm-up stops after <paramref name="maxSeconds"/> anyway.</summary>
public static class Warmup
{
    public static async Task<int> UntilJitSettlesAsync(Func<Task<long>> request, int roundSize = 20, double maxSeconds = 20)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed.TotalSeconds < maxSeconds)
        {
            var before = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < roundSize; i++)
            {
                await request();
            }
            await Task.Delay(250);   // past the tiering delay (100 ms), so pending promotions are queued and compiled
            rounds++;
            if (JitInfo.GetCompiledMethodCount() - before <= 5 && rounds >= 3)
            {
                break;
            }
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return rounds * roundSize;
    }
}
