using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Data;

/// <summary>Each provider keeps its own migrations; a model change without a migration for both fails here.
/// Uses the design-time factories that `dotnet ef migrations add` uses, so no database is needed.</summary>
public sealed class PendingModelChangesTests
{
    [Fact]
    public void SqliteAppDbContext_ComparedWithItsMigrations_HasNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes with no SQLite migration. Run: dotnet ef migrations add NAME --project src/LearningStack.Web --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void PostgresAppDbContext_ComparedWithItsMigrations_HasNoPendingModelChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes with no PostgreSQL migration. Run: dotnet ef migrations add NAME --project src/LearningStack.Web --context PostgresAppDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Migrations_EachProvider_HasItsOwnSet()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }
}
