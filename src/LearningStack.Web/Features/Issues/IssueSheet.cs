using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LearningStack.Web.Features.Issues;

/// <summary>A table read from a file: its header names and its rows (each with its row number in the file, header = row 1).</summary>
public sealed record SheetTable(IReadOnlyList<string> Header, IReadOnlyList<SheetLine> Rows);

public sealed record SheetLine(int Number, IReadOnlyList<string?> Cells);

/// <summary>The issue log as a spreadsheet: the Gateshead template's columns, written and read as CSV (CsvHelper) and XLSX
/// (Open XML SDK). Pure: no database.</summary>
public static class IssueSheet
{
    public static readonly string[] Columns =
        ["#", "Issue", "Level", "Status", "Owner", "Countermeasure (now)", "System change (new normal)", "Tags", "Source", "Raised on", "Closed on"];

    /// <summary>Most a workbook may unpack to; guards against zip bombs.</summary>
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;

    /// <summary>One issue as the template's cells, in column order.</summary>
    public static string?[] Cells(IssueView issue) =>
    [
        issue.Number.ToString(CultureInfo.InvariantCulture),
        issue.Description,
        ((int)issue.Level).ToString(CultureInfo.InvariantCulture),
        IssueText.Status(issue.Status),
        IssueText.Owner(issue.Owner),
        issue.CountermeasureNow,
        issue.SystemChange,
        IssueText.JoinTags(issue.Tags),
        IssueText.Source(issue.Source, issue.SourceLabel),
        issue.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        issue.ClosedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];

    // ---- CSV ------------------------------------------------------------------------------------------------

    public static byte[] WriteCsv(IEnumerable<IssueView> issues) => WriteCsv(Columns, issues.Select(Cells));

