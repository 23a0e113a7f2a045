using System.Text.Json;
using LearningStack.MapFormats.Internal;

namespace LearningStack.MapFormats;

/// <summary>
/// LearningStack's own map format: every field of the model, camelCase, with
/// <c>"format": "learningstack-map", "version": 1</c>. Strict on read: an unknown property, a value of the wrong
/// kind or out of range is a problem, so a file that reads is exactly the map that was written.
/// </summary>
internal static class LearningStackJson
{
    public const string FormatMarker = "learningstack-map";
    public const int Version = 1;

    public static void Read(byte[] bytes, DocumentBuilder builder)
    {
        var problems = builder.Problems;
        using var document = Json.Parse(bytes, problems);
        if (document is null)
        {
            return;
        }
        var root = new ObjectReader(document.RootElement, "", problems);
        if (!root.IsObject || root.Get("format") is not { } marker || Json.Text(marker) != FormatMarker)
        {
            problems.Add(new ImportProblem(null, null, "format", $"The file is JSON but not a LearningStack map: expected \"format\": \"{FormatMarker}\"."));
            return;
        }
        root.Known("format");
        var version = root.Integer("version");
        if (version != Version)
        {
            problems.Add(new ImportProblem(null, null, "version",
                $"This is version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} of the format; this LearningStack reads version {Version}."));
            return;
        }
        builder.Name = root.String("name");
        builder.Kind = root.OneOf("kind", [MapDocument.ActorMap, MapDocument.FactorMap]);
        foreach (var item in root.Objects("elements"))
        {
            var id = item.String("id", required: true);
            var label = item.String("label", required: true);
            var element = new MapElement
            {
                Id = id ?? "",
                Label = label ?? "",
                Type = item.String("type"),
                Description = item.String("description"),
                Tags = item.List("tags"),
                Roles = item.List("roles"),
                EvidenceUrl = item.String("evidenceUrl"),
                X = item.Number("x"),
                Y = item.Number("y"),
                Extra = item.Map("extra"),
            };
            item.RejectUnknown();
            if (id is not null && label is not null)
            {
                builder.Add(element, item.At("id"));
            }
            if (builder.Stop)
            {
                return;
            }
        }
        foreach (var item in root.Objects("connections"))
        {
            var from = item.String("from", required: true);
            var to = item.String("to", required: true);
            var strength = item.Integer("strength");
            if (strength is < 1 or > 5)
            {
                problems.Add(item.At("strength"), $"Strength must be a whole number from 1 to 5; found {strength}.");
            }
            var connection = new MapConnection
            {
                Id = item.String("id"),
                From = from ?? "",
                To = to ?? "",
                Type = item.String("type"),
                Direction = item.OneOf("direction", ["directed", "undirected", "mutual"]) is { } direction
                    && Values.TryDirection(direction, out var parsed) ? parsed : ConnectionDirection.Directed,
                Strength = strength,
                Tags = item.List("tags"),
                Label = item.String("label"),
                Polarity = item.OneOf("polarity", ["same", "opposite"]) switch
                {
                    "same" => Polarity.Same,
                    "opposite" => Polarity.Opposite,
                    _ => null,
                },
                Delay = item.Boolean("delay") ?? false,
                Confidence = item.OneOf("confidence", Values.Confidences),
                Trust = item.OneOf("trust", Values.Trusts),
                Note = item.String("note"),
                Since = item.Date("since"),
                Extra = item.Map("extra"),
            };
            item.RejectUnknown();
            if (from is not null && to is not null)
            {
                builder.Add(new PendingConnection(connection, item.At("from"), item.At("to"), item.At("id")));
            }
            if (builder.Stop)
            {
                return;
            }
        }
        root.RejectUnknown();
    }

    /// <summary>Reads the properties of one JSON object, reporting wrong kinds of value and properties it does not know.</summary>
    private sealed class ObjectReader(JsonElement value, string path, ProblemList problems)
    {
        private readonly HashSet<string> _read = new(StringComparer.Ordinal);

        public bool IsObject => value.ValueKind == JsonValueKind.Object;

        public Where At(string name) => new(null, null, path.Length == 0 ? name : $"{path}.{name}");

        public void Known(string name) => _read.Add(name);

        public JsonElement? Get(string name)
        {
            _read.Add(name);
            return IsObject && value.TryGetProperty(name, out var property) && property.ValueKind != JsonValueKind.Null ? property : null;
        }

        private bool Expect(JsonElement property, string name, JsonValueKind kind, string what)
        {
            if (property.ValueKind == kind || (kind == JsonValueKind.True && property.ValueKind == JsonValueKind.False))
            {
                return true;
            }
            problems.Add(At(name), $"Expected {what}; found {Json.Describe(property)}.");
            return false;
        }

        public string? String(string name, bool required = false)
        {
            if (Get(name) is not { } property)
            {
                if (required)
                {
                    problems.Add(At(name), $"'{name}' is required.");
                }
                return null;
            }
            if (!Expect(property, name, JsonValueKind.String, "text"))
            {
                return null;
            }
            var text = property.GetString();
            if (required && string.IsNullOrWhiteSpace(text))
            {
                problems.Add(At(name), $"'{name}' must not be empty.");
                return null;
            }
            return text;
        }

