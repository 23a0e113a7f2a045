using LearningStack.MapFormats.Internal;

namespace LearningStack.MapFormats.Kumu;

/// <summary>A row of a sheet: its number as a person sees it (1-based) and its cells from column A on.</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string?> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public string? Cell(int column) => column < Cells.Count ? Cells[column] : null;
}

/// <summary>A sheet of a workbook, or one CSV file.</summary>
internal sealed record SheetSource(string Name, IEnumerable<SheetRow> Rows);

/// <summary>A cell to write: text, and a number when the cell is numeric.</summary>
internal readonly record struct TableCell(string? Text, double? Number = null);

/// <summary>A sheet to write: a header row and data rows.</summary>
internal sealed record Table(string Name, IReadOnlyList<string> Header, IReadOnlyList<TableCell[]> Rows);

/// <summary>
/// Kumu's spreadsheet layout, shared by XLSX and CSV. An elements section starts with a header row whose first
/// cell is "Label" (or "ID" then "Label"); a connections section with "From" and "To" (or "ID", "From", "To").
/// Sheets named with "(ignore)" are skipped, and two blank rows start a new section with its own header row.
/// </summary>
internal static class KumuSheets
{
    public const string ElementsSheet = "Elements";
    public const string ConnectionsSheet = "Connections";

    private enum SectionKind { Elements, Connections, Invalid }

    private sealed record Section(SectionKind Kind, string?[] Header);

    public static bool IsIgnored(string sheetName) => sheetName.Contains("(ignore)", StringComparison.OrdinalIgnoreCase);

    public static void Read(IEnumerable<SheetSource> sheets, DocumentBuilder builder)
    {
        var readAny = false;
        foreach (var sheet in sheets)
        {
            if (IsIgnored(sheet.Name))
            {
                continue;
            }
            readAny = true;
            ReadSheet(sheet, builder);
            if (builder.Stop)
            {
                return;
            }
        }
        if (!readAny)
        {
            builder.Problems.Add("The file has no sheet to import (every sheet is empty or marked '(ignore)').");
        }
    }

    private static void ReadSheet(SheetSource sheet, DocumentBuilder builder)
    {
        Section? section = null;
        var lastFilledRow = 0;
        foreach (var row in sheet.Rows)
        {
            if (row.IsBlank)
            {
                continue;
            }
            var blanksBefore = row.Number - lastFilledRow - 1;
            lastFilledRow = row.Number;
            if (section is null || blanksBefore >= 2)
            {
                section = ReadHeader(sheet.Name, row, builder.Problems);
                continue;
            }
            if (section.Kind != SectionKind.Invalid)
            {
                ReadRow(sheet.Name, section, row, builder);
            }
            if (builder.Stop)
            {
                return;
            }
        }
    }

    private static Section ReadHeader(string sheet, SheetRow row, ProblemList problems)
    {
        var header = row.Cells.Select(Values.Blank).ToArray();
        string? Head(int i) => i < header.Length ? header[i]?.ToLowerInvariant() : null;
        var kind = (Head(0), Head(1), Head(2)) switch
        {
            ("label", _, _) or ("id", "label", _) => SectionKind.Elements,
            ("from", "to", _) or ("id", "from", "to") => SectionKind.Connections,
            _ => SectionKind.Invalid,
        };
        if (kind == SectionKind.Invalid)
        {
            problems.Add(new ImportProblem(sheet, row.Number, "A",
                $"Cannot tell what this sheet holds: the first column must be 'Label' (or 'ID' then 'Label') for elements, " +
                $"or 'From' then 'To' for connections; found '{header.FirstOrDefault() ?? ""}'. " +
                "Add '(ignore)' to the sheet's name to skip it."));
            return new Section(kind, header);
        }
        var known = kind == SectionKind.Elements ? (Func<string, string?>)Fields.ElementField : Fields.ConnectionField;
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var valid = true;
        for (var column = 0; column < header.Length; column++)
        {
            if (header[column] is not { } name)
            {
                continue;
            }
            var meaning = known(name) ?? name;
            if (!seen.TryAdd(meaning, name))
            {
                problems.Add(new ImportProblem(sheet, row.Number, name,
                    $"Two columns mean the same ('{seen[meaning]}' and '{name}'); keep one of them."));
                valid = false;
            }
        }
        return new Section(valid ? kind : SectionKind.Invalid, header);
    }

    private static void ReadRow(string sheet, Section section, SheetRow row, DocumentBuilder builder)
    {
        var at = new Where(sheet, row.Number, null);
        var bag = new List<Field>(section.Header.Length);
        for (var column = 0; column < Math.Max(section.Header.Length, row.Cells.Count); column++)
        {
            var name = column < section.Header.Length ? section.Header[column] : null;
            var text = row.Cell(column);
            if (name is null)
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    builder.Problems.Add(at.At(ColumnLetter(column)),
                        $"Column {ColumnLetter(column)} has a value but no header in the header row: name the column or clear it.");
                }
                continue;
            }
            bag.Add(new Field(name, text, null, at.At(name)));
        }
        if (section.Kind == SectionKind.Elements)
        {
            if (Fields.ToElement(bag, at, builder.Reader) is { } element)
            {
                builder.Add(element.Element, element.IdAt);
            }
        }
        else
        {
            builder.AddRange(Fields.ToConnections(bag, at, builder.Reader, kumu: true));
        }
    }

    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }

    // ---- writing ----------------------------------------------------------------------------------------

    public static Table ElementsTable(MapDocument document) => Build(
        ElementsSheet,
        document.Elements,
        Fields.NeedsElementIds(document) ? [(Fields.Id, e => e.Id), (Fields.Label, e => e.Label)] : [(Fields.Label, e => e.Label)],
        [.. Fields.ElementColumns.Where(c => c.Always || document.Elements.Any(e => c.Text(e) is not null))
            .Select(c => (c.Name, c.Text, c.Number))],
        e => e.Extra,
        forConnection: false);

    public static Table ConnectionsTable(MapDocument document)
    {
        (string, Func<MapConnection, string?>)[] ends = [(Fields.From, c => c.From), (Fields.To, c => c.To)];
        return Build(
            ConnectionsSheet,
            document.Connections,
            document.Connections.Any(c => c.Id is not null) ? [(Fields.Id, c => c.Id), .. ends] : ends,
            [.. Fields.ConnectionColumns(kumu: true).Where(c => c.Always || document.Connections.Any(x => c.Text(x) is not null))
                .Select(c => (c.Name, c.Text, c.Number))],
            c => c.Extra,
            forConnection: true);
    }

    /// <summary>A sheet: the leading columns (ID, Label or From, To), the field columns in use, then one column per extra key.</summary>
    private static Table Build<T>(string name, IReadOnlyList<T> items, (string Name, Func<T, string?> Text)[] leading,
        (string Name, Func<T, string?> Text, Func<T, double?>? Number)[] columns,
        Func<T, IReadOnlyDictionary<string, string>> extra, bool forConnection)
    {
        var extras = Fields.ExtraKeys(items, extra);
        string[] header =
        [
            .. leading.Select(c => c.Name),
            .. columns.Select(c => c.Name),
            .. extras.Select(key => Fields.ExtraName(key, forConnection)),
        ];
        var rows = items.Select(item => (TableCell[])
        [
            .. leading.Select(c => new TableCell(c.Text(item))),
            .. columns.Select(c => new TableCell(c.Text(item), c.Number?.Invoke(item))),
            .. extras.Select(key => new TableCell(extra(item).GetValueOrDefault(key))),
        ]).ToList();
        return new Table(name, header, rows);
    }
}
