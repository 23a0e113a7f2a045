using System.Text.Json;
using LearningStack.MapFormats.Internal;

namespace LearningStack.MapFormats.Kumu;

/// <summary>
/// Kumu JSON blueprints: <c>{"elements": [{"label": …}], "connections": [{"from": …, "to": …}]}</c>. Fields may
/// also sit under "attributes", as in Kumu's own exports (with "_id", "element type", "connection type").
/// </summary>
internal static class KumuJson
{
    public static void Read(byte[] bytes, DocumentBuilder builder)
    {
        var problems = builder.Problems;
        using var document = Json.ParseObject(bytes, problems, ["elements", "connections"],
            "a Kumu blueprint: expected an object with \"elements\" and \"connections\" lists");
        if (document is null)
        {
            return;
        }
        var root = document.RootElement;
        if (Json.Array(root, "elements", problems) is { } elements)
        {
            var index = 0;
            foreach (var item in elements)
            {
                var path = $"elements[{index++}]";
                if (Bag(item, path, problems) is { } bag
                    && Fields.ToElement(bag, new Where(null, null, path), builder.Reader) is { } element)
                {
                    builder.Add(element.Element, element.IdAt);
                }
                if (builder.Stop)
                {
                    return;
                }
            }
        }
        if (Json.Array(root, "connections", problems) is { } connections)
        {
            var index = 0;
            foreach (var item in connections)
            {
                var path = $"connections[{index++}]";
                if (Bag(item, path, problems) is { } bag)
                {
                    builder.AddRange(Fields.ToConnections(bag, new Where(null, null, path), builder.Reader, kumu: true));
                }
                if (builder.Stop)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The fields of one element or connection: its own properties and those under "attributes".</summary>
    private static List<Field>? Bag(JsonElement item, string path, ProblemList problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ImportProblem(null, null, path, $"Expected an object ({{...}}); found {Json.Describe(item)}."));
            return null;
        }
        var bag = new List<Field>();
        foreach (var property in item.EnumerateObject())
        {
            if (property.NameEquals("attributes") && property.Value.ValueKind == JsonValueKind.Object)
            {
                bag.AddRange(property.Value.EnumerateObject().Select(inner => Json.Field(inner, $"{path}.attributes.{inner.Name}")));
            }
            else
            {
                bag.Add(Json.Field(property, $"{path}.{property.Name}"));
            }
        }
        return bag;
    }

    public static void Write(MapDocument document, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        var withIds = Fields.NeedsElementIds(document);
        json.WriteStartArray("elements");
        foreach (var element in document.Elements)
        {
            json.WriteStartObject();
            if (withIds)
            {
                json.WriteString("id", element.Id);
            }
            json.WriteString("label", element.Label);
            foreach (var column in Fields.ElementColumns)
            {
                WriteValue(json, column.Name.ToLowerInvariant(), column.Text(element), column.List?.Invoke(element), column.Number?.Invoke(element));
            }
            WriteExtra(json, element.Extra, forConnection: false);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("connections");
        foreach (var connection in document.Connections)
        {
            json.WriteStartObject();
            if (connection.Id is not null)
            {
                json.WriteString("id", connection.Id);
            }
            json.WriteString("from", connection.From);
            json.WriteString("to", connection.To);
            foreach (var column in Fields.ConnectionColumns(kumu: true))
            {
                if (column.IsBoolean)
                {
                    if (column.Text(connection) is not null)
                    {
                        json.WriteBoolean("delayed", true);
                    }
                    continue;
                }
                WriteValue(json, column.Name.ToLowerInvariant(), column.Text(connection), column.List?.Invoke(connection), column.Number?.Invoke(connection));
            }
            WriteExtra(json, connection.Extra, forConnection: true);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, string? text, IReadOnlyList<string>? list, double? number)
    {
        if (list is not null)
        {
            if (list.Count > 0)
            {
                json.WriteStartArray(name);
                foreach (var item in list)
                {
                    json.WriteStringValue(item);
                }
                json.WriteEndArray();
            }
        }
        else if (number is { } value)
        {
            json.WriteNumber(name, value);
        }
        else if (text is not null)
        {
            json.WriteString(name, text);
        }
    }

    private static void WriteExtra(Utf8JsonWriter json, IReadOnlyDictionary<string, string> extra, bool forConnection)
    {
        foreach (var (key, value) in extra)
        {
            json.WriteString(Fields.ExtraName(key, forConnection), value);
        }
    }
}
