using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LearningStack.Tests.Infrastructure;

/// <summary>Keeps the errors the app logs, by trace id, so a test that gets a 500 can show the server's exception
/// (the problem details body carries the same trace id).</summary>
public sealed class ServerErrors : ILoggerProvider
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> ByTraceId = new();

    public static string? For(string traceId) =>
        ByTraceId.TryGetValue(traceId, out var errors) ? string.Join(Environment.NewLine, errors) : null;

    /// <summary>Everything logged so far, for failures whose response carries no trace id (pages).</summary>
    public static string All() => string.Join(Environment.NewLine, ByTraceId.Values.SelectMany(q => q));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || Activity.Current?.TraceId.ToString() is not { } traceId)
            {
                return;
            }
            ByTraceId.GetOrAdd(traceId, _ => new()).Enqueue($"[{category}] {formatter(state, exception)}{Environment.NewLine}{exception}");
        }
    }
}
