namespace LearningStack.Web.Features.Experiments.Pages;

/// <summary>How countermeasures, pods and calendar items are named on the pages.</summary>
public static class CountermeasureText
{
    public static string Name(CountermeasureStatus status) => status switch
    {
        CountermeasureStatus.Active => "In place",
        CountermeasureStatus.Removed => "Removed",
        CountermeasureStatus.NewNormal => "Became the new normal",
        _ => status.ToString(),
    };

    public static string Name(ExperimentState state) => state switch
    {
        ExperimentState.Designing => "Designing",
        ExperimentState.Running => "Running",
        ExperimentState.Reflecting => "Reflecting",
        ExperimentState.Concluded => "Concluded",
        _ => state.ToString(),
    };

    public static string Name(CalendarItemKind kind) => kind switch
    {
        CalendarItemKind.Start => "Starts",
        CalendarItemKind.ReviewPoint => "Review point",
        CalendarItemKind.PlannedEnd => "Planned end",
        CalendarItemKind.CountermeasureReview => "Countermeasure to look at again",
        _ => kind.ToString(),
    };

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Week(DateOnly monday) => "Week of " + monday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
