namespace LearningStack.Graphs.Loops;

/// <summary>
/// Finds the elementary feedback loops of a <see cref="SignedDigraph"/>: its elementary cycles as a multigraph, so
/// parallel edges give distinct loops and a self-loop is a loop of length 1. The search runs on the graph of
/// distinct node pairs (see <see cref="CycleSearch"/>) and expands each node cycle into its edge cycles.
/// </summary>
public static class LoopFinder
{
    private const int ProgressCheckInterval = 1024;

    /// <summary>Streams loops lazily in discovery order; stops after <see cref="LoopOptions.MaxLoops"/>.</summary>
    /// <remarks>
    /// Discovery order is by smallest node, then lexicographic by node ids, then by edge ids (with
    /// <see cref="LoopOptions.ThroughNode"/>, by node ids starting from that node). Memory does not grow with the
    /// number of loops.
    /// </remarks>
    public static IEnumerable<Loop> Enumerate(SignedDigraph graph, LoopOptions options, CancellationToken cancellationToken = default)
    {
        Validate(graph, options);
        return EnumerateCore(graph, options.MaxLength, options.ThroughNode, options.MaxLoops, cancellationToken);
    }

    /// <summary>
    /// The shortest loops first (then by node ids, then edge ids), at most <see cref="LoopOptions.MaxLoops"/> of them.
    /// When there are more, <see cref="LoopCount.Truncated"/> is set and the list holds the shortest ones, found by
    /// searching length 1, 2, 3, … in turn. <paramref name="progress"/> hears the running count now and then.
    /// </summary>
    public static LoopList FindShortestFirst(SignedDigraph graph, LoopOptions options, IProgress<LoopCount>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(graph, options);
        var cap = options.MaxLoops;
        var throttle = new ProgressThrottle(progress);
        var tally = new Tally();

        // Most often everything fits under the cap: one search, then sort.
        var loops = new List<Loop>();
        var arcs = new ArcGraph(graph);
        var limit = cap == long.MaxValue ? cap : cap + 1;
        foreach (var loop in EnumerateCore(arcs, options.MaxLength, options.ThroughNode, limit, cancellationToken))
        {
            loops.Add(loop);
            tally.Add(loop.Polarity);
            if (loops.Count % ProgressCheckInterval == 0)
            {
                throttle.Tick(tally.ToCount(truncated: false));
            }
        }

        if (loops.Count <= cap)
        {
            loops.Sort(LoopOrder.Instance);
            return Finish(loops, tally.ToCount(truncated: false), throttle);
        }

        // More than the cap: collect length 1, 2, 3, … until the cap is reached.
        loops.Clear();
        tally = new Tally();
        var longest = Math.Min(options.MaxLength, graph.NodeCount);
        for (var length = 1; length <= longest && loops.Count < cap; length++)
        {
            foreach (var loop in Level(arcs, length, options.ThroughNode, cap - loops.Count, cancellationToken))
            {
                loops.Add(loop);
                tally.Add(loop.Polarity);
            }

            throttle.Tick(tally.ToCount(truncated: true));
        }

        return Finish(loops, tally.ToCount(truncated: true), throttle);
    }

    /// <summary>
    /// Counts and classifies loops without listing them: flat memory, no allocation per loop. Honours
    /// <see cref="LoopOptions.MaxLength"/>, <see cref="LoopOptions.MaxLoops"/> (the count then covers the first
    /// MaxLoops loops <see cref="Enumerate"/> would give, and <see cref="LoopCount.Truncated"/> says more exist) and
    /// <see cref="LoopOptions.ThroughNode"/>. <paramref name="progress"/> hears the running count now and then.
    /// </summary>
    /// <exception cref="OverflowException">A single node cycle stands for more than <see cref="long.MaxValue"/> loops.</exception>
    public static LoopCount Count(SignedDigraph graph, LoopOptions options, IProgress<LoopCount>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(graph, options);
        var arcs = new ArcGraph(graph);
        var search = new CycleSearch(arcs, options.MaxLength, options.ThroughNode, cancellationToken);
        var remaining = options.MaxLoops;
        var tally = new Tally();
        var truncated = false;
        var throttle = new ProgressThrottle(progress);
        var cycles = 0;
        while (remaining > 0 && search.MoveNext())
        {
            search.Classify(out var total, out var nonZero, out var difference);
            if (total <= remaining)
            {
                tally.Add(total, nonZero, difference);
                remaining -= total;
            }
            else
            {
                // Only part of this node cycle's edge cycles fit: classify those one by one.
                var expander = new LoopExpander(arcs);
                expander.Begin(search);
                for (; remaining > 0; remaining--, expander.MoveNext())
                {
                    tally.Add(expander.Polarity());
                }

                truncated = true;
                break;
            }

            if (++cycles == ProgressCheckInterval)
            {
                cycles = 0;
                throttle.Tick(tally.ToCount(truncated: false));
            }
        }

        if (remaining == 0 && !truncated)
        {
            truncated = search.MoveNext();
        }

        var count = tally.ToCount(truncated);
        throttle.Report(count);
        return count;
    }

