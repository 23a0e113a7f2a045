using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Influence;

/// <summary>How many routed issues and pieces of learning have passed along one link, in either direction. Plain counts.</summary>
public sealed record LinkFlow(Guid LinkId, Guid CycleA, string CycleAName, Guid CycleB, string CycleBName, int Issues, int Learning)
{
    public int Total => Issues + Learning;
}

/// <summary>A network's flows along links, and, when a pair of cycles is given, what passed between them.</summary>
public sealed record FlowsView(Guid NetworkId, string NetworkName, IReadOnlyList<LinkFlow> Links, Guid? From, Guid? To, string? FromName, string? ToName,
    IReadOnlyList<IssueRouteView> Routes, IReadOnlyList<InfluenceView> Learning);

public sealed class FlowsQuery(AppDbContext db, NetworkAccess access, RouteCommands routes, InfluenceCommands influence)
{
    public async Task<Outcome<FlowsView>> GetAsync(Guid networkId, Guid? from, Guid? to, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var networkName = await db.Networks.AsNoTracking().Where(n => n.Id == networkId).Select(n => n.Name).FirstAsync(ct);
        var links = await db.CycleLinks.AsNoTracking().Where(l => l.NetworkId == networkId)
            .Select(l => new { l.Id, l.FromCycleId, l.ToCycleId }).ToListAsync(ct);
        var names = await db.Cycles.AsNoTracking().Where(c => c.NetworkId == networkId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var routePairs = await db.IssueRoutes.AsNoTracking().Where(r => r.NetworkId == networkId)
            .GroupBy(r => new { r.FromCycleId, r.ToCycleId }).Select(g => new { g.Key.FromCycleId, g.Key.ToCycleId, Count = g.Count() }).ToListAsync(ct);
        var learningPairs = await db.InfluenceRecipients.AsNoTracking().Where(r => r.NetworkId == networkId)
            .GroupBy(r => new { r.FromCycleId, r.ToCycleId }).Select(g => new { g.Key.FromCycleId, g.Key.ToCycleId, Count = g.Count() }).ToListAsync(ct);
        static bool Between(Guid x, Guid y, Guid a, Guid b) => (x == a && y == b) || (x == b && y == a);
        var flows = links.Select(l => new LinkFlow(l.Id, l.FromCycleId, names.GetValueOrDefault(l.FromCycleId, "?"), l.ToCycleId, names.GetValueOrDefault(l.ToCycleId, "?"),
                routePairs.Where(p => Between(p.FromCycleId, p.ToCycleId, l.FromCycleId, l.ToCycleId)).Sum(p => p.Count),
                learningPairs.Where(p => Between(p.FromCycleId, p.ToCycleId, l.FromCycleId, l.ToCycleId)).Sum(p => p.Count)))
            .ToList();
        if (from is not { } a || to is not { } b)
        {
            return new FlowsView(networkId, networkName, flows, null, null, null, null, [], []);
        }
        if (!names.TryGetValue(a, out var fromName) || !names.TryGetValue(b, out var toName))
        {
            return Failure.Invalid("from", "Choose two cycles of this network.");
        }
        var pairRoutes = await routes.ViewsAsync(db.IssueRoutes.Where(r => (r.FromCycleId == a && r.ToCycleId == b) || (r.FromCycleId == b && r.ToCycleId == a)), ct);
        var recordIds = db.InfluenceRecipients.Where(r => (r.FromCycleId == a && r.ToCycleId == b) || (r.FromCycleId == b && r.ToCycleId == a)).Select(r => r.InfluenceId);
        var pairLearning = await influence.ViewsAsync(db.InfluenceRecords.Where(r => recordIds.Contains(r.Id)), ct);
        return new FlowsView(networkId, networkName, flows, a, b, fromName, toName, pairRoutes, pairLearning);
    }
}
