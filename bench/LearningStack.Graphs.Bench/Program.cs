using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LearningStack.Graphs;
using LearningStack.Graphs.Centrality;
using LearningStack.Graphs.Loops;

// Times the graph algorithms on edge-list files, for bench/graphs/compare.py.
//
//   LearningStack.Graphs.Bench [--repeats N] JOB...
//   JOB = loops:FILE:MAXLENGTH | betweenness:FILE
//
// FILE: a first line "nodes N", then one edge a line: "from to sign" (sign -1, 0 or +1; betweenness ignores it).
// Each job warms up (at least 3 runs and half a second, so tiered JIT has optimised the hot code), then runs N times
// (default 5); the best time is reported. Output: one JSON object per
// job, one a line, on standard output.
var repeats = 5;
var jobs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--repeats")
    {
        repeats = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        jobs.Add(args[i]);
    }
}

if (jobs.Count == 0)
{
    Console.Error.WriteLine("usage: LearningStack.Graphs.Bench [--repeats N] loops:FILE:MAXLENGTH | betweenness:FILE ...");
    return 2;
}

foreach (var job in jobs)
{
    var parts = job.Split(':');
    var graph = EdgeList.Read(parts[1]);
    var result = parts[0] switch
    {
        "loops" => Jobs.LoopsJob(graph, parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), repeats),
        "betweenness" => Jobs.BetweennessJob(graph, parts[1], repeats),
        _ => throw new ArgumentException($"unknown job kind '{parts[0]}'"),
    };
    Console.WriteLine(JsonSerializer.Serialize(result));
}

return 0;

internal static class EdgeList
{
    public static SignedDigraph Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (header is not ["nodes", var count])
        {
            throw new FormatException($"{path}: the first line must be 'nodes N'");
        }

        var edges = new List<SignedEdge>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0)
            {
                continue;
            }

            edges.Add(new SignedEdge(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                int.Parse(f[1], CultureInfo.InvariantCulture),
                f.Length > 2 ? int.Parse(f[2], CultureInfo.InvariantCulture) : 1));
        }

        return new SignedDigraph(int.Parse(count, CultureInfo.InvariantCulture), edges);
    }
}

internal static class Jobs
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.5);

    /// <summary>The best of <paramref name="repeats"/> timed runs after the warm-up.</summary>
    private static (double Seconds, T Result) Best<T>(int repeats, Func<T> run)
    {
        var result = run();
        var warming = Stopwatch.StartNew();
        for (var i = 1; i < 3 || warming.Elapsed < WarmUp; i++)
        {
            result = run();
        }

        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            result = run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return (best, result);
    }

    public static Dictionary<string, object> LoopsJob(SignedDigraph graph, string file, int maxLength, int repeats)
    {
        var options = new LoopOptions { MaxLength = maxLength, MaxLoops = long.MaxValue };
        var (countSeconds, count) = Best(repeats, () => LoopFinder.Count(graph, options));

        // Every loop as a Loop object (edge ids, nodes, polarity), classified as it streams past.
        var (enumerateSeconds, enumerated) = Best(repeats, () =>
        {
            long reinforcing = 0, balancing = 0, undetermined = 0;
            foreach (var loop in LoopFinder.Enumerate(graph, options))
            {
                switch (loop.Polarity)
                {
                    case LoopPolarity.Reinforcing: reinforcing++; break;
                    case LoopPolarity.Balancing: balancing++; break;
                    case LoopPolarity.Undetermined: undetermined++; break;
                }
            }

            return new LoopCount(reinforcing, balancing, undetermined, false);
        });
        if (enumerated != count)
        {
            throw new InvalidOperationException($"{file}: Count gave {count}, Enumerate {enumerated}");
        }

        // The listing for people: the 1,000 shortest.
        var (shortestSeconds, _) = Best(repeats, () => LoopFinder.FindShortestFirst(graph, options with { MaxLoops = 1000 }));

        return new Dictionary<string, object>
        {
            ["kind"] = "loops",
            ["file"] = file,
            ["nodes"] = graph.NodeCount,
            ["edges"] = graph.Edges.Count,
            ["maxLength"] = maxLength,
            ["loops"] = count.Total,
            ["reinforcing"] = count.Reinforcing,
            ["balancing"] = count.Balancing,
            ["undetermined"] = count.Undetermined,
            ["countSeconds"] = countSeconds,
            ["enumerateSeconds"] = enumerateSeconds,
            ["shortest1000Seconds"] = shortestSeconds,
        };
    }

    public static Dictionary<string, object> BetweennessJob(SignedDigraph graph, string file, int repeats)
    {
        var arcs = graph.Edges.Select(e => (e.From, e.To)).ToArray();
        var (seconds, values) = Best(repeats, () => Betweenness.Compute(graph.NodeCount, arcs));
        return new Dictionary<string, object>
        {
            ["kind"] = "betweenness",
            ["file"] = file,
            ["nodes"] = graph.NodeCount,
            ["arcs"] = arcs.Length,
            ["seconds"] = seconds,
            ["sum"] = values.Sum(),
            ["max"] = values.Max(),
        };
    }
}
