using System.Collections.Frozen;

namespace LearningStack.MapFormats.Internal;

/// <summary>One named value of an element or connection as a file holds it: a cell, a JSON property, a GraphML data.</summary>
internal sealed record Field(string Name, string? Text, IReadOnlyList<string>? List, Where At)
{
    public string? Value => List is null ? Values.Blank(Text) : Values.JoinList(List);

    public IReadOnlyList<string> Items => List ?? Values.SplitList(Text);
}

/// <summary>
/// The fields the model knows, by every name the formats use for them ("Type", "element type", "evidenceUrl", …).
/// A file's other names go to <c>Extra</c>; a name that collides with a known one is written as "extra: name".
/// </summary>
internal static class Fields
{
    public const string ExtraPrefix = "extra:";

    // Canonical names (as the Kumu sheet heads them).
    public const string Id = "ID", Label = "Label", Type = "Type", Description = "Description", Tags = "Tags",
        Roles = "Roles", EvidenceUrl = "Evidence URL", X = "X", Y = "Y",
        From = "From", To = "To", Direction = "Direction", Strength = "Strength", Polarity = "Polarity",
        Delay = "Delay", Confidence = "Confidence", Trust = "Trust", Note = "Note", Since = "Since";

    private static readonly FrozenDictionary<string, string> ElementNames = new Dictionary<string, string>
    {
        ["id"] = Id, ["label"] = Label, ["type"] = Type, ["elementtype"] = Type, ["description"] = Description,
        ["tags"] = Tags, ["roles"] = Roles, ["evidenceurl"] = EvidenceUrl, ["evidence"] = EvidenceUrl, ["x"] = X, ["y"] = Y,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> ConnectionNames = new Dictionary<string, string>
    {
        ["id"] = Id, ["from"] = From, ["to"] = To, ["type"] = Type, ["connectiontype"] = Type, ["direction"] = Direction,
        ["strength"] = Strength, ["tags"] = Tags, ["label"] = Label, ["polarity"] = Polarity, ["delay"] = Delay,
        ["delayed"] = Delay, ["confidence"] = Confidence, ["trust"] = Trust, ["note"] = Note, ["since"] = Since,
    }.ToFrozenDictionary();

    public static string? ElementField(string name) => ElementNames.GetValueOrDefault(Values.NormalName(name));

    public static string? ConnectionField(string name) => ConnectionNames.GetValueOrDefault(Values.NormalName(name));

    /// <summary>The name to write an extra value under, so that reading it back does not take it for a known field.</summary>
    public static string ExtraName(string key, bool forConnection) =>
        (forConnection ? ConnectionField(key) : ElementField(key)) is null && !key.StartsWith(ExtraPrefix, StringComparison.OrdinalIgnoreCase)
            ? key
            : ExtraPrefix + " " + key;

    /// <summary>Sorts a bag of fields into known ones and extras; reports two fields that mean the same.</summary>
    private static (Dictionary<string, Field> Known, Dictionary<string, string> Extra) Sort(
        IEnumerable<Field> bag, Func<string, string?> known, ProblemList problems)
    {
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in bag)
        {
            if (field.Name.StartsWith(ExtraPrefix, StringComparison.OrdinalIgnoreCase))
            {
                AddExtra(extra, field.Name[ExtraPrefix.Length..].Trim(), field);
            }
            else if (known(field.Name) is { } name)
            {
                if (!fields.TryAdd(name, field))
                {
                    problems.Add(field.At, $"'{field.Name}' says the same as '{fields[name].Name}'; keep one of them.");
                }
            }
            else
            {
                AddExtra(extra, field.Name, field);
            }
        }
        return (fields, extra);
    }

    private static void AddExtra(Dictionary<string, string> extra, string name, Field field)
    {
        if (name.Length > 0 && field.Value is { } value)
        {
            extra[name] = value;
        }
    }

