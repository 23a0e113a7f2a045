using System.Globalization;
using System.Text;
using System.Text.Json;
using LearningStack.Graphs.Loops;
using LearningStack.MapFormats;

namespace LearningStack.Cli;

/// <summary><c>learningstack loops &lt;file&gt;</c>: the feedback loops of a map, shortest first, then the totals.</summary>
public static class LoopsCommand
{
    private const string Name = "learningstack loops";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var (options, error) = LoopsOptions.Parse(args);
        if (options is null)
        {
            stderr.WriteLine($"{Name}: {error}");
            return Cli.BadInput;
        }
        if (options.Help)
        {
            stdout.WriteLine(LoopsOptions.HelpText);
            return Cli.Ok;
        }
        if (Load(options.File, stderr) is not { } loaded)
        {
            return Cli.BadInput;
        }
        var map = MapGraph.From(loaded.Document);
        int? through = null;
        if (options.Through is { } wanted)
        {
            var (node, problem) = map.Find(wanted);
            if (node is null)
            {
                stderr.WriteLine($"{Name}: --through: {problem}");
                return Cli.BadInput;
            }
            through = node;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var loopOptions = new LoopOptions { MaxLength = options.MaxLength, MaxLoops = options.EffectiveMaxLoops, ThroughNode = through };
        IReadOnlyList<Loop>? loops = null;
        LoopCount count;
        if (options.CountOnly)
        {
            count = LoopFinder.Count(map.Graph, loopOptions, progress: null, cancellationToken);
        }
        else
        {
            var list = LoopFinder.FindShortestFirst(map.Graph, loopOptions, progress: null, cancellationToken);
            (loops, count) = (list.Loops, list.Count);
        }
        var report = new Report(options, loaded.Format, map, through, loops, count);
        if (options.Format == OutputFormat.Json)
        {
            WriteJson(report, stdout);
        }
        else
        {
            WriteText(report, stdout);
        }
        return Cli.Ok;
    }

    private sealed record Loaded(MapDocument Document, MapFormat Format);

    private sealed record Report(LoopsOptions Options, MapFormat Format, MapGraph Map, int? Through, IReadOnlyList<Loop>? Loops, LoopCount Count);

