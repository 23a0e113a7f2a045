using LearningStack.Graphs.Loops;
using LearningStack.Graphs.Trees;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Understanding;

/// <summary>One branch of a causes or uses tree: the factor, and the link that reaches it (its sign and delay).</summary>
public sealed record TreeBranch(Guid FactorId, string Name, LinkPolarity? Polarity, bool Delay, IReadOnlyList<TreeBranch> Children);

public sealed record FactorTrees(Guid FactorId, string Name, int Depth, TreeBranch Causes, TreeBranch Uses);

/// <summary>What the factor map tells: its feedback loops (found in the background), named loops, and causes/uses trees.</summary>
public sealed class FactorAnalysisCommands(AppDbContext db, MapScope scope, MapCommands maps, LoopAnalyses analyses)
{
    public const int DefaultMaxLength = 12;
    public const int DefaultMaxLoops = 1000;

    public async Task<Outcome<LoopAnalysisView>> StartAsync(Guid cycleId, LoopAnalysisInput input, CancellationToken ct = default)
    {
        var (_, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (denied is not null)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var map = (await maps.FactorMapAsync(cycleId, ct)).Value!;
        if (input.ThroughFactorId is { } through && map.Factors.All(f => f.Id != through))
        {
            return Failure.Invalid("throughFactorId", "Choose a factor on this map.");
        }
        var graph = FactorGraph.From(map.Factors, map.Links);
        var options = new LoopOptions
        {
            MaxLength = input.MaxLength ?? DefaultMaxLength,
            MaxLoops = input.MaxLoops ?? DefaultMaxLoops,
            ThroughNode = input.ThroughFactorId is { } id ? graph.IndexOf(id) : null,
        };
        var named = map.NamedLoops.ToDictionary(l => l.Key, l => (l.Name, l.Notes));
        return analyses.Start(cycleId, map.Cycle.NetworkId, graph, options, input.ThroughFactorId, named).View;
    }

    public async Task<Outcome<LoopAnalysisView>> GetAsync(Guid analysisId, CancellationToken ct = default)
    {
        var (job, denied) = await FindAsync(analysisId, NetworkRole.Observer, ct);
        return job is null ? denied! : job.View;
    }

    public async Task<Outcome<LoopAnalysisView>> CancelAsync(Guid analysisId, CancellationToken ct = default)
    {
        var (job, denied) = await FindAsync(analysisId, NetworkRole.Member, ct);
        if (job is null)
        {
            return denied!;
        }
        analyses.Cancel(job);
        return job.View;
    }

    /// <summary>Names a loop (or renames it). The key must be a loop of this map's links, in order.</summary>
    public async Task<Outcome<NamedLoopView>> NameLoopAsync(Guid cycleId, string key, NamedLoopInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (await CheckLoopKeyAsync(cycleId, key, ct) is { } badKey)
        {
            return badKey;
        }
        var loop = await db.NamedLoops.FirstOrDefaultAsync(l => l.CycleId == cycleId && l.Key == key, ct);
        if (loop is null)
        {
            loop = new NamedLoop { NetworkId = cycle.NetworkId, CycleId = cycleId, Key = key, Name = "" };
            db.NamedLoops.Add(loop);
        }
        else if (Concurrency.Check(db, loop, input.Version) is { } stale)
        {
            return stale;
        }
        loop.Name = input.Name!.Trim();
        loop.Notes = MapText.Clean(input.Notes);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        analyses.ApplyName(cycleId, key, loop.Name, loop.Notes);
        return MapCommands.View(loop);
    }

    public async Task<Outcome<FactorTrees>> TreesAsync(Guid factorId, int? depth, CancellationToken ct = default)
    {
        var cycleId = await db.Factors.AsNoTracking().Where(f => f.Id == factorId).Select(f => (Guid?)f.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var levels = depth ?? 2;
        if (levels is < 1 or > 6)
        {
            return Failure.Invalid("depth", "The depth can be from 1 to 6.");
        }
        var mapResult = await maps.FactorMapAsync(cycleId.Value, ct);
        if (mapResult.Value is not { } map)
        {
            return new Failure(mapResult.Status, mapResult.Errors, mapResult.Message);
        }
        var graph = FactorGraph.From(map.Factors, map.Links);
        var node = graph.IndexOf(factorId);
        TreeBranch Branch(TreeNode t) => new(graph.Factors[t.Node].Id, graph.Factors[t.Node].Name,
            t.ViaEdge is { } e ? graph.Links[e].Polarity : null, t.ViaEdge is { } d && graph.Links[d].Delay, [.. t.Children.Select(Branch)]);
        return new FactorTrees(factorId, graph.Factors[node].Name, levels,
            Branch(CausalTrees.Causes(graph.Graph, node, levels)), Branch(CausalTrees.Uses(graph.Graph, node, levels)));
    }

    private async Task<(LoopAnalyses.Job? Job, Failure? Denied)> FindAsync(Guid analysisId, NetworkRole minimum, CancellationToken ct)
    {
        if (analyses.Find(analysisId) is not { } job)
        {
            return (null, Failure.NotFound);
        }
        if (await scope.RequireAsync(job.NetworkId, minimum, ct) is { } denied)
        {
            return (null, denied);
        }
        return (job, null);
    }

    private async Task<Failure?> CheckLoopKeyAsync(Guid cycleId, string key, CancellationToken ct)
    {
        var parts = key.Split('.');
        var ids = parts.Select(p => Guid.TryParse(p, out var g) ? g : Guid.Empty).ToList();
        if (ids.Contains(Guid.Empty) || ids.Count > 100 || FactorGraph.Key(ids) != key)
        {
            return Failure.Invalid("key", "This is not a loop key: list the loop's link ids in order from the smallest, separated by dots.");
        }
        var links = await db.CausalLinks.AsNoTracking().Where(l => l.CycleId == cycleId && ids.Contains(l.Id))
            .Select(l => new { l.Id, l.FromId, l.ToId }).ToDictionaryAsync(l => l.Id, ct);
        var closes = ids.Count == links.Count && ids.Select((id, i) => links[id].ToId == links[ids[(i + 1) % ids.Count]].FromId).All(x => x);
        return closes ? null : Failure.Invalid("key", "These links do not form a loop on this map.");
    }
}
