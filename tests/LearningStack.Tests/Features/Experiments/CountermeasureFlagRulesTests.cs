using LearningStack.Web.Features.Experiments;

namespace LearningStack.Tests.Features.Experiments;

/// <summary>When an active countermeasure is flagged for a second look; and the dates pods and the calendar work with.</summary>
public sealed class CountermeasureFlagRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    [Fact]
    public void For_ActiveReviewYesterday_PastReview() =>
        Assert.Equal([CountermeasureFlagRules.PastReview], Kinds(CountermeasureStatus.Active, Today.AddDays(-1), ExperimentState.Running));

    [Fact]
    public void For_ActiveReviewToday_NoFlag() =>
        Assert.Empty(Kinds(CountermeasureStatus.Active, Today, ExperimentState.Running));

    [Fact]
    public void For_ActiveNoReviewDate_NoFlag() =>
        Assert.Empty(Kinds(CountermeasureStatus.Active, null, ExperimentState.Reflecting));

    [Fact]
    public void For_ActiveExperimentConcluded_ExperimentConcluded() =>
        Assert.Equal([CountermeasureFlagRules.ExperimentConcluded], Kinds(CountermeasureStatus.Active, Today.AddDays(5), ExperimentState.Concluded));

    [Fact]
    public void For_ActivePastReviewAndConcluded_BothWithWhatToDo()
    {
        var flags = CountermeasureFlagRules.For(CountermeasureStatus.Active, Today.AddDays(-30), ExperimentState.Concluded, Today);

        Assert.Equal([CountermeasureFlagRules.PastReview, CountermeasureFlagRules.ExperimentConcluded], flags.Select(f => f.Kind));
        Assert.All(flags, f => Assert.False(string.IsNullOrWhiteSpace(f.Explanation) || string.IsNullOrWhiteSpace(f.WhatToDo)));
    }

    [Theory]
    [InlineData(CountermeasureStatus.Removed)]
    [InlineData(CountermeasureStatus.NewNormal)]
    public void For_Ended_NeverFlagged(CountermeasureStatus status) =>
        Assert.Empty(Kinds(status, Today.AddDays(-30), ExperimentState.Concluded));

    [Theory]
    [InlineData("2026-06-08", "2026-06-08")]
    [InlineData("2026-06-10", "2026-06-08")]
    [InlineData("2026-06-14", "2026-06-08")]
    [InlineData("2026-06-15", "2026-06-15")]
    public void Monday_AnyDay_TheWeeksMonday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), PodQuestions.Monday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DefaultRange_MidNovember_NovemberToJanuary() =>
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31)), CalendarCommands.DefaultRange(new DateOnly(2026, 11, 23)));

    private static IEnumerable<string> Kinds(CountermeasureStatus status, DateOnly? reviewOn, ExperimentState state) =>
        CountermeasureFlagRules.For(status, reviewOn, state, Today).Select(f => f.Kind);
}
