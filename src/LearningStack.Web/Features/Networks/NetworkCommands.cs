using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Networks;

public sealed record NetworkSummary(Guid Id, string Name, string? Description, NetworkRole Role, int CycleCount, int Version);

public sealed record ScaleView(Guid Id, string Name, ScaleKind Kind, int Position, int CycleCount, int Version);

public sealed record MemberView(Guid Id, string UserId, string Name, string? Email, NetworkRole Role, DateTimeOffset JoinedAt, int Version);

public sealed record InvitationView(Guid Id, string Email, NetworkRole Role, string InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Accepted, bool Revoked);

/// <summary>An invitation just made: the link (with its token) is shown to the inviter once and never stored.</summary>
public sealed record CreatedInvitation(Guid Id, string Email, NetworkRole Role, string Token, DateTimeOffset ExpiresAt);

/// <summary>Everything people do to networks, their members and scales. Used by both the pages and the JSON API.</summary>
public sealed class NetworkCommands(AppDbContext db, NetworkAccess access, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<NetworkSummary>> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.UserId;
        return await db.NetworkMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Networks, m => m.NetworkId, n => n.Id, (m, n) => new { n, m.Role })
            .OrderBy(x => x.n.Name)
            .Select(x => new NetworkSummary(x.n.Id, x.n.Name, x.n.Description, x.Role,
                db.Cycles.Count(c => c.NetworkId == x.n.Id && c.ArchivedAt == null), x.n.Version))
            .ToListAsync(ct);
    }

    public async Task<Outcome<NetworkSummary>> GetAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await access.RoleAsync(networkId, ct) is not { } role)
        {
            return Failure.NotFound;
        }
        var summary = await db.Networks.AsNoTracking().Where(n => n.Id == networkId)
            .Select(n => new NetworkSummary(n.Id, n.Name, n.Description, role, db.Cycles.Count(c => c.NetworkId == n.Id && c.ArchivedAt == null), n.Version))
            .FirstOrDefaultAsync(ct);
        return summary is null ? Failure.NotFound : summary;
    }

    /// <summary>Creates a network with the five default scales; the creator becomes its first steward.</summary>
    public async Task<Outcome<NetworkSummary>> CreateAsync(NetworkInput input, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Failure.Forbidden;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var network = new Network { Name = input.Name.Trim(), Description = input.Description?.Trim(), CreatedAt = now };
        network.Scales.AddRange(Scale.Defaults.Select((d, i) => new Scale { NetworkId = network.Id, Name = d.Name, Kind = d.Kind, Position = i }));
        network.Members.Add(new NetworkMember { NetworkId = network.Id, UserId = userId, Role = NetworkRole.Steward, JoinedAt = now });
        db.Networks.Add(network);
        await db.SaveChangesAsync(ct);
        return new NetworkSummary(network.Id, network.Name, network.Description, NetworkRole.Steward, 0, network.Version);
    }

    public async Task<Outcome<NetworkSummary>> UpdateAsync(Guid networkId, NetworkInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var network = await db.Networks.FirstOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null)
        {
            return Failure.NotFound;
        }
        if (Concurrency.Check(db, network, input.Version) is { } stale)
        {
            return stale;
        }
        network.Name = input.Name.Trim();
        network.Description = input.Description?.Trim();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await GetAsync(networkId, ct));
    }

    // ----- members and invitations -----

    public async Task<Outcome<IReadOnlyList<MemberView>>> MembersAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var members = await db.NetworkMembers.AsNoTracking()
            .Where(m => m.NetworkId == networkId)
            // Role is stored as text, so order by rank explicitly (alphabetical would put observers before members).
            .OrderByDescending(m => m.Role == NetworkRole.Steward ? 2 : m.Role == NetworkRole.Member ? 1 : 0).ThenBy(m => m.User!.DisplayName ?? m.User.UserName)
            .Select(m => new MemberView(m.Id, m.UserId, m.User!.DisplayName ?? m.User.UserName ?? m.UserId, m.User.Email, m.Role, m.JoinedAt, m.Version))
            .ToListAsync(ct);
        return members;
    }

    public async Task<Outcome<MemberView>> ChangeRoleAsync(Guid networkId, Guid memberId, MemberRoleInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var member = await db.NetworkMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.Id == memberId && m.NetworkId == networkId, ct);
        if (member is null)
        {
            return Failure.NotFound;
        }
        if (Concurrency.IsStale(db, member, input.Version))
        {
            return Failure.Conflict;
        }
        if (member.Role == NetworkRole.Steward && input.Role != NetworkRole.Steward && await IsLastStewardAsync(networkId, ct))
        {
            return Failure.Invalid("role", "A network needs at least one steward. Make someone else a steward first.");
        }
        member.Role = input.Role;
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return new MemberView(member.Id, member.UserId, member.User?.ShownName ?? member.UserId, member.User?.Email, member.Role, member.JoinedAt, member.Version);
    }

    public async Task<Outcome<bool>> RemoveMemberAsync(Guid networkId, Guid memberId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        var member = await db.NetworkMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.NetworkId == networkId, ct);
        if (member is null)
        {
            return Failure.NotFound;
        }
        if (member.Role == NetworkRole.Steward && await IsLastStewardAsync(networkId, ct))
        {
            return Failure.Invalid("member", "This is the network's only steward. Make someone else a steward before removing them.");
        }
        db.NetworkMembers.Remove(member);
        // Someone who leaves the network no longer stewards its cycles.
        db.CycleStewards.RemoveRange(await db.CycleStewards.Where(s => s.NetworkId == networkId && s.UserId == member.UserId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<bool> IsLastStewardAsync(Guid networkId, CancellationToken ct) =>
        await db.NetworkMembers.CountAsync(m => m.NetworkId == networkId && m.Role == NetworkRole.Steward, ct) <= 1;

    public async Task<Outcome<IReadOnlyList<InvitationView>>> InvitationsAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        var list = await db.Invitations.AsNoTracking().Where(i => i.NetworkId == networkId)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationView(i.Id, i.Email, i.Role, i.InvitedBy, i.CreatedAt, i.ExpiresAt, i.AcceptedAt != null, i.RevokedAt != null))
            .ToListAsync(ct);
        return list;
    }

    public async Task<Outcome<CreatedInvitation>> InviteAsync(Guid networkId, InvitationInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var email = input.Email.Trim();
        var normalized = email.ToUpperInvariant();
        var alreadyMember = await db.NetworkMembers.AnyAsync(m => m.NetworkId == networkId && m.User!.NormalizedEmail == normalized, ct);
        if (alreadyMember)
        {
            return Failure.Invalid("email", $"{email} is already a member of this network.");
        }
        var now = clock.GetUtcNow();
        var token = LinkTokens.New();
        var invitation = new Invitation
        {
            NetworkId = networkId,
            Email = email,
            Role = input.Role,
            TokenHash = LinkTokens.Hash(token),
            InvitedBy = currentUser.DisplayName,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new CreatedInvitation(invitation.Id, invitation.Email, invitation.Role, token, invitation.ExpiresAt);
    }

    public async Task<Outcome<bool>> RevokeInvitationAsync(Guid networkId, Guid invitationId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.NetworkId == networkId, ct);
        if (invitation is null)
        {
            return Failure.NotFound;
        }
        invitation.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public sealed record InvitationPreview(Guid NetworkId, string NetworkName, string Email, NetworkRole Role, string InvitedBy, bool IsOpen);

    public async Task<InvitationPreview?> PreviewInvitationAsync(string token, CancellationToken ct = default)
    {
        var hash = LinkTokens.Hash(token);
        var now = clock.GetUtcNow();
        var found = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Join(db.Networks, i => i.NetworkId, n => n.Id, (i, n) => new { i, n.Name })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new InvitationPreview(found.i.NetworkId, found.Name, found.i.Email, found.i.Role, found.i.InvitedBy, found.i.IsOpen(now));
    }

    /// <summary>The signed-in user accepts an invitation and joins the network with its role.</summary>
    public async Task<Outcome<Guid>> AcceptInvitationAsync(string token, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Failure.Forbidden;
        }
        var hash = LinkTokens.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var now = clock.GetUtcNow();
        if (invitation is null)
        {
            return Failure.NotFound;
        }
        if (!invitation.IsOpen(now))
        {
            return Failure.Invalid("token", "This invitation has expired, been used or been withdrawn. Ask a steward of the network for a new one.");
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        if (!string.Equals(email, invitation.Email.ToUpperInvariant(), StringComparison.Ordinal))
        {
            return Failure.Invalid("token", $"This invitation is for {invitation.Email}. Sign in with that email address to accept it, or ask a steward to invite the address you use.");
        }
        var existing = await db.NetworkMembers.FirstOrDefaultAsync(m => m.NetworkId == invitation.NetworkId && m.UserId == userId, ct);
        if (existing is null)
        {
            db.NetworkMembers.Add(new NetworkMember { NetworkId = invitation.NetworkId, UserId = userId, Role = invitation.Role, JoinedAt = now });
        }
        else if (existing.Role < invitation.Role)
        {
            existing.Role = invitation.Role;
        }
        invitation.AcceptedAt = now;
        invitation.AcceptedByUserId = userId;
        await db.SaveChangesAsync(ct);
        return invitation.NetworkId;
    }

    // ----- scales -----

    public async Task<Outcome<IReadOnlyList<ScaleView>>> ScalesAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var scales = await db.Scales.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Position)
            .Select(s => new ScaleView(s.Id, s.Name, s.Kind, s.Position, db.Cycles.Count(c => c.ScaleId == s.Id), s.Version))
            .ToListAsync(ct);
        return scales;
    }

    /// <summary>Adds a scale at the top (largest); reorder afterwards to place it elsewhere.</summary>
    public async Task<Outcome<ScaleView>> AddScaleAsync(Guid networkId, ScaleInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var names = await db.Scales.Where(s => s.NetworkId == networkId).Select(s => new { s.Name, s.Position }).ToListAsync(ct);
        var name = input.Name.Trim();
        if (names.Any(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Failure.Invalid("name", $"There is already a scale called \"{name}\".");
        }
        var scale = new Scale { NetworkId = networkId, Name = name, Kind = ScaleKind.Custom, Position = names.Count == 0 ? 0 : names.Max(n => n.Position) + 1 };
        db.Scales.Add(scale);
        await db.SaveChangesAsync(ct);
        return new ScaleView(scale.Id, scale.Name, scale.Kind, scale.Position, 0, scale.Version);
    }

    public async Task<Outcome<ScaleView>> RenameScaleAsync(Guid networkId, Guid scaleId, ScaleInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var scale = await db.Scales.FirstOrDefaultAsync(s => s.Id == scaleId && s.NetworkId == networkId, ct);
        if (scale is null)
        {
            return Failure.NotFound;
        }
        var name = input.Name.Trim();
        var others = await db.Scales.Where(s => s.NetworkId == networkId && s.Id != scaleId).Select(s => s.Name).ToListAsync(ct);
        if (others.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Failure.Invalid("name", $"There is already a scale called \"{name}\".");
        }
        if (Concurrency.IsStale(db, scale, input.Version))
        {
            return Failure.Conflict;
        }
        scale.Name = name;
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return new ScaleView(scale.Id, scale.Name, scale.Kind, scale.Position, await db.Cycles.CountAsync(c => c.ScaleId == scale.Id, ct), scale.Version);
    }

    /// <summary>Removes a scale, but only when no cycle (archived or not) sits at it.</summary>
    public async Task<Outcome<bool>> RemoveScaleAsync(Guid networkId, Guid scaleId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        var scale = await db.Scales.FirstOrDefaultAsync(s => s.Id == scaleId && s.NetworkId == networkId, ct);
        if (scale is null)
        {
            return Failure.NotFound;
        }
        var cycles = await db.Cycles.CountAsync(c => c.ScaleId == scaleId, ct);
        if (cycles > 0)
        {
            return Failure.Invalid("scale", $"\"{scale.Name}\" still has {cycles} cycle{(cycles == 1 ? "" : "s")} (archived ones included). Move or remove them before removing the scale.");
        }
        db.Scales.Remove(scale);
        var rest = await db.Scales.Where(s => s.NetworkId == networkId && s.Id != scaleId).OrderBy(s => s.Position).ToListAsync(ct);
        ScaleOrdering.Renumber(rest);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Sets the order of all scales, smallest first.</summary>
    public async Task<Outcome<IReadOnlyList<ScaleView>>> ReorderScalesAsync(Guid networkId, ScaleOrderInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        var scales = await db.Scales.Where(s => s.NetworkId == networkId).ToListAsync(ct);
        if (ScaleOrdering.Apply(scales, input.ScaleIds) is { } error)
        {
            return Failure.Invalid("scaleIds", error);
        }
        await db.SaveChangesAsync(ct);
        return await ScalesAsync(networkId, ct);
    }

    /// <summary>Moves one scale a step smaller (-1) or larger (+1).</summary>
    public async Task<Outcome<IReadOnlyList<ScaleView>>> MoveScaleAsync(Guid networkId, Guid scaleId, int step, CancellationToken ct = default)
    {
        var ordered = await db.Scales.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync(ct);
        var index = ordered.IndexOf(scaleId);
        var target = index + Math.Sign(step);
        if (index >= 0 && target >= 0 && target < ordered.Count)
        {
            (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        }
        return await ReorderScalesAsync(networkId, new ScaleOrderInput { ScaleIds = ordered }, ct);
    }
}

/// <summary>Rules for ordering a network's scales.</summary>
public static class ScaleOrdering
{
    /// <summary>Applies a new order given as every scale id, smallest first. Returns an error message if the list is not a permutation.</summary>
    public static string? Apply(IReadOnlyList<Scale> scales, IReadOnlyList<Guid> order)
    {
        if (order.Count != scales.Count || order.Distinct().Count() != order.Count || !order.All(id => scales.Any(s => s.Id == id)))
        {
            return "Give every scale of the network exactly once, smallest scale first.";
        }
        var positions = order.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        foreach (var scale in scales)
        {
            scale.Position = positions[scale.Id];
        }
        return null;
    }

    public static void Renumber(IReadOnlyList<Scale> orderedScales)
    {
        for (var i = 0; i < orderedScales.Count; i++)
        {
            orderedScales[i].Position = i;
        }
    }
}