    /// <summary>Any table as UTF-8 CSV with a byte order mark (so Excel reads it), each cell guarded against formula injection.</summary>
    public static byte[] WriteCsv(string[] header, IEnumerable<string?[]> rows)
    {
        using var output = new MemoryStream();
        output.Write(Encoding.UTF8.Preamble);
        using (var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(c => GuardCsv(c) ?? "")]);
            }
        }
        return output.ToArray();
    }

    /// <summary>Reads a CSV file (UTF-8, with or without a byte order mark; comma, semicolon or tab separated). Throws
    /// <see cref="InvalidDataException"/> for a malformed record.</summary>
    public static SheetTable ReadCsv(byte[] bytes)
    {
        string text;
        using (var stream = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = stream.ReadToEnd();
        }
        var malformed = new List<string>();
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = Separator(text),
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            MaxRecordSize = 1024 * 1024,
            OnMalformedRecord = record => malformed.Add($"row {record.RecordNumber}: " + (record.Reason == CsvMalformedReason.UnterminatedQuote
                ? "a quoted value is never closed (a quote \" is missing)"
                : "a quote (\") stands in the middle of a value")),
        };
        var header = new List<string>();
        var rows = new List<SheetLine>();
        using (var reader = CsvReader.FromText(text, options))
        {
            var first = true;
            while (reader.Read())
            {
                var record = reader.Current.ToArray();
                if (first)
                {
                    header.AddRange(record.Select(h => (h ?? "").Trim().TrimStart('\uFEFF')));
                    first = false;
                    continue;
                }
                rows.Add(new SheetLine((int)reader.RowNumber, [.. record.Select(UnguardCsv)]));
            }
        }
        if (malformed.Count > 0)
        {
            throw new InvalidDataException(string.Join("; ", malformed.Take(5)));
        }
        return new SheetTable(header, rows);
    }

    /// <summary>Comma, semicolon (Excel in many countries) or tab: whichever the header row has most of, outside quotes.</summary>
    private static char Separator(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c is '\n' or '\r')
                {
                    break;
                }
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    /// <summary>Text a spreadsheet could take for a formula (starting with =, +, -, @, tab or return) gets a ' in front in CSV.</summary>
    private static string? GuardCsv(string? text) => text is { Length: > 0 } && IsTrigger(text[0]) ? "'" + text : text;

    private static string? UnguardCsv(string? text) => text is { Length: > 1 } && text[0] == '\'' && IsTrigger(text[1]) ? text[1..] : text;

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    // ---- XLSX -----------------------------------------------------------------------------------------------

    public static byte[] WriteXlsx(IEnumerable<IssueView> issues, string sheetName = "Issue log")
    {
        using var buffer = new MemoryStream();
        using (var spreadsheet = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = spreadsheet.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var data = new SheetData();
            uint number = 1;
            data.Append(NewRow(number++, Columns, numericColumns: []));
            foreach (var issue in issues)
            {
                data.Append(NewRow(number++, Cells(issue), numericColumns: [0, 2]));
            }
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(
                new Columns(
                    new Column { Min = 1, Max = 1, Width = 6, CustomWidth = true },
                    new Column { Min = 2, Max = 2, Width = 60, CustomWidth = true },
                    new Column { Min = 3, Max = 5, Width = 12, CustomWidth = true },
                    new Column { Min = 6, Max = 7, Width = 40, CustomWidth = true },
                    new Column { Min = 8, Max = 9, Width = 24, CustomWidth = true },
                    new Column { Min = 10, Max = 11, Width = 12, CustomWidth = true }),
                data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName });
        }
        return buffer.ToArray();
    }

    private static Row NewRow(uint number, IReadOnlyList<string?> cells, int[] numericColumns)
    {
        var row = new Row { RowIndex = number };
        for (var column = 0; column < cells.Count; column++)
        {
            if (cells[column] is not { } text)
            {
                continue;
            }
            var reference = ColumnLetter(column) + number.ToString(CultureInfo.InvariantCulture);
            row.Append(numericColumns.Contains(column)
                ? new Cell { CellReference = reference, CellValue = new CellValue(text), DataType = CellValues.Number }
                : new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
                    StyleIndex = text.Length > 0 && IsTrigger(text[0]) ? 1U : null,
                });
        }
        return row;
    }

    /// <summary>Reads the first worksheet of an XLSX workbook. Throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static SheetTable ReadXlsx(byte[] bytes)
    {
        using (var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read))
        {
            if (archive.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new InvalidDataException($"the workbook would unpack to more than {MaxUnpackedBytes / (1024 * 1024)} MB");
            }
        }
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook part");
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("it has no worksheet");
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                throw new InvalidDataException("its first sheet is not a worksheet");
            }
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
            var lines = new List<SheetLine>();
            var previous = 0;
            foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : previous + 1;
                previous = number;
                var cells = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    if (column is < 0 or > 16_383)
                    {
                        throw new InvalidDataException($"bad cell reference '{cell.CellReference?.Value}'");
                    }
                    while (cells.Count <= column)
                    {
                        cells.Add(null);
                    }
                    cells[column] = CellText(cell, shared);
                }
                lines.Add(new SheetLine(number, cells));
            }
            var headerLine = lines.FirstOrDefault();
            var header = headerLine?.Cells.Select(c => (c ?? "").Trim()).ToList() ?? [];
            return new SheetTable(header, headerLine is null ? [] : lines.Skip(1).ToList());
        }
        catch (OpenXmlPackageException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static string ItemText(OpenXmlCompositeElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(run => run.Text?.Text));

    private static string? CellText(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count
                ? shared[index]
                : throw new InvalidDataException($"cell {cell.CellReference?.Value} points to a missing shared string");
        }
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : raw;
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }
        return raw;
    }

    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }
        return letters;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (++letters > 3)
            {
                return -1;
            }
        }
        return index - 1;
    }

    /// <summary>Drops characters XML cannot hold (control characters other than tab, newline, return).</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r') ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true }) { Count = 2 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
