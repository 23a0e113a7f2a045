using System.Globalization;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Issues;

/// <summary>One thing wrong with an import file: where (row number in the file, header = row 1; column) and what.</summary>
public sealed record ImportProblem(int? Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        ({ } row, { } column) => $"Row {row}, {column}: {Message}",
        ({ } row, null) => $"Row {row}: {Message}",
        (null, { } column) => $"{column}: {Message}",
        _ => Message,
    };
}

/// <summary>A row of an import file that passed every check. <see cref="Number"/> is the "#" (an existing issue to update) or null (new).
/// <see cref="Status"/> is null when the file leaves it empty (new issues are then open; existing ones keep theirs).</summary>
public sealed record ImportedIssue(int Row, int? Number, string Description, IssueLevel Level, IssueOwner Owner, IssueStatus? Status,
    string? CountermeasureNow, string? SystemChange, IReadOnlyList<string> Tags);

/// <summary>Turns a read table into issues, checking every cell and reporting every problem at once. Pure: the commands then check the
/// numbers against the cycle.</summary>
public static class IssueImportRules
{
    public const int MaxRows = 5_000;

    private static readonly string[] Required = ["Issue", "Level", "Owner"];

    /// <summary>Columns that are written on export but not read back: LearningStack keeps them.</summary>
    public static readonly string[] ReadOnlyColumns = ["Source", "Raised on", "Closed on"];

    /// <param name="table">The file's table.</param>
    /// <param name="existingNumbers">The numbers of the cycle's issues: a "#" not among them is a problem. Null: not checked.</param>
    public static (List<ImportedIssue> Rows, List<ImportProblem> Problems, List<string> IgnoredColumns) Parse(SheetTable table, IReadOnlySet<int>? existingNumbers = null)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<ImportedIssue>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ignored = new List<string>();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var name = table.Header[i];
            if (name.Length == 0)
            {
                continue;
            }
            var known = IssueSheet.Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                ignored.Add(name);
            }
            else if (!index.TryAdd(known, i))
            {
                problems.Add(new ImportProblem(1, known, "this column appears twice; keep one."));
            }
        }
        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(1, null,
                $"the first row must name the columns; {string.Join(", ", missing.Select(m => $"'{m}'"))} {(missing.Count == 1 ? "is" : "are")} missing. " +
                $"Use the columns of an export: {string.Join(", ", IssueSheet.Columns)}."));
            return (rows, problems, ignored);
        }
        var lines = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (lines.Count > MaxRows)
        {
            problems.Add(new ImportProblem(null, null, $"The file has {lines.Count:N0} issues; one import takes at most {MaxRows:N0}. Split the file."));
            return (rows, problems, ignored);
        }
        var numbersSeen = new Dictionary<int, int>();
        foreach (var line in lines)
        {
            string? Cell(string column) => index.TryGetValue(column, out var i) && i < line.Cells.Count ? IssueText.Clean(line.Cells[i]) : null;
            var before = problems.Count;
            void Problem(string column, string message) => problems.Add(new ImportProblem(line.Number, column, message));

            int? number = null;
            if (Cell("#") is { } numberText)
            {
                if (int.TryParse(numberText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                    || double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 && d == Math.Floor(d) && d < int.MaxValue && (n = (int)d) > 0)
                {
                    if (numbersSeen.TryGetValue(n, out var firstRow))
                    {
                        Problem("#", $"#{n} is also on row {firstRow}; each issue can appear once.");
                    }
                    else if (existingNumbers is not null && !existingNumbers.Contains(n))
                    {
                        Problem("#", $"there is no issue #{n} in this cycle. Leave '#' empty to add a new issue.");
                    }
                    else
                    {
                        numbersSeen[n] = line.Number;
                        number = n;
                    }
                }
                else
                {
                    Problem("#", $"'{numberText}' is not an issue number. Leave it empty for a new issue.");
                }
            }
            var description = Cell("Issue");
            if (description is null)
            {
                Problem("Issue", "the issue's description is empty.");
            }
            else if (description.Length > Limits.LongText)
            {
                Problem("Issue", "the description is longer than 20,000 characters.");
            }
            var level = ParseLevel(Cell("Level"));
            if (level is null)
            {
                Problem("Level", Cell("Level") is { } text ? $"'{text}' is not 1, 2 or 3." : "empty; use 1, 2 or 3.");
            }
            var owner = ParseOwner(Cell("Owner"));
            if (owner is null)
            {
                Problem("Owner", Cell("Owner") is { } text ? $"'{text}' is not Team, Leadership or Government." : "empty; use Team, Leadership or Government.");
            }
            IssueStatus? status = null;
            if (Cell("Status") is { } statusText)
            {
                if (Enum.TryParse<IssueStatus>(statusText, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(statusText, out _))
                {
                    status = s;
                }
                else
                {
                    Problem("Status", $"'{statusText}' is not Open or Closed.");
                }
            }
            var countermeasure = Cell("Countermeasure (now)");
            if (countermeasure is { Length: > Limits.LongText })
            {
                Problem("Countermeasure (now)", "longer than 20,000 characters.");
            }
            var change = Cell("System change (new normal)");
            if (change is { Length: > Limits.LongText })
            {
                Problem("System change (new normal)", "longer than 20,000 characters.");
            }
            var tags = IssueText.NormaliseTags([Cell("Tags")]);
            if (IssueText.TagProblem(tags) is { } tagProblem)
            {
                Problem("Tags", tagProblem);
            }
            if (problems.Count == before)
            {
                rows.Add(new ImportedIssue(line.Number, number, description!, level!.Value, owner!.Value, status, countermeasure, change, tags));
            }
        }
        return (rows, problems, ignored);
    }

    /// <summary>1, 2 or 3 (also "1 · Individual…", or the level's name).</summary>
    public static IssueLevel? ParseLevel(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var t = text.Trim();
        if (t is "1" or "2" or "3" or "1.0" or "2.0" or "3.0")
        {
            return (IssueLevel)(t[0] - '0');
        }
        if (t.Length > 1 && t[0] is '1' or '2' or '3' && !char.IsAsciiDigit(t[1]) && t[1] != '.')
        {
            return (IssueLevel)(t[0] - '0');
        }
        return Enum.TryParse<IssueLevel>(t, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsAsciiDigit(t[0]) ? level : null;
    }

    public static IssueOwner? ParseOwner(string? text) =>
        text is not null && !int.TryParse(text, out _) && Enum.TryParse<IssueOwner>(text.Trim(), ignoreCase: true, out var owner) && Enum.IsDefined(owner) ? owner : null;
}
