using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LearningStack.EndToEndTests;

/// <summary>
/// Builds a Kumu spreadsheet the way a person's copy of Excel would hold it: a sheet "Elements" (Label, Type,
/// Description, Tags) and a sheet "Connections" (From, To, Type, Direction, Strength), text in the shared-string
/// table and numbers as numeric cells. Written cell by cell here, not with the app's own writer, so a test can put
/// in exactly the mistakes a person makes.
/// </summary>
public static class KumuWorkbook
{
    public static readonly string[] ElementHeaders = ["Label", "Type", "Description", "Tags"];

    public static readonly string[] ConnectionHeaders = ["From", "To", "Type", "Direction", "Strength"];

    /// <summary>The bytes of an .xlsx file; each row is a list of cells, where a <see cref="double"/> is written as a number.</summary>
    public static byte[] Build(IEnumerable<object?[]> elements, IEnumerable<object?[]> connections)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var strings = new SharedStringTable();
            var stringIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
            uint sheetId = 1;
            foreach (var (name, header, rows) in new[] { ("Elements", ElementHeaders, elements), ("Connections", ConnectionHeaders, connections) })
            {
                var data = new SheetData();
                uint number = 1;
                foreach (var cells in rows.Prepend(header.Cast<object?>().ToArray()))
                {
                    var row = new Row { RowIndex = number };
                    for (var column = 0; column < cells.Length; column++)
                    {
                        var reference = $"{(char)('A' + column)}{number.ToString(CultureInfo.InvariantCulture)}";
                        switch (cells[column])
                        {
                            case null:
                                break;
                            case double value:
                                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(value) });
                                break;
                            case var value:
                                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                                if (!stringIndexes.TryGetValue(text, out var index))
                                {
                                    index = stringIndexes.Count;
                                    stringIndexes.Add(text, index);
                                    strings.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                                }
                                row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                                break;
                        }
                    }
                    data.Append(row);
                    number++;
                }
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings;
        }
        return buffer.ToArray();
    }

    /// <summary>The names of a workbook's sheets and the text of every cell in each, for checking an exported file.</summary>
    public static Dictionary<string, List<string>> Read(Stream xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The file has no workbook part.");
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(item => item.InnerText).ToList() ?? [];
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            sheet => sheet.Name!.Value!,
            sheet => ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Cell>()
                .Select(cell => cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "")
                .ToList());
    }
}
