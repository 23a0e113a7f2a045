using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Stewardship;

namespace LearningStack.Tests.Features.Stewardship;

public sealed class GovernanceRulesTests
{
    [Theory]
    [InlineData("Cllr Ann Lee", "Chair", new string[0])]
    [InlineData("Cllr Ann Lee", " ", new[] { "role" })]
    [InlineData("", "Chair", new[] { "name" })]
    [InlineData(null, null, new[] { "name", "role" })]
    public void NamedMemberErrors_NameAndRole_BothNeeded(string? name, string? role, string[] expected)
    {
        var errors = GovernanceRules.NamedMemberErrors(name, role);

        Assert.Equal(expected, errors?.Keys.Order(StringComparer.Ordinal).ToArray() ?? []);
    }

    [Theory]
    [InlineData(true, null, "u1", true)]
    [InlineData(true, "u2", "u1", true)]
    [InlineData(false, "u1", "u1", true)]
    [InlineData(false, "u2", "u1", false)]
    [InlineData(false, null, "u1", false)]
    [InlineData(false, null, null, false)]
    public void CanReadConcern_BodyMembersAndNamedSenderOnly(bool isBodyMember, string? senderId, string? userId, bool expected) =>
        Assert.Equal(expected, GovernanceRules.CanReadConcern(isBodyMember, senderId, userId));

    [Theory]
    [InlineData(false, 0, false)]
    [InlineData(false, 2, false)]
    [InlineData(true, 0, false)]
    [InlineData(true, 1, true)]
    public void CanRaiseConcern_NeedsABodyWithSomeoneToReadIt(bool hasBody, int readers, bool expected) =>
        Assert.Equal(expected, GovernanceRules.CanRaiseConcern(hasBody, readers));

    [Fact]
    public void ConcernThrottle_PastTheLimit_RefusesUntilAnHourHasPassed()
    {
        var clock = new ManualClock();
        var throttle = new ConcernThrottle(clock, 2);

        Assert.True(throttle.TryTake("a"));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(throttle.TryTake("a"));
        Assert.False(throttle.TryTake("a"));
        Assert.True(throttle.TryTake("b"));
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(throttle.TryTake("a"));
        Assert.False(throttle.TryTake("a"));
    }

    [Fact]
    public void QuestionBank_KeysUniqueAndEveryQuestionAsks()
    {
        var all = GovernanceQuestionBank.All;

        Assert.Equal(all.Count, all.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, q => Assert.StartsWith("govern-", q.Key, StringComparison.Ordinal));
        Assert.All(all, q => Assert.Contains('?', q.Text));
        Assert.Contains(all, q => q.Group == GovernanceQuestionGroup.Arrangements);
        Assert.Contains(all, q => q.Group == GovernanceQuestionGroup.Asking);
        Assert.Empty(all.Select(q => q.Key).Intersect(DesignQuestionBank.All.Select(q => q.Key)));
    }

    [Theory]
    [InlineData("Are people participating authentically in learning?")]
    [InlineData("Are lessons being learnt?")]
    [InlineData("How is learning translating into changed practice?")]
    [InlineData("Who is included in/excluded from this learning cycle? Are those boundaries correct?")]
    public void QuestionBank_InOurOwnWords_NotTheGuidesSentence(string guideSentence) =>
        Assert.DoesNotContain(GovernanceQuestionBank.All, q => q.Text.Contains(guideSentence, StringComparison.OrdinalIgnoreCase));

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
