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
