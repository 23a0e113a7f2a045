using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Raising a concern with a cycle's governance body, in confidence, and the body's response. Anyone in the network (observers
/// too) may raise one, named or anonymous. Only the body's members with accounts read concerns and respond; a named sender reads
/// their own and the body's response. Everyone else, stewards included, is told a concern does not exist (404).
/// For an anonymous concern the sender's identity is never written: not on the concern, not in history (concerns are not
/// <see cref="IHistoried"/>), not in the throttle's memory beyond the hour it counts. See docs/adr/0015-governing-a-cycle.md.</summary>
public sealed class GovernanceConcernCommands(AppDbContext db, NetworkAccess network, CurrentUser user, TimeProvider clock, ConcernThrottle throttle)
{
    public const string NoBodyMessage = "This cycle has no governance body with members who can read a concern yet. Ask one of its stewards to set one up.";

    /// <summary>What the concern form needs; null when the cycle is not found or the caller is not in its network.</summary>
    public async Task<ConcernFormContext?> FormContextAsync(Guid cycleId, CancellationToken ct = default)
    {
        var cycle = await CycleAsync(cycleId, ct);
        if (cycle is null)
        {
            return null;
        }
        var bodyName = await db.GovernanceBodies.AsNoTracking().Where(b => b.CycleId == cycleId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        var readers = (await db.ReadersAsync(cycleId, ct)).Count;
        return new ConcernFormContext(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, bodyName, GovernanceRules.CanRaiseConcern(bodyName is not null, readers));
    }

    /// <summary>Raises a concern. Anonymous: no sender is kept, the id is random and only the day is recorded.</summary>
    public async Task<Outcome<ConcernReceipt>> RaiseAsync(Guid cycleId, ConcernInput input, CancellationToken ct = default)
    {
        var cycle = await CycleAsync(cycleId, ct);
        if (cycle is null || user.UserId is not { } userId)
        {
            return Failure.NotFound;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var bodyName = await db.GovernanceBodies.AsNoTracking().Where(b => b.CycleId == cycleId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (!GovernanceRules.CanRaiseConcern(bodyName is not null, (await db.ReadersAsync(cycleId, ct)).Count))
        {
            return Failure.Invalid("body", NoBodyMessage);
        }
        if (!throttle.TryTake(userId))
        {
            return Failure.Invalid("text", $"You have raised {throttle.Limit} concerns in the last hour, which is as many as we take from one person. " +
                "Please wait an hour, or add to a concern you have already raised when the body responds.");
        }
        var code = input.Anonymous ? ConcernFollowUp.NewCode() : null;
        var concern = new GovernanceConcern
        {
            NetworkId = cycle.NetworkId, CycleId = cycleId, Anonymous = input.Anonymous, Text = input.Text!.Trim(),
            RaisedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            SenderId = input.Anonymous ? null : userId,
            SenderName = input.Anonymous ? null : user.DisplayName,
            FollowUpHash = ConcernFollowUp.Hash(code),
        };
        db.GovernanceConcerns.Add(concern);
        await db.SaveChangesAsync(ct);
        return new ConcernReceipt(input.Anonymous ? null : concern.Id, concern.Anonymous, concern.RaisedOn, bodyName!, code);
    }

    /// <summary>An anonymous concern read with its follow-up code, by anyone signed in who holds it. Nothing about who asked is
    /// kept; a code that matches nothing gets the same answer as a mistyped one.</summary>
    public async Task<Outcome<ConcernFollowUpView>> FollowUpAsync(ConcernFollowUpInput input, CancellationToken ct = default)
    {
        if (user.UserId is null)
        {
            return Failure.NotFound;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var hash = ConcernFollowUp.Hash(input.Code);
        var found = hash is null ? null : await db.GovernanceConcerns.AsNoTracking().Where(c => c.FollowUpHash == hash)
            .Join(db.Cycles, c => c.CycleId, y => y.Id, (c, y) => new
            {
                Concern = c, CycleName = y.Name,
                NetworkName = db.Networks.Where(n => n.Id == c.NetworkId).Select(n => n.Name).First(),
                BodyName = db.GovernanceBodies.Where(b => b.CycleId == c.CycleId).Select(b => b.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Failure.Invalid("code", "No concern has this code. Check it letter by letter: it has 20 letters and digits, and capitals do not matter.");
        }
        var responses = await db.GovernanceConcernResponses.AsNoTracking().Where(r => r.ConcernId == found.Concern.Id).ToListAsync(ct);
        return new ConcernFollowUpView(found.NetworkName, found.CycleName, found.BodyName ?? "governance body", found.Concern.RaisedOn, found.Concern.Text,
            found.Concern.Status, [.. responses.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).Select(x => new ConcernResponseView(x.Id, x.Status, x.Text, x.ResponderName, x.At))]);
    }

    /// <summary>Every concern about the cycle, newest first; only for the body's members (everyone else: 404).</summary>
    public async Task<Outcome<ConcernList>> ListAsync(Guid cycleId, CancellationToken ct = default)
    {
        var cycle = await CycleAsync(cycleId, ct);
        if (cycle is null || !await db.IsGovernanceMemberAsync(cycleId, user.UserId, ct))
        {
            return Failure.NotFound;
        }
        var bodyName = await db.GovernanceBodies.AsNoTracking().Where(b => b.CycleId == cycleId).Select(b => b.Name).FirstAsync(ct);
        var concerns = await ViewsAsync(db.GovernanceConcerns.Where(c => c.CycleId == cycleId), canRespond: true, ct);
        return new ConcernList(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, bodyName, concerns);
    }

    /// <summary>One concern, for the body's members and its named sender; 404 for everyone else.</summary>
    public async Task<Outcome<ConcernView>> GetAsync(Guid concernId, CancellationToken ct = default)
    {
        var (concern, isBodyMember) = await ReadableAsync(concernId, ct);
        if (concern is null)
        {
            return Failure.NotFound;
        }
        return (await ViewsAsync(db.GovernanceConcerns.Where(c => c.Id == concernId), isBodyMember, ct))[0];
    }

    /// <summary>The body moves a concern on and says something about it; the concern's version is required (a stale one is 409).
    /// The sender, who can read the concern, gets 403; everyone else 404.</summary>
    public async Task<Outcome<ConcernView>> RespondAsync(Guid concernId, ConcernResponseInput input, CancellationToken ct = default)
    {
        var (found, isBodyMember) = await ReadableAsync(concernId, ct);
        if (found is null)
        {
            return Failure.NotFound;
        }
        if (!isBodyMember)
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "Only the governance body's members can respond to a concern.");
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var concern = await db.GovernanceConcerns.FirstAsync(c => c.Id == concernId, ct);
        if (Concurrency.Check(db, concern, input.Version) is { } stale)
        {
            return stale;
        }
        concern.Status = input.Status!.Value;
        db.GovernanceConcernResponses.Add(new GovernanceConcernResponse
        {
            ConcernId = concern.Id, NetworkId = concern.NetworkId, Status = concern.Status, Text = input.Text!.Trim(),
            ResponderId = user.UserId, ResponderName = user.DisplayName, At = clock.GetUtcNow(),
        });
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await ViewsAsync(db.GovernanceConcerns.Where(c => c.Id == concernId), canRespond: true, ct))[0];
    }

    /// <summary>The concerns the caller raised with their name, in every network, newest first, with the bodies' responses.
    /// Anonymous concerns cannot be among them: nothing links them to anyone.</summary>
    public async Task<IReadOnlyList<ConcernView>> MineAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } userId)
        {
            return [];
        }
        return await ViewsAsync(db.GovernanceConcerns.Where(c => c.SenderId == userId), canRespond: false, ct);
    }

    private sealed record CycleRow(Guid Id, Guid NetworkId, string Name, string NetworkName);

    /// <summary>The cycle when the caller is in its network (any role); null otherwise.</summary>
    private async Task<CycleRow?> CycleAsync(Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new CycleRow(c.Id, c.NetworkId, c.Name, n.Name))
            .FirstOrDefaultAsync(ct);
        return cycle is not null && await network.RoleAsync(cycle.NetworkId, ct) is not null ? cycle : null;
    }

    private async Task<(GovernanceConcern? Concern, bool IsBodyMember)> ReadableAsync(Guid concernId, CancellationToken ct)
    {
        var concern = await db.GovernanceConcerns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == concernId, ct);
        if (concern is null)
        {
            return (null, false);
        }
        var isBodyMember = await db.IsGovernanceMemberAsync(concern.CycleId, user.UserId, ct);
        return GovernanceRules.CanReadConcern(isBodyMember, concern.SenderId, user.UserId) ? (concern, isBodyMember) : (null, false);
    }

    private async Task<List<ConcernView>> ViewsAsync(IQueryable<GovernanceConcern> query, bool canRespond, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Join(db.Cycles, c => c.CycleId, y => y.Id, (c, y) => new { Concern = c, CycleName = y.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Concern.Id).ToList();
        var responses = (await db.GovernanceConcernResponses.AsNoTracking().Where(r => ids.Contains(r.ConcernId)).ToListAsync(ct))
            .ToLookup(r => r.ConcernId);
        var me = user.UserId;
        return [.. rows
            .OrderByDescending(r => r.Concern.RaisedOn).ThenBy(r => r.Concern.Status).ThenBy(r => r.Concern.Text, StringComparer.Ordinal)
            .Select(r => new ConcernView(r.Concern.Id, r.Concern.NetworkId, r.Concern.CycleId, r.CycleName, r.Concern.Anonymous,
                r.Concern.Anonymous ? null : r.Concern.SenderName, r.Concern.RaisedOn, r.Concern.Text, r.Concern.Status, r.Concern.Version,
                [.. responses[r.Concern.Id].OrderByDescending(x => x.At).ThenByDescending(x => x.Id)
                    .Select(x => new ConcernResponseView(x.Id, x.Status, x.Text, x.ResponderName, x.At))],
                canRespond, me is not null && r.Concern.SenderId == me))];
    }
}
