using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

public class KumuXlsxTests
{
    private static byte[] Workbook(params (string, object?[][])[] extraSheets) => Xlsx(
    [
        ("Elements",
        [
            Row("Label", "Type", "Description", "Tags", "Owner"),
            Row("Stress", "Feeling", "How pressed people feel", "people | health", "HR"),
            Row("Sick days", null, null, null, null),
            Row("Workload", "Pressure", null, null, null),
        ]),
        ("Connections",
        [
            Row("From", "To", "Type", "Direction", "Strength", "Tags", "Label", "Source"),
            Row("Stress", "Sick days", "+", "directed", 4, "evidence|survey", "more stress", "2024 survey"),
            Row("Sick days", "Workload", "SAME", null, null, null, null, null),
            Row("Workload", "Stress", "Opposite", "mutual", null, null, null, null),
            Row("Stress", "Workload", "likes", "undirected", 2.0, null, null, null),
        ]),
        .. extraSheets,
    ]);

    [Fact]
    public void Read_KumuWorkbook_ReadsElementsConnectionsAndExtraColumns()
    {
        var document = ReadOk(Workbook(), MapFormat.KumuXlsx);

        Assert.Equal(["Stress", "Sick days", "Workload"], document.Elements.Select(e => e.Id));
        var stress = document.Elements[0];
        Assert.Equal("Feeling", stress.Type);
        Assert.Equal("How pressed people feel", stress.Description);
        Assert.Equal(["people", "health"], stress.Tags);
        Assert.Equal("HR", stress.Extra["Owner"]);
        Assert.Empty(document.Elements[1].Extra);
        var first = document.Connections[0];
        Assert.Equal(("Stress", "Sick days", 4, "more stress"), (first.From, first.To, first.Strength, first.Label));
        Assert.Equal(["evidence", "survey"], first.Tags);
        Assert.Equal("2024 survey", first.Extra["Source"]);
        Assert.Equal(ConnectionDirection.Mutual, document.Connections[2].Direction);
        Assert.Equal(ConnectionDirection.Undirected, document.Connections[3].Direction);
        Assert.Equal(2, document.Connections[3].Strength);
    }

    [Fact]
    public void Read_ConnectionTypes_MapPolarityCaseInsensitively()
    {
        var connections = ReadOk(Workbook(), MapFormat.KumuXlsx).Connections;

        Assert.Equal([Polarity.Same, Polarity.Same, Polarity.Opposite, null], connections.Select(c => c.Polarity));
        Assert.Equal([null, null, null, "likes"], connections.Select(c => c.Type));
    }

    [Fact]
    public void Read_SheetNamedIgnore_IsSkipped()
    {
        var notes = ("Notes (ignore)", new[] { Row("Anything", "goes"), Row("here", 1) });

        var document = ReadOk(Workbook(notes), MapFormat.KumuXlsx);

        Assert.Equal(3, document.Elements.Count);
    }

