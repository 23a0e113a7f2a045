using LearningStack.Web.Features.Connections;

namespace LearningStack.Tests.Features.Connections;

public sealed class LinkRulesTests
{
    private static readonly Guid Network = Guid.NewGuid();

    private static LinkEnd At(int scalePosition, Guid? network = null) => new(Guid.NewGuid(), network ?? Network, scalePosition);

    [Fact]
    public void Check_SameCycleBothEnds_RejectsSelfLink()
    {
        var cycle = At(1);

        var (link, error) = LinkRules.Check(cycle, cycle, []);

        Assert.Null(link);
        Assert.Contains("cannot be linked to itself", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CyclesInDifferentNetworks_Rejects()
    {
        var (link, error) = LinkRules.Check(At(1), At(1, Guid.NewGuid()), []);

        Assert.Null(link);
        Assert.Contains("same network", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2, 2)]
    [InlineData(3, 0, 3)]
    [InlineData(0, 4, 4)]
    public void Check_ScalesNotAdjacent_RejectsAndSaysHowFarApart(int a, int b, int gap)
    {
        var (link, error) = LinkRules.Check(At(a), At(b), []);

        Assert.Null(link);
        Assert.Contains($"{gap} scales apart", error, StringComparison.Ordinal);
        Assert.Contains("adjacent scales only", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Check_AlreadyLinkedInEitherDirection_RejectsDuplicate(bool existingIsReversed)
    {
        var smaller = At(0);
        var larger = At(1);
        var existing = existingIsReversed ? (larger.CycleId, smaller.CycleId) : (smaller.CycleId, larger.CycleId);

        var (link, error) = LinkRules.Check(smaller, larger, [existing]);

        Assert.Null(link);
        Assert.Contains("already linked", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OtherPairsAlreadyLinked_Allows()
    {
        var a = At(1);
        var b = At(1);

        var (link, error) = LinkRules.Check(a, b, [(a.CycleId, Guid.NewGuid()), (Guid.NewGuid(), b.CycleId)]);

        Assert.Null(error);
        Assert.NotNull(link);
    }

    [Fact]
    public void Check_SameScale_GivesHorizontalLinkInTheOrderGiven()
    {
        var a = At(2);
        var b = At(2);

        var (link, error) = LinkRules.Check(a, b, []);

        Assert.Null(error);
        Assert.Equal(new CheckedLink(LinkDirection.Horizontal, a.CycleId, b.CycleId), link);
    }

    [Fact]
    public void Check_AdjacentScalesSmallerFirst_GivesVerticalLinkSmallerFirst()
    {
        var team = At(1);
        var organisation = At(2);

        var (link, _) = LinkRules.Check(team, organisation, []);

        Assert.Equal(new CheckedLink(LinkDirection.Vertical, team.CycleId, organisation.CycleId), link);
    }

    [Fact]
    public void Check_AdjacentScalesLargerFirst_PutsSmallerScaleFirst()
    {
        var team = At(1);
        var organisation = At(2);

        var (link, _) = LinkRules.Check(organisation, team, []);

        Assert.Equal(new CheckedLink(LinkDirection.Vertical, team.CycleId, organisation.CycleId), link);
    }
}