    /// <summary>Reads the file as a map in whatever format it is; on failure says why on stderr (one line, then the problems).</summary>
    private static Loaded? Load(string path, TextWriter stderr)
    {
        byte[] head;
        try
        {
            if (!File.Exists(path))
            {
                stderr.WriteLine($"{Name}: no such file: {path}");
                return null;
            }
            using var file = File.OpenRead(path);
            head = new byte[MapImport.DetectBytes];
            head = head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{Name}: cannot read {path}: {e.Message}");
            return null;
        }
        if (MapImport.Detect(Path.GetFileName(path), head) is not { } format)
        {
            stderr.WriteLine($"{Name}: cannot tell what kind of map {path} is: expected a Kumu spreadsheet (.xlsx, .csv, .zip), " +
                "a Kumu or Insight Maker or LearningStack JSON file, or GraphML.");
            return null;
        }
        ImportResult result;
        try
        {
            using var file = File.OpenRead(path);
            result = MapImport.Read(file, format, Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{Name}: cannot read {path}: {e.Message}");
            return null;
        }
        if (!result.Succeeded)
        {
            var count = result.Problems.Count;
            stderr.WriteLine($"{Name}: {path} cannot be read as {MapImport.Describe(format)}: {count} {(count == 1 ? "problem" : "problems")}.");
            foreach (var problem in result.Problems)
            {
                stderr.WriteLine($"  {problem}");
            }
            return null;
        }
        return new Loaded(result.Document!, format);
    }

    private static string Letter(LoopPolarity polarity) => polarity switch
    {
        LoopPolarity.Reinforcing => "R",
        LoopPolarity.Balancing => "B",
        LoopPolarity.Undetermined => "U",
    };

    private static string Word(LoopPolarity polarity) => polarity switch
    {
        LoopPolarity.Reinforcing => "reinforcing",
        LoopPolarity.Balancing => "balancing",
        LoopPolarity.Undetermined => "undetermined",
    };

    private static string Limit(long value) =>
        value is long.MaxValue or int.MaxValue ? "all" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static void WriteText(Report report, TextWriter stdout)
    {
        var elements = report.Map.Document.Elements;
        if (report.Loops is { } loops)
        {
            var width = loops.Count == 0 ? 1 : loops.Max(l => l.Length).ToString(CultureInfo.InvariantCulture).Length;
            foreach (var loop in loops)
            {
                var path = string.Join(" → ", loop.Nodes.Append(loop.Nodes[0]).Select(node => elements[node].Label));
                stdout.WriteLine($"{Letter(loop.Polarity)}  {loop.Length.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {path}");
            }
            if (loops.Count > 0)
            {
                stdout.WriteLine();
            }
        }
        var count = report.Count;
        var scope = new StringBuilder($"up to {Limit(report.Options.MaxLength)} connections long");
        if (report.Through is { } through)
        {
            scope.Append($", through {elements[through].Label}");
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count.Total:N0} {(count.Total == 1 ? "loop" : "loops")} ({scope}): {count.Reinforcing:N0} reinforcing, {count.Balancing:N0} balancing, {count.Undetermined:N0} undetermined."));
        stdout.WriteLine(count.Truncated
            ? $"Truncated: yes — there are more than {Limit(report.Options.EffectiveMaxLoops)} loops; --max-loops all finds them all."
            : "Truncated: no.");
        var unsigned = report.Map.ConnectionsWithoutPolarity;
        if (unsigned > 0)
        {
            stdout.WriteLine(unsigned == 1
                ? "1 connection has no polarity (+ or -): loops through it are undetermined."
                : $"{unsigned} connections have no polarity (+ or -): loops through them are undetermined.");
        }
    }

    private static void WriteJson(Report report, TextWriter stdout)
    {
        var document = report.Map.Document;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", report.Options.File);
            json.WriteString("format", report.Format.ToString());
            json.WriteNumber("factors", document.Elements.Count);
            json.WriteNumber("connections", document.Connections.Count);
            json.WriteNumber("connectionsWithoutPolarity", report.Map.ConnectionsWithoutPolarity);
            WriteLimit(json, "maxLength", report.Options.MaxLength);
            WriteLimit(json, "maxLoops", report.Options.EffectiveMaxLoops);
            if (report.Through is { } through)
            {
                json.WriteStartObject("through");
                WriteFactor(json, document.Elements[through]);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("through");
            }
            if (report.Loops is { } loops)
            {
                json.WriteStartArray("loops");
                foreach (var loop in loops)
                {
                    json.WriteStartObject();
                    json.WriteString("polarity", Word(loop.Polarity));
                    json.WriteNumber("length", loop.Length);
                    json.WriteStartArray("factors");
                    foreach (var node in loop.Nodes)
                    {
                        json.WriteStartObject();
                        WriteFactor(json, document.Elements[node]);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteStartArray("connections");
                    foreach (var edge in loop.EdgeIds)
                    {
                        var index = report.Map.ArcConnections[edge];
                        json.WriteStartObject();
                        json.WriteNumber("index", index);
                        if (document.Connections[index].Id is { } id)
                        {
                            json.WriteString("id", id);
                        }
                        else
                        {
                            json.WriteNull("id");
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            var count = report.Count;
            json.WriteStartObject("totals");
            json.WriteNumber("reinforcing", count.Reinforcing);
            json.WriteNumber("balancing", count.Balancing);
            json.WriteNumber("undetermined", count.Undetermined);
            json.WriteNumber("total", count.Total);
            json.WriteBoolean("truncated", count.Truncated);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteLimit(Utf8JsonWriter json, string name, long value)
    {
        if (value is long.MaxValue or int.MaxValue)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    private static void WriteFactor(Utf8JsonWriter json, MapElement element)
    {
        json.WriteString("id", element.Id);
        json.WriteString("label", element.Label);
    }
}
