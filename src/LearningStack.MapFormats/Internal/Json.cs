using System.Text.Json;

namespace LearningStack.MapFormats.Internal;

/// <summary>Reading JSON files into problems rather than exceptions.</summary>
internal static class Json
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = ImportLimits.MaxJsonDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The document, or null with a problem that gives the line of the first syntax error.</summary>
    public static JsonDocument? Parse(byte[] bytes, ProblemList problems)
    {
        try
        {
            return JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } zeroBased ? (int?)(zeroBased + 1) : null;
            var column = e.BytePositionInLine is { } position ? $"character {position + 1}" : null;
            var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd(' ', '.', '|');
            problems.Add(new ImportProblem(null, line, column, $"The file is not valid JSON: {reason}."));
            return null;
        }
    }

    /// <summary>
    /// The document when its root is an object with one of <paramref name="anyOf"/>; else null, with a problem
    /// saying the file is JSON but not <paramref name="what"/>.
    /// </summary>
    public static JsonDocument? ParseObject(byte[] bytes, ProblemList problems, string[] anyOf, string what)
    {
        var document = Parse(bytes, problems);
        if (document is null)
        {
            return null;
        }
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && anyOf.Any(name => root.TryGetProperty(name, out _)))
        {
            return document;
        }
        document.Dispose();
        problems.Add($"The file is JSON but not {what}.");
        return null;
    }

    /// <summary>A JSON value as text: strings as they are, numbers and booleans as written, objects as JSON.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };

    /// <summary>A property as a field: arrays become lists, everything else text.</summary>
    public static Field Field(JsonProperty property, string path) =>
        property.Value.ValueKind == JsonValueKind.Array
            ? new Field(property.Name, null,
                [.. property.Value.EnumerateArray().Select(Text).OfType<string>().Where(item => item.Length > 0)],
                new Where(null, null, path))
            : new Field(property.Name, Text(property.Value), null, new Where(null, null, path));

    /// <summary>The array under <paramref name="name"/>, an empty one when it is missing, or null (with a problem) when it is not an array.</summary>
    public static JsonElement.ArrayEnumerator? Array(JsonElement root, string name, ProblemList problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default(JsonElement.ArrayEnumerator);
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ImportProblem(null, null, name, $"'{name}' must be a list ([...]); found {Describe(value)}."));
            return null;
        }
        return value.EnumerateArray();
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
