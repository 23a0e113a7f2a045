using LearningStack.Web.Data;
using LearningStack.Web.Platform;
using LearningStack.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Removes evidence deleted more than 30 days ago, with its file. Safe to run any number of times.</summary>
public sealed class EvidencePurge(IServiceScopeFactory scopes, IMediaStore store, ILogger<EvidencePurge> logger)
{
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("evidence purge");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = now - EvidenceCommands.RestoreWindow;
        var total = 0;
        while (true)
        {
            var batch = await db.Evidence.Where(e => e.DeletedAt != null && e.DeletedAt < before).OrderBy(e => e.DeletedAt).Take(100).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            db.Evidence.RemoveRange(batch);
            await db.SaveChangesAsync(ct);
            foreach (var name in batch.Select(e => e.StoredName).OfType<string>())
            {
                store.Delete(name);
            }
            total += batch.Count;
            db.ChangeTracker.Clear();
        }
        if (total > 0)
        {
            logger.LogInformation("Purged {Count} evidence entries deleted before {Before}", total, before);
        }
        return total;
    }
}

/// <summary>At start-up: sweeps temporary upload files a crash left behind. Then daily: purges long-deleted evidence and stale temporary files.</summary>
public sealed class EvidencePurgeService(EvidencePurge purge, IMediaStore store, TimeProvider clock, ILogger<EvidencePurgeService> logger) : BackgroundService
{
    /// <summary>A temporary upload untouched this long is not being written any more (a live upload writes continuously).</summary>
    private static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                var swept = store.SweepTemp(OrphanAge);
                if (swept > 0)
                {
                    logger.LogInformation("Removed {Count} unfinished uploads", swept);
                }
                await purge.PurgeAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The evidence purge failed; it will try again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
