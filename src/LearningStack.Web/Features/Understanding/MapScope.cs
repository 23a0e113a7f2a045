using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Understanding;

/// <summary>The cycle a map belongs to, and the caller's role in its network.</summary>
public sealed record CycleScope(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, NetworkRole Role)
{
    public bool CanEdit => Role >= NetworkRole.Member;
}

/// <summary>Looks up a cycle and checks the caller's role once, for every command on maps.</summary>
public sealed class MapScope(AppDbContext db, NetworkAccess access)
{
    public async Task<(CycleScope? Scope, Failure? Denied)> ForCycleAsync(Guid cycleId, NetworkRole minimum, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.NetworkId, c.Name, NetworkName = n.Name }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return (null, Failure.NotFound);
        }
        if (await access.RequireAsync(cycle.NetworkId, minimum, ct) is { } denied)
        {
            return (null, denied);
        }
        var role = await access.RoleAsync(cycle.NetworkId, ct);
        return (new CycleScope(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, role!.Value), null);
    }

    /// <summary>Null when the record (found by a query for its network's id) exists and the caller has at least the given role in
    /// its network; otherwise not found (also for outsiders) or forbidden.</summary>
    public async Task<Failure?> RequireRecordAsync(IQueryable<Guid> networkOfRecord, NetworkRole minimum, CancellationToken ct)
    {
        var networkId = await networkOfRecord.Select(id => (Guid?)id).FirstOrDefaultAsync(ct);
        return networkId is null ? Failure.NotFound : await access.RequireAsync(networkId.Value, minimum, ct);
    }

    /// <summary>Null when the caller may act on a record of this network.</summary>
    public Task<Failure?> RequireAsync(Guid networkId, NetworkRole minimum, CancellationToken ct) => access.RequireAsync(networkId, minimum, ct);
}
