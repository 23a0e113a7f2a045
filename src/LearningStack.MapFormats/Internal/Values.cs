using System.Globalization;

namespace LearningStack.MapFormats.Internal;

/// <summary>Text forms of the model's values, shared by every format.</summary>
internal static class Values
{
    public static readonly string[] Confidences = ["low", "medium", "high"];
    public static readonly string[] Trusts = ["low", "mixed", "good", "unknown"];

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static IReadOnlyList<string> SplitList(string? text) =>
        text is null ? [] : text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string? JoinList(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join('|', items);

    public static string DirectionName(ConnectionDirection direction) => direction switch
    {
        ConnectionDirection.Directed => "directed",
        ConnectionDirection.Undirected => "undirected",
        ConnectionDirection.Mutual => "mutual",
    };

    public static bool TryDirection(string text, out ConnectionDirection direction)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "directed": direction = ConnectionDirection.Directed; return true;
            case "undirected": direction = ConnectionDirection.Undirected; return true;
            case "mutual": direction = ConnectionDirection.Mutual; return true;
            default: direction = default; return false;
        }
    }

    public static string PolaritySymbol(Polarity polarity) => polarity switch
    {
        Polarity.Same => "+",
        Polarity.Opposite => "-",
    };

    public static string PolarityName(Polarity polarity) => polarity switch
    {
        Polarity.Same => "same",
        Polarity.Opposite => "opposite",
    };

    /// <summary>The polarity a Kumu connection type stands for: "+", "-", "same", "opposite" (any case); else none.</summary>
    public static Polarity? PolarityOfKumuType(string? type) => Blank(type)?.ToLowerInvariant() switch
    {
        "+" or "same" => Polarity.Same,
        "-" or "\u2212" or "opposite" => Polarity.Opposite,
        _ => null,
    };

    /// <summary>An explicit polarity value: the Kumu words plus "positive"/"negative" and 1/-1.</summary>
    public static bool TryPolarity(string text, out Polarity polarity)
    {
        var kumu = PolarityOfKumuType(text);
        if (kumu is not null)
        {
            polarity = kumu.Value;
            return true;
        }
        switch (text.Trim().ToLowerInvariant())
        {
            case "positive" or "1" or "+1": polarity = Polarity.Same; return true;
            case "negative" or "-1": polarity = Polarity.Opposite; return true;
            default: polarity = default; return false;
        }
    }

    public static bool TryStrength(string text, out int strength)
    {
        strength = 0;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || number != Math.Floor(number) || number < 1 || number > 5)
        {
            return false;
        }
        strength = (int)number;
        return true;
    }

    public static bool TryDelay(string text, out bool delay)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "yes" or "y" or "true" or "1" or "x" or "delay" or "delayed": delay = true; return true;
            case "no" or "n" or "false" or "0" or "": delay = false; return true;
            default: delay = false; return false;
        }
    }

    /// <summary>An ISO date (a time part is ignored), or an Excel serial date number.</summary>
    public static bool TrySince(string text, out DateOnly since)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out since))
        {
            return true;
        }
        if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime)
            && trimmed.Length >= 10 && trimmed[4] == '-')
        {
            since = DateOnly.FromDateTime(dateTime);
            return true;
        }
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial >= 1 && serial < 2958466)
        {
            since = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return false;
    }

    public static string SinceText(DateOnly since) => since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Lower case, without spaces, underscores and hyphens: "Evidence URL", "evidenceUrl", "evidence_url" are one name.</summary>
    public static string NormalName(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var length = 0;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 256)))
        {
            if (c is not (' ' or '_' or '-' or '\t'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return new string(buffer[..length]);
    }
}

/// <summary>Parses the constrained values (direction, strength, …) and reports what does not parse.</summary>
internal sealed class FieldReader(ProblemList problems)
{
    private delegate bool TryParse<T>(string text, out T value);

    public ProblemList Problems => problems;

    /// <summary>Null for a blank value; the parsed value; or null with a problem when it does not parse.</summary>
    private T? Parse<T>(string? text, Where at, TryParse<T> parse, Func<string, string> complaint) where T : struct
    {
        if (Values.Blank(text) is not { } value)
        {
            return null;
        }
        if (parse(value, out var parsed))
        {
            return parsed;
        }
        problems.Add(at, complaint(value));
        return null;
    }

    public ConnectionDirection Direction(string? text, Where at) =>
        Parse<ConnectionDirection>(text, at, Values.TryDirection,
            value => $"Unknown direction '{value}': use directed, undirected or mutual.") ?? ConnectionDirection.Directed;

    public int? Strength(string? text, Where at) =>
        Parse<int>(text, at, Values.TryStrength, value => $"Strength must be a whole number from 1 to 5; found '{value}'.");

    public Polarity? Polarity(string? text, Where at) =>
        Parse<Polarity>(text, at, Values.TryPolarity, value => $"Unknown polarity '{value}': use + (same) or - (opposite).");

    public bool Delay(string? text, Where at) =>
        Parse<bool>(text, at, Values.TryDelay, value => $"Delay must be yes or no; found '{value}'.") ?? false;

    public DateOnly? Since(string? text, Where at) =>
        Parse<DateOnly>(text, at, Values.TrySince, value => $"Since must be a date like 2024-03-31; found '{value}'.");

    public double? Number(string? text, Where at) =>
        Parse<double>(text, at, Values.TryNumber, value => $"Expected a number; found '{value}'.");

    public string? Confidence(string? text, Where at) => OneOf(text, at, Values.Confidences, "confidence");

    public string? Trust(string? text, Where at) => OneOf(text, at, Values.Trusts, "trust");

    private string? OneOf(string? text, Where at, string[] allowed, string what)
    {
        if (Values.Blank(text) is not { } value)
        {
            return null;
        }
        var lower = value.ToLowerInvariant();
        if (allowed.Contains(lower))
        {
            return lower;
        }
        problems.Add(at, $"Unknown {what} '{value}': use {string.Join(", ", allowed[..^1])} or {allowed[^1]}.");
        return null;
    }
}

/// <summary>XML 1.0 cannot hold some control characters; writers drop them rather than fail.</summary>
internal static class XmlSafe
{
    public static string Text(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }
        return builder.Length == text.Length ? text : builder.ToString();
    }
}
