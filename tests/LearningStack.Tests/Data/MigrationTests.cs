using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Data;

/// <summary>The database the app builds for itself at start-up.</summary>
public abstract class MigrationTests(AppFactory app)
{
    [Fact]
    public async Task Startup_EmptyDatabase_AppliesEveryMigrationOfItsProvider()
    {
        var (applied, all, pending) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList(), (await db.Database.GetPendingMigrationsAsync()).ToList()));

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Startup_ConfiguredProvider_IsTheOneInUse()
    {
        var type = await app.WithDbAsync(db => Task.FromResult(db.GetType()));

        Assert.Equal(app.Provider == DatabaseProvider.Sqlite ? typeof(SqliteAppDbContext) : typeof(PostgresAppDbContext), type);
    }
}

public sealed class MigrationSqliteTests(SqliteAppFactory app) : MigrationTests(app), IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Startup_Sqlite_DatabaseFileInDataFolderInWalMode()
    {
        var mode = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                return (string?)await command.ExecuteScalarAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal("wal", mode);
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "learningstack.db")));
    }
}

public sealed class MigrationPostgresTests(PostgresAppFactory app) : MigrationTests(app), IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task Startup_Postgres_UsesItsOwnFreshDatabase()
    {
        var name = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").SingleAsync());

        Assert.StartsWith("learningstack_test_", name, StringComparison.Ordinal);
        Assert.Contains(name, app.ConnectionString, StringComparison.Ordinal);
    }
}
