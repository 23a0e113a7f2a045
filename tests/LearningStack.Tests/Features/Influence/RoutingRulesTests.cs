using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Features.Influence;

public sealed class RoutingRulesTests
{
    private static readonly Guid Network = Guid.NewGuid();
    private static readonly Guid Team = Guid.NewGuid();
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly RouteTarget OrganisationTarget = new(Organisation, Network, "Council finance", false);

    private static RouteRefusal? Check(RouteTarget? to, (Guid, Guid)[] links, ExistingRoute? existing = null, IssueStatus status = IssueStatus.Open) =>
        RoutingRules.CheckRoute(status, Team, Network, "Debt advice team", to, links, existing);

    [Fact]
    public void CheckRoute_LinkedUpward_Allowed() => Assert.Null(Check(OrganisationTarget, [(Team, Organisation)]));

    [Fact]
    public void CheckRoute_LinkedTheOtherWay_Allowed() => Assert.Null(Check(OrganisationTarget, [(Organisation, Team)]));

    [Fact]
    public void CheckRoute_NotLinked_SaysConnectFirst()
    {
        var refusal = Check(OrganisationTarget, [(Team, Guid.NewGuid())]);

        Assert.NotNull(refusal);
        Assert.False(refusal.IsConflict);
        Assert.Equal("toCycleId", refusal.Field);
        Assert.Contains("not connected", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Connect the two cycles first", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckRoute_OwnCycle_Refused() =>
        Assert.Contains("comes from", Check(new RouteTarget(Team, Network, "Debt advice team", false), [(Team, Organisation)])!.Message, StringComparison.Ordinal);

    [Fact]
    public void CheckRoute_Archived_Refused() =>
        Assert.Contains("archived", Check(OrganisationTarget with { Archived = true }, [(Team, Organisation)])!.Message, StringComparison.Ordinal);

    [Fact]
    public void CheckRoute_OtherNetwork_Refused() =>
        Assert.Equal("Choose a cycle of this network.", Check(OrganisationTarget with { NetworkId = Guid.NewGuid() }, [(Team, Organisation)])!.Message);

    [Fact]
    public void CheckRoute_Unknown_Refused() => Assert.Equal("Choose a cycle of this network.", Check(null, [])!.Message);

    [Fact]
    public void CheckRoute_Twice_ConflictNamingCycleDateAndStatus()
    {
        var refusal = Check(OrganisationTarget, [(Team, Organisation)], new ExistingRoute(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), RouteStatus.Accepted));

        Assert.True(refusal!.IsConflict);
        Assert.StartsWith("Already routed to 'Council finance' on 3 March 2026 — status Accepted", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckRoute_ClosedIssue_ConflictSaysReopenFirst()
    {
        var refusal = Check(OrganisationTarget, [(Team, Organisation)], status: IssueStatus.Closed);

        Assert.True(refusal!.IsConflict);
        Assert.Contains("Reopen it first", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NetworkRole.Steward, false, true)]
    [InlineData(NetworkRole.Member, true, true)]
    [InlineData(NetworkRole.Member, false, false)]
    [InlineData(NetworkRole.Observer, true, false)]
    [InlineData(null, true, false)]
    public void CanRespond_NetworkStewardOrMemberStewardingTheReceivingCycle(NetworkRole? role, bool stewardsCycle, bool expected) =>
        Assert.Equal(expected, RoutingRules.CanRespond(role, stewardsCycle));

    [Theory]
    [InlineData(RouteStatus.Waiting, RouteStatus.Accepted, true)]
    [InlineData(RouteStatus.Waiting, RouteStatus.Declined, true)]
    [InlineData(RouteStatus.Accepted, RouteStatus.Closed, true)]
    [InlineData(RouteStatus.Waiting, RouteStatus.Closed, false)]
    [InlineData(RouteStatus.Declined, RouteStatus.Accepted, false)]
    [InlineData(RouteStatus.Accepted, RouteStatus.Declined, false)]
    [InlineData(RouteStatus.Closed, RouteStatus.Closed, false)]
    public void CheckTransition_OnlyWaitingIsAnsweredAndOnlyAcceptedIsClosed(RouteStatus from, RouteStatus to, bool allowed) =>
        Assert.Equal(allowed, RoutingRules.CheckTransition(from, to) is null);
}
