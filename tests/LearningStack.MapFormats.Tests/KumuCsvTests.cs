using System.Text;
using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

public class KumuCsvTests
{
    [Fact]
    public void Read_ElementsCsv_ReadsElements()
    {
        var document = ReadOk("Label,Type,Tags\nStress,Feeling,a|b\n\"Workload, real\",Pressure,\n", MapFormat.KumuCsv, "elements.csv");

        Assert.Equal(["Stress", "Workload, real"], document.Elements.Select(e => e.Label));
        Assert.Equal(["a", "b"], document.Elements[0].Tags);
        Assert.Empty(document.Connections);
    }

    [Fact]
    public void Read_ConnectionsCsv_CreatesTheElementsItNames()
    {
        var document = ReadOk("From,To,Type\nStress,Sick days,+\nSick days,Stress,-\n", MapFormat.KumuCsv, "connections.csv");

        Assert.Equal(["Stress", "Sick days"], document.Elements.Select(e => e.Id));
        Assert.Equal([Polarity.Same, Polarity.Opposite], document.Connections.Select(c => c.Polarity));
    }

    [Fact]
    public void Read_SemicolonSeparatedWithBom_ReadsLikeCommas()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("From;To;Strength\r\nA;B;3\r\n")).ToArray();

        var document = ReadOk(bytes, MapFormat.KumuCsv, "c.csv");

        Assert.Equal(3, document.Connections[0].Strength);
    }

    [Fact]
    public void Read_ZipOfElementsAndConnections_ReadsBoth()
    {
        var zip = Zip(("connections.csv", "ID,From,To\nc1,e1,e2\n"), ("elements.csv", "ID,Label\ne1,Stress\ne2,Sick days\n"));

        var document = ReadOk(zip, MapFormat.KumuCsv, "map.zip");

        Assert.Equal(["e1", "e2"], document.Elements.Select(e => e.Id));
        Assert.Equal(("c1", "e1", "e2"), (document.Connections[0].Id, document.Connections[0].From, document.Connections[0].To));
    }

    [Fact]
    public void Read_ZipWithoutCsv_ReportsIt()
    {
        var problem = SingleProblem(Read(Zip(("readme.txt", "hi")), MapFormat.KumuCsv, "map.zip"));

        Assert.Contains("no .csv file", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptZip_ReportsUnreadableFile()
    {
        var zip = Zip(("elements.csv", "Label\nA\n"));
        zip[^10] ^= 0xFF;
        var truncated = zip[..(zip.Length / 2)];

        var problem = SingleProblem(Read(truncated, MapFormat.KumuCsv, "map.zip"));

        Assert.Contains("zip", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingToColumn_ReportsTheHeaderRow()
    {
        var problem = SingleProblem(Read("From,Type\nA,+\n", MapFormat.KumuCsv, "links.csv"));

        Assert.Equal(("links.csv", 1, "A"), (problem.Sheet, problem.Row, problem.Column));
    }

    [Fact]
    public void Read_StrayQuote_ReportsTheRow()
    {
        var problem = SingleProblem(Read("Label,Type\nA,x\nB\"roken,y\n", MapFormat.KumuCsv, "e.csv"));

        Assert.Equal(("e.csv", 3), (problem.Sheet, problem.Row));
        Assert.Contains("quote", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedLineBreak_CountsRowsAsASpreadsheetShowsThem()
    {
        var problem = SingleProblem(Read("From,To,Strength\nA,B,\"1\"\n\"C\nD\",E,2\nF,G,9\n", MapFormat.KumuCsv, "c.csv"));

        Assert.Equal((4, "Strength"), (problem.Row, problem.Column));
    }

    [Fact]
    public void Read_NotUtf8_AsksForUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes("Label\nCaf\u00e9\n");

        var problem = SingleProblem(Read(latin1, MapFormat.KumuCsv, "e.csv"));

        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValueWithoutHeader_ReportsTheColumnLetter()
    {
        var problem = SingleProblem(Read("Label,,Type\nA,oops,x\n", MapFormat.KumuCsv, "e.csv"));

        Assert.Equal(("e.csv", 2, "B"), (problem.Sheet, problem.Row, problem.Column));
    }

    [Fact]
    public void Read_TwoColumnsMeaningTheSame_IsProblem()
    {
        var problem = SingleProblem(Read("Label,Type,Element Type\nA,x,y\n", MapFormat.KumuCsv, "e.csv"));

        Assert.Equal((1, "Element Type"), (problem.Row, problem.Column));
    }

    [Fact]
    public void Read_AmbiguousLabel_AsksForTheId()
    {
        var zip = Zip(("elements.csv", "ID,Label\ne1,Same\ne2,Same\n"), ("connections.csv", "From,To\ne1,Same\n"));

        var problem = SingleProblem(Read(zip, MapFormat.KumuCsv, "map.zip"));

        Assert.Equal(("connections.csv", 2, "To"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("Several elements have the label 'Same'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyBadRows_ListsAtMostAHundredProblemsAndSaysSo()
    {
        var csv = new StringBuilder("From,To,Strength\n");
        for (var i = 0; i < 150; i++)
        {
            csv.Append("A,B,9\n");
        }

        var result = Read(csv.ToString(), MapFormat.KumuCsv, "c.csv");

        Assert.Null(result.Document);
        Assert.Equal(101, result.Problems.Count);
        Assert.StartsWith("More than 100 problems", result.Problems[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreThanTwentyThousandElements_IsRefused()
    {
        var csv = new StringBuilder("Label\n");
        for (var i = 0; i <= 20_000; i++)
        {
            csv.Append('E').Append(i).Append('\n');
        }

        var problem = SingleProblem(Read(csv.ToString(), MapFormat.KumuCsv, "e.csv"));

        Assert.Contains("more than 20,000 elements", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_SaysSo()
    {
        var problem = SingleProblem(Read([], MapFormat.KumuCsv, "e.csv"));

        Assert.Equal("The file is empty.", problem.Message);
    }

    [Fact]
    public void Write_Document_ZipsElementsAndConnectionsThatReadBack()
    {
        var original = Everything();

        var zip = Write(original, MapFormat.KumuCsv);

        Assert.Equal(["connections.csv", "elements.csv"], UnzipText(zip).Keys.Order(StringComparer.Ordinal));
        AssertSame(original, ReadOk(zip, MapFormat.KumuCsv, "map.zip"), name: false);
    }

    [Fact]
    public void Write_ElementsWithoutIds_LeavesTheIdColumnOut()
    {
        var document = new MapDocument(null, null,
            [new MapElement { Id = "A", Label = "A" }, new MapElement { Id = "B", Label = "B" }],
            [new MapConnection { From = "A", To = "B", Polarity = Polarity.Opposite }]);

        var files = UnzipText(Write(document, MapFormat.KumuCsv));

        Assert.Equal("Label,Type,Description,Tags\r\nA,,,\r\nB,,,\r\n", files["elements.csv"]);
        Assert.Equal("From,To,Type,Direction,Strength,Tags,Label\r\nA,B,-,directed,,,\r\n", files["connections.csv"]);
    }
}
