using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningStack.Web.Platform;

/// <summary>An entity whose every create, update and delete is kept in <see cref="HistoryEntry"/>.</summary>
public interface IHistoried
{
    Guid Id { get; }

    /// <summary>The network the record belongs to, so history can be scoped by access.</summary>
    Guid HistoryNetworkId { get; }

    /// <summary>The cycle whose history page shows this change, if any.</summary>
    Guid? HistoryCycleId { get; }

    /// <summary>A second cycle whose history also shows this change (the other end of a link).</summary>
    Guid? HistoryRelatedCycleId => null;
}

/// <summary>An entity protected against lost updates by an app-managed version number.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

public sealed class HistoryEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid? CycleId { get; set; }
    public Guid? RelatedCycleId { get; set; }
    public required string EntityType { get; set; }
    public Guid EntityId { get; set; }
    public required string Action { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>Writes a <see cref="HistoryEntry"/> (who, when, before/after) for every change to an <see cref="IHistoried"/> entity,
/// and bumps the version of every modified <see cref="IVersioned"/> entity.</summary>
public sealed class HistoryInterceptor(CurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Converters = { new JsonStringEnumConverter() } };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
            {
                versioned.Version++;
            }
            if (entry.Entity is not IHistoried historied)
            {
                continue;
            }
            var (action, before, after) = entry.State switch
            {
                EntityState.Added => ("Created", null, Snapshot(entry, original: false)),
                EntityState.Deleted => ("Deleted", Snapshot(entry, original: true), null),
                _ => ("Updated", Snapshot(entry, original: true), Snapshot(entry, original: false)),
            };
            if (action == "Updated" && before == after)
            {
                continue;
            }
            context.Add(new HistoryEntry
            {
                NetworkId = historied.HistoryNetworkId,
                CycleId = historied.HistoryCycleId,
                RelatedCycleId = historied.HistoryRelatedCycleId,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = historied.Id,
                Action = action,
                UserId = currentUser.UserId,
                UserName = currentUser.DisplayName,
                At = now,
                Before = before,
                After = after,
            });
        }
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.Name is nameof(IVersioned.Version))
            {
                continue;
            }
            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }
        return JsonSerializer.Serialize(values, Json);
    }
}
