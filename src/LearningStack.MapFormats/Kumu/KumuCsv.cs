using System.IO.Compression;
using System.Text;
using CsvHelper;
using LearningStack.MapFormats.Internal;

namespace LearningStack.MapFormats.Kumu;

/// <summary>
/// Kumu spreadsheets as CSV: one .csv file is one sheet (elements or connections, told by its header row);
/// a .zip of .csv files (what we export: elements.csv and connections.csv) is a workbook.
/// </summary>
internal static class KumuCsv
{
    public const string ElementsFile = "elements.csv";
    public const string ConnectionsFile = "connections.csv";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Read(byte[] bytes, string? fileName, DocumentBuilder builder)
    {
        if (!ZipGuard.IsZip(bytes))
        {
            var name = Path.GetFileName(fileName) is { Length: > 0 } file ? file : "CSV";
            if (Decode(bytes, name, builder.Problems) is { } text)
            {
                KumuSheets.Read([new SheetSource(name, Rows(text, name, builder.Problems))], builder);
            }
            return;
        }
        if (ZipGuard.Entries(bytes, builder.Problems, "a zip of CSV files") is null)
        {
            return;
        }
        using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var sheets = new List<SheetSource>();
        foreach (var entry in archive.Entries.OrderBy(e => Order(e.FullName)).ThenBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (!entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
            {
                continue;
            }
            using var content = entry.Open();
            using var memory = new MemoryStream();
            content.CopyTo(memory);
            if (Decode(memory.ToArray(), entry.FullName, builder.Problems) is { } text)
            {
                sheets.Add(new SheetSource(entry.FullName, Rows(text, entry.FullName, builder.Problems)));
            }
        }
        if (sheets.Count == 0 && builder.Problems.Count == 0)
        {
            builder.Problems.Add("The zip holds no .csv file: it should hold elements.csv and connections.csv.");
            return;
        }
        KumuSheets.Read(sheets, builder);
    }

    /// <summary>Elements before connections, so that a connection's ends can name elements read earlier.</summary>
    private static int Order(string name) =>
        Path.GetFileName(name).Equals(ElementsFile, StringComparison.OrdinalIgnoreCase) ? 0 : 1;

    private static string? Decode(byte[] bytes, string sheet, ProblemList problems)
    {
        try
        {
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                return new StreamReader(new MemoryStream(bytes), Encoding.Unicode, detectEncodingFromByteOrderMarks: true).ReadToEnd();
            }
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(sheet, null, null,
                "The file is not UTF-8 text: save it as 'CSV UTF-8' and import it again."));
            return null;
        }
    }

    private static IEnumerable<SheetRow> Rows(string text, string sheet, ProblemList problems)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) ? null : Separator(text),
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            MaxRecordSize = 4 * 1024 * 1024,
            OnMalformedRecord = record => problems.Add(new ImportProblem(sheet, (int)record.RecordNumber, null, Malformed(record.Reason))),
        };
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            yield return new SheetRow((int)reader.RowNumber, [.. reader.Current.ToArray().Select(FormulaGuard.FromCsv)]);
        }
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A quoted value is never closed: a quote (\") is missing.",
        _ => "A quote (\") stands in the middle of a value: put the whole value in quotes and double the quotes inside it.",
    };

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

    public static void Write(MapDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(archive, ElementsFile, KumuSheets.ElementsTable(document));
            WriteEntry(archive, ConnectionsFile, KumuSheets.ConnectionsTable(document));
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void WriteEntry(ZipArchive archive, string name, Table table)
    {
        using var csv = CsvWriter.Create(archive.CreateEntry(name).Open(), CsvWriterOptions.Default, leaveOpen: false);
        // Header names can come from a file's own columns (extra fields), so they are guarded like values.
        csv.WriteHeader([.. table.Header.Select(FormulaGuard.ForCsv)]);
        var polarity = table.Header.Select(name => table.Name == KumuSheets.ConnectionsSheet && name is Fields.Type or Fields.Polarity).ToArray();
        foreach (var row in table.Rows)
        {
            csv.WriteRecord([.. row.Select((cell, column) => FormulaGuard.ForCsv(cell, column < polarity.Length && polarity[column]))]);
        }
    }
}
