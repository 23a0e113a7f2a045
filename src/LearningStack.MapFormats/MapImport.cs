using System.Text;
using System.Text.Json;
using LearningStack.MapFormats.Internal;
using LearningStack.MapFormats.Kumu;

namespace LearningStack.MapFormats;

/// <summary>Reads maps from files: all or nothing, with every problem found, and never an exception for a bad file.</summary>
public static class MapImport
{
    /// <summary>How many bytes of the start of a file <see cref="Detect"/> wants to see (it copes with fewer).</summary>
    public const int DetectBytes = 4096;

    /// <summary>
    /// The format of a file, from its content first (a zip, JSON of one of the known shapes, GraphML) and its
    /// name's extension second; null when neither tells.
    /// </summary>
    /// <param name="fileName">The file's name (only its extension is used); may be empty.</param>
    /// <param name="head">The first bytes of the file (<see cref="DetectBytes"/> is plenty).</param>
    public static MapFormat? Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ZipGuard.IsZip(head))
        {
            return extension switch
            {
                ".xlsx" or ".xlsm" => MapFormat.KumuXlsx,
                ".zip" => MapFormat.KumuCsv,
                _ => FirstZipEntry(head) is { } entry && entry.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                    ? MapFormat.KumuCsv
                    : MapFormat.KumuXlsx,
            };
        }
        var text = SkipBomAndSpace(head);
        if (text.Length > 0 && text[0] == '{')
        {
            return DetectJson(text);
        }
        if (text.Length > 0 && text[0] == '<')
        {
            return Contains(text, "<graphml"u8) || extension == ".graphml" ? MapFormat.GraphMl : null;
        }
        return extension switch
        {
            ".csv" or ".tsv" or ".txt" when text.Length > 0 => MapFormat.KumuCsv,
            ".xlsx" => MapFormat.KumuXlsx,
            ".graphml" => MapFormat.GraphMl,
            _ => null,
        };
    }

    /// <summary>Reads a map. All or nothing: any problem gives no document and every problem found (at most 100).</summary>
    /// <param name="input">The file's content; read to its end (at most 64 MiB).</param>
    /// <param name="format">The format to read it as (see <see cref="Detect"/>).</param>
    /// <param name="fileName">The file's name: names the sheet of a single CSV file in problems.</param>
    public static ImportResult Read(Stream input, MapFormat format, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new ProblemList();
        var builder = new DocumentBuilder(problems, kumuRules: format is MapFormat.KumuXlsx or MapFormat.KumuCsv or MapFormat.KumuJson);
        try
        {
            if (ReadAll(input, problems) is not { } bytes)
            {
                return new ImportResult(null, problems.Items);
            }
            switch (format)
            {
                case MapFormat.KumuXlsx: KumuXlsx.Read(bytes, builder); break;
                case MapFormat.KumuCsv: KumuCsv.Read(bytes, fileName, builder); break;
                case MapFormat.KumuJson: KumuJson.Read(bytes, builder); break;
                case MapFormat.InsightMaker: InsightMakerJson.Read(bytes, builder); break;
                case MapFormat.GraphMl: GraphMl.Read(bytes, builder); break;
                case MapFormat.LearningStackJson: LearningStackJson.Read(bytes, builder); break;
                default: problems.Add($"Unknown format {format}."); break;
            }
            // Resolving ends and ids finds more problems (duplicate ids, unknown ends) unless reading stopped early.
            var document = builder.Stop ? null : builder.Build();
            return new ImportResult(problems.Count == 0 ? document : null, problems.Items);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add($"The file could not be read as {Describe(format)}: {e.Message}");
            return new ImportResult(null, problems.Items);
        }
    }

    /// <summary>What a person calls the format, for messages.</summary>
    public static string Describe(MapFormat format) => format switch
    {
        MapFormat.KumuXlsx => "a Kumu spreadsheet (XLSX)",
        MapFormat.KumuCsv => "a Kumu spreadsheet (CSV)",
        MapFormat.KumuJson => "a Kumu JSON blueprint",
        MapFormat.InsightMaker => "an Insight Maker model (ModelJSON)",
        MapFormat.GraphMl => "GraphML",
        MapFormat.LearningStackJson => "a LearningStack map (JSON)",
        _ => format.ToString(),
    };

    private static byte[]? ReadAll(Stream input, ProblemList problems)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxFileBytes)
            {
                problems.Add($"The file is larger than {ImportLimits.MaxFileBytes / (1024 * 1024)} MiB, the most one import takes.");
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            problems.Add("The file is empty.");
            return null;
        }
        return buffer.ToArray();
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }
        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }
        return head[start..];
    }

    private static bool Contains(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value) => text.IndexOf(value) >= 0;

    /// <summary>The name of the first entry of a zip, from its local file header.</summary>
    private static string? FirstZipEntry(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30)
        {
            return null;
        }
        var nameLength = head[26] | (head[27] << 8);
        return head.Length < 30 + nameLength ? null : Encoding.UTF8.GetString(head.Slice(30, nameLength));
    }

    /// <summary>
    /// Ours has "format": "learningstack-map"; Kumu has "connections" (or elements with Kumu's fields); Insight
    /// Maker's elements have an upper-case "type" such as STOCK, or the root has "engine" / "simulation".
    /// Reads the top-level property names and the first element from what the head holds.
    /// </summary>
    private static MapFormat? DetectJson(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }));
        string? property = null;
        var inElements = false;
        var sawElements = false;
        string? firstElementType = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        property = reader.GetString();
                        if (property is "connections")
                        {
                            return MapFormat.KumuJson;
                        }
                        if (property is "engine" or "simulation" or "visualizations")
                        {
                            return MapFormat.InsightMaker;
                        }
                        inElements = property == "elements";
                        sawElements |= inElements;
                        break;
                    case JsonTokenType.String when reader.CurrentDepth == 1 && property == "format":
                        if (reader.ValueTextEquals(LearningStackJson.FormatMarker))
                        {
                            return MapFormat.LearningStackJson;
                        }
                        break;
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 3 && inElements && firstElementType is null:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.String when reader.CurrentDepth == 3 && inElements && property == "type" && firstElementType is null:
                        firstElementType = reader.GetString();
                        if (firstElementType is not null && InsightMakerJson.AllTypes.Contains(firstElementType))
                        {
                            return MapFormat.InsightMaker;
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all, or cut off where the head ends: decide on what was seen.
        }
        return sawElements ? MapFormat.KumuJson : null;
    }
}
