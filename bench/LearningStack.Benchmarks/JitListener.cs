using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace LearningStack.Benchmarks;

/// <summary>Lists the methods the JIT compiles while it is enabled (runtime event MethodLoadVerbose), to find code that is
/// compiled again and again in steady state (e.g. a query that misses EF Core's query cache).</summary>
internal sealed class JitListener : EventListener
{
    public ConcurrentQueue<string> Methods { get; } = new();

    public bool Recording { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10);   // JitKeyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording || eventData.EventName is not "MethodLoadVerbose_V1" and not "MethodLoadVerbose_V2" and not "MethodLoadVerbose" || eventData.Payload is null)
        {
            return;
        }
        var names = eventData.PayloadNames!;
        string Get(string name) => names.IndexOf(name) is var i and >= 0 ? eventData.Payload[i]?.ToString() ?? "" : "";
        Methods.Enqueue($"{Get("MethodNamespace")}::{Get("MethodName")} [flags {Get("MethodFlags")}]");
    }
}