    private static IReadOnlyDictionary<string, string> Frozen(Dictionary<string, string> extra) =>
        extra.Count == 0 ? MapDocument.NoExtra : extra.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>An element from a bag of fields, or null (with a problem) when it has no label.</summary>
    public static (MapElement Element, Where IdAt)? ToElement(IEnumerable<Field> bag, Where at, FieldReader reader)
    {
        var (f, extra) = Sort(bag, ElementField, reader.Problems);
        var label = f.GetValueOrDefault(Label)?.Value;
        if (label is null)
        {
            reader.Problems.Add(f.GetValueOrDefault(Label)?.At ?? at.At(Label), "Missing label: every element needs one.");
            return null;
        }
        var idField = f.GetValueOrDefault(Id);
        var element = new MapElement
        {
            Id = idField?.Value ?? label,
            Label = label,
            Type = f.GetValueOrDefault(Type)?.Value,
            Description = f.GetValueOrDefault(Description)?.Value,
            Tags = f.GetValueOrDefault(Tags)?.Items ?? [],
            Roles = f.GetValueOrDefault(Roles)?.Items ?? [],
            EvidenceUrl = f.GetValueOrDefault(EvidenceUrl)?.Value,
            X = f.TryGetValue(X, out var x) ? reader.Number(x.Value, x.At) : null,
            Y = f.TryGetValue(Y, out var y) ? reader.Number(y.Value, y.At) : null,
            Extra = Frozen(extra),
        };
        return (element, idField?.Value is null ? f[Label].At : idField.At);
    }

    /// <summary>
    /// The connections a bag of fields describes: one, or (Kumu) one per target when To lists several with '|'.
    /// With <paramref name="kumu"/>, a connection type "+", "-", "same" or "opposite" is its polarity.
    /// </summary>
    public static List<PendingConnection> ToConnections(IEnumerable<Field> bag, Where at, FieldReader reader, bool kumu)
    {
        var problems = reader.Problems;
        var (f, extra) = Sort(bag, ConnectionField, problems);
        var from = f.GetValueOrDefault(From);
        var to = f.GetValueOrDefault(To);
        var idField = f.GetValueOrDefault(Id);
        if (from?.Value is null)
        {
            problems.Add(from?.At ?? at.At(From), "Missing From: every connection needs the element it starts at.");
        }
        var targets = to?.Value is null ? [] : kumu ? Values.SplitList(to.Value) : [to.Value];
        if (targets.Count == 0)
        {
            problems.Add(to?.At ?? at.At(To), "Missing To: every connection needs the element it ends at.");
        }
        else if (targets.Count > 1 && idField?.Value is not null)
        {
            problems.Add(to!.At, "A connection with an ID must have a single To (this one lists several with '|').");
        }

        var type = f.GetValueOrDefault(Type)?.Value;
        var polarityField = f.GetValueOrDefault(Polarity);
        var polarity = polarityField is null ? null : reader.Polarity(polarityField.Value, polarityField.At);
        if (kumu && Values.PolarityOfKumuType(type) is { } typed)
        {
            if (polarity is not null && polarity != typed)
            {
                problems.Add(polarityField!.At, $"Polarity '{polarityField.Value}' contradicts the connection type '{type}'.");
            }
            polarity = typed;
            type = null;
        }
        var direction = f.GetValueOrDefault(Direction);
        var strength = f.GetValueOrDefault(Strength);
        var delay = f.GetValueOrDefault(Delay);
        var confidence = f.GetValueOrDefault(Confidence);
        var trust = f.GetValueOrDefault(Trust);
        var since = f.GetValueOrDefault(Since);
        var template = new MapConnection
        {
            Id = idField?.Value,
            From = from?.Value ?? "",
            To = "",
            Type = type,
            Direction = direction is null ? ConnectionDirection.Directed : reader.Direction(direction.Value, direction.At),
            Strength = strength is null ? null : reader.Strength(strength.Value, strength.At),
            Tags = f.GetValueOrDefault(Tags)?.Items ?? [],
            Label = f.GetValueOrDefault(Label)?.Value,
            Polarity = polarity,
            Delay = delay is not null && reader.Delay(delay.Value, delay.At),
            Confidence = confidence is null ? null : reader.Confidence(confidence.Value, confidence.At),
            Trust = trust is null ? null : reader.Trust(trust.Value, trust.At),
            Note = f.GetValueOrDefault(Note)?.Value,
            Since = since is null ? null : reader.Since(since.Value, since.At),
            Extra = Frozen(extra),
        };
        if (from?.Value is null)
        {
            return [];
        }
        return [.. targets.Select(target => new PendingConnection(
            template with { To = target }, from.At, to!.At, idField?.At ?? at.At(Id)))];
    }

