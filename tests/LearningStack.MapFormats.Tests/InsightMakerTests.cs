using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

public class InsightMakerTests
{
    private const string Model = """
        {
          "engine": "SIMULATION_PACKAGE",
          "name": "Burnout",
          "simulation": {"time_start": 0, "time_length": 52, "time_units": "WEEKS"},
          "elements": [
            {"type": "STOCK", "name": "Stress", "description": "How pressed people feel",
             "display": {"coordinates": [120, 80], "size": [100, 40]}, "behavior": {"initial_value": 10, "units": "points"}},
            {"type": "VARIABLE", "name": "Workload", "behavior": {"value": 5}},
            {"type": "VARIABLE", "name": "Support"},
            {"type": "FLOW", "name": "Recovery", "from": "Stress", "to": null},
            {"type": "LINK", "from": "workload", "to": "Stress", "behavior": {"polarity": "POSITIVE"}},
            {"type": "LINK", "from": "Support", "to": "Recovery", "behavior": {"polarity": "+"}},
            {"type": "LINK", "from": "Stress", "to": "Workload", "behavior": {"polarity": "NEGATIVE"}},
            {"type": "LINK", "from": "Stress", "to": "Support"},
            {"type": "LINK", "from": "Stress", "to": null}
          ]
        }
        """;

    [Fact]
    public void Read_ModelJson_ImportsPrimitivesAsElements()
    {
        var document = ReadOk(Model, MapFormat.InsightMaker);

        Assert.Equal(("Burnout", MapDocument.FactorMap), (document.Name, document.Kind));
        Assert.Equal(["Stress", "Workload", "Support", "Recovery"], document.Elements.Select(e => e.Id));
        var stress = document.Elements[0];
        Assert.Equal(("Stock", "How pressed people feel", 120.0, 80.0), (stress.Type, stress.Description, stress.X, stress.Y));
        Assert.Equal("points", stress.Extra["units"]);
    }

    [Fact]
    public void Read_ModelJson_ImportsLinksWithPolarityAndFlowsAsCausalLinks()
    {
        var connections = ReadOk(Model, MapFormat.InsightMaker).Connections;

        Assert.Equal(
            [
                ("Recovery", "Stress", (Polarity?)Polarity.Opposite, "flow"),
                ("Workload", "Stress", Polarity.Same, null),
                ("Support", "Recovery", Polarity.Same, null),
                ("Stress", "Workload", Polarity.Opposite, null),
                ("Stress", "Support", null, null),
            ],
            connections.Select(c => (c.From, c.To, c.Polarity, c.Type)));
    }

    [Fact]
    public void Read_UnknownPolarity_ReportsThePath()
    {
        const string json = """{"elements": [{"type": "VARIABLE", "name": "A"}, {"type": "LINK", "from": "A", "to": "A", "behavior": {"polarity": "SIDEWAYS"}}]}""";

        var problem = SingleProblem(Read(json, MapFormat.InsightMaker));

        Assert.Equal("elements[1].behavior.polarity", problem.Column);
        Assert.Contains("SIDEWAYS", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LinkToUnknownName_ReportsThePath()
    {
        const string json = """{"elements": [{"type": "VARIABLE", "name": "A"}, {"type": "LINK", "from": "A", "to": "B"}]}""";

        var problem = SingleProblem(Read(json, MapFormat.InsightMaker));

        Assert.Equal(("elements[1].to", "No element is named 'B'."), (problem.Column, problem.Message));
    }

    [Fact]
    public void Read_DuplicateNameInAnotherCase_IsProblem()
    {
        const string json = """{"elements": [{"type": "VARIABLE", "name": "Stress"}, {"type": "STOCK", "name": "stress"}]}""";

        var problem = SingleProblem(Read(json, MapFormat.InsightMaker));

        Assert.Equal("elements[1].name", problem.Column);
    }

    [Fact]
    public void Write_InsightMaker_IsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => Write(Everything(), MapFormat.InsightMaker));
    }
}
