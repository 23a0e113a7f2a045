using LearningStack.Web.Data;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Networks;

/// <summary>Decides what the current user may do in a network. Someone with no role in a network is told it does not exist (404),
/// so nobody learns of networks they cannot see; a member whose role is too low gets 403.</summary>
public sealed class NetworkAccess(AppDbContext db, CurrentUser currentUser)
{
    private readonly Dictionary<Guid, NetworkRole?> _roles = [];

    public string? UserId => currentUser.UserId;

    public async Task<NetworkRole?> RoleAsync(Guid networkId, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return null;
        }
        if (!_roles.TryGetValue(networkId, out var role))
        {
            role = await db.NetworkMembers.AsNoTracking()
                .Where(m => m.NetworkId == networkId && m.UserId == userId)
                .Select(m => (NetworkRole?)m.Role)
                .FirstOrDefaultAsync(ct);
            _roles[networkId] = role;
        }
        return role;
    }

    /// <summary>Null when allowed; otherwise the failure to report (NotFound for outsiders, Forbidden for too low a role).</summary>
    public async Task<Failure?> RequireAsync(Guid networkId, NetworkRole minimum, CancellationToken ct = default) =>
        Check(await RoleAsync(networkId, ct), minimum);

    /// <summary><see cref="RequireAsync"/> for a role already read: null when allowed.</summary>
    public static Failure? Check(NetworkRole? role, NetworkRole minimum) => role switch
    {
        null => Failure.NotFound,
        var r when r < minimum => Failure.Forbidden,
        _ => null,
    };

    /// <summary>Records the current user's role in a network read inside a larger query (saving a round trip on a hot path), so
    /// later checks in the request need no query of their own.</summary>
    public void Remember(Guid networkId, NetworkRole? role) => _roles[networkId] = currentUser.UserId is null ? null : role;
}
