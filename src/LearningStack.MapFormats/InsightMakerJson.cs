using System.Text.Json;
using LearningStack.MapFormats.Internal;

namespace LearningStack.MapFormats;

/// <summary>
/// Insight Maker's ModelJSON (import only): <c>{"name": …, "elements": [{"type": "STOCK" | "VARIABLE" | "FLOW" |
/// "LINK" | …, "name": …}]}</c>. Named primitives become elements (their name is their id: names are
/// case-insensitive, so are references to them); links become connections with their
/// <c>behavior.polarity</c> (POSITIVE / NEGATIVE / NEUTRAL, or "+" / "-"). A flow becomes an element too, with a
/// "+" connection to the stock it fills and a "-" connection to the stock it drains, as in a causal loop diagram.
/// </summary>
internal static class InsightMakerJson
{
    private static readonly string[] NodeTypes = ["STOCK", "VARIABLE", "CONVERTER", "STATE", "FLOW", "TRANSITION"];
    public static readonly string[] AllTypes = [.. NodeTypes, "LINK"];

    public static void Read(byte[] bytes, DocumentBuilder builder)
    {
        var problems = builder.Problems;
        using var document = Json.ParseObject(bytes, problems, ["elements"],
            "an Insight Maker model: expected an object with an \"elements\" list");
        if (document is null)
        {
            return;
        }
        var root = document.RootElement;
        builder.Name = root.TryGetProperty("name", out var name) ? Values.Blank(Json.Text(name)) : null;
        builder.Kind = MapDocument.FactorMap;
        if (Json.Array(root, "elements", problems) is not { } items)
        {
            return;
        }
        var primitives = items.Select((item, index) => (Item: item, Path: $"elements[{index}]")).ToList();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, path) in primitives)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ImportProblem(null, null, path, $"Expected an object ({{...}}); found {Json.Describe(item)}."));
                continue;
            }
            var type = String(item, "type")?.ToUpperInvariant();
            if (type is null || !AllTypes.Contains(type))
            {
                problems.Add(new ImportProblem(null, null, $"{path}.type",
                    $"Unknown element type '{type}': expected one of {string.Join(", ", AllTypes)}."));
                continue;
            }
            if (type == "LINK")
            {
                continue;
            }
            if (String(item, "name") is not { } label)
            {
                problems.Add(new ImportProblem(null, null, $"{path}.name", $"A {type.ToLowerInvariant()} needs a name."));
                continue;
            }
            if (!names.TryAdd(label, label))
            {
                problems.Add(new ImportProblem(null, null, $"{path}.name", $"Duplicate name '{label}' (names are not case-sensitive)."));
                continue;
            }
            builder.Add(Element(item, type, label), new Where(null, null, $"{path}.name"));
        }
        foreach (var (item, path) in primitives)
        {
            if (item.ValueKind == JsonValueKind.Object && String(item, "type")?.ToUpperInvariant() is "LINK" or "FLOW" or "TRANSITION")
            {
                builder.AddRange(Connections(item, path, names, builder.Reader));
            }
            if (builder.Stop)
            {
                return;
            }
        }
    }

    private static MapElement Element(JsonElement item, string type, string label)
    {
        double? x = null, y = null;
        if (item.TryGetProperty("display", out var display) && display.ValueKind == JsonValueKind.Object
            && display.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array
            && coordinates.GetArrayLength() == 2
            && coordinates[0].TryGetDouble(out var cx) && coordinates[1].TryGetDouble(out var cy))
        {
            (x, y) = (cx, cy);
        }
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("behavior", out var behavior) && behavior.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in behavior.EnumerateObject())
            {
                if (Json.Text(property.Value) is { } text)
                {
                    extra[property.Name] = text;
                }
            }
        }
        return new MapElement
        {
            Id = label,
            Label = label,
            Type = char.ToUpperInvariant(type[0]) + type[1..].ToLowerInvariant(),
            Description = String(item, "description"),
            X = x,
            Y = y,
            Extra = extra.Count == 0 ? MapDocument.NoExtra : extra,
        };
    }

    private static IEnumerable<PendingConnection> Connections(JsonElement item, string path,
        Dictionary<string, string> names, FieldReader reader)
    {
        var type = String(item, "type")!.ToUpperInvariant();
        var from = End(item, "from", path, names, reader.Problems);
        var to = End(item, "to", path, names, reader.Problems);
        var at = new Where(null, null, path);
        if (type == "LINK")
        {
            if (from is null || to is null)
            {
                yield break; // a link with a loose end influences nothing
            }
            var polarityText = item.TryGetProperty("behavior", out var behavior) && behavior.ValueKind == JsonValueKind.Object
                && behavior.TryGetProperty("polarity", out var inner) ? Json.Text(inner)
                : item.TryGetProperty("polarity", out var outer) ? Json.Text(outer) : null;
            var polarity = Values.Blank(polarityText)?.ToUpperInvariant() switch
            {
                null or "NEUTRAL" => (Polarity?)null,
                "POSITIVE" => Polarity.Same,
                "NEGATIVE" => Polarity.Opposite,
                var other => reader.Polarity(other, at.At($"{path}.behavior.polarity")),
            };
            yield return new PendingConnection(
                new MapConnection { From = from, To = to, Polarity = polarity, Label = String(item, "name"), Note = String(item, "description") },
                at.At($"{path}.from"), at.At($"{path}.to"), at);
            yield break;
        }
        // A flow or transition is an element between two stocks or states.
        if (String(item, "name") is not { } name || !names.TryGetValue(name, out var self))
        {
            yield break; // reported when the elements were read
        }
        var kind = type == "FLOW" ? "flow" : "transition";
        if (to is not null)
        {
            yield return new PendingConnection(
                new MapConnection { From = self, To = to, Type = kind, Polarity = type == "FLOW" ? Polarity.Same : null },
                at.At($"{path}.name"), at.At($"{path}.to"), at);
        }
        if (from is not null)
        {
            yield return type == "FLOW"
                ? new PendingConnection(new MapConnection { From = self, To = from, Type = kind, Polarity = Polarity.Opposite },
                    at.At($"{path}.name"), at.At($"{path}.from"), at)
                : new PendingConnection(new MapConnection { From = from, To = self, Type = kind },
                    at.At($"{path}.from"), at.At($"{path}.name"), at);
        }
    }

    /// <summary>The element an end names, as it is spelled where it was defined; null for a loose end or an unknown name (reported).</summary>
    private static string? End(JsonElement item, string property, string path, Dictionary<string, string> names, ProblemList problems)
    {
        if (String(item, property) is not { } name)
        {
            return null;
        }
        if (names.TryGetValue(name, out var canonical))
        {
            return canonical;
        }
        problems.Add(new ImportProblem(null, null, $"{path}.{property}", $"No element is named '{name}'."));
        return null;
    }

    private static string? String(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) ? Values.Blank(Json.Text(value)) : null;
}
