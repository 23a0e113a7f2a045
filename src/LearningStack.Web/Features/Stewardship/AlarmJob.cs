using System.Text.Json;
using LearningStack.Web.Data;
using LearningStack.Web.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>What one evaluation of a network did.</summary>
public sealed record AlarmRun(Guid NetworkId, int Fired, int Opened, int StillOpen, int Resolved, DateTimeOffset At);

/// <summary>Evaluates the alarm rules for a network and brings its stored alarms in line: new situations are inserted, situations
/// still present have their "last seen" moved on, and open alarms whose situation has gone are resolved. Idempotent (running it
/// twice in a row changes nothing but "last seen"), and safe with several app instances at once: the unique index on open
/// situations lets only one insert win, and the loser treats the situation as already stored.</summary>
public sealed class AlarmEvaluation(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AlarmEvaluation> logger)
{
    public const string SystemName = "governance alarms";

    public async Task<AlarmRun> EvaluateNetworkAsync(Guid networkId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(SystemName);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var facts = await AlarmFactsQuery.LoadAsync(db, networkId, ct);
        var settings = await db.AlarmSettings.AsNoTracking().FirstOrDefaultAsync(s => s.NetworkId == networkId, ct);
        var fired = AlarmRules.Evaluate(facts, settings?.Thresholds ?? AlarmThresholds.Default, now, today)
            .DistinctBy(a => (a.CycleId, a.Rule, a.Key)).ToList();

        var open = await db.Alarms.AsNoTracking().Where(a => a.NetworkId == networkId && a.ResolvedAt == null)
            .Select(a => new { a.Id, a.CycleId, a.Rule, a.Key }).ToListAsync(ct);
        var openBySituation = open.ToDictionary(a => (a.CycleId, a.Rule, a.Key), a => a.Id);
        var firing = fired.Select(a => (a.CycleId, a.Rule, a.Key)).ToHashSet();

        var seen = open.Where(a => firing.Contains((a.CycleId, a.Rule, a.Key))).Select(a => a.Id).ToList();
        if (seen.Count > 0)
        {
            await db.Alarms.Where(a => seen.Contains(a.Id) && a.ResolvedAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.LastSeenAt, now), ct);
        }
        var gone = open.Where(a => !firing.Contains((a.CycleId, a.Rule, a.Key))).Select(a => a.Id).ToList();
        var resolved = gone.Count == 0 ? 0
            : await db.Alarms.Where(a => gone.Contains(a.Id) && a.ResolvedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ResolvedAt, now).SetProperty(a => a.LastSeenAt, now), ct);

        var fresh = fired.Where(a => !openBySituation.ContainsKey((a.CycleId, a.Rule, a.Key))).Select(a => ToAlarm(networkId, a, now)).ToList();
        var opened = await InsertAsync(db, fresh, ct);
        if (opened > 0 || resolved > 0)
        {
            logger.LogInformation("Alarms in network {NetworkId}: {Opened} new, {Resolved} resolved", networkId, opened, resolved);
        }
        return new AlarmRun(networkId, fired.Count, opened, seen.Count, resolved, now);
    }

    /// <summary>Every network, one after the other; a failure in one is logged and does not stop the others.</summary>
    public async Task<int> EvaluateAllAsync(CancellationToken ct = default)
    {
        List<Guid> networks;
        await using (var scope = scopes.CreateAsyncScope())
        {
            networks = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Networks.AsNoTracking().Select(n => n.Id).ToListAsync(ct);
        }
        var done = 0;
        foreach (var networkId in networks)
        {
            try
            {
                await EvaluateNetworkAsync(networkId, ct);
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Evaluating the alarms of network {NetworkId} failed", networkId);
            }
        }
        return done;
    }

    /// <summary>Inserts the new alarms together; if another instance inserted one of the same open situations meanwhile, inserts them
    /// one by one and skips those already there. Returns how many this call inserted.</summary>
    private static async Task<int> InsertAsync(AppDbContext db, List<Alarm> fresh, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return 0;
        }
        db.Alarms.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
        }
        var inserted = 0;
        foreach (var alarm in fresh)
        {
            db.Alarms.Add(alarm);
            try
            {
                await db.SaveChangesAsync(ct);
                inserted++;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // Another instance stored this situation first.
            }
            db.ChangeTracker.Clear();
        }
        return inserted;
    }

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static Alarm ToAlarm(Guid networkId, FiredAlarm a, DateTimeOffset now) => new()
    {
        NetworkId = networkId, CycleId = a.CycleId, Rule = a.Rule, Key = a.Key, Why = a.Why, How = a.How, ActHref = a.ActHref, ActLabel = a.ActLabel,
        Facts = JsonSerializer.Serialize(a.Facts), Since = a.Since, FirstSeenAt = now, LastSeenAt = now,
    };
}

/// <summary>Evaluates every network's alarms at start-up and then every <see cref="AlarmOptions.EvaluateEvery"/> (15 minutes
/// unless configured as Alarms:EvaluateEvery). Several instances may run it at once (see <see cref="AlarmEvaluation"/>).</summary>
public sealed class AlarmJob(AlarmEvaluation evaluation, IOptions<AlarmOptions> options, TimeProvider clock, ILogger<AlarmJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.EvaluateEvery > TimeSpan.Zero ? options.Value.EvaluateEvery : TimeSpan.FromMinutes(15);
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await evaluation.EvaluateAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Evaluating the governance alarms failed; the job will try again at its next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
