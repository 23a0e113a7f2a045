using System.Text.Json;
using LearningStack.Cli;

namespace LearningStack.MapFormats.Tests;

/// <summary>The <c>learningstack loops</c> command, run in-process on small causal loop diagrams written to temporary files.</summary>
public sealed class CliTests : IDisposable
{
    /// <summary>Two reinforcing loops (Stress–Morale, Stress–Sick days–Workload) and one balancing (Workload–Overtime).</summary>
    private const string Cld = """
        From,To,Type
        Stress,Sick days,+
        Sick days,Workload,+
        Workload,Stress,+
        Stress,Morale,-
        Morale,Stress,-
        Workload,Overtime,+
        Overtime,Workload,-
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("learningstack-cli-tests").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Cli.Cli.Run(args, stdout, stderr);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Loops_TextFormat_ListsLoopsShortestFirstThenTotals()
    {
        var (exit, output, errors) = Run("loops", File("cld.csv", Cld));

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Equal("""
            R  2  Stress → Morale → Stress
            B  2  Workload → Overtime → Workload
            R  3  Stress → Sick days → Workload → Stress

            3 loops (up to 12 connections long): 2 reinforcing, 1 balancing, 0 undetermined.
            Truncated: no.

            """, output);
    }

    [Fact]
    public void Loops_JsonFormat_FollowsTheDocumentedSchema()
    {
        var path = File("cld.csv", Cld);

        var (exit, output, _) = Run("loops", path, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.Equal("KumuCsv", root.GetProperty("format").GetString());
        Assert.Equal((5, 7, 0), (root.GetProperty("factors").GetInt32(), root.GetProperty("connections").GetInt32(),
            root.GetProperty("connectionsWithoutPolarity").GetInt32()));
        Assert.Equal((12, 1000), (root.GetProperty("maxLength").GetInt32(), root.GetProperty("maxLoops").GetInt32()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("through").ValueKind);
        var loops = root.GetProperty("loops").EnumerateArray().ToList();
        Assert.Equal(["reinforcing", "balancing", "reinforcing"], loops.Select(l => l.GetProperty("polarity").GetString()));
        Assert.Equal([2, 2, 3], loops.Select(l => l.GetProperty("length").GetInt32()));
        Assert.Equal(["Stress", "Sick days", "Workload"],
            loops[2].GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("label").GetString()));
        Assert.Equal([0, 1, 2], loops[2].GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("index").GetInt32()));
        var totals = root.GetProperty("totals");
        Assert.Equal((2, 1, 0, 3, false), (totals.GetProperty("reinforcing").GetInt32(), totals.GetProperty("balancing").GetInt32(),
            totals.GetProperty("undetermined").GetInt32(), totals.GetProperty("total").GetInt32(), totals.GetProperty("truncated").GetBoolean()));
    }

    [Fact]
    public void Loops_CountOnly_PrintsOnlyTheTotals()
    {
        var (exit, output, _) = Run("loops", File("cld.csv", Cld), "--count-only");

        Assert.Equal(0, exit);
        Assert.Equal("3 loops (up to 12 connections long): 2 reinforcing, 1 balancing, 0 undetermined.\nTruncated: no.\n", output);
    }

    [Fact]
    public void Loops_CountOnlyJson_HasTotalsButNoLoopsAndNoCap()
    {
        var (_, output, _) = Run("loops", File("cld.csv", Cld), "--count-only", "--format=json");

        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("loops", out _));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("maxLoops").ValueKind);
        Assert.Equal(3, json.RootElement.GetProperty("totals").GetProperty("total").GetInt32());
    }

    [Fact]
    public void Loops_Through_KeepsOnlyLoopsThroughThatFactor()
    {
        var (exit, output, _) = Run("loops", File("cld.csv", Cld), "--through", "overtime");

        Assert.Equal(0, exit);
        Assert.StartsWith("B  2  Workload → Overtime → Workload\n\n1 loop (up to 12 connections long, through Overtime): 0 reinforcing, 1 balancing", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Loops_ThroughUnknownFactor_ExitsWithTwo()
    {
        var (exit, output, errors) = Run("loops", File("cld.csv", Cld), "--through", "Weather");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal("learningstack loops: --through: no factor has the id or label 'Weather'.\n", errors);
    }

    [Fact]
    public void Loops_MaxLength_LeavesLongerLoopsOut()
    {
        var (_, output, _) = Run("loops", File("cld.csv", Cld), "--max-length", "2", "--count-only");

        Assert.StartsWith("2 loops (up to 2 connections long): 1 reinforcing, 1 balancing", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Loops_MaxLoops_ListsTheShortestAndSaysTruncated()
    {
        var (_, output, _) = Run("loops", File("cld.csv", Cld), "--max-loops", "1");

        Assert.Equal("""
            R  2  Stress → Morale → Stress

            1 loop (up to 12 connections long): 1 reinforcing, 0 balancing, 0 undetermined.
            Truncated: yes — there are more than 1 loops; --max-loops all finds them all.

