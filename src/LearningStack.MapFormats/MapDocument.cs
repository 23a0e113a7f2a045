using System.Collections.Frozen;

namespace LearningStack.MapFormats;

/// <summary>The file formats a map can be read from or written to.</summary>
public enum MapFormat
{
    /// <summary>Kumu spreadsheet as an .xlsx workbook (Elements and Connections sheets).</summary>
    KumuXlsx,
    /// <summary>Kumu spreadsheet as CSV: one sheet per .csv file, or a .zip holding elements.csv and connections.csv.</summary>
    KumuCsv,
    /// <summary>Kumu JSON blueprint (<c>{"elements": [...], "connections": [...]}</c>).</summary>
    KumuJson,
    /// <summary>Insight Maker ModelJSON (import only).</summary>
    InsightMaker,
    /// <summary>GraphML with &lt;key&gt; declarations for our attributes.</summary>
    GraphMl,
    /// <summary>LearningStack's own lossless JSON (<c>"format": "learningstack-map"</c>).</summary>
    LearningStackJson,
}

/// <summary>How a connection points.</summary>
public enum ConnectionDirection
{
    Directed,
    Undirected,
    Mutual,
}

/// <summary>Polarity of a causal link: <see cref="Same"/> is "+", <see cref="Opposite"/> is "−".</summary>
public enum Polarity
{
    Same,
    Opposite,
}

/// <summary>An element of a map: an actor, or a factor of a factor map.</summary>
public sealed record MapElement
{
    /// <summary>Stable id within the document (Kumu ID, or the label when there is no ID).</summary>
    public required string Id { get; init; }

    public required string Label { get; init; }

    /// <summary>Kumu "Type", or our actor kind.</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Our actor roles, kept for a lossless round trip.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public string? EvidenceUrl { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    /// <summary>Other columns or attributes of the source file, kept by name.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = MapDocument.NoExtra;
}

/// <summary>A connection between two elements of a map.</summary>
public sealed record MapConnection
{
    public string? Id { get; init; }

    /// <summary>The <see cref="MapElement.Id"/> the connection starts at.</summary>
    public required string From { get; init; }

    /// <summary>The <see cref="MapElement.Id"/> the connection ends at.</summary>
    public required string To { get; init; }

    /// <summary>Kumu connection type, or our relationship kind.</summary>
    public string? Type { get; init; }

    public ConnectionDirection Direction { get; init; } = ConnectionDirection.Directed;

    /// <summary>1 to 5 when present.</summary>
    public int? Strength { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Label { get; init; }

    /// <summary>Causal polarity, when known.</summary>
    public Polarity? Polarity { get; init; }

    public bool Delay { get; init; }

    /// <summary>low, medium or high.</summary>
    public string? Confidence { get; init; }

    /// <summary>low, mixed, good or unknown.</summary>
    public string? Trust { get; init; }

    public string? Note { get; init; }

    public DateOnly? Since { get; init; }

    /// <summary>Other columns or attributes of the source file, kept by name.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = MapDocument.NoExtra;
}

/// <summary>A whole map in a neutral shape: what every format reads into and writes from.</summary>
/// <param name="Name">The map's name, when the file has one.</param>
/// <param name="Kind">"actor-map", "factor-map", or null when the file does not say.</param>
public sealed record MapDocument(
    string? Name,
    string? Kind,
    IReadOnlyList<MapElement> Elements,
    IReadOnlyList<MapConnection> Connections)
{
    /// <summary>The empty <see cref="MapElement.Extra"/> / <see cref="MapConnection.Extra"/>.</summary>
    public static IReadOnlyDictionary<string, string> NoExtra { get; } = FrozenDictionary<string, string>.Empty;

    public const string ActorMap = "actor-map";
    public const string FactorMap = "factor-map";
}

/// <summary>One thing wrong with an imported file.</summary>
/// <param name="Sheet">The sheet (or file inside a zip) where it is, when the format has sheets.</param>
/// <param name="Row">1-based row as a person sees it in the file (the header is row 1); the line for JSON and GraphML.</param>
/// <param name="Column">The column header, or the JSON path / GraphML attribute.</param>
/// <param name="Message">What is wrong, in words for the person who made the file.</param>
public sealed record ImportProblem(string? Sheet, int? Row, string? Column, string Message)
{
    public override string ToString()
    {
        var where = string.Join(", ", new[]
        {
            Sheet is null ? null : $"sheet '{Sheet}'",
            Row is null ? null : $"row {Row}",
            Column is null ? null : $"column '{Column}'",
        }.Where(part => part is not null));
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}

/// <summary>The outcome of an import: a whole document and no problems, or no document and every problem found.</summary>
public sealed record ImportResult(MapDocument? Document, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Document is not null && Problems.Count == 0;
}
