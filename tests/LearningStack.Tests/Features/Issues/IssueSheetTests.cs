using System.Text;
using LearningStack.Web.Features.Issues;

namespace LearningStack.Tests.Features.Issues;

/// <summary>The pure rules of the issue log: tags, import rows, and CSV/XLSX round trips.</summary>
public sealed class IssueSheetTests
{
    [Fact]
    public void NormaliseTags_SpacesCaseAndCommas_TrimmedDeduplicatedFirstSpellingKept()
    {
        Assert.Equal(["Housing", "debt advice", "dwp"], IssueText.NormaliseTags([" Housing", "housing ", "debt   advice, dwp", "", null, "DWP"]));
    }

    [Fact]
    public void TagProblem_TooLong_SaysHowLong()
    {
        Assert.Contains("50 characters", IssueText.TagProblem([new string('x', 51)]), StringComparison.Ordinal);
        Assert.Null(IssueText.TagProblem(["fine"]));
    }

    [Theory]
    [InlineData("1", IssueLevel.Individual)]
    [InlineData("2.0", IssueLevel.System)]
    [InlineData("3 · Macro — how other systems affect this one", IssueLevel.Macro)]
    [InlineData("system", IssueLevel.System)]
    [InlineData("4", null)]
    [InlineData("12", null)]
    [InlineData("0", null)]
    public void ParseLevel_Text_LevelOrNull(string text, IssueLevel? expected) => Assert.Equal(expected, IssueImportRules.ParseLevel(text));

    [Fact]
    public void Parse_BadCells_EveryProblemWithRowAndColumn()
    {
        var table = new SheetTable(["#", "Issue", "Level", "Status", "Owner"],
        [
            new SheetLine(2, ["x", "", "4", "Maybe", "Council"]),
            new SheetLine(3, ["", "Fine", "1", "", "Team"]),
            new SheetLine(4, ["", "", "", "", ""]),
        ]);

        var (rows, problems, _) = IssueImportRules.Parse(table);

        Assert.Equal(
        [
            "Row 2, #: 'x' is not an issue number. Leave it empty for a new issue.",
            "Row 2, Issue: the issue's description is empty.",
            "Row 2, Level: '4' is not 1, 2 or 3.",
            "Row 2, Owner: 'Council' is not Team, Leadership or Government.",
            "Row 2, Status: 'Maybe' is not Open or Closed.",
        ], problems.Select(p => p.ToString()));
        var row = Assert.Single(rows);
        Assert.Equal((3, (int?)null, IssueLevel.Individual, IssueOwner.Team, (IssueStatus?)null), (row.Row, row.Number, row.Level, row.Owner, row.Status));
    }

    [Fact]
    public void Parse_DuplicateNumberAndMissingColumns_Reported()
    {
        var duplicate = IssueImportRules.Parse(new SheetTable(["#", "Issue", "Level", "Owner"],
            [new SheetLine(2, ["1", "a", "1", "Team"]), new SheetLine(3, ["1", "b", "1", "Team"])]));
        var missing = IssueImportRules.Parse(new SheetTable(["Issue", "Notes"], []));

        Assert.Equal("Row 3, #: #1 is also on row 2; each issue can appear once.", Assert.Single(duplicate.Problems).ToString());
        Assert.StartsWith("Row 1: the first row must name the columns; 'Level', 'Owner' are missing.", Assert.Single(missing.Problems).ToString(), StringComparison.Ordinal);
        Assert.Equal(["Notes"], missing.IgnoredColumns);
    }

    [Fact]
    public void Parse_TooManyRows_OneClearProblem()
    {
        var lines = Enumerable.Range(2, IssueImportRules.MaxRows + 1).Select(n => new SheetLine(n, ["", "x", "1", "Team"])).ToList();

        var (_, problems, _) = IssueImportRules.Parse(new SheetTable(["#", "Issue", "Level", "Owner"], lines));

        Assert.Contains("at most 5,000", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_RoundTrip_SameCellsIncludingFormulaLikeTextQuotesAndNewlines()
    {
        var issues = Issues();

        var bytes = IssueSheet.WriteCsv(issues);
        var table = IssueSheet.ReadCsv(bytes);

        Assert.Contains("'=SUM", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(IssueSheet.Columns, table.Header);
        Assert.Equal(issues.Select(IssueSheet.Cells).Select(c => c.Select(x => x ?? "")), table.Rows.Select(r => r.Cells.Select(x => x ?? "")));
    }

    [Fact]
    public void Xlsx_RoundTrip_SameCells()
    {
        var issues = Issues();

        var table = IssueSheet.ReadXlsx(IssueSheet.WriteXlsx(issues));

        Assert.Equal(IssueSheet.Columns, table.Header);
        Assert.Equal(issues.Select(IssueSheet.Cells).Select(c => c.Select(x => x ?? "")), table.Rows.Select(r => Pad(r.Cells, 11).Select(x => x ?? "")));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void ReadXlsx_NotAWorkbook_InvalidData() =>
        Assert.ThrowsAny<InvalidDataException>(() => IssueSheet.ReadXlsx(Encoding.UTF8.GetBytes("not a zip")));

    private static IEnumerable<string?> Pad(IReadOnlyList<string?> cells, int count) => cells.Concat(Enumerable.Repeat<string?>(null, Math.Max(0, count - cells.Count)));

    private static List<IssueView> Issues()
    {
        var at = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
        return
        [
            new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, "=SUM(A1) is how \"they\" count,\nsadly", IssueLevel.System, IssueStatus.Open, IssueOwner.Leadership,
                "One worker stays", null, ["housing", "debt"], IssueSource.Direct, null, null, null, at, at, null, null, 1),
            new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2, "Benefit sanctions", IssueLevel.Macro, IssueStatus.Closed, IssueOwner.Government,
                null, "- a national rule change", [], IssueSource.Insight, Guid.NewGuid(), "Insight from 'Team review' (3 Mar 2026)", null, at, at, at.AddDays(5), "Done", 3),
        ];
    }
}
