using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Stewardship;

namespace LearningStack.Tests.Features.Stewardship;

public sealed class ManagingRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);

    [Fact]
    public void TimeByMonth_UsesInSeveralMonths_TotalsPerMonthFromTheStartToThisMonth()
    {
        var months = ManagingRules.TimeByMonth(20m, new DateOnly(2026, 1, 10),
            [(new DateOnly(2026, 1, 3), 10m), (new DateOnly(2026, 1, 31), 2.5m), (new DateOnly(2026, 3, 1), 32m)], Today);

        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], months.Select(m => m.Month));
        Assert.Equal([12.5m, 0m, 32m], months.Select(m => m.Used));
        Assert.All(months, m => Assert.Equal(20m, m.Planned));
        Assert.Equal("12 hours more than planned this month", months[2].Words);
        Assert.Equal("20 hours of 20 planned not used that month", months[1].Words);
    }

    [Fact]
    public void TimeByMonth_UseBeforeTheAllocationStarts_CountedWithNothingPlanned()
    {
        var months = ManagingRules.TimeByMonth(10m, new DateOnly(2026, 3, 1), [(new DateOnly(2026, 2, 20), 4m)], Today);

        Assert.Equal((0m, 4m, "4 hours used, none planned that month"), (months[0].Planned, months[0].Used, months[0].Words));
        Assert.Equal((10m, 0m), (months[1].Planned, months[1].Used));
    }

    [Fact]
    public void TimeByMonth_NoUses_OneRowPerMonthSinceTheStart()
    {
        var months = ManagingRules.TimeByMonth(8m, new DateOnly(2026, 2, 1), [], Today);

        Assert.Equal(2, months.Count);
        Assert.Equal("8 hours of 8 planned still to use this month", months[1].Words);
    }

    [Theory]
    [InlineData(20, 20, true, "as planned this month")]
    [InlineData(20, 21, false, "1 hour more than planned that month")]
    [InlineData(0, 0, true, "none planned, none used")]
    [InlineData(20, 12.5, true, "7.5 hours of 20 planned still to use this month")]
    public void TimeWords_PlannedAndUsed_PlainWordsNeverAGrade(double planned, double used, bool thisMonth, string words) =>
        Assert.Equal(words, ManagingRules.TimeWords((decimal)planned, (decimal)used, thisMonth));

    [Fact]
    public void MoneyWords_UnderAndOver_SaysWhatIsLeftOrHowMuchMore()
    {
        Assert.Equal("£120.00 of £1,500.00 used; £1,380.00 left", ManagingRules.MoneyWords(1500m, 120m, "GBP"));
        Assert.Equal("1,600.00 SEK used: 100.00 SEK more than planned", ManagingRules.MoneyWords(1500m, 1600m, "SEK"));
    }

    [Fact]
    public void CheckBarrier_OpenBarrierNotRouted_Allowed()
    {
        Assert.Null(ManagingRules.CheckBarrier(EnablerKind.Barrier, EnablerStatus.Open, alreadyRouted: false, routedTo: null));
    }

    [Fact]
    public void CheckBarrier_AlreadyRouted_ConflictNamingTheCycle()
    {
        var refusal = ManagingRules.CheckBarrier(EnablerKind.Barrier, EnablerStatus.Open, alreadyRouted: true, routedTo: "Council finance");

        Assert.NotNull(refusal);
        Assert.True(refusal.IsConflict);
        Assert.Contains("'Council finance'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckBarrier_EnablerOrAddressed_Refused()
    {
        Assert.Equal("kind", ManagingRules.CheckBarrier(EnablerKind.Enabler, EnablerStatus.Open, false, null)?.Field);
        Assert.Equal("status", ManagingRules.CheckBarrier(EnablerKind.Barrier, EnablerStatus.Addressed, false, null)?.Field);
    }

    [Fact]
    public void CheckTarget_CycleNotLinked_RefusedByTheSharedRoutingRules()
    {
        var (team, finance, housing, network) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        (Guid, Guid)[] links = [(team, finance)];

        Assert.Null(RoutingRules.CheckTarget(team, network, "Team", new RouteTarget(finance, network, "Finance", false), links));
        Assert.Contains("not connected", RoutingRules.CheckTarget(team, network, "Team", new RouteTarget(housing, network, "Housing", false), links)?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NetworkRole.Steward, false, true)]
    [InlineData(NetworkRole.Member, true, true)]
    [InlineData(NetworkRole.Member, false, false)]
    [InlineData(NetworkRole.Observer, true, false)]
    public void CanSteward_RoleAndCycleStewardship_NetworkStewardsOrMembersWhoStewardTheCycle(NetworkRole role, bool stewardsCycle, bool expected) =>
        Assert.Equal(expected, ManagingRules.CanSteward(role, stewardsCycle));
}
