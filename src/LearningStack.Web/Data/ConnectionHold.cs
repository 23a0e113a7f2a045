using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LearningStack.Web.Data;

/// <summary>One connection for a piece of work made of several queries, instead of one per query. EF Core opens and closes the
/// connection around every query it runs; each open of a pooled connection costs something: on PostgreSQL the reset of the
/// session (<c>DISCARD ALL</c>) sent ahead of the first command, on SQLite the pragmas <see cref="SqlitePragmas"/> applies.
/// Holding it open for, say, a Patterns section's three queries pays that once.</summary>
public static class ConnectionHold
{
    /// <summary>Opens the context's connection and closes it again when disposed; does nothing when it is already open (an outer
    /// hold, a transaction), so holds can nest.</summary>
    public static async Task<IAsyncDisposable> HoldConnectionAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        if (database.GetDbConnection().State == ConnectionState.Open)
        {
            return Nothing.Instance;
        }
        await database.OpenConnectionAsync(ct);
        return new Release(database);
    }

    private sealed class Release(DatabaseFacade database) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(database.CloseConnectionAsync());
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