    private static void Validate(SignedDigraph graph, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLength, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxLoops, nameof(options));
        if (options.ThroughNode is { } through && (through < 0 || through >= graph.NodeCount))
        {
            throw new ArgumentOutOfRangeException(nameof(options), through, $"ThroughNode must be a node (0..{graph.NodeCount - 1}).");
        }
    }

    private static IEnumerable<Loop> EnumerateCore(SignedDigraph graph, int maxLength, int? through, long maxLoops, CancellationToken cancellationToken)
    {
        foreach (var loop in EnumerateCore(new ArcGraph(graph), maxLength, through, maxLoops, cancellationToken))
        {
            yield return loop;
        }
    }

    private static IEnumerable<Loop> EnumerateCore(ArcGraph arcs, int maxLength, int? through, long maxLoops, CancellationToken cancellationToken)
    {
        if (maxLoops <= 0)
        {
            yield break;
        }

        var search = new CycleSearch(arcs, maxLength, through, cancellationToken);
        var expander = new LoopExpander(arcs);
        long emitted = 0;
        while (search.MoveNext())
        {
            expander.Begin(search);
            do
            {
                yield return expander.Current();
                if (++emitted == maxLoops)
                {
                    yield break;
                }
            }
            while (expander.MoveNext());
        }
    }

    /// <summary>The first <paramref name="wanted"/> loops of exactly <paramref name="length"/> edges, in order.</summary>
    private static List<Loop> Level(ArcGraph arcs, int length, int? through, long wanted, CancellationToken cancellationToken)
    {
        var search = new CycleSearch(arcs, length, through, cancellationToken);
        var expander = new LoopExpander(arcs);
        var level = new List<Loop>();
        if (through is null)
        {
            // Without a through-node, loops come out in order: keep the first ones.
            while (level.Count < wanted && search.MoveNext())
            {
                if (search.Length != length)
                {
                    continue;
                }

                expander.Begin(search);
                do
                {
                    level.Add(expander.Current());
                }
                while (level.Count < wanted && expander.MoveNext());
            }

            return level;
        }

        // From a through-node they do not (rotation): keep the smallest in a max-heap.
        var heap = new PriorityQueue<Loop, Loop>(Comparer<Loop>.Create((a, b) => LoopOrder.Instance.Compare(b, a)));
        while (search.MoveNext())
        {
            if (search.Length != length)
            {
                continue;
            }

            expander.Begin(search);
            do
            {
                var loop = expander.Current();
                if (heap.Count < wanted)
                {
                    heap.Enqueue(loop, loop);
                }
                else if (LoopOrder.Instance.Compare(loop, heap.Peek()) < 0)
                {
                    heap.EnqueueDequeue(loop, loop);
                }
            }
            while (expander.MoveNext());
        }

        while (heap.Count > 0)
        {
            level.Add(heap.Dequeue());
        }

        level.Reverse();
        return level;
    }

    private static LoopList Finish(List<Loop> loops, LoopCount count, ProgressThrottle throttle)
    {
        throttle.Report(count);
        return new LoopList(loops.AsReadOnly(), count);
    }

    /// <summary>Running counts by polarity.</summary>
    private sealed class Tally
    {
        private long _reinforcing;
        private long _balancing;
        private long _undetermined;

        public void Add(LoopPolarity polarity)
        {
            switch (polarity)
            {
                case LoopPolarity.Reinforcing: _reinforcing++; break;
                case LoopPolarity.Balancing: _balancing++; break;
                case LoopPolarity.Undetermined: _undetermined++; break;
            }
        }

        /// <summary>Adds a node cycle's edge cycles from <see cref="CycleSearch.Classify"/>.</summary>
        public void Add(long total, long nonZero, long difference)
        {
            _reinforcing += (nonZero + difference) / 2;
            _balancing += (nonZero - difference) / 2;
            _undetermined += total - nonZero;
        }

        public LoopCount ToCount(bool truncated) => new(_reinforcing, _balancing, _undetermined, truncated);
    }

    /// <summary>Reports to an <see cref="IProgress{T}"/> at most every quarter of a second.</summary>
    private sealed class ProgressThrottle(IProgress<LoopCount>? progress)
    {
        private const long IntervalMilliseconds = 250;
        private long _last = Environment.TickCount64;

        public void Tick(LoopCount count)
        {
            if (progress is not null && Environment.TickCount64 - _last >= IntervalMilliseconds)
            {
                Report(count);
            }
        }

        public void Report(LoopCount count)
        {
            _last = Environment.TickCount64;
            progress?.Report(count);
        }
    }
}
