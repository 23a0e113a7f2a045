using LearningStack.Web.Features.Stories;

namespace LearningStack.Tests.Features.Stories;

public sealed class StoryRulesTests
{
    [Theory]
    [InlineData(1, 0, 0, "a")]
    [InlineData(0.5, 0.25, 0.25, "a")]
    [InlineData(0.2, 0.7, 0.1, "b")]
    [InlineData(0, 0, 1, "c")]
    [InlineData(1 / 3.0, 1 / 3.0, 1 / 3.0, "middle")]
    [InlineData(0.45, 0.45, 0.1, "middle")]
    public void Region_Point_NearestCornerTriangleOrMiddle(double a, double b, double c, string region) =>
        Assert.Equal(region, StoryRules.Region(a, b, c));

    [Fact]
    public void Cell_EveryPointOfAGrid_FallsInACellThatExists()
    {
        var cells = StoryRules.AllCells().Select(c => c.Key).ToHashSet();
        Assert.Equal(StoryRules.Cells * StoryRules.Cells, cells.Count);
        for (var i = 0; i <= 20; i++)
        {
            for (var j = 0; j <= 20 - i; j++)
            {
                var (a, b) = (i / 20.0, j / 20.0);
                Assert.Contains(StoryRules.Cell(a, b, 1 - a - b), cells);
            }
        }
    }

    [Theory]
    [InlineData(0.2, 0.3, 0.5, true)]
    [InlineData(0.2, 0.3, 0.5009, true)]
    [InlineData(0.2, 0.3, 0.502, false)]
    [InlineData(-0.1, 0.6, 0.5, false)]
    public void ValidTriad_WeightsNonNegativeSummingToOne(double a, double b, double c, bool valid) =>
        Assert.Equal(valid, StoryRules.ValidTriad(a, b, c));

    [Fact]
    public void Templates_EachIsAValidCollection()
    {
        foreach (var template in StoryTemplates.All)
        {
            Assert.Empty(StoryRules.CheckCollection(template.ToInput()));
        }
    }
}

public sealed class StoryFormTests
{
    private static readonly SignifierView Triad = new(Guid.NewGuid(), SignifierKind.Triad, "It was mostly", ["people", "rules", "luck"], ["people", "rules", "luck"]);
    private static readonly SignifierView Dyad = new(Guid.NewGuid(), SignifierKind.Dyad, "It felt", ["hard", "easy"], ["hard", "easy"]);

    [Fact]
    public void Read_TriadNumbersOnAnyScale_NormalisedToWeights()
    {
        var (input, order) = StoryForm.Read(Form(("Text", "A story"), (StoryForm.TriadName(Triad.Id, 'a'), "2"), (StoryForm.TriadName(Triad.Id, 'b'), "1"),
            (StoryForm.TriadName(Triad.Id, 'c'), "1")), [Triad, Dyad]);

        var answer = Assert.Single(input.Answers!);
        Assert.Equal((0.5, 0.25, 0.25), (answer.A, answer.B, answer.C));
        Assert.Equal([Triad.Id], order);
    }

    [Fact]
    public void Read_SliderNotMoved_NotAnswered_MovedOrWithoutScript_Counted()
    {
        var notMoved = StoryForm.Read(Form((StoryForm.DyadName(Dyad.Id), "50"), (StoryForm.DyadName(Dyad.Id) + "-set", "")), [Dyad]).Input;
        var moved = StoryForm.Read(Form((StoryForm.DyadName(Dyad.Id), "80"), (StoryForm.DyadName(Dyad.Id) + "-set", "1")), [Dyad]).Input;

        Assert.Empty(notMoved.Answers!);
        Assert.Equal(0.8, Assert.Single(moved.Answers!).X);
    }

    [Fact]
    public void BySignifier_AnswerErrors_KeyedByTheirQuestion()
    {
        var errors = StoryForm.BySignifier(new Dictionary<string, string[]> { ["answers[1]"] = ["Bad"], ["text"] = ["Write it"] }, [Triad.Id, Dyad.Id])!;

        Assert.Equal(["Bad"], errors[Dyad.Id.ToString("N")]);
        Assert.Equal(["Write it"], errors["text"]);
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => new Microsoft.Extensions.Primitives.StringValues(f.Value));
}
