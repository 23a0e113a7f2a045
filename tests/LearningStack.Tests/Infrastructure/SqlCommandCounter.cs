using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningStack.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF Core sends. Registered on the test host's DbContext; tests reset it, make one request
/// and read <see cref="Count"/>. The tests of one class run one at a time, so no other request adds to the count.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;
    private readonly List<string> _commands = [];
    private readonly Lock _lock = new();

    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of every command counted since the last reset (to explain a failing count).</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_lock)
            {
                return [.. _commands];
            }
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _commands.Clear();
            _count = 0;
        }
    }

    private void Record(DbCommand command)
    {
        lock (_lock)
        {
            _commands.Add(command.CommandText);
            _count++;
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
