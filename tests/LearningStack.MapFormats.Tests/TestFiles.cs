using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LearningStack.MapFormats.Tests;

/// <summary>Builds real files in memory (XLSX with the Open XML SDK, zips, text) and reads them back.</summary>
internal static class TestFiles
{
    public static ImportResult Read(byte[] bytes, MapFormat format, string? fileName = null) =>
        MapImport.Read(new MemoryStream(bytes), format, fileName);

    public static ImportResult Read(string text, MapFormat format, string? fileName = null) =>
        Read(Encoding.UTF8.GetBytes(text), format, fileName);

    public static MapDocument ReadOk(byte[] bytes, MapFormat format, string? fileName = null)
    {
        var result = Read(bytes, format, fileName);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Document!;
    }

    public static MapDocument ReadOk(string text, MapFormat format, string? fileName = null) =>
        ReadOk(Encoding.UTF8.GetBytes(text), format, fileName);

    /// <summary>The one problem of a failed import (and that nothing partial came back).</summary>
    public static ImportProblem SingleProblem(ImportResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        return Assert.Single(result.Problems);
    }

    public static byte[] Write(MapDocument document, MapFormat format)
    {
        using var output = new MemoryStream();
        MapExport.Write(document, format, output);
        return output.ToArray();
    }

    /// <summary>An XLSX workbook with the given sheets; a null cell is left out, a number cell is written as a number.</summary>
    public static byte[] Xlsx(params (string Name, object?[][] Rows)[] sheets)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var reference = $"{(char)('A' + c)}{r + 1}";
                        switch (rows[r][c])
                        {
                            case null:
                                break;
                            case double number:
                                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                                break;
                            case int number:
                                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                                break;
                            case var text:
                                row.Append(new Cell
                                {
                                    CellReference = reference,
                                    DataType = CellValues.InlineString,
                                    InlineString = new InlineString(new Text(text.ToString()!)),
                                });
                                break;
                        }
                    }
                    if (row.HasChildren)
                    {
                        data.Append(row);
                    }
                }
                part.Worksheet = new Worksheet(data);
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }
        return buffer.ToArray();
    }

    public static object?[] Row(params object?[] cells) => cells;

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static Dictionary<string, string> UnzipText(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }

    /// <summary>A factor map with every field of the model set somewhere, for round trips.</summary>
    public static MapDocument Everything() => new(
        "Stress at work",
        MapDocument.FactorMap,
        [
            new MapElement
            {
                Id = "f1", Label = "Stress", Type = "Feeling", Description = "How pressed people feel.\nSecond line.",
                Tags = ["people", "health"], Roles = ["steward", "voice"], EvidenceUrl = "https://example.org/survey",
                X = 10.5, Y = -3, Extra = new Dictionary<string, string> { ["Owner"] = "HR", ["label"] = "clashes with a field" },
            },
            new MapElement { Id = "f2", Label = "Sick days", Tags = ["absence"] },
            new MapElement { Id = "f3", Label = "Workload, \"real\"", Type = "Pressure" },
        ],
        [
            new MapConnection
            {
                Id = "c1", From = "f1", To = "f2", Type = "causes", Polarity = Polarity.Same, Strength = 4,
                Tags = ["evidence"], Label = "more stress, more sick days", Delay = true, Confidence = "high",
                Trust = "good", Note = "From the 2024 survey", Since = new DateOnly(2024, 3, 31),
                Extra = new Dictionary<string, string> { ["Source"] = "survey" },
            },
            new MapConnection { Id = "c2", From = "f2", To = "f3", Polarity = Polarity.Same, Direction = ConnectionDirection.Mutual },
            new MapConnection { Id = "c3", From = "f3", To = "f1", Polarity = Polarity.Opposite, Direction = ConnectionDirection.Undirected, Confidence = "low", Trust = "mixed" },
            new MapConnection { From = "f3", To = "f3", Type = "self" },
        ]);

    /// <summary>Structural equality of two documents (records compare lists and dictionaries by reference).</summary>
    public static void AssertSame(MapDocument expected, MapDocument actual, bool name = true)
    {
        if (name)
        {
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Kind, actual.Kind);
        }
        Assert.Equal(expected.Elements.Count, actual.Elements.Count);
        for (var i = 0; i < expected.Elements.Count; i++)
        {
            Assert.Equal(Describe(expected.Elements[i]), Describe(actual.Elements[i]));
        }
        Assert.Equal(expected.Connections.Count, actual.Connections.Count);
        for (var i = 0; i < expected.Connections.Count; i++)
        {
            Assert.Equal(Describe(expected.Connections[i]), Describe(actual.Connections[i]));
        }
    }

    public static string Describe(MapElement e) =>
        $"{e.Id}|{e.Label}|{e.Type}|{e.Description}|[{string.Join(",", e.Tags)}]|[{string.Join(",", e.Roles)}]|{e.EvidenceUrl}|{e.X}|{e.Y}|{Describe(e.Extra)}";

    public static string Describe(MapConnection c) =>
        $"{c.Id}|{c.From}|{c.To}|{c.Type}|{c.Direction}|{c.Strength}|[{string.Join(",", c.Tags)}]|{c.Label}|{c.Polarity}|{c.Delay}|{c.Confidence}|{c.Trust}|{c.Note}|{c.Since}|{Describe(c.Extra)}";

    private static string Describe(IReadOnlyDictionary<string, string> extra) =>
        string.Join(";", extra.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
