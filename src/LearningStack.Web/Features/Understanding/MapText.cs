using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Understanding;

/// <summary>Cleaning and checking the free text of maps: tags and evidence links.</summary>
public static class MapText
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;

    /// <summary>Splits on | and commas, trims, drops blanks and repeats (ignoring case).</summary>
    public static (List<string> Tags, Failure? Error) Tags(IEnumerable<string>? raw)
    {
        var tags = (raw ?? [])
            .SelectMany(t => (t ?? "").Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (tags.Count > MaxTags)
        {
            return (tags, Failure.Invalid("tags", $"Use at most {MaxTags} tags."));
        }
        if (tags.FirstOrDefault(t => t.Length > MaxTagLength) is { } tooLong)
        {
            return (tags, Failure.Invalid("tags", $"The tag \"{tooLong[..20]}…\" is too long: a tag can be at most {MaxTagLength} characters."));
        }
        return (tags, null);
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Null when the link is empty or a web address; otherwise the error.</summary>
    public static Failure? CheckUrl(string? url, string field) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? null
            : Failure.Invalid(field, "Enter a web address starting with https:// or http://.");
}
