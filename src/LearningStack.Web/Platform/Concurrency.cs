using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Platform;

/// <summary>Optimistic concurrency with app-managed versions: the client sends the version it saw; a stale one is a conflict, never an overwrite.</summary>
public static class Concurrency
{
    /// <summary>True if the client saw an older version. Also makes the save itself check the version the client saw.</summary>
    public static bool IsStale<T>(DbContext db, T entity, int? seenVersion) where T : class, IVersioned
    {
        if (seenVersion is not { } seen)
        {
            return false;
        }
        db.Entry(entity).Property(e => e.Version).OriginalValue = seen;
        return entity.Version != seen;
    }

    /// <summary>For records people edit as a whole (a cycle, a network, a link): the version is required, and a stale one is a conflict.</summary>
    public static Failure? Check<T>(DbContext db, T entity, int? seenVersion) where T : class, IVersioned =>
        seenVersion is null
            ? Failure.Invalid("version", "Send the version you last read (it comes with every GET), so that nobody's change is overwritten.")
            : IsStale(db, entity, seenVersion) ? Failure.Conflict : null;

    public static async Task<Failure?> TrySaveAsync(DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict;
        }
    }
}