        public string? OneOf(string name, string[] allowed)
        {
            if (String(name) is not { } text)
            {
                return null;
            }
            if (allowed.Contains(text))
            {
                return text;
            }
            problems.Add(At(name), $"Unknown {name} '{text}': use {string.Join(", ", allowed[..^1])} or {allowed[^1]}.");
            return null;
        }

        public double? Number(string name) =>
            Get(name) is { } property && Expect(property, name, JsonValueKind.Number, "a number") ? property.GetDouble() : null;

        public int? Integer(string name)
        {
            if (Get(name) is not { } property || !Expect(property, name, JsonValueKind.Number, "a whole number"))
            {
                return null;
            }
            if (property.TryGetInt32(out var number))
            {
                return number;
            }
            problems.Add(At(name), $"Expected a whole number; found {property.GetRawText()}.");
            return null;
        }

        public bool? Boolean(string name) =>
            Get(name) is { } property && Expect(property, name, JsonValueKind.True, "true or false") ? property.GetBoolean() : null;

        public DateOnly? Date(string name)
        {
            if (String(name) is not { } text)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var date))
            {
                return date;
            }
            problems.Add(At(name), $"Expected a date like 2024-03-31; found '{text}'.");
            return null;
        }

        public IReadOnlyList<string> List(string name)
        {
            if (Get(name) is not { } property || !Expect(property, name, JsonValueKind.Array, "a list of texts"))
            {
                return [];
            }
            var items = new List<string>();
            foreach (var item in property.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    items.Add(item.GetString()!);
                }
                else
                {
                    problems.Add(At(name), $"Expected a list of texts; it holds {Json.Describe(item)}.");
                    return [];
                }
            }
            return items;
        }

        public IReadOnlyDictionary<string, string> Map(string name)
        {
            if (Get(name) is not { } property || !Expect(property, name, JsonValueKind.Object, "an object of texts"))
            {
                return MapDocument.NoExtra;
            }
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in property.EnumerateObject())
            {
                if (item.Value.ValueKind != JsonValueKind.String)
                {
                    problems.Add(At($"{name}.{item.Name}"), $"Expected text; found {Json.Describe(item.Value)}.");
                    continue;
                }
                map[item.Name] = item.Value.GetString()!;
            }
            return map.Count == 0 ? MapDocument.NoExtra : map;
        }

        public IEnumerable<ObjectReader> Objects(string name)
        {
            if (Get(name) is not { } property || !Expect(property, name, JsonValueKind.Array, "a list"))
            {
                yield break;
            }
            var index = 0;
            foreach (var item in property.EnumerateArray())
            {
                var itemPath = $"{name}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ImportProblem(null, null, itemPath, $"Expected an object ({{...}}); found {Json.Describe(item)}."));
                    continue;
                }
                yield return new ObjectReader(item, itemPath, problems);
            }
        }

        public void RejectUnknown()
        {
            if (!IsObject)
            {
                return;
            }
            foreach (var property in value.EnumerateObject())
            {
                if (!_read.Contains(property.Name))
                {
                    problems.Add(At(property.Name), $"Unknown property '{property.Name}'.");
                }
            }
        }
    }

    public static void Write(MapDocument document, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", FormatMarker);
        json.WriteNumber("version", Version);
        Optional(json, "name", document.Name);
        Optional(json, "kind", document.Kind);
        json.WriteStartArray("elements");
        foreach (var e in document.Elements)
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("label", e.Label);
            Optional(json, "type", e.Type);
            Optional(json, "description", e.Description);
            List(json, "tags", e.Tags);
            List(json, "roles", e.Roles);
            Optional(json, "evidenceUrl", e.EvidenceUrl);
            if (e.X is { } x)
            {
                json.WriteNumber("x", x);
            }
            if (e.Y is { } y)
            {
                json.WriteNumber("y", y);
            }
            Map(json, "extra", e.Extra);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("connections");
        foreach (var c in document.Connections)
        {
            json.WriteStartObject();
            Optional(json, "id", c.Id);
            json.WriteString("from", c.From);
            json.WriteString("to", c.To);
            Optional(json, "type", c.Type);
            json.WriteString("direction", Values.DirectionName(c.Direction));
            if (c.Strength is { } strength)
            {
                json.WriteNumber("strength", strength);
            }
            List(json, "tags", c.Tags);
            Optional(json, "label", c.Label);
            Optional(json, "polarity", c.Polarity is { } polarity ? Values.PolarityName(polarity) : null);
            if (c.Delay)
            {
                json.WriteBoolean("delay", true);
            }
            Optional(json, "confidence", c.Confidence);
            Optional(json, "trust", c.Trust);
            Optional(json, "note", c.Note);
            Optional(json, "since", c.Since is { } since ? Values.SinceText(since) : null);
            Map(json, "extra", c.Extra);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void List(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }
        json.WriteEndArray();
    }

    private static void Map(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }
        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
    }
}
