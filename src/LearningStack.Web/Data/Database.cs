using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses and configures the database: an embedded SQLite file by default, PostgreSQL by configuration.</summary>
public static class Database
{
    /// <summary>The folder for the SQLite file and other local data: LEARNINGSTACK_DATA, else ./data.</summary>
    public static string DataFolder(IConfiguration configuration) =>
        Path.GetFullPath(configuration["LEARNINGSTACK_DATA"] is { Length: > 0 } folder ? folder : Path.Combine(Directory.GetCurrentDirectory(), "data"));

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        (configuration["Database:Provider"] ?? "").Trim().ToUpperInvariant() switch
        {
            "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"Database:Provider '{other}' is not known. Use 'Sqlite' or 'Postgres'."),
        };

    public static string SqliteConnectionString(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Sqlite") is { Length: > 0 } configured)
        {
            return configured;
        }
        var folder = DataFolder(configuration);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "learningstack.db"), Pooling = true }.ToString();
    }

    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty. Set ConnectionStrings__Postgres, e.g. 'Host=localhost;Database=learningstack;Username=learningstack;Password=…'.");

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<HistoryInterceptor>();
        switch (Provider(configuration))
        {
            case DatabaseProvider.Postgres:
                var pg = PostgresConnectionString(configuration);
                services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => ConfigurePostgres(o, pg).AddInterceptors(sp.GetRequiredService<HistoryInterceptor>()));
                break;
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(configuration);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => ConfigureSqlite(o, sqlite).AddInterceptors(sp.GetRequiredService<HistoryInterceptor>(), SqlitePragmas.Instance));
                break;
        }
        return services;
    }

    /// <summary>Work that keeps derived rows in step inside every save: the cycle tree's closure table, barriers following
    /// their issues.</summary>
    private static readonly SaveStepInterceptor[] SaveSteps =
        [new(Features.Patterns.CycleClosure.ApplyPendingAsync), new(Features.Stewardship.BarrierIssues.ApplyPendingAsync)];

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(SaveSteps)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString)
            .AddInterceptors(SaveSteps)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>Applies migrations for the configured provider; on SQLite also switches the file to WAL.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Sets SQLite durability and concurrency pragmas on every connection. secure_delete overwrites deleted content, so that
/// erasing a person's data leaves nothing readable in the database file.</summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
    }
}

/// <summary>Design-time factories used by `dotnet ef migrations add` for each provider.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(((DbContextOptionsBuilder<SqliteAppDbContext>)Database.ConfigureSqlite(new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=design-time.db")).Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(((DbContextOptionsBuilder<PostgresAppDbContext>)Database.ConfigurePostgres(new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost;Database=design_time")).Options);
}
