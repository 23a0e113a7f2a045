using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>
/// Who sits on a cycle's governance body, for any feature that needs to ask (learning accounts, alarms, concerns). A user counts
/// only while they are also a member of the cycle's network (any role, observers included): someone removed from the network
/// stops reading concerns at once, even though their place on the body is still listed. People named on a body without an
/// account never count, because they cannot sign in.
/// </summary>
public static class GovernanceMembership
{
    /// <summary>True when <paramref name="userId"/> is a member (with an account) of the governance body of <paramref name="cycleId"/>.</summary>
    public static Task<bool> IsGovernanceMemberAsync(this AppDbContext db, Guid cycleId, string? userId, CancellationToken ct = default) =>
        userId is null
            ? Task.FromResult(false)
            : db.GovernanceMembers.AsNoTracking().AnyAsync(m => m.CycleId == cycleId && m.UserId == userId
                && db.NetworkMembers.Any(n => n.NetworkId == m.NetworkId && n.UserId == userId), ct);

    /// <summary>The ids of the body's members who can sign in and read concerns (still in the network).</summary>
    public static Task<List<string>> ReadersAsync(this AppDbContext db, Guid cycleId, CancellationToken ct = default) =>
        db.GovernanceMembers.AsNoTracking()
            .Where(m => m.CycleId == cycleId && m.UserId != null && db.NetworkMembers.Any(n => n.NetworkId == m.NetworkId && n.UserId == m.UserId))
            .Select(m => m.UserId!).Distinct().ToListAsync(ct);
}
