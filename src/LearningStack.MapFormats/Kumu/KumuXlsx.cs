using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LearningStack.MapFormats.Internal;

namespace LearningStack.MapFormats.Kumu;

/// <summary>Kumu spreadsheets as XLSX workbooks, through the Open XML SDK (streaming rows on read).</summary>
internal static class KumuXlsx
{
    private const string What = "an XLSX workbook";

    public static void Read(byte[] bytes, DocumentBuilder builder)
    {
        if (ZipGuard.Entries(bytes, builder.Problems, What) is null)
        {
            return;
        }
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
        var workbook = document.WorkbookPart;
        if (workbook?.Workbook?.Sheets is not { } sheets)
        {
            builder.Problems.Add($"The file is not {What}: it has no workbook part.");
            return;
        }
        var sharedStrings = SharedStrings(workbook);
        var sources = sheets.Elements<Sheet>()
            .Where(sheet => sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart)
            .Select(sheet => new SheetSource(
                sheet.Name?.Value ?? "",
                Rows((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!), sharedStrings)));
        KumuSheets.Read(sources, builder);
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
            }
            else
            {
                reader.Read();
            }
        }
        return strings;
    }

    /// <summary>The text of a shared or inline string: plain, or the runs of rich text (not the phonetic hints).</summary>
    private static string ItemText(OpenXmlCompositeElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(run => run.Text?.Text));

    private static IEnumerable<SheetRow> Rows(WorksheetPart part, List<string> sharedStrings)
    {
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        var previous = 0;
        while (!reader.EOF)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                reader.Read();
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : previous + 1;
            previous = number;
            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column < 0 || column > 16_383)
                {
                    throw new InvalidDataException($"bad cell reference '{cell.CellReference?.Value}'");
                }
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }
                cells[column] = CellText(cell, sharedStrings);
            }
            yield return new SheetRow(number, cells);
        }
    }

    private static string? CellText(Cell cell, List<string> sharedStrings)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < sharedStrings.Count
                ? sharedStrings[index]
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

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = index * 26 + (c - 'A' + 1);
                letters++;
            }
            else if (c is >= 'a' and <= 'z')
            {
                index = index * 26 + (c - 'a' + 1);
                letters++;
            }
            else
            {
                break;
            }
            if (letters > 3)
            {
                return -1;
            }
        }
        return index - 1;
    }

    // ---- writing ----------------------------------------------------------------------------------------

    public static void Write(MapDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var spreadsheet = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = spreadsheet.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sharedStrings = new SharedStringWriter(workbook.AddNewPart<SharedStringTablePart>());
            uint sheetId = 1;
            foreach (var table in new[] { KumuSheets.ElementsTable(document), KumuSheets.ConnectionsTable(document) })
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(SheetData(table, sharedStrings));
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = table.Name });
            }
            sharedStrings.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static SheetData SheetData(Table table, SharedStringWriter sharedStrings)
    {
        var data = new SheetData();
        data.Append(NewRow(1, table.Header.Select(name => new TableCell(name)).ToArray(), sharedStrings));
        uint number = 2;
        foreach (var cells in table.Rows)
        {
            data.Append(NewRow(number++, cells, sharedStrings));
        }
        return data;
    }

    private static Row NewRow(uint number, TableCell[] cells, SharedStringWriter sharedStrings)
    {
        var row = new Row { RowIndex = number };
        for (var column = 0; column < cells.Length; column++)
        {
            var (text, numeric) = cells[column];
            if (text is null)
            {
                continue;
            }
            var reference = KumuSheets.ColumnLetter(column) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row.Append(numeric is { } value
                ? new Cell { CellReference = reference, CellValue = new CellValue(value) }
                : new Cell
                {
                    CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(sharedStrings.Index(text)),
                    StyleIndex = FormulaGuard.IsRisky(text) ? QuotePrefixStyle : null,
                });
        }
        return row;
    }

    /// <summary>The cell format (index into cellXfs) with Excel's "quote prefix": the text stays text when edited.</summary>
    private const uint QuotePrefixStyle = 1;

    /// <summary>
    /// The smallest stylesheet Excel accepts, plus one cell format with quotePrefix for text a spreadsheet could take
    /// for a formula (see <see cref="FormulaGuard"/>). Text cells are shared strings, which are never evaluated, so
    /// the value itself is written unchanged.
    /// </summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 1 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true }) { Count = 2 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private sealed class SharedStringWriter(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = new();
        private int _uses;

        public int Index(string text)
        {
            _uses++;
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _indexes.Count;
                _indexes.Add(text, index);
                _table.Append(new SharedStringItem(new Text(XmlSafe.Text(text)) { Space = SpaceProcessingModeValues.Preserve }));
            }
            return index;
        }

        public void Save()
        {
            _table.Count = (uint)_uses;
            _table.UniqueCount = (uint)_indexes.Count;
            part.SharedStringTable = _table;
        }
    }
}
