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

    [Theory]
    [InlineData("""[{"from": "a", "to": "b", "polarity": "positive"}]""", "connections[0].polarity", "Unknown polarity 'positive': use same or opposite.")]
    [InlineData("""[{"to": "b"}]""", "connections[0].from", "'from' is required.")]
    [InlineData("""[{"from": "a", "to": "b", "strength": 0}]""", "connections[0].strength", "Strength must be a whole number from 1 to 5; found 0.")]
    [InlineData("""[{"from": "a", "to": "b", "strength": 2.5}]""", "connections[0].strength", "Expected a whole number; found 2.5.")]
    [InlineData("""[{"from": "a", "to": "b", "delay": "yes"}]""", "connections[0].delay", "Expected true or false; found text.")]
    [InlineData("""[{"from": "a", "to": "b", "since": "31/03/2024"}]""", "connections[0].since", "Expected a date like 2024-03-31; found '31/03/2024'.")]
    [InlineData("""[{"from": "a", "to": "b", "sign": 1}]""", "connections[0].sign", "Unknown property 'sign'.")]
    [InlineData("""[{"from": "a", "to": "c"}]""", "connections[0].to", "No element has the id 'c'.")]
    [InlineData("""[{"from": "a", "to": "b", "id": "x"}, {"from": "b", "to": "a", "id": "x"}]""", "connections[1].id", "Duplicate connection ID 'x': it is already used at connections[0].id.")]
    [InlineData("""{"from": "a"}""", "connections", "Expected a list; found an object.")]
    public void Read_BadConnection_ReportsPathAndMessage(string connections, string path, string message)
    {
        var problem = SingleProblem(Read(Map(connections), MapFormat.LearningStackJson));

        Assert.Equal((path, message), (problem.Column, problem.Message));
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
