using System.Globalization;
using LearningStack.MapFormats;

namespace LearningStack.Web.Features.Understanding;

/// <summary>Our maps as neutral map documents (for export and snapshots), and documents as new map elements (for import).
/// Element ids in a document are our ids, so a snapshot can be compared element by element with the map of today.</summary>
public static class MapDocuments
{
    public static MapDocument From(ActorMapView map) => new(map.Cycle.CycleName, MapDocument.ActorMap,
        [.. map.Actors.Select(a => new MapElement
        {
            Id = a.Id.ToString(), Label = a.Name, Type = a.Kind.ToString(), Description = a.Description, Tags = a.Tags,
            Roles = [.. a.Roles.Select(r => r.ToString())], X = a.X, Y = a.Y,
        })],
        [.. map.Relationships.Select(r => new MapConnection
        {
            Id = r.Id.ToString(), From = r.FromId.ToString(), To = r.ToId.ToString(), Type = r.Kind,
            Direction = r.Direction == RelationshipDirection.Mutual ? ConnectionDirection.Mutual : ConnectionDirection.Directed,
            Strength = r.Strength, Trust = r.Trust.ToString().ToLowerInvariant(), Note = r.Notes, Since = r.Since,
        })]);

    public static MapDocument From(FactorMapView map) => new(map.Cycle.CycleName, MapDocument.FactorMap,
        [.. map.Factors.Select(f => new MapElement
        {
            Id = f.Id.ToString(), Label = f.Name, Description = f.Description, Tags = f.Tags, EvidenceUrl = f.EvidenceUrl, X = f.X, Y = f.Y,
        })],
        [.. map.Links.Select(l => new MapConnection
        {
            Id = l.Id.ToString(), From = l.FromId.ToString(), To = l.ToId.ToString(), Type = l.Polarity == LinkPolarity.Same ? "+" : "-",
            Polarity = l.Polarity == LinkPolarity.Same ? Polarity.Same : Polarity.Opposite, Delay = l.Delay,
            Confidence = l.Confidence.ToString().ToLowerInvariant(), Note = l.EvidenceNote,
        })]);

    /// <summary>Reads an actor kind from a file's element type: our own names, or common words in other tools' maps.</summary>
    public static ActorKind KindOf(string? type)
    {
        if (Enum.TryParse<ActorKind>(type, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
        {
            return kind;
        }
        var t = (type ?? "").ToLowerInvariant();
        return t.Contains("person", StringComparison.Ordinal) || t.Contains("people", StringComparison.Ordinal) || t.Contains("individual", StringComparison.Ordinal) ? ActorKind.Person
            : t.Contains("team", StringComparison.Ordinal) ? ActorKind.Team
            : t.Contains("communit", StringComparison.Ordinal) || t.Contains("group", StringComparison.Ordinal) ? ActorKind.Community
            : ActorKind.Organisation;
    }

    public static ActorRoles RolesOf(IEnumerable<string> roles) =>
        roles.Aggregate(ActorRoles.None, (all, r) => Enum.TryParse<ActorRoles>(r.Replace(" ", "", StringComparison.Ordinal), true, out var role) ? all | role : all);

    public static TrustQuality TrustOf(string? trust) => Enum.TryParse<TrustQuality>(trust, true, out var t) && Enum.IsDefined(t) ? t : TrustQuality.Unknown;

    public static Confidence ConfidenceOf(string? confidence) => Enum.TryParse<Confidence>(confidence, true, out var c) && Enum.IsDefined(c) ? c : Confidence.Medium;

    public static string Where(MapConnection c, IReadOnlyDictionary<string, MapElement> elements) =>
        string.Create(CultureInfo.InvariantCulture, $"The connection from “{Label(c.From, elements)}” to “{Label(c.To, elements)}”");

    private static string Label(string id, IReadOnlyDictionary<string, MapElement> elements) => elements.TryGetValue(id, out var e) ? e.Label : id;
}
