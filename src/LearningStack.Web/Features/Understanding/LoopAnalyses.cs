using System.Collections.Concurrent;
using LearningStack.Graphs;
using LearningStack.Graphs.Loops;

namespace LearningStack.Web.Features.Understanding;

public enum AnalysisState
{
    Running,
    Done,
    Cancelled,
    Failed,
}

/// <summary>One loop as people see it: its factors in order, its links, and whether it reinforces or balances.</summary>
public sealed record LoopView(string Key, LoopPolarity Polarity, int Length, IReadOnlyList<Guid> LinkIds, IReadOnlyList<Guid> FactorIds,
    IReadOnlyList<string> FactorNames, bool HasDelay, string? Name, string? Notes);

public sealed record LoopAnalysisView(Guid Id, Guid CycleId, AnalysisState State, long Found, long Reinforcing, long Balancing, bool Truncated,
    int MaxLength, int MaxLoops, Guid? ThroughFactorId, string? ThroughFactorName, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<LoopView>? Loops);

/// <summary>The factor map as a signed graph, with the ids behind each node and edge index.</summary>
public sealed record FactorGraph(SignedDigraph Graph, IReadOnlyList<FactorView> Factors, IReadOnlyList<CausalLinkView> Links)
{
    public static FactorGraph From(IReadOnlyList<FactorView> factors, IReadOnlyList<CausalLinkView> links)
    {
        var index = factors.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var edges = links.Select(l => new SignedEdge(index[l.FromId], index[l.ToId], l.Polarity == LinkPolarity.Same ? 1 : -1));
        return new FactorGraph(new SignedDigraph(factors.Count, edges), factors, links);
    }

    public int IndexOf(Guid factorId) => Factors.Select((f, i) => (f.Id, i)).First(x => x.Id == factorId).i;

    /// <summary>The loop's links starting from the smallest link id, joined by dots: the same loop always gets the same key.</summary>
    public static string Key(IEnumerable<Guid> linkIds)
    {
        var ids = linkIds.ToList();
        var start = ids.IndexOf(ids.Min());
        return string.Join('.', ids.Skip(start).Concat(ids.Take(start)));
    }

    public LoopView View(Loop loop, IReadOnlyDictionary<string, (string Name, string? Notes)> named)
    {
        var linkIds = loop.EdgeIds.Select(e => Links[e].Id).ToList();
        var key = Key(linkIds);
        named.TryGetValue(key, out var name);
        return new LoopView(key, loop.Polarity, loop.Length, linkIds, [.. loop.Nodes.Select(n => Factors[n].Id)], [.. loop.Nodes.Select(n => Factors[n].Name)],
            loop.EdgeIds.Any(e => Links[e].Delay), name.Name, name.Notes);
    }
}

/// <summary>Runs loop analyses off the request thread: each can be watched (progress) and cancelled, and is kept for a while to be read.</summary>
public sealed class LoopAnalyses(TimeProvider clock, ILogger<LoopAnalyses> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public sealed class Job
    {
        public required Guid Id { get; init; }
        public required Guid CycleId { get; init; }
        public required Guid NetworkId { get; init; }
        public required LoopOptions Options { get; init; }
        public required string? ThroughName { get; init; }
        public required Guid? ThroughId { get; init; }
        public required DateTimeOffset StartedAt { get; init; }
        public CancellationTokenSource Cancellation { get; } = new();
        private readonly Lock _lock = new();
        private LoopCount _progress;

        public AnalysisState State { get; set; }

        public LoopCount Progress
        {
            get { lock (_lock) { return _progress; } }
            set { lock (_lock) { _progress = value; } }
        }

        public DateTimeOffset? FinishedAt { get; set; }
        public IReadOnlyList<LoopView>? Loops { get; set; }

        public LoopAnalysisView View => new(Id, CycleId, State, Progress.Total, Progress.Reinforcing, Progress.Balancing, Progress.Truncated,
            Options.MaxLength, (int)Options.MaxLoops, ThroughId, ThroughName, StartedAt, FinishedAt, State == AnalysisState.Done ? Loops : null);
    }

    public Job Start(Guid cycleId, Guid networkId, FactorGraph graph, LoopOptions options, Guid? throughId,
        IReadOnlyDictionary<string, (string Name, string? Notes)> named)
    {
        Sweep();
        var job = new Job
        {
            Id = Guid.CreateVersion7(), CycleId = cycleId, NetworkId = networkId, Options = options, ThroughId = throughId,
            ThroughName = throughId is { } t ? graph.Factors.First(f => f.Id == t).Name : null, StartedAt = clock.GetUtcNow(),
        };
        _jobs[job.Id] = job;
        var progress = new Progress(job);
        _ = Task.Run(() =>
        {
            try
            {
                var list = LoopFinder.FindShortestFirst(graph.Graph, options, progress, job.Cancellation.Token);
                job.Loops = [.. list.Loops.Select(l => graph.View(l, named))];
                job.Progress = list.Count;
                job.State = AnalysisState.Done;
            }
            catch (OperationCanceledException)
            {
                job.State = AnalysisState.Cancelled;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or OutOfMemoryException)
            {
                logger.LogError(e, "Loop analysis {JobId} failed", job.Id);
                job.State = AnalysisState.Failed;
            }
            finally
            {
                job.FinishedAt = clock.GetUtcNow();
            }
        });
        return job;
    }

    /// <summary>Shows a new loop name in the results already found for the cycle.</summary>
    public void ApplyName(Guid cycleId, string key, string name, string? notes)
    {
        foreach (var job in _jobs.Values.Where(j => j.CycleId == cycleId && j.Loops is not null))
        {
            job.Loops = [.. job.Loops!.Select(l => l.Key == key ? l with { Name = name, Notes = notes } : l)];
        }
    }

    public Job? Find(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    public void Cancel(Job job) => job.Cancellation.Cancel();

    private void Sweep()
    {
        var before = clock.GetUtcNow() - KeepFor;
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt < before)
            {
                _jobs.TryRemove(id, out _);
                job.Cancellation.Dispose();
            }
        }
    }

    /// <summary>Records progress directly (not via a synchronisation context): the count is read by status requests.</summary>
    private sealed class Progress(Job job) : IProgress<LoopCount>
    {
        public void Report(LoopCount value) => job.Progress = value;
    }
}
