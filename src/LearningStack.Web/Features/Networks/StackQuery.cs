using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Networks;

/// <param name="OpenAlarms">Governance alarms open and not dismissed (a plain count, never a grade).</param>
public sealed record StackCycle(Guid Id, Guid ScaleId, string Name, string? Purpose, CycleKind Kind, int ActiveStages, int OpenAlarms = 0);

public sealed record StackLink(Guid Id, LinkDirection Direction, Guid FromCycleId, Guid ToCycleId, string? LearnsFrom, string? Enables, string? Notes);

public sealed record StackBand(ScaleView Scale, IReadOnlyList<StackCycle> Cycles);

/// <summary>The learning stack of a network: its scales (smallest first), the live cycles in each, and every link between them.</summary>
public sealed record Stack(NetworkSummary Network, IReadOnlyList<StackBand> Bands, IReadOnlyList<StackLink> Links)
{
    private Dictionary<Guid, StackCycle>? _byId;
    private ILookup<Guid, StackLink>? _byCycle;

    public StackCycle? Find(Guid cycleId) =>
        (_byId ??= Bands.SelectMany(b => b.Cycles).ToDictionary(c => c.Id)).GetValueOrDefault(cycleId);

    /// <summary>The links that touch one cycle.</summary>
    public IEnumerable<StackLink> LinksOf(Guid cycleId) =>
        (_byCycle ??= Links.SelectMany(l => new[] { (Id: l.FromCycleId, Link: l), (Id: l.ToCycleId, Link: l) }).ToLookup(x => x.Id, x => x.Link))[cycleId];

    /// <summary>Cycles above the smallest scale that learn from nothing below them ("divorced" from the ground).</summary>
    public IReadOnlySet<Guid> Ungrounded()
    {
        var learnsFromBelow = Links.Where(l => l.Direction == LinkDirection.Vertical).Select(l => l.ToCycleId).ToHashSet();
        return Bands.Skip(1).SelectMany(b => b.Cycles).Where(c => !learnsFromBelow.Contains(c.Id)).Select(c => c.Id).ToHashSet();
    }
}

/// <summary>Reads a whole stack in a fixed number of queries, however many cycles it has.</summary>
public sealed class StackQuery(AppDbContext db, NetworkCommands networks)
{
    public async Task<Outcome<Stack>> GetAsync(Guid networkId, CancellationToken ct = default)
    {
        var network = await networks.GetAsync(networkId, ct);
        if (!network.IsOk)
        {
            return new Failure(network.Status, network.Errors, network.Message);
        }
        var scales = await db.Scales.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.Name, s.Kind, s.Position, s.Version }).ToListAsync(ct);
        var cycles = await db.Cycles.AsNoTracking().Where(c => c.NetworkId == networkId && c.ArchivedAt == null)
            .OrderBy(c => c.Name)
            .Select(c => new StackCycle(c.Id, c.ScaleId, c.Name, c.Purpose, c.Kind, c.Stages.Count(s => s.Status == StageStatus.Active)))
            .ToListAsync(ct);
        var alarms = await db.Alarms.AsNoTracking().Where(a => a.NetworkId == networkId && a.ResolvedAt == null && a.DismissedAt == null)
            .GroupBy(a => a.CycleId).Select(g => new { CycleId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.CycleId, x => x.Count, ct);
        cycles = [.. cycles.Select(c => alarms.TryGetValue(c.Id, out var n) ? c with { OpenAlarms = n } : c)];
        var live = cycles.Select(c => c.Id).ToHashSet();
        var links = (await db.CycleLinks.AsNoTracking().Where(l => l.NetworkId == networkId)
            .Select(l => new StackLink(l.Id, l.Direction, l.FromCycleId, l.ToCycleId, l.LearnsFrom, l.Enables, l.Notes))
            .ToListAsync(ct))
            .Where(l => live.Contains(l.FromCycleId) && live.Contains(l.ToCycleId))
            .ToList();
        var byScale = cycles.ToLookup(c => c.ScaleId);
        var bands = scales.Select(s => new StackBand(new ScaleView(s.Id, s.Name, s.Kind, s.Position, byScale[s.Id].Count(), s.Version), byScale[s.Id].ToList())).ToList();
        return new Stack(network.Value!, bands, links);
    }
}
