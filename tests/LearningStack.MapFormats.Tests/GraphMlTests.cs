using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

public class GraphMlTests
{
    private const string Graph = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="l" for="node" attr.name="label" attr.type="string"/>
          <key id="t" for="node" attr.name="type" attr.type="string"><default>Factor</default></key>
          <key id="p" for="edge" attr.name="polarity" attr.type="string"/>
          <key id="w" for="edge" attr.name="weight" attr.type="double"/>
          <graph id="G" edgedefault="directed">
            <node id="n0"><data key="l">Stress</data><data key="t">Feeling</data></node>
            <node id="n1"><data key="l">Sick days</data></node>
            <node id="n2"/>
            <edge id="e0" source="n0" target="n1"><data key="p">+</data><data key="w">0.5</data></edge>
            <edge source="n1" target="n0" directed="false"><data key="p">opposite</data></edge>
            <edge source="n2" target="n0"/>
          </graph>
        </graphml>
        """;

    [Fact]
    public void Read_GraphMl_ReadsNodesEdgesKeysAndDefaults()
    {
        var document = ReadOk(Graph, MapFormat.GraphMl);

        Assert.Equal([("n0", "Stress", "Feeling"), ("n1", "Sick days", "Factor"), ("n2", "n2", "Factor")],
            document.Elements.Select(e => (e.Id, e.Label, e.Type)));
        Assert.Equal(
            [
                ("e0", ConnectionDirection.Directed, (Polarity?)Polarity.Same),
                (null, ConnectionDirection.Undirected, Polarity.Opposite),
                (null, ConnectionDirection.Directed, null),
            ],
            document.Connections.Select(c => (c.Id, c.Direction, c.Polarity)));
        Assert.Equal("0.5", document.Connections[0].Extra["weight"]);
    }

    [Fact]
    public void Read_UndirectedByDefault_MakesUndirectedConnections()
    {
        const string xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">
            <node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="b" target="a" directed="true"/>
            </graph></graphml>
            """;

        var document = ReadOk(xml, MapFormat.GraphMl);

        Assert.Equal([ConnectionDirection.Undirected, ConnectionDirection.Directed], document.Connections.Select(c => c.Direction));
    }

    [Fact]
    public void Read_ExternalEntity_IsRefusedWithoutReadingIt()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"><data key="l">&secret;</data></node></graph></graphml>
            """;

        var problem = SingleProblem(Read(xxe, MapFormat.GraphMl));

        Assert.Equal(2, problem.Row);
        Assert.Contains("<!DOCTYPE", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntityExpansionBomb_IsRefused()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <graphml><graph><node id="&lol2;"/></graph></graphml>
            """;

        var problem = SingleProblem(Read(bomb, MapFormat.GraphMl));

        Assert.Contains("refused", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotWellFormed_ReportsTheLine()
    {
        var problem = SingleProblem(Read("<graphml>\n<graph>\n<node id=\"a\">\n</graph></graphml>", MapFormat.GraphMl));

        Assert.Equal(4, problem.Row);
        Assert.StartsWith("The file is not well-formed XML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownPolarity_ReportsLineAndAttribute()
    {
        const string xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="p" for="edge" attr.name="polarity"/>
            <graph><node id="a"/><node id="b"/>
            <edge source="a" target="b"><data key="p">maybe</data></edge>
            </graph></graphml>
            """;

        var problem = SingleProblem(Read(xml, MapFormat.GraphMl));

        Assert.Equal((4, "polarity"), (problem.Row, problem.Column));
        Assert.Equal("Unknown polarity 'maybe': use + (same) or - (opposite).", problem.Message);
    }

    [Fact]
    public void Read_EdgeToMissingNode_ReportsIt()
    {
        const string xml = "<graphml><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/></graph></graphml>";

        var problem = SingleProblem(Read(xml, MapFormat.GraphMl));

        Assert.Equal((2, "target", "No element has the id 'zz'."), (problem.Row, problem.Column, problem.Message));
    }

    [Fact]
    public void Read_DuplicateNodeIds_ReportsTheSecond()
    {
        const string xml = "<graphml><graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>";

        var problem = SingleProblem(Read(xml, MapFormat.GraphMl));

        Assert.Equal((3, "Duplicate ID 'a': it is already used on line 2."), (problem.Row, problem.Message));
    }

    [Fact]
    public void Read_NotGraphMl_SaysSo()
    {
        var problem = SingleProblem(Read("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", MapFormat.GraphMl));

        Assert.Contains("not GraphML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_YedNodeGraphics_GiveLabelAndPosition()
    {
        const string xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
            <key id="d6" for="node" yfiles.type="nodegraphics"/>
            <graph edgedefault="directed">
            <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="80" x="15.5" y="40"/><y:NodeLabel>Stress</y:NodeLabel></y:ShapeNode></data></node>
            </graph></graphml>
            """;

        var element = Assert.Single(ReadOk(xml, MapFormat.GraphMl).Elements);

        Assert.Equal(("Stress", 15.5, 40.0), (element.Label, element.X, element.Y));
    }

    [Fact]
    public void Write_Everything_ReadsBackTheSame()
    {
        var original = Everything();

        AssertSame(original, ReadOk(Write(original, MapFormat.GraphMl), MapFormat.GraphMl));
    }

    [Fact]
    public void Write_Document_DeclaresKeysAndMarksUndirectedEdges()
    {
        var xml = System.Text.Encoding.UTF8.GetString(Write(Everything(), MapFormat.GraphMl));

        Assert.Contains("<key id=\"d2\" for=\"node\" attr.name=\"label\" attr.type=\"string\" />", xml, StringComparison.Ordinal);
        Assert.Contains("attr.name=\"polarity\"", xml, StringComparison.Ordinal);
        Assert.Contains("<edge id=\"c3\" source=\"f3\" target=\"f1\" directed=\"false\">", xml, StringComparison.Ordinal);
    }
}
