using System.Data.Common;
using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace LearningStack.Cli.Generate;

/// <summary>Writes many new entities fast, using the EF model for tables, columns and value conversions: prepared INSERTs in one
/// transaction per batch on SQLite, binary COPY on PostgreSQL. Rows of each entity type are written in the order the types were
/// first added, so parents (added first) are in place before the rows that refer to them. No change tracking, no history:
/// for generated set-up data only, never for anyone's edits.</summary>
public sealed class BulkWriter(AppDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<Type, List<object>> _pending = [];
    private readonly List<Type> _order = [];
    private readonly Dictionary<Type, Table> _tables = [];

    public int Pending { get; private set; }

    public void Add(object entity)
    {
        var type = entity.GetType();
        if (!_pending.TryGetValue(type, out var rows))
        {
            _pending[type] = rows = [];
            _order.Add(type);
        }
        rows.Add(entity);
        Pending++;
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (Pending == 0)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                foreach (var type in _order)
                {
                    await CopyAsync(TableFor(type), _pending[type], ct);
                }
            }
            else
            {
                await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
                foreach (var type in _order)
                {
                    await InsertAsync(TableFor(type), _pending[type], transaction, ct);
                }
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        foreach (var rows in _pending.Values)
        {
            rows.Clear();
        }
        Pending = 0;
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private sealed record Column(string Name, IProperty Property, string StoreType);

    private sealed record Table(string Name, IReadOnlyList<Column> Columns);

    private Table TableFor(Type type)
    {
        if (_tables.TryGetValue(type, out var table))
        {
            return table;
        }
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{type.Name}.{property.Name} is a shadow property; the bulk writer needs every column on the object.");
            }
            var storeType = property.GetColumnType(store);
            var facet = storeType.IndexOf('(', StringComparison.Ordinal);
            columns.Add(new Column(property.GetColumnName(store) ?? property.Name, property, facet < 0 ? storeType : storeType[..facet].Trim()));
        }
        return _tables[type] = new Table(name, columns);
    }

    private static object? ProviderValue(Column column, object entity)
    {
        var value = column.Property.PropertyInfo is { } info ? info.GetValue(entity) : column.Property.FieldInfo?.GetValue(entity);
        if (value is null)
        {
            return null;
        }
        var converter = column.Property.GetValueConverter() ?? column.Property.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }

    private static async Task InsertAsync(Table table, List<object> rows, DbTransaction transaction, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = table.Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ProviderValue(table.Columns[i], row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task CopyAsync(Table table, List<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                if (ProviderValue(column, row) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }
        await importer.CompleteAsync(ct);
    }
}
