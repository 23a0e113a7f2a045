using System.Text.Json;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>One stored alarm, as shown and as returned by the API.</summary>
public sealed record AlarmView(Guid Id, Guid CycleId, string Rule, string Title, string Key, string Why, string How, string ActHref, string ActLabel,
    IReadOnlyDictionary<string, string> Facts, DateTimeOffset Since, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ResolvedAt,
    DateTimeOffset? DismissedAt, string? DismissedByName, string? DismissReason, int Version)
{
    /// <summary>Open (needs a look), Dismissed (set aside with a reason while the situation lasts) or Resolved (the situation has gone).</summary>
    public string State => ResolvedAt is not null ? "Resolved" : DismissedAt is not null ? "Dismissed" : "Open";
}

/// <summary>A cycle's alarms: open ones first, then those dismissed while their situation lasts, then the latest resolved.</summary>
public sealed record CycleAlarmsView(Guid CycleId, string CycleName, Guid NetworkId, string NetworkName, bool CanDismiss,
    IReadOnlyList<AlarmView> Open, IReadOnlyList<AlarmView> Dismissed, IReadOnlyList<AlarmView> Resolved);

public sealed record AlarmDigestCycle(Guid NetworkId, string NetworkName, Guid CycleId, string CycleName, IReadOnlyList<AlarmView> Open);

/// <summary>A steward's digest: the open alarms of every cycle they steward, and of every cycle in networks they steward.</summary>
public sealed record AlarmDigestView(IReadOnlyList<AlarmDigestCycle> Cycles)
{
    public int Count => Cycles.Sum(c => c.Open.Count);
}

