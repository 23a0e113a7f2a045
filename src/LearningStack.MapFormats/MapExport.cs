using LearningStack.MapFormats.Kumu;

namespace LearningStack.MapFormats;

/// <summary>Writes maps to files. Insight Maker is import only.</summary>
public static class MapExport
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    /// <exception cref="NotSupportedException">For <see cref="MapFormat.InsightMaker"/>, which is import only.</exception>
    public static void Write(MapDocument document, MapFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case MapFormat.KumuXlsx: KumuXlsx.Write(document, output); break;
            case MapFormat.KumuCsv: KumuCsv.Write(document, output); break;
            case MapFormat.KumuJson: KumuJson.Write(document, output); break;
            case MapFormat.GraphMl: GraphMl.Write(document, output); break;
            case MapFormat.LearningStackJson: LearningStackJson.Write(document, output); break;
            case MapFormat.InsightMaker: throw new NotSupportedException("Insight Maker models can be imported, not exported.");
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown map format.");
        }
    }

    /// <summary>The media type of a file in <paramref name="format"/>.</summary>
    public static string ContentType(MapFormat format) => format switch
    {
        MapFormat.KumuXlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MapFormat.KumuCsv => "application/zip",
        MapFormat.KumuJson or MapFormat.InsightMaker or MapFormat.LearningStackJson => "application/json",
        MapFormat.GraphMl => "application/graphml+xml",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown map format."),
    };

    /// <summary>The file extension, with its dot, of a file in <paramref name="format"/> (KumuCsv exports a .zip).</summary>
    public static string FileExtension(MapFormat format) => format switch
    {
        MapFormat.KumuXlsx => ".xlsx",
        MapFormat.KumuCsv => ".zip",
        MapFormat.KumuJson or MapFormat.InsightMaker or MapFormat.LearningStackJson => ".json",
        MapFormat.GraphMl => ".graphml",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown map format."),
    };
}
