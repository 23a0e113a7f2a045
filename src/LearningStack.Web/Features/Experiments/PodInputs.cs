using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

public sealed class PodInput
{
    [Required(ErrorMessage = "Give the pod a name, for example the people in it or what they work on.")]
    [MaxLength(Limits.Name, ErrorMessage = "A pod's name can be at most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>Who is in it, by name or role. Blank entries are dropped.</summary>
    public List<string>? People { get; set; }

    /// <summary>Edits only.</summary>
    public int? Version { get; set; }
}

/// <summary>One week's reflection of a pod: four open questions, any of which may be left empty (but not all).</summary>
public sealed class PodReflectionInput
{
    /// <summary>Any day of the week reflected on; stored as that week's Monday.</summary>
    [Required(ErrorMessage = "Enter the week you are reflecting on.")]
    public DateOnly? WeekOf { get; set; }

    /// <summary>Optionally, the experiment of the pod's cycle the reflection is about.</summary>
    public Guid? ExperimentId { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "An answer can be at most 20,000 characters.")]
    public string? DidDifferently { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "An answer can be at most 20,000 characters.")]
    public string? Learnt { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "An answer can be at most 20,000 characters.")]
    public string? EnabledLearning { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "An answer can be at most 20,000 characters.")]
    public string? WentWrong { get; set; }

    /// <summary>Edits only.</summary>
    public int? Version { get; set; }
}

public sealed record PodView(Guid Id, Guid CycleId, string Name, IReadOnlyList<string> People, DateOnly? LatestWeekOf, int Version);

public sealed record PodReflectionView(
    Guid Id,
    Guid PodId,
    string PodName,
    DateOnly WeekOf,
    Guid? ExperimentId,
    string? ExperimentTitle,
    string? DidDifferently,
    string? Learnt,
    string? EnabledLearning,
    string? WentWrong,
    string AuthorName,
    DateTimeOffset CreatedAt,
    int Version);

/// <summary>The reflections of one week (a Monday), oldest first.</summary>
public sealed record PodWeekView(DateOnly WeekOf, IReadOnlyList<PodReflectionView> Reflections);

/// <summary>A pod and its last weeks of reflection, newest week first; only weeks with at least one reflection.</summary>
public sealed record PodDetailView(CycleScope Cycle, PodView Pod, int Weeks, DateOnly ThisWeek, IReadOnlyList<PodWeekView> RecentWeeks);

public sealed record CyclePodsView(CycleScope Cycle, IReadOnlyList<PodView> Pods);

/// <summary>The four open questions a pod reflects on each week, in our words, by field name.</summary>
public static class PodQuestions
{
    public static IReadOnlyList<(string Field, string Question, Func<PodReflectionView, string?> Answer)> All { get; } =
    [
        ("didDifferently", "What did we do differently this week?", r => r.DidDifferently),
        ("learnt", "What did we learn from it?", r => r.Learnt),
        ("enabledLearning", "What helped us learn?", r => r.EnabledLearning),
        ("wentWrong", "What went wrong, or got in the way?", r => r.WentWrong),
    ];

    /// <summary>The Monday of the week a date falls in.</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
