namespace LearningStack.Web.Features.Experiments;

/// <summary>When an active countermeasure deserves a second look. Pure, so that it can be tested with any "today".</summary>
public static class CountermeasureFlagRules
{
    public const string PastReview = "past-review";
    public const string ExperimentConcluded = "experiment-concluded";

    public static IReadOnlyList<CountermeasureFlag> For(CountermeasureStatus status, DateOnly? reviewOn, ExperimentState experimentState, DateOnly today)
    {
        if (status != CountermeasureStatus.Active)
        {
            return [];
        }
        var flags = new List<CountermeasureFlag>();
        if (reviewOn is { } review && review < today)
        {
            flags.Add(new CountermeasureFlag(PastReview,
                $"It was due to be looked at again on {review:d MMMM yyyy}.",
                "Talk it over with whoever agreed it: keep it with a new review date, remove it, or make it the new normal."));
        }
        if (experimentState == ExperimentState.Concluded)
        {
            flags.Add(new CountermeasureFlag(ExperimentConcluded,
                "Its experiment has concluded, but the countermeasure is still in place.",
                "Decide whether to remove it, or whether what it allowed has become the new normal."));
        }
        return flags;
    }
}
