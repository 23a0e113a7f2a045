using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningStack.Tests.Infrastructure;

/// <summary>The app in memory on its own, empty database (demo seed off, environment "Testing").
/// One instance is shared by the tests of one class (<c>IClassFixture</c>); every test makes its own network, so tests
/// do not depend on each other. Subclasses choose the database.</summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every account the tests create (the real 210,000-iteration hasher is kept: ~0.1 s per sign-in).</summary>
    public const string Password = "Test-password-2026!";

    private readonly SemaphoreSlim _castLock = new(1, 1);
    private readonly SemaphoreSlim _worldLock = new(1, 1);
    private Cast? _cast;
    private World? _world;
    private bool _cleanedUp;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Counts the SQL commands the app sends (for the no-N+1 tests).</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Whether the demo networks are seeded at start-up.</summary>
    protected virtual bool DemoEnabled => false;

    /// <summary>Database settings for the app (provider, connection string or data folder).</summary>
    protected abstract IReadOnlyDictionary<string, string> DatabaseSettings();

    /// <summary>Registers the SQL command counter on the provider's DbContext.</summary>
    protected abstract void AddCommandCounter(IServiceCollection services);

    /// <summary>Creates the empty database (if the provider needs one) before the app starts.</summary>
    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;

    /// <summary>Removes the database and any files once the app has stopped.</summary>
    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Enabled", DemoEnabled ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in DatabaseSettings())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new ServerErrors()));
        builder.ConfigureTestServices(AddCommandCounter);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await CreateDatabaseAsync();
        _ = Services; // starts the app: migrations run now rather than inside the first test
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_cleanedUp)
        {
            _cleanedUp = true;
            await DeleteDatabaseAsync();
            _castLock.Dispose();
            _worldLock.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs code against the app's database in a fresh DI scope (as no signed-in user).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>Creates an account through Identity's UserManager and signs it in to the API with a bearer token.</summary>
    public async Task<TestUser> CreateUserAsync(string displayName)
    {
        var email = $"{new string([.. displayName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)])}-{Guid.NewGuid():N}@test.learningstack.org";
        string userId;
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            userId = user.Id;
        }
        return await SignInAsync(userId, email, Password, displayName);
    }

    /// <summary>An API client for an existing account, signed in with a bearer token from POST /api/auth/token.</summary>
    public async Task<TestUser> SignInAsync(string userId, string email, string password, string displayName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(email, password));
        return new TestUser(userId, email, displayName, client);
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>POST /api/auth/token and return the access token.</summary>
    public async Task<string> TokenAsync(string email, string password)
    {
        using var client = CreateClient();
        using var response = await client.PostJsonAsync("/api/auth/token", new { email, password });
        var token = await response.ReadAsync<TokenResponse>();
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        return token.AccessToken;
    }

    /// <summary>The four people most tests need, created once per factory: a steward, a member, an observer (each given
    /// that role in every network made with <see cref="NewNetworkAsync"/>) and an outsider who belongs to none.</summary>
    public async Task<Cast> CastAsync()
    {
        await _castLock.WaitAsync();
        try
        {
            return _cast ??= new Cast(
                await CreateUserAsync("Stella Steward"),
                await CreateUserAsync("Mo Member"),
                await CreateUserAsync("Olu Observer"),
                await CreateUserAsync("Otto Outsider"));
        }
        finally
        {
            _castLock.Release();
        }
    }

    /// <summary>The shared, populated network for tests that only read or are refused (built once per factory).</summary>
    public async Task<World> WorldAsync()
    {
        await _worldLock.WaitAsync();
        try
        {
            return _world ??= await World.BuildAsync(this);
        }
        finally
        {
            _worldLock.Release();
        }
    }

    /// <summary>A fresh network created through the API by the cast's steward, with the member and observer added.</summary>
    public async Task<TestNetwork> NewNetworkAsync(string name = "Test network")
    {
        var cast = await CastAsync();
        var network = await cast.Steward.CreateNetworkAsync(name);
        await AddMemberAsync(network.Id, cast.Member, NetworkRole.Member);
        await AddMemberAsync(network.Id, cast.Observer, NetworkRole.Observer);
        var scales = await cast.Steward.GetAsync<List<ScaleView>>($"/api/networks/{network.Id}/scales");
        return new TestNetwork(network.Id, cast, scales);
    }

    /// <summary>Gives a user a role in a network directly in the database (quicker than an invitation round trip).</summary>
    public Task AddMemberAsync(Guid networkId, TestUser user, NetworkRole role) => WithDbAsync(async db =>
    {
        db.NetworkMembers.Add(new NetworkMember { NetworkId = networkId, UserId = user.Id, Role = role, JoinedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    });

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string? RefreshToken);
}

/// <summary>The app on SQLite: a database file in a fresh temporary data folder (LEARNINGSTACK_DATA).</summary>
public class SqliteAppFactory : AppFactory
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("learningstack-tests-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string> DatabaseSettings() => new Dictionary<string, string>
    {
        ["Database:Provider"] = "Sqlite",
        ["LEARNINGSTACK_DATA"] = DataFolder,
    };

    protected override void AddCommandCounter(IServiceCollection services) =>
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(SqlCommands));

    protected override Task DeleteDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system is left for the OS to clean up with the rest of /tmp.
        }
        return Task.CompletedTask;
    }
}

/// <summary>The app on PostgreSQL: a uniquely named database, created before the app starts and dropped afterwards, on the
/// server named by the LEARNINGSTACK_TEST_POSTGRES environment variable (scripts/test.sh starts one and sets it).</summary>
public class PostgresAppFactory : AppFactory
{
    public const string ServerVariable = "LEARNINGSTACK_TEST_POSTGRES";

    private readonly string _databaseName = $"learningstack_test_{Guid.NewGuid():N}";

    /// <summary>Local files (uploaded media) go to a temporary folder, removed with the database.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("learningstack-tests-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = _databaseName }.ConnectionString;

    /// <summary>The test server's connection string. Missing is an error, not a reason to skip: every database test runs on both providers.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The environment variable {ServerVariable} is not set, so the PostgreSQL tests cannot run. " +
                "Run the tests with `bash scripts/test.sh`, which starts a throwaway PostgreSQL and sets it, or set it yourself, " +
                "e.g. export LEARNINGSTACK_TEST_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres'.");

    protected override IReadOnlyDictionary<string, string> DatabaseSettings() => new Dictionary<string, string>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = ConnectionString,
        ["LEARNINGSTACK_DATA"] = DataFolder,
    };

    protected override void AddCommandCounter(IServiceCollection services) =>
        services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(SqlCommands));

    protected override async Task CreateDatabaseAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{_databaseName}\"";
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DeleteDatabaseAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the rest of /tmp.
        }
    }

    private static string AdminConnectionString() =>
        new Npgsql.NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres", Pooling = false }.ConnectionString;
}

/// <summary>Demo mode on: the demo networks and accounts are seeded at start-up.</summary>
public sealed class DemoSqliteAppFactory : SqliteAppFactory
{
    protected override bool DemoEnabled => true;
}

/// <summary>Demo mode on, on PostgreSQL.</summary>
public sealed class DemoPostgresAppFactory : PostgresAppFactory
{
    protected override bool DemoEnabled => true;
}
