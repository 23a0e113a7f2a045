using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Features.Networks;

public sealed class ScaleOrderingTests
{
    private static List<Scale> FiveScales() =>
        [.. Scale.Defaults.Select((d, i) => new Scale { Name = d.Name, Kind = d.Kind, Position = i })];

    [Fact]
    public void Apply_EveryIdOnceInNewOrder_SetsPositionsSmallestFirst()
    {
        var scales = FiveScales();
        var reversed = scales.Select(s => s.Id).Reverse().ToList();

        var error = ScaleOrdering.Apply(scales, reversed);

        Assert.Null(error);
        Assert.Equal(["Region / Country", "Place", "Organisation", "Team", "Person / Practitioner"],
            scales.OrderBy(s => s.Position).Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3, 4], scales.Select(s => s.Position).Order());
    }

    [Fact]
    public void Apply_ScaleMissing_ReturnsErrorAndChangesNothing()
    {
        var scales = FiveScales();

        var error = ScaleOrdering.Apply(scales, scales.Skip(1).Select(s => s.Id).ToList());

        Assert.Equal("Give every scale of the network exactly once, smallest scale first.", error);
        Assert.Equal([0, 1, 2, 3, 4], scales.Select(s => s.Position));
    }

    [Fact]
    public void Apply_IdRepeated_ReturnsError()
    {
        var scales = FiveScales();
        var ids = scales.Select(s => s.Id).ToList();
        ids[4] = ids[0];

        Assert.NotNull(ScaleOrdering.Apply(scales, ids));
        Assert.Equal([0, 1, 2, 3, 4], scales.Select(s => s.Position));
    }

    [Fact]
    public void Apply_IdOfAnotherScale_ReturnsError()
    {
        var scales = FiveScales();
        var ids = scales.Select(s => s.Id).ToList();
        ids[2] = Guid.NewGuid();

        Assert.NotNull(ScaleOrdering.Apply(scales, ids));
    }

    [Fact]
    public void Apply_ExtraId_ReturnsError()
    {
        var scales = FiveScales();

        Assert.NotNull(ScaleOrdering.Apply(scales, [.. scales.Select(s => s.Id), Guid.NewGuid()]));
    }

    [Fact]
    public void Renumber_GapsAfterRemoval_MakesPositionsContiguousInOrder()
    {
        var scales = FiveScales();
        var remaining = scales.Where(s => s.Position != 2).ToList();

        ScaleOrdering.Renumber(remaining);

        Assert.Equal(["Person / Practitioner", "Team", "Place", "Region / Country"], remaining.OrderBy(s => s.Position).Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3], remaining.Select(s => s.Position));
    }

    [Fact]
    public void Defaults_FiveGuideScales_PersonToRegion()
    {
        Assert.Equal(
            [("Person / Practitioner", ScaleKind.Person), ("Team", ScaleKind.Team), ("Organisation", ScaleKind.Organisation), ("Place", ScaleKind.Place), ("Region / Country", ScaleKind.Region)],
            Scale.Defaults);
    }
}
