using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using LearningStack.Web.Features.Cycles;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LearningStack.Benchmarks;

/// <summary>The baseline for "the API's time within 1.5× of the same query as raw SQL": the rows GET /api/networks/{id}/cycles
/// returns, read with plain ADO.NET (Microsoft.Data.Sqlite / Npgsql, pooled connections) and serialized to the same JSON.
/// It leaves out what the API adds on top: HTTP, bearer-token authentication, the network-role check and EF Core.</summary>
public sealed class RawCycles : IAsyncDisposable
{
    // The query EF Core generates for CycleCommands.ListAsync, written out by hand (same columns, join, filter and order).
    private const string Sql = """
        SELECT c."Id", c."NetworkId", c."ScaleId", c."Name", c."Purpose", c."Kind", c."ArchivedAt" IS NOT NULL, c."Version"
        FROM "Cycles" AS c
        INNER JOIN "Scales" AS s ON c."ScaleId" = s."Id"
        WHERE c."NetworkId" = @networkId AND c."ArchivedAt" IS NULL
        ORDER BY s."Position", c."Name"
        """;

    /// <summary>The app's JSON settings: web defaults plus enums as strings (Program.cs).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly BenchProvider _provider;
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;
    private readonly Guid _networkId;

    public RawCycles(BenchProvider provider, string connectionString, Guid networkId)
    {
        _provider = provider;
        _connectionString = connectionString;
        _networkId = networkId;
        _postgres = provider == BenchProvider.Postgres ? NpgsqlDataSource.Create(connectionString) : null;
    }

    private readonly CountingStream _output = new();

    /// <summary>Reads the rows and writes them as JSON to a stream that only counts, as the API writes to its response
    /// (pooled buffers, no large array per request). Returns the number of bytes written.</summary>
    public async Task<long> WriteJsonAsync(CancellationToken ct = default)
    {
        var rows = await ReadAsync(ct);
        _output.SetLength(0);
        await JsonSerializer.SerializeAsync(_output, rows, Json, ct);
        return _output.Length;
    }

    /// <summary>The same JSON as bytes, to compare with the API's response.</summary>
    public async Task<byte[]> GetJsonBytesAsync(CancellationToken ct = default) => JsonSerializer.SerializeToUtf8Bytes(await ReadAsync(ct), Json);

    public async Task<List<CycleSummary>> ReadAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@networkId";
        // EF Core stores Guids in SQLite as upper-case text; PostgreSQL has a native uuid.
        parameter.Value = _provider == BenchProvider.Sqlite ? _networkId.ToString().ToUpperInvariant() : _networkId;
        command.Parameters.Add(parameter);
        var rows = new List<CycleSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new CycleSummary(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Enum.Parse<CycleKind>(reader.GetString(5)),
                reader.GetBoolean(6),
                reader.GetInt32(7)));
        }
        return rows;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

/// <summary>A write-only stream that keeps nothing but the count of bytes written.</summary>
internal sealed class CountingStream : Stream
{
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => _length = value;

    public override void Write(byte[] buffer, int offset, int count) => _length += count;

    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _length += buffer.Length;
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _length += count;
        return Task.CompletedTask;
    }
}
