using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stories;

/// <summary>A story collection. On create, <see cref="Template"/> fills whatever is left out from a template.</summary>
public sealed class StoryCollectionInput
{
    /// <summary>Create only: "appreciative-inquiry", "systems-change" or "service-experience".</summary>
    public string? Template { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The title can be at most 200 characters.")]
    public string? Title { get; set; }

    [MaxLength(StoryLimits.Prompt, ErrorMessage = "The prompt can be at most 4,000 characters.")]
    public string? Prompt { get; set; }

    public List<SignifierInput>? Signifiers { get; set; }

    public int? Version { get; set; }
}

public sealed class SignifierInput
{
    /// <summary>Keep an existing signifier's id when editing, so its answers stay attached.</summary>
    public Guid? Id { get; set; }
    public SignifierKind? Kind { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "A question can be at most 200 characters.")]
    public string? Question { get; set; }

    /// <summary>Triad: three corners. Dyad: two poles. Tags and demographics: the options.</summary>
    public List<string>? Labels { get; set; }
}

/// <summary>A story and how its teller signified it. Answers left out are "not answered".</summary>
public sealed class StoryInput
{
    [MaxLength(Limits.Name, ErrorMessage = "The title can be at most 200 characters.")]
    public string? Title { get; set; }

    [MaxLength(StoryLimits.Text, ErrorMessage = "A story can be at most 10,000 characters.")]
    public string? Text { get; set; }

    /// <summary>Told with a person: their case file (the caller must be able to add the person's own words to it).</summary>
    public Guid? CaseId { get; set; }

    public List<StoryAnswerInput>? Answers { get; set; }
}

public sealed class StoryAnswerInput
{
    public Guid SignifierId { get; set; }

    /// <summary>The teller says this signifier does not apply to their story.</summary>
    public bool NotApplicable { get; set; }

    /// <summary>Triads: weights of the three corners, each at least 0, summing to 1.</summary>
    public double? A { get; set; }
    public double? B { get; set; }
    public double? C { get; set; }

    /// <summary>Dyads: 0 at the first pole, 1 at the second.</summary>
    public double? X { get; set; }

    /// <summary>Tags: any of the options; demographics: one.</summary>
    public List<string>? Options { get; set; }
}

public sealed record SignifierView(Guid Id, SignifierKind Kind, string Question, IReadOnlyList<string> Labels, IReadOnlyList<string> Options);

public sealed record StoryCollectionView(Guid Id, Guid NetworkId, string Title, string Prompt, IReadOnlyList<SignifierView> Signifiers, bool LinkOpen,
    DateTimeOffset? LinkOpenedAt, int StoryCount, DateTimeOffset CreatedAt, int Version);

public sealed record StoryCollectionSummary(Guid Id, string Title, string Prompt, bool LinkOpen, int StoryCount);

/// <summary>The anonymous link, shown once when opened.</summary>
public sealed record StoryLinkView(string Link, DateTimeOffset OpenedAt);

public sealed record StoryAnswerView(Guid SignifierId, bool NotApplicable, double? A, double? B, double? C, double? X, IReadOnlyList<string> Options);

/// <summary>A story as the network sees it: the teller's words first; a linked case only by its pseudonymous reference.</summary>
public sealed record StoryView(Guid Id, string? Title, string Text, StorySource Source, string? CaseReference, DateTimeOffset CreatedAt, IReadOnlyList<StoryAnswerView> Answers);

/// <summary>A story told with a person, as their file shows it: in full, with who entered it.</summary>
public sealed record CaseStoryView(Guid Id, Guid CollectionId, string CollectionTitle, string? Title, string Text, string? ToldBy, DateTimeOffset CreatedAt);

public sealed record CollectionChoice(Guid Id, string Title, string Prompt);

/// <summary>The stories in a person's file. <see cref="CountsInSenseMaking"/> is false while the person's consent for stories is
/// withdrawn; the stories stay in the file but leave the patterns.</summary>
public sealed record CaseStories(Guid CaseId, string Reference, bool CanTell, bool CountsInSenseMaking, IReadOnlyList<CaseStoryView> Stories,
    IReadOnlyList<CollectionChoice> Collections);

public static class SignifierText
{
    public static string Kind(SignifierKind kind) => kind switch
    {
        SignifierKind.Triad => "Triangle (three corners)",
        SignifierKind.Dyad => "Slider (two ends)",
        SignifierKind.Tags => "Choose any",
        SignifierKind.Demographic => "About you (choose one)",
        _ => kind.ToString(),
    };
}
