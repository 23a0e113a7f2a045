using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace LearningStack.Web.Features.Stories;

/// <summary>Reads the telling form (members' and the anonymous page) into a <see cref="StoryInput"/>. Works without JavaScript:
/// a triad comes as three numbers (any scale, made to add up to 1), a dyad as a slider from 0 to 100, options as checkboxes or radios.</summary>
public static class StoryForm
{
    public const string Honeypot = "Website";

    public static string TriadName(Guid id, char corner) => $"triad-{id:N}-{corner}";
    public static string DyadName(Guid id) => $"dyad-{id:N}";
    public static string OptionName(Guid id) => $"opt-{id:N}";
    public static string NotApplicableName(Guid id) => $"na-{id:N}";

    /// <summary>The input, and which signifier each answer is for (to show errors "answers[i]" beside its question).</summary>
    public static (StoryInput Input, List<Guid> Order) Read(IReadOnlyDictionary<string, StringValues> form, IReadOnlyList<SignifierView> signifiers)
    {
        string? One(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        double? Number(string name) => double.TryParse(One(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        var input = new StoryInput { Text = One("Text"), Title = One("Title"), Answers = [] };
        var order = new List<Guid>();
        foreach (var s in signifiers)
        {
            StoryAnswerInput? answer = null;
            if (One(NotApplicableName(s.Id)) is { Length: > 0 })
            {
                answer = new StoryAnswerInput { SignifierId = s.Id, NotApplicable = true };
            }
            else
            {
                switch (s.Kind)
                {
                    case SignifierKind.Triad:
                        var (a, b, c) = (Number(TriadName(s.Id, 'a')), Number(TriadName(s.Id, 'b')), Number(TriadName(s.Id, 'c')));
                        if (a is null && b is null && c is null)
                        {
                            break;
                        }
                        var (x, y, z) = (a ?? 0, b ?? 0, c ?? 0);
                        var sum = x + y + z;
                        answer = x >= 0 && y >= 0 && z >= 0 && sum > 0
                            ? new StoryAnswerInput { SignifierId = s.Id, A = x / sum, B = y / sum, C = z / sum }
                            : new StoryAnswerInput { SignifierId = s.Id, A = x, B = y, C = z };
                        break;
                    case SignifierKind.Dyad:
                        var untouched = form.TryGetValue(DyadName(s.Id) + "-set", out var set) && string.IsNullOrEmpty(set.ToString());
                        if (!untouched && Number(DyadName(s.Id)) is { } value)
                        {
                            answer = new StoryAnswerInput { SignifierId = s.Id, X = value / 100 };
                        }
                        break;
                    case SignifierKind.Tags:
                    case SignifierKind.Demographic:
                        if (form.TryGetValue(OptionName(s.Id), out var options) && options.Count > 0)
                        {
                            answer = new StoryAnswerInput { SignifierId = s.Id, Options = [.. options.Select(o => o ?? "")] };
                        }
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown signifier kind {s.Kind}");
                }
            }
            if (answer is not null)
            {
                input.Answers.Add(answer);
                order.Add(s.Id);
            }
        }
        return (input, order);
    }

    /// <summary>Errors keyed by "answers[i]" re-keyed by the signifier's id, so each shows beside its own question.</summary>
    public static IReadOnlyDictionary<string, string[]>? BySignifier(IReadOnlyDictionary<string, string[]>? errors, List<Guid> order)
    {
        if (errors is null)
        {
            return null;
        }
        var result = new Dictionary<string, string[]>();
        foreach (var (key, messages) in errors)
        {
            var mapped = key;
            if (key.StartsWith("answers[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is var end and > 8
                && int.TryParse(key.AsSpan(8, end - 8), CultureInfo.InvariantCulture, out var i) && i < order.Count)
            {
                mapped = order[i].ToString("N");
            }
            result[mapped] = result.TryGetValue(mapped, out var before) ? [.. before, .. messages] : messages;
        }
        return result;
    }
}
