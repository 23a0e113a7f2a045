using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

/// <summary>Exported text must not run as a formula when the file is opened in a spreadsheet ("CSV injection").</summary>
public class FormulaInjectionTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";

    /// <summary>A map whose people typed formula-like text almost everywhere, and polarity that Kumu needs as "+" and "-".</summary>
    private static MapDocument Hostile() => new(
        "Hostile",
        MapDocument.FactorMap,
        [
            new MapElement
            {
                Id = Hyperlink, Label = Hyperlink, Type = "@SUM(A1)", Description = "-2+3", Tags = ["+tag", "ok"], X = -3, Y = 4.5,
                Extra = new Dictionary<string, string> { ["=Owner"] = "=1+1", ["Plain"] = "'quoted already" },
            },
            new MapElement { Id = "Sick days", Label = "Sick days", Description = "-" },
        ],
        [
            new MapConnection { From = Hyperlink, To = "Sick days", Polarity = Polarity.Same, Strength = 3 },
            new MapConnection { From = "Sick days", To = Hyperlink, Polarity = Polarity.Opposite, Label = "+more" },
            new MapConnection { From = "Sick days", To = "Sick days", Type = "=causes", Polarity = Polarity.Opposite, Note = "@note" },
        ]);

    [Fact]
    public void Csv_FormulaLabel_IsNeutralisedWithAQuote()
    {
        var elements = UnzipText(Write(Hostile(), MapFormat.KumuCsv))["elements.csv"].Split("\r\n");

        Assert.Equal("Label,Type,Description,Tags,X,Y,'=Owner,Plain", elements[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'-2+3,'+tag|ok,-3,4.5,'=1+1,'quoted already", elements[1]);
        Assert.Equal("Sick days,,'-,,,,,", elements[2]);
    }

    [Fact]
    public void Csv_PolarityTypesAndNumbers_AreWrittenAsTheyAre()
    {
        var connections = UnzipText(Write(Hostile(), MapFormat.KumuCsv))["connections.csv"].Split("\r\n");

        Assert.Equal("From,To,Type,Direction,Strength,Tags,Label,Polarity,Note", connections[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Sick days,+,directed,3,,,,", connections[1]);
        Assert.Equal("Sick days,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-,directed,,,'+more,,", connections[2]);
        Assert.Equal("Sick days,Sick days,'=causes,directed,,,,-,'@note", connections[3]);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void Csv_EveryTriggerCharacter_GetsTheQuote(string text)
    {
        var document = new MapDocument(null, null, [new MapElement { Id = "A", Label = "A", Description = text }], []);

        var elements = UnzipText(Write(document, MapFormat.KumuCsv))["elements.csv"];

        Assert.Contains("'" + text, elements, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_RoundTrip_KeepsTheOriginalText()
    {
        var original = Hostile();

        var document = ReadOk(Write(original, MapFormat.KumuCsv), MapFormat.KumuCsv, "map.zip");

        AssertSame(original, document, name: false);
        Assert.Equal(Hyperlink, document.Elements[0].Label);
        Assert.Equal("'quoted already", document.Elements[0].Extra["Plain"]);
    }

    [Theory]
    [InlineData("'=x", "=x")]
    [InlineData("'+", "+")]
    [InlineData("'-1", "-1")]
    [InlineData("'@a", "@a")]
    [InlineData("'hello", "'hello")]
    [InlineData("''=x", "''=x")]
    [InlineData("'", "'")]
    public void Csv_Import_DropsOnlyTheQuoteThatGuardsAFormula(string cell, string expected)
    {
        var document = ReadOk($"Label,Description\nA,{cell}\n", MapFormat.KumuCsv, "elements.csv");

        Assert.Equal(expected, document.Elements[0].Description);
    }

    [Fact]
    public void Xlsx_Text_IsASharedStringMarkedQuotePrefixNeverAFormula()
    {
        var bytes = Write(Hostile(), MapFormat.KumuXlsx);

        using var spreadsheet = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(spreadsheet));
        var workbook = spreadsheet.WorkbookPart!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var cells = workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);

        string? Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : null;
        bool QuotePrefix(Cell c) => c.StyleIndex?.Value is { } i && formats[(int)i].QuotePrefix?.Value == true;
        var label = cells.First(c => Text(c) == Hyperlink);
        Assert.True(QuotePrefix(label));
        Assert.False(QuotePrefix(cells.First(c => Text(c) == "Sick days")));
        Assert.Contains(cells, c => Text(c) == "+");
        var x = cells.First(c => c.CellValue?.Text == "-3");
        Assert.Null(x.DataType);
    }

    [Fact]
    public void Xlsx_RoundTrip_KeepsTheOriginalText()
    {
        var original = Hostile();

        AssertSame(original, ReadOk(Write(original, MapFormat.KumuXlsx), MapFormat.KumuXlsx), name: false);
    }
}