            """, output);
    }

    [Fact]
    public void Loops_MutualAndUnsignedConnections_BecomeTwoArcsAndUndeterminedLoops()
    {
        var path = File("c.csv", "From,To,Type,Direction\nA,B,+,mutual\nB,C,,\nC,B,-,\n");

        var (exit, output, _) = Run("loops", path);

        Assert.Equal(0, exit);
        Assert.Equal("""
            R  2  A → B → A
            U  2  B → C → B

            2 loops (up to 12 connections long): 1 reinforcing, 0 balancing, 1 undetermined.
            Truncated: no.
            1 connection has no polarity (+ or -): loops through it are undetermined.

            """, output);
    }

    [Fact]
    public void Loops_OtherFormats_AreDetectedFromContent()
    {
        var document = new MapDocument(null, MapDocument.FactorMap,
            [new MapElement { Id = "a", Label = "A" }, new MapElement { Id = "b", Label = "B" }],
            [new MapConnection { From = "a", To = "b", Polarity = Polarity.Same }, new MapConnection { From = "b", To = "a", Polarity = Polarity.Opposite }]);
        foreach (var format in new[] { MapFormat.KumuXlsx, MapFormat.GraphMl, MapFormat.LearningStackJson, MapFormat.KumuJson })
        {
            var path = Path.Combine(_folder, $"map-{format}.bin");
            using (var file = System.IO.File.Create(path))
            {
                MapExport.Write(document, format, file);
            }

            var (exit, output, errors) = Run("loops", path, "--count-only");

            Assert.True(exit == 0, errors);
            Assert.StartsWith("1 loop (up to 12 connections long): 0 reinforcing, 1 balancing", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Loops_InvalidFile_ExitsWithTwoAndPrintsTheProblems()
    {
        var (exit, output, errors) = Run("loops", File("bad.csv", "From,To,Strength\nA,B,9\n"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var lines = errors.TrimEnd().Split('\n');
        Assert.EndsWith("bad.csv cannot be read as a Kumu spreadsheet (CSV): 1 problem.", lines[0], StringComparison.Ordinal);
        Assert.Equal("  sheet 'bad.csv', row 2, column 'Strength': Strength must be a whole number from 1 to 5; found '9'.", lines[1]);
    }

    [Fact]
    public void Loops_UnreadableFile_ExitsWithTwo()
    {
        var (exit, _, errors) = Run("loops", File("noise.bin", "\u0001\u0002 not a map"));

        Assert.Equal(2, exit);
        Assert.StartsWith("learningstack loops: cannot tell what kind of map", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Loops_CorruptWorkbook_ExitsWithTwo()
    {
        var path = Path.Combine(_folder, "broken.xlsx");
        System.IO.File.WriteAllBytes(path, [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5]);

        var (exit, _, errors) = Run("loops", path);

        Assert.Equal(2, exit);
        Assert.Contains("cannot be read as a Kumu spreadsheet (XLSX)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Loops_MissingFile_ExitsWithTwo()
    {
        var (exit, _, errors) = Run("loops", Path.Combine(_folder, "nope.csv"));

        Assert.Equal(2, exit);
        Assert.StartsWith("learningstack loops: no such file: ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--colour")]
    [InlineData("--max-loops", "0")]
    [InlineData("--max-length", "many")]
    [InlineData("--format", "xml")]
    public void Loops_BadOption_ExitsWithTwoAndOneLine(params string[] option)
    {
        var (exit, _, errors) = Run(["loops", File("cld.csv", Cld), .. option]);

        Assert.Equal(2, exit);
        Assert.Single(errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Loops_Help_PrintsUsage()
    {
        var (exit, output, _) = Run("loops", "--help");

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: learningstack loops <file> [options]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsWithTwo()
    {
        Assert.Equal(2, Run("cycles").Exit);
        Assert.Equal(2, Run().Exit);
    }

    [Fact]
    public void Loops_Cancelled_ExitsWith130()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = Cli.Cli.Run(["loops", File("cld.csv", Cld), "--count-only"], stdout, stderr, cancelled.Token);

        Assert.Equal(130, exit);
        Assert.Equal("learningstack: cancelled.", stderr.ToString().Trim());
    }

    [Theory]
    [InlineData("all", long.MaxValue)]
    [InlineData("25", 25L)]
    public void Parse_MaxLoops_TakesANumberOrAll(string value, long expected)
    {
        var (options, error) = LoopsOptions.Parse(["map.csv", "--max-loops", value]);

        Assert.Null(error);
        Assert.Equal(expected, options!.EffectiveMaxLoops);
    }

    [Fact]
    public void Parse_MaxLengthAll_MeansNoLimit()
    {
        var (options, _) = LoopsOptions.Parse(["--max-length=all", "map.csv"]);

        Assert.Equal(int.MaxValue, options!.MaxLength);
        Assert.Equal(1000, options.EffectiveMaxLoops);
    }
}