    // ---- writing ----------------------------------------------------------------------------------------

    /// <summary>An element column: its sheet name, its camelCase name (GraphML, JSON) and how to get its value.</summary>
    internal sealed record ElementColumn(string Name, string CamelName, Func<MapElement, string?> Text,
        Func<MapElement, IReadOnlyList<string>>? List = null, Func<MapElement, double?>? Number = null, bool Always = false);

    internal sealed record ConnectionColumn(string Name, string CamelName, Func<MapConnection, string?> Text,
        Func<MapConnection, IReadOnlyList<string>>? List = null, Func<MapConnection, double?>? Number = null,
        bool Always = false, bool IsBoolean = false);

    /// <summary>Element columns after ID (written when some element's ID differs from its label) and Label.</summary>
    public static readonly ElementColumn[] ElementColumns =
    [
        new(Type, "type", e => e.Type, Always: true),
        new(Description, "description", e => e.Description, Always: true),
        new(Tags, "tags", e => Values.JoinList(e.Tags), e => e.Tags, Always: true),
        new(Roles, "roles", e => Values.JoinList(e.Roles), e => e.Roles),
        new(EvidenceUrl, "evidenceUrl", e => e.EvidenceUrl),
        new(X, "x", e => e.X is { } x ? Values.Number(x) : null, Number: e => e.X),
        new(Y, "y", e => e.Y is { } y ? Values.Number(y) : null, Number: e => e.Y),
    ];

    /// <summary>
    /// Connection columns after ID, From and To. For Kumu (<paramref name="kumu"/>) polarity rides on the type
    /// ("+" / "-") when the connection has no type of its own, and a Polarity column is only needed otherwise.
    /// </summary>
    public static ConnectionColumn[] ConnectionColumns(bool kumu) =>
    [
        new(Type, "type", c => kumu ? c.Type ?? PolarityText(c) : c.Type, Always: true),
        new(Direction, "direction", c => Values.DirectionName(c.Direction), Always: true),
        new(Strength, "strength", c => c.Strength?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Number: c => c.Strength, Always: true),
        new(Tags, "tags", c => Values.JoinList(c.Tags), c => c.Tags, Always: true),
        new(Label, "label", c => c.Label, Always: true),
        new(Polarity, "polarity", c => !kumu || (c.Type is not null && Values.PolarityOfKumuType(c.Type) != c.Polarity) ? PolarityText(c) : null),
        new(Delay, "delay", c => c.Delay ? "yes" : null, IsBoolean: true),
        new(Confidence, "confidence", c => c.Confidence),
        new(Trust, "trust", c => c.Trust),
        new(Note, "note", c => c.Note),
        new(Since, "since", c => c.Since is { } since ? Values.SinceText(since) : null),
    ];

    private static string? PolarityText(MapConnection c) => c.Polarity is { } p ? Values.PolaritySymbol(p) : null;

    /// <summary>Whether any element has an ID that is not its label (then an ID column is needed).</summary>
    public static bool NeedsElementIds(MapDocument document) => document.Elements.Any(e => e.Id != e.Label);

    /// <summary>The union of extra keys, in order of first appearance.</summary>
    public static List<string> ExtraKeys<T>(IEnumerable<T> items, Func<T, IReadOnlyDictionary<string, string>> extra) =>
        [.. items.SelectMany(item => extra(item).Keys).Distinct(StringComparer.Ordinal)];
}

/// <summary>A connection read from a file whose ends are not resolved to element ids yet.</summary>
internal sealed record PendingConnection(MapConnection Connection, Where FromAt, Where ToAt, Where IdAt);
