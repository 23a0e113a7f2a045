namespace LearningStack.Web.Features.Stories;

/// <summary>The pure rules of story collections: what makes a signifier well formed, what a valid answer is, and which region of
/// a triangle a point falls in. No database, so they are unit-tested directly.</summary>
public static class StoryRules
{
    /// <summary>How far from 1 triad weights may add up (rounding in clients).</summary>
    public const double Tolerance = 0.001;

    /// <summary>Above this many stories a ternary plot shades small triangles instead of drawing every point.</summary>
    public const int DensityThreshold = 200;

    /// <summary>Each side of the triangle is cut into this many parts for density shading (36 small triangles).</summary>
    public const int Cells = 6;

    public static readonly string[] Regions = ["a", "b", "c", "middle"];

    /// <summary>The four triangles of the plot: near a corner (its weight at least a half), or the middle one.</summary>
    public static string Region(double a, double b, double c) => a >= 0.5 ? "a" : b >= 0.5 ? "b" : c >= 0.5 ? "c" : "middle";

    /// <summary>The small triangle of a <see cref="Cells"/>-grid a point falls in, as "i-j-k" (floors of n·a, n·b, n·c; their sum is
    /// n−1 for a triangle pointing up, n−2 for one pointing down).</summary>
    public static string Cell(double a, double b, double c, int n = Cells)
    {
        int F(double w) => Math.Clamp((int)Math.Floor(w * n), 0, n - 1);
        var (i, j, k) = (F(a), F(b), F(c));
        while (i + j + k > n - 1)
        {
            // on an edge or a corner: move into the triangle that holds the point
            if (i >= j && i >= k) { i--; } else if (j >= k) { j--; } else { k--; }
        }
        while (i + j + k < n - 2)
        {
            if (a * n - i >= b * n - j && a * n - i >= c * n - k) { i++; } else if (b * n - j >= c * n - k) { j++; } else { k++; }
        }
        return $"{i}-{j}-{k}";
    }

    /// <summary>Every cell of the grid, with its three corners as weights (for drawing).</summary>
    public static IEnumerable<(string Key, (double A, double B, double C)[] Corners)> AllCells(int n = Cells)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n - i; j++)
            {
                var k = n - 1 - i - j;
                yield return ($"{i}-{j}-{k}", [W(i + 1, j, k), W(i, j + 1, k), W(i, j, k + 1)]);
                if (k > 0)
                {
                    var k2 = k - 1;
                    yield return ($"{i}-{j}-{k2}", [W(i, j + 1, k2 + 1), W(i + 1, j, k2 + 1), W(i + 1, j + 1, k2)]);
                }
            }
        }
        (double, double, double) W(int x, int y, int z) => ((double)x / n, (double)y / n, (double)z / n);
    }

    public static bool ValidTriad(double? a, double? b, double? c) =>
        a is { } x && b is { } y && c is { } z && x >= 0 && y >= 0 && z >= 0 && Math.Abs(x + y + z - 1) <= Tolerance;

    public static bool ValidDyad(double? x) => x is >= 0 and <= 1;

    /// <summary>Checks a collection's fields and signifiers; errors keyed like the input (signifiers[0].labels).</summary>
    public static Dictionary<string, string[]> CheckCollection(StoryCollectionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = ["Give the collection a title."];
        }
        if (string.IsNullOrWhiteSpace(input.Prompt))
        {
            errors["prompt"] = ["Write the prompt tellers will answer, for example \"Tell us about a time when…\"."];
        }
        var signifiers = input.Signifiers ?? [];
        if (signifiers.Count > StoryLimits.Signifiers)
        {
            errors["signifiers"] = ["A collection can have at most 20 signifiers: keep it quick to tell a story."];
        }
        for (var i = 0; i < signifiers.Count; i++)
        {
            var s = signifiers[i];
            var labels = Clean(s.Labels);
            if (s.Kind is null)
            {
                errors[$"signifiers[{i}].kind"] = ["Choose what kind of signifier this is."];
                continue;
            }
            if (string.IsNullOrWhiteSpace(s.Question))
            {
                errors[$"signifiers[{i}].question"] = ["Write the question tellers answer."];
            }
            var message = s.Kind switch
            {
                SignifierKind.Triad when labels.Count != 3 => "A triangle needs exactly three corner labels.",
                SignifierKind.Dyad when labels.Count != 2 => "A slider needs exactly two end labels.",
                SignifierKind.Tags or SignifierKind.Demographic when labels.Count < 2 => "Give at least two options.",
                _ when labels.Count > StoryLimits.Labels => "Give at most 30 options.",
                _ when labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labels.Count => "Each label must be different.",
                _ when labels.Any(l => l.Length > Platform.Limits.Name) => "A label can be at most 200 characters.",
                _ => null,
            };
            if (message is not null)
            {
                errors[$"signifiers[{i}].labels"] = [message];
            }
        }
        return errors;
    }

    public static List<string> Clean(IEnumerable<string>? labels) =>
        [.. (labels ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0)];

    /// <summary>Checks a story's text and answers against the collection's signifiers; errors keyed like the input (answers[0]).</summary>
    public static Dictionary<string, string[]> CheckStory(StoryInput input, IReadOnlyList<Signifier> signifiers)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors["text"] = ["Write your story, in your own words."];
        }
        var byId = signifiers.ToDictionary(s => s.Id);
        var seen = new HashSet<Guid>();
        foreach (var (answer, i) in (input.Answers ?? []).Select((a, i) => (a, i)))
        {
            var key = $"answers[{i}]";
            if (!byId.TryGetValue(answer.SignifierId, out var signifier))
            {
                errors[$"{key}.signifierId"] = ["That question is not part of this collection."];
                continue;
            }
            if (!seen.Add(answer.SignifierId))
            {
                errors[$"{key}.signifierId"] = [$"\"{signifier.Question}\" is answered twice."];
                continue;
            }
            if (answer.NotApplicable)
            {
                continue;
            }
            var options = Clean(answer.Options);
            var message = signifier.Kind switch
            {
                SignifierKind.Triad when !ValidTriad(answer.A, answer.B, answer.C) =>
                    $"\"{signifier.Question}\": place the point inside the triangle (three weights, none below 0, adding up to 1), or say it does not apply.",
                SignifierKind.Dyad when !ValidDyad(answer.X) =>
                    $"\"{signifier.Question}\": place the slider between its two ends (0 to 1), or say it does not apply.",
                SignifierKind.Tags when options.Count == 0 => $"\"{signifier.Question}\": choose at least one option, or say it does not apply.",
                SignifierKind.Demographic when options.Count != 1 => $"\"{signifier.Question}\": choose one option.",
                SignifierKind.Tags or SignifierKind.Demographic when options.Any(o => !signifier.Options.Contains(o, StringComparer.OrdinalIgnoreCase)) =>
                    $"\"{signifier.Question}\": choose from the options given.",
                _ => null,
            };
            if (message is not null)
            {
                errors[key] = [message];
            }
        }
        return errors;
    }
}
