using System.Globalization;
using System.Text;

namespace LearningStack.Web.Features.Issues;

/// <summary>The issue log's words and small pure rules (tags, file names).</summary>
public static class IssueText
{
    public const int MaxTagLength = 50;
    public const int MaxTags = 20;

    public static string Level(IssueLevel level) => level switch
    {
        IssueLevel.Individual => "1 · Individual — what I or others do",
        IssueLevel.System => "2 · System — how this system works",
        IssueLevel.Macro => "3 · Macro — how other systems affect this one",
        _ => level.ToString(),
    };

    public static string LevelShort(IssueLevel level) => level switch
    {
        IssueLevel.Individual => "1 · Individual",
        IssueLevel.System => "2 · System",
        IssueLevel.Macro => "3 · Macro",
        _ => level.ToString(),
    };

    public static string Owner(IssueOwner owner) => owner.ToString();

    public static string Status(IssueStatus status) => status.ToString();

    public static string Source(IssueSource source, string? label) => label ?? source switch
    {
        IssueSource.Direct => "Typed directly",
        IssueSource.Insight => "From a session insight",
        IssueSource.Experiment => "From an experiment",
        IssueSource.Case => "From a case",
        IssueSource.Route => "Routed from another cycle",
        _ => source.ToString(),
    };

    /// <summary>Tags trimmed, empty ones dropped, commas treated as separators, and the same tag in any case kept once (the first
    /// spelling wins), in the order given.</summary>
    public static List<string> NormaliseTags(IEnumerable<string?>? tags)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var raw in tags ?? [])
        {
            foreach (var part in (raw ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (tag.Length > 0 && seen.Add(tag))
                {
                    result.Add(tag);
                }
            }
        }
        return result;
    }

    /// <summary>The problem with a set of normalised tags, if any.</summary>
    public static string? TagProblem(IReadOnlyList<string> tags) =>
        tags.Count > MaxTags ? $"Use at most {MaxTags} tags."
        : tags.FirstOrDefault(t => t.Length > MaxTagLength) is { } longTag ? $"The tag '{longTag[..20]}…' is longer than {MaxTagLength} characters; shorten it."
        : null;

    public static string JoinTags(IEnumerable<string> tags) => string.Join(", ", tags);

    /// <summary>Text trimmed; empty becomes null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A file-name-safe slug of a name: lower-case letters and digits joined by dashes.</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "cycle" : slug.Length > 60 ? slug[..60].Trim('-') : slug;
    }
}
