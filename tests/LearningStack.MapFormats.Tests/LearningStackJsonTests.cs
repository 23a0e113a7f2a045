using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

public class LearningStackJsonTests
{
    private static string Map(string connections, string elements = """[{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]""") =>
        $$"""{"format": "learningstack-map", "version": 1, "kind": "factor-map", "elements": {{elements}}, "connections": {{connections}}}""";

    [Fact]
    public void Write_Everything_RoundTripsEveryField()
    {
        var original = Everything();

        var bytes = Write(original, MapFormat.LearningStackJson);

        AssertSame(original, ReadOk(bytes, MapFormat.LearningStackJson));
        Assert.StartsWith("{\n  \"format\": \"learningstack-map\",\n  \"version\": 1,", System.Text.Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownPolarity_ReportsThePath()
    {
        var problem = SingleProblem(Read(Map("""[{"from": "a", "to": "b", "polarity": "positive"}]"""), MapFormat.LearningStackJson));

        Assert.Equal(("connections[0].polarity", "Unknown polarity 'positive': use same or opposite."), (problem.Column, problem.Message));
    }

    [Fact]
    public void Read_MissingFrom_ReportsThePath()
    {
        var problem = SingleProblem(Read(Map("""[{"to": "b"}]"""), MapFormat.LearningStackJson));

        Assert.Equal(("connections[0].from", "'from' is required."), (problem.Column, problem.Message));
    }

    [Fact]
    public void Read_StrengthOutOfRange_ReportsThePath()
    {
        var problem = SingleProblem(Read(Map("""[{"from": "a", "to": "b", "strength": 0}]"""), MapFormat.LearningStackJson));

        Assert.Equal("connections[0].strength", problem.Column);
    }

    [Fact]
    public void Read_WrongKindOfValue_ReportsThePath()
    {
        var problem = SingleProblem(Read(Map("""[{"from": "a", "to": "b", "delay": "yes"}]"""), MapFormat.LearningStackJson));

        Assert.Equal(("connections[0].delay", "Expected true or false; found text."), (problem.Column, problem.Message));
    }

    [Fact]
    public void Read_UnknownProperty_IsProblem()
    {
        var problem = SingleProblem(Read(Map("""[{"from": "a", "to": "b", "sign": 1}]"""), MapFormat.LearningStackJson));

        Assert.Equal(("connections[0].sign", "Unknown property 'sign'."), (problem.Column, problem.Message));
    }

    [Fact]
    public void Read_UnknownElement_IsProblem()
    {
        var problem = SingleProblem(Read(Map("""[{"from": "a", "to": "c"}]"""), MapFormat.LearningStackJson));

        Assert.Equal(("connections[0].to", "No element has the id 'c'."), (problem.Column, problem.Message));
    }

    [Fact]
    public void Read_DuplicateElementIds_IsProblem()
    {
        var problem = SingleProblem(Read(Map("[]", """[{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]"""), MapFormat.LearningStackJson));

        Assert.Equal(("elements[1].id", "Duplicate ID 'a': it is already used at elements[0].id."), (problem.Column, problem.Message));
    }

    [Fact]
    public void Read_OtherVersion_IsRefused()
    {
        var problem = SingleProblem(Read("""{"format": "learningstack-map", "version": 2, "elements": []}""", MapFormat.LearningStackJson));

        Assert.Equal("version", problem.Column);
    }

    [Fact]
    public void Read_NoFormatMarker_SaysItIsNotOurs()
    {
        var problem = SingleProblem(Read("""{"elements": [], "connections": []}""", MapFormat.LearningStackJson));

        Assert.Contains("not a LearningStack map", problem.Message, StringComparison.Ordinal);
    }
}