/// <summary>Governance alarms: reading them (anyone who can see the cycle), dismissing them with a reason and checking now (the
/// cycle's stewards and the network's stewards), the network's thresholds (read by all, changed by network stewards), and a
/// steward's digest.</summary>
public sealed class AlarmCommands(AppDbContext db, MapScope scope, NetworkAccess access, AlarmEvaluation evaluation, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>How many resolved alarms a cycle's page lists (the latest).</summary>
    public const int ResolvedShown = 50;

    public async Task<Outcome<CycleAlarmsView>> ForCycleAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var unresolved = await Views(db.Alarms.Where(a => a.CycleId == cycleId && a.ResolvedAt == null).OrderBy(a => a.FirstSeenAt), ct);
        var resolved = await Views(db.Alarms.Where(a => a.CycleId == cycleId && a.ResolvedAt != null).OrderByDescending(a => a.ResolvedAt).Take(ResolvedShown), ct);
        return new CycleAlarmsView(cycle.CycleId, cycle.CycleName, cycle.NetworkId, cycle.NetworkName, await CanStewardAsync(cycle, ct),
            [.. unresolved.Where(a => a.DismissedAt is null)], [.. unresolved.Where(a => a.DismissedAt is not null)], resolved);
    }

    /// <summary>Sets an open alarm aside with a reason, kept with it and in history. It stays dismissed while its situation lasts;
    /// if the situation ends and comes back, a new alarm fires.</summary>
    public async Task<Outcome<AlarmView>> DismissAsync(Guid cycleId, Guid alarmId, AlarmDismissInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == alarmId && a.CycleId == cycleId, ct);
        if (alarm is null)
        {
            return Failure.NotFound;
        }
        if (!await CanStewardAsync(cycle, ct))
        {
            return StewardsOnly;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (alarm.ResolvedAt is not null || alarm.DismissedAt is not null)
        {
            return new Failure(OutcomeStatus.Conflict, Message: alarm.ResolvedAt is not null
                ? "This alarm has already been resolved: the situation behind it has gone."
                : "This alarm has already been dismissed.");
        }
        if (Concurrency.Check(db, alarm, input.Version) is { } stale)
        {
            return stale;
        }
        alarm.DismissedAt = clock.GetUtcNow();
        alarm.DismissedByUserId = currentUser.UserId;
        alarm.DismissedByName = currentUser.DisplayName;
        alarm.DismissReason = input.Reason!.Trim();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await Views(db.Alarms.Where(a => a.Id == alarmId), ct))[0];
    }

    /// <summary>Evaluates the alarms of the cycle's network now, then returns the cycle's alarms.</summary>
    public async Task<Outcome<CycleAlarmsView>> EvaluateAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (!await CanStewardAsync(cycle, ct))
        {
            return StewardsOnly;
        }
        await evaluation.EvaluateNetworkAsync(cycle.NetworkId, ct);
        return await ForCycleAsync(cycleId, ct);
    }

    public async Task<Outcome<AlarmSettingsView>> SettingsAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var name = await db.Networks.AsNoTracking().Where(n => n.Id == networkId).Select(n => n.Name).FirstAsync(ct);
        var row = await db.AlarmSettings.AsNoTracking().FirstOrDefaultAsync(s => s.NetworkId == networkId, ct);
        var canEdit = await access.RoleAsync(networkId, ct) == NetworkRole.Steward;
        return row is null
            ? new AlarmSettingsView(networkId, name, AlarmThresholds.Default, IsDefault: true, canEdit, Version: 0)
            : new AlarmSettingsView(networkId, name, row.Thresholds, row.Thresholds == AlarmThresholds.Default, canEdit, row.Version);
    }

    /// <summary>Changes the network's thresholds (network stewards; send the version read, 0 while the defaults apply), then
    /// evaluates the network at once so the alarms follow the new thresholds.</summary>
    public async Task<Outcome<AlarmSettingsView>> UpdateSettingsAsync(Guid networkId, AlarmSettingsInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (input.Version is null)
        {
            return Failure.Invalid("version", "Send the version you last read (0 while the defaults apply), so that nobody's change is overwritten.");
        }
        var row = await db.AlarmSettings.FirstOrDefaultAsync(s => s.NetworkId == networkId, ct);
        if (row is null)
        {
            if (input.Version != 0)
            {
                return Failure.Conflict;
            }
            row = new AlarmSettings { NetworkId = networkId };
            db.AlarmSettings.Add(row);
        }
        else if (Concurrency.IsStale(db, row, input.Version))
        {
            return Failure.Conflict;
        }
        row.QuietDays = input.QuietDays!.Value;
        row.PlayingSafeMonths = input.PlayingSafeMonths!.Value;
        row.VoiceSessions = input.VoiceSessions!.Value;
        row.RouteWaitDays = input.RouteWaitDays!.Value;
        row.BoundaryReviewMonths = input.BoundaryReviewMonths!.Value;
        row.RestingDays = input.RestingDays!.Value;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException e) when (AlarmEvaluation.IsUniqueViolation(e))
        {
            return Failure.Conflict;
        }
        await evaluation.EvaluateNetworkAsync(networkId, ct);
        return await SettingsAsync(networkId, ct);
    }

    /// <summary>The signed-in user's digest: open (not dismissed) alarms of the live cycles they steward, and of every live cycle
    /// in the networks where they are a steward.</summary>
    public async Task<AlarmDigestView> DigestAsync(CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return new AlarmDigestView([]);
        }
        var memberships = await db.NetworkMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => new { m.NetworkId, m.Role }).ToListAsync(ct);
        var stewardNetworks = memberships.Where(m => m.Role == NetworkRole.Steward).Select(m => m.NetworkId).ToList();
        var memberNetworks = memberships.Where(m => m.Role == NetworkRole.Member).Select(m => m.NetworkId).ToList();
        var stewardedCycles = await db.CycleStewards.AsNoTracking().Where(s => s.UserId == userId && memberNetworks.Contains(s.NetworkId)).Select(s => s.CycleId).ToListAsync(ct);
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.ArchivedAt == null && (stewardNetworks.Contains(c.NetworkId) || stewardedCycles.Contains(c.Id)))
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.Id, c.Name, c.NetworkId, NetworkName = n.Name })
            .ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var alarms = (await Views(db.Alarms.Where(a => ids.Contains(a.CycleId) && a.ResolvedAt == null && a.DismissedAt == null).OrderBy(a => a.FirstSeenAt), ct))
            .ToLookup(a => a.CycleId);
        return new AlarmDigestView([.. cycles.Where(c => alarms[c.Id].Any())
            .OrderBy(c => c.NetworkName, StringComparer.CurrentCulture).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => new AlarmDigestCycle(c.NetworkId, c.NetworkName, c.Id, c.Name, [.. alarms[c.Id]]))]);
    }

    private static Failure StewardsOnly { get; } = new(OutcomeStatus.Forbidden,
        Message: "Only the cycle's stewards and the network's stewards can dismiss its alarms or check them now.");

    private async Task<bool> CanStewardAsync(CycleScope cycle, CancellationToken ct)
    {
        if (cycle.Role == NetworkRole.Steward)
        {
            return true;
        }
        var userId = access.UserId;
        return cycle.Role == NetworkRole.Member && userId is not null
            && await db.CycleStewards.AnyAsync(s => s.CycleId == cycle.CycleId && s.UserId == userId, ct);
    }

    private static async Task<List<AlarmView>> Views(IQueryable<Alarm> query, CancellationToken ct) =>
        [.. (await query.AsNoTracking().ToListAsync(ct)).Select(a => new AlarmView(a.Id, a.CycleId, a.Rule, AlarmRuleKeys.Title(a.Rule), a.Key, a.Why, a.How,
            a.ActHref, a.ActLabel, JsonSerializer.Deserialize<Dictionary<string, string>>(a.Facts) ?? [], a.Since, a.FirstSeenAt, a.LastSeenAt, a.ResolvedAt,
            a.DismissedAt, a.DismissedByName, a.DismissReason, a.Version))];
}