    [Fact]
    public void Read_SheetThatIsNeitherElementsNorConnections_ReportsSheetRowAndColumn()
    {
        var notes = ("Notes", new[] { Row("Name", "Role") });

        var problem = SingleProblem(Read(Workbook(notes), MapFormat.KumuXlsx));

        Assert.Equal(("Notes", 1, "A"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("'Label'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(ignore)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConnectionToElementNotOnElementsSheet_CreatesThatElement()
    {
        var bytes = Xlsx(("Connections", [Row("From", "To"), Row("Stress", "Burnout")]));

        var document = ReadOk(bytes, MapFormat.KumuXlsx);

        Assert.Equal(["Stress", "Burnout"], document.Elements.Select(e => e.Label));
        Assert.Equal(("Stress", "Burnout"), (document.Connections[0].From, document.Connections[0].To));
    }

    [Fact]
    public void Read_EmptyFrom_ReportsRowAndColumnAndNoDocument()
    {
        var bytes = Xlsx(("Connections", [Row("From", "To"), Row("A", "B"), Row(null, "C")]));

        var problem = SingleProblem(Read(bytes, MapFormat.KumuXlsx));

        Assert.Equal(("Connections", 3, "From"), (problem.Sheet, problem.Row, problem.Column));
        Assert.StartsWith("Missing From", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IdColumn_ConnectionsMayNameElementsByIdOrLabel()
    {
        var bytes = Xlsx(
            ("Elements", [Row("ID", "Label"), Row("e1", "Stress"), Row("e2", "Sick days")]),
            ("Connections", [Row("ID", "From", "To"), Row("c1", "e1", "Sick days")]));

        var document = ReadOk(bytes, MapFormat.KumuXlsx);

        Assert.Equal(["e1", "e2"], document.Elements.Select(e => e.Id));
        var connection = Assert.Single(document.Connections);
        Assert.Equal(("c1", "e1", "e2"), (connection.Id, connection.From, connection.To));
    }

    [Fact]
    public void Read_DuplicateId_ReportsSecondRow()
    {
        var bytes = Xlsx(("Elements", [Row("ID", "Label"), Row("e1", "Stress"), Row("e1", "Sick days")]));

        var problem = SingleProblem(Read(bytes, MapFormat.KumuXlsx));

        Assert.Equal(("Elements", 3, "ID"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Equal("Duplicate ID 'e1': it is already used on sheet 'Elements' row 2.", problem.Message);
    }

    [Fact]
    public void Read_StrengthOutsideOneToFive_ReportsCell()
    {
        var bytes = Xlsx(("Connections", [Row("From", "To", "Strength"), Row("A", "B", 3), Row("A", "C", 7)]));

        var problem = SingleProblem(Read(bytes, MapFormat.KumuXlsx));

        Assert.Equal(("Connections", 3, "Strength"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Equal("Strength must be a whole number from 1 to 5; found '7'.", problem.Message);
    }

    [Fact]
    public void Read_UnknownDirection_ReportsCell()
    {
        var bytes = Xlsx(("Connections", [Row("From", "To", "Direction"), Row("A", "B", "sideways")]));

        var problem = SingleProblem(Read(bytes, MapFormat.KumuXlsx));

        Assert.Equal(("Connections", 2, "Direction"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Equal("Unknown direction 'sideways': use directed, undirected or mutual.", problem.Message);
    }

    [Fact]
    public void Read_MissingLabel_ReportsCell()
    {
        var bytes = Xlsx(("Elements", [Row("Label", "Type"), Row(null, "Feeling")]));

        var problem = SingleProblem(Read(bytes, MapFormat.KumuXlsx));

        Assert.Equal(("Elements", 2, "Label"), (problem.Sheet, problem.Row, problem.Column));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOneAndNoDocument()
    {
        var bytes = Xlsx(("Connections",
            [Row("From", "To", "Strength", "Direction"), Row("A", "B", 0, "up"), Row(null, "B", "x", null)]));

        var result = Read(bytes, MapFormat.KumuXlsx);

        Assert.Null(result.Document);
        Assert.Equal(
            [(2, "Direction"), (2, "Strength"), (3, "From"), (3, "Strength")],
            result.Problems.Select(p => (p.Row!.Value, p.Column!)).OrderBy(p => p.Item1).ThenBy(p => p.Item2, StringComparer.Ordinal));
    }

    [Fact]
    public void Read_BadCellAndDuplicateId_ReportsBoth()
    {
        var bytes = Xlsx(
            ("Elements", [Row("ID", "Label"), Row("e1", "A"), Row("e1", "B")]),
            ("Connections", [Row("From", "To", "Strength"), Row("e1", "C", 6)]));

        var result = Read(bytes, MapFormat.KumuXlsx);

        Assert.Null(result.Document);
        Assert.Equal([("Connections", 2, "Strength"), ("Elements", 3, "ID")],
            result.Problems.Select(p => (p.Sheet!, p.Row!.Value, p.Column!)));
    }

    [Fact]
    public void Read_PolarityColumnContradictingType_IsProblem()
    {
        var bytes = Xlsx(("Connections", [Row("From", "To", "Type", "Polarity"), Row("A", "B", "+", "-")]));

        var problem = SingleProblem(Read(bytes, MapFormat.KumuXlsx));

        Assert.Equal(("Connections", 2, "Polarity"), (problem.Sheet, problem.Row, problem.Column));
    }

    [Fact]
    public void Read_ToListingSeveralElements_MakesOneConnectionEach()
    {
        var bytes = Xlsx(("Connections", [Row("From", "To", "Type"), Row("A", "B | C", "-")]));

        var document = ReadOk(bytes, MapFormat.KumuXlsx);

        Assert.Equal(["B", "C"], document.Connections.Select(c => c.To));
        Assert.All(document.Connections, c => Assert.Equal(Polarity.Opposite, c.Polarity));
    }

    [Fact]
    public void Read_TwoBlankRows_StartANewSectionWithItsOwnHeader()
    {
        var bytes = Xlsx(("Map",
        [
            Row("Label", "Type"), Row("A", "x"), Row("B", "y"),
            Row(), Row(),
            Row("From", "To"), Row("A", "B"),
        ]));

        var document = ReadOk(bytes, MapFormat.KumuXlsx);

        Assert.Equal(2, document.Elements.Count);
        Assert.Equal(("A", "B"), (document.Connections[0].From, document.Connections[0].To));
    }

    [Fact]
    public void Read_CorruptZip_ReportsUnreadableFile()
    {
        var bytes = Workbook()[..200];

        var problem = SingleProblem(Read(bytes, MapFormat.KumuXlsx));

        Assert.Contains("not an XLSX workbook", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.Sheet);
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_ReportsProblemWithoutThrowing()
    {
        var bytes = Zip(("hello.txt", "hello"));

        var result = Read(bytes, MapFormat.KumuXlsx);

        Assert.Null(result.Document);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void Write_Everything_ReadsBackTheSameButNameAndKind()
    {
        var original = Everything();

        var document = ReadOk(Write(original, MapFormat.KumuXlsx), MapFormat.KumuXlsx);

        AssertSame(original, document, name: false);
    }

    [Fact]
    public void Write_Document_PutsKumuHeadersFirstAndPolarityInType()
    {
        var bytes = Write(Everything(), MapFormat.KumuXlsx);

        using var spreadsheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = spreadsheet.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value);
        Assert.Equal(["Elements", "Connections"], sheets);
        var csv = UnzipText(Write(Everything(), MapFormat.KumuCsv));
        Assert.StartsWith("ID,Label,Type,Description,Tags,Roles,Evidence URL,X,Y,Owner,extra: label\r\n", csv["elements.csv"], StringComparison.Ordinal);
        Assert.StartsWith("ID,From,To,Type,Direction,Strength,Tags,Label,Polarity,Delay,Confidence,Trust,Note,Since,Source\r\n", csv["connections.csv"], StringComparison.Ordinal);
        Assert.Contains("c2,f2,f3,+,mutual,", csv["connections.csv"], StringComparison.Ordinal);
    }
}
