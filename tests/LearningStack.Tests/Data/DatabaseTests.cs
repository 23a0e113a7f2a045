using LearningStack.Web.Data;
using Microsoft.Extensions.Configuration;

namespace LearningStack.Tests.Data;

/// <summary>Choosing and configuring the database from settings.</summary>
public sealed class DatabaseConfigurationTests
{
    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    [InlineData(" SQLITE ")]
    public void Provider_SqliteOrUnset_IsSqlite(string? value)
    {
        Assert.Equal(DatabaseProvider.Sqlite, Database.Provider(Settings(("Database:Provider", value))));
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    [InlineData("Npgsql")]
    [InlineData(" postgres ")]
    public void Provider_PostgresSpellings_IsPostgres(string value)
    {
        Assert.Equal(DatabaseProvider.Postgres, Database.Provider(Settings(("Database:Provider", value))));
    }

    [Theory]
    [InlineData("MySql")]
    [InlineData("SqlServer")]
    public void Provider_Unknown_ThrowsNamingTheChoices(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Database.Provider(Settings(("Database:Provider", value))));

        Assert.Contains("'Sqlite' or 'Postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFolder_EnvironmentVariableSet_UsesIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ls-data-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(folder, Database.DataFolder(Settings(("LEARNINGSTACK_DATA", folder))));
    }

    [Fact]
    public void DataFolder_NotSet_IsDataUnderWorkingDirectory()
    {
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data"), Database.DataFolder(Settings()));
    }

    [Fact]
    public void SqliteConnectionString_Default_IsFileInDataFolderWhichItCreates()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ls-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            var connectionString = Database.SqliteConnectionString(Settings(("LEARNINGSTACK_DATA", folder)));

            Assert.Contains(Path.Combine(folder, "learningstack.db"), connectionString, StringComparison.Ordinal);
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SqliteConnectionString_Configured_WinsOverDataFolder()
    {
        Assert.Equal("Data Source=elsewhere.db", Database.SqliteConnectionString(Settings(("ConnectionStrings:Sqlite", "Data Source=elsewhere.db"))));
    }

    [Fact]
    public void PostgresConnectionString_Missing_ThrowsSayingWhatToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Database.PostgresConnectionString(Settings(("Database:Provider", "Postgres"))));

        Assert.Contains("ConnectionStrings__Postgres", error.Message, StringComparison.Ordinal);
    }
}
