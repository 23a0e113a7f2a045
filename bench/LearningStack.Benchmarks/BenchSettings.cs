namespace LearningStack.Benchmarks;

/// <summary>The databases a benchmark run covers.</summary>
public enum BenchProvider
{
    Sqlite,
    Postgres,
}

/// <summary>How the app is hosted in the benchmark process.</summary>
public enum BenchHost
{
    /// <summary>Kestrel on a loopback port, clients over TCP: the production server, with real HTTP parsing and sockets.</summary>
    Kestrel,

    /// <summary>The in-memory TestServer.</summary>
    TestServer,
}

/// <summary>Where the benchmark's data lives. bench/run.sh sets both variables; without LEARNINGSTACK_BENCH_POSTGRES only SQLite runs.</summary>
public static class BenchSettings
{
    /// <summary>Npgsql connection string for a throwaway PostgreSQL; the database is created by the app's migrations.</summary>
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("LEARNINGSTACK_BENCH_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>Folder for the SQLite file (the app's LEARNINGSTACK_DATA).</summary>
    public static string SqliteFolder =>
        Environment.GetEnvironmentVariable("LEARNINGSTACK_BENCH_DATA") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Path.GetTempPath(), "learningstack-bench");

    /// <summary>Folder for the national-scale SQLite file of the Patterns benchmarks (LEARNINGSTACK_BENCH_NATIONAL_DIR). Kept
    /// between runs: generating the national network takes minutes, so a run reuses the file it finds there.</summary>
    public static string NationalFolder =>
        Environment.GetEnvironmentVariable("LEARNINGSTACK_BENCH_NATIONAL_DIR") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Path.GetTempPath(), "learningstack-bench-national");

    /// <summary>LEARNINGSTACK_BENCH_HOST: kestrel (default) or testserver.</summary>
    public static BenchHost Host =>
        Environment.GetEnvironmentVariable("LEARNINGSTACK_BENCH_HOST") is { Length: > 0 } host ? Enum.Parse<BenchHost>(host, ignoreCase: true) : BenchHost.Kestrel;

    public static IEnumerable<BenchProvider> Providers =>
        PostgresConnectionString is null ? [BenchProvider.Sqlite] : [BenchProvider.Sqlite, BenchProvider.Postgres];
}
