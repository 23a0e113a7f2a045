using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

public class KumuJsonTests
{
    [Fact]
    public void Read_SimpleBlueprint_ReadsFieldsAndCustomAttributes()
    {
        const string json = """
            {
              "elements": [
                {"label": "A", "type": "Letter", "description": "This is A", "tags": ["one", "two"]},
                {"label": "B", "type": "Letter", "Favorite Dessert": "shave ice"}
              ],
              "connections": [
                {"from": "A", "to": "B", "type": "likes", "direction": "mutual", "strength": 5}
              ]
            }
            """;

        var document = ReadOk(json, MapFormat.KumuJson);

        Assert.Equal(["one", "two"], document.Elements[0].Tags);
        Assert.Equal("shave ice", document.Elements[1].Extra["Favorite Dessert"]);
        var connection = Assert.Single(document.Connections);
        Assert.Equal(("likes", ConnectionDirection.Mutual, 5, (Polarity?)null),
            (connection.Type, connection.Direction, connection.Strength, connection.Polarity));
    }

    [Fact]
    public void Read_KumuExportWithAttributes_ReadsIdsLabelsAndTypes()
    {
        const string json = """
            {
              "elements": [
                {"_id": "elem-1", "attributes": {"label": "Stress", "element type": "Factor", "tags": ["people"]}},
                {"_id": "elem-2", "attributes": {"label": "Sick days"}}
              ],
              "connections": [
                {"_id": "conn-1", "from": "elem-1", "to": "elem-2", "direction": "directed", "delayed": true,
                 "attributes": {"connection type": "-"}}
              ]
            }
            """;

        var document = ReadOk(json, MapFormat.KumuJson);

        Assert.Equal(("elem-1", "Stress", "Factor"), (document.Elements[0].Id, document.Elements[0].Label, document.Elements[0].Type));
        var connection = Assert.Single(document.Connections);
        Assert.Equal(("conn-1", "elem-1", "elem-2", Polarity.Opposite, true),
            (connection.Id, connection.From, connection.To, connection.Polarity, connection.Delay));
    }

    [Fact]
    public void Read_BadJson_ReportsTheLine()
    {
        var problem = SingleProblem(Read("{\n  \"elements\": [\n    {\"label\": \"A\",}\n    oops\n", MapFormat.KumuJson));

        Assert.Equal(4, problem.Row);
        Assert.StartsWith("The file is not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongShape_SaysWhatWasExpected()
    {
        var problem = SingleProblem(Read("[1, 2, 3]", MapFormat.KumuJson));

        Assert.Contains("not a Kumu blueprint", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ElementsNotAList_ReportsThePath()
    {
        var problem = SingleProblem(Read("""{"elements": {"label": "A"}}""", MapFormat.KumuJson));

        Assert.Equal("elements", problem.Column);
    }

    [Fact]
    public void Read_BadStrength_ReportsThePath()
    {
        var problem = SingleProblem(Read("""{"connections": [{"from": "A", "to": "B"}, {"from": "A", "to": "B", "strength": 6}]}""", MapFormat.KumuJson));

        Assert.Equal("connections[1].strength", problem.Column);
    }

    [Fact]
    public void Write_Everything_ReadsBackTheSameButNameAndKind()
    {
        var original = Everything();

        AssertSame(original, ReadOk(Write(original, MapFormat.KumuJson), MapFormat.KumuJson), name: false);
    }
}
