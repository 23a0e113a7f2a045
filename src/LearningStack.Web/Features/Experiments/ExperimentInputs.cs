using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

/// <summary>The whole design of an experiment (create, and PUT with <see cref="Version"/>).</summary>
public sealed class ExperimentInput
{
    [Required(ErrorMessage = "Give the experiment a short title.")]
    [MaxLength(Limits.Name, ErrorMessage = "A title can be at most 200 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Choose whether this is a probe or a hypothesis test.")]
    public ExperimentType? Type { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The research question can be at most 20,000 characters.")]
    public string? ResearchQuestion { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The hypothesis can be at most 20,000 characters.")]
    public string? Hypothesis { get; set; }

    public List<string?>? InquiryQuestions { get; set; }

    public List<string?>? Tags { get; set; }

    public List<string?>? SafeToFailRules { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Permissions can be at most 20,000 characters.")]
    public string? Permissions { get; set; }

    public PermissionStatus? PermissionStatus { get; set; }

    public DateOnly? StartsOn { get; set; }

    public List<DateOnly>? ReviewPoints { get; set; }

    public DateOnly? PlannedEndOn { get; set; }

    /// <summary>By name: Quantitative, Qualitative, Narrative, Visual, Experiential.</summary>
    public List<EvidenceKinds>? EvidenceKinds { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Who gathers the evidence can be at most 20,000 characters.")]
    public string? GatheredBy { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Who makes sense of the evidence can be at most 20,000 characters.")]
    public string? AnalysedBy { get; set; }

    [Range(1, 365, ErrorMessage = "Reflect together every 1 to 365 days.")]
    public int? ReflectionEveryDays { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "How you will know can be at most 20,000 characters.")]
    public string? HowWeWillKnow { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Who it is shared with can be at most 20,000 characters.")]
    public string? SharedWith { get; set; }

    /// <summary>The case file of the person the experiment is tried with (a case of this cycle that the caller works on), or none.
    /// A whole-design edit that leaves it out unlinks the case.</summary>
    public Guid? CaseId { get; set; }

    public int? Version { get; set; }
}

/// <summary>Moves an experiment to another state; concluding needs the decision and both learnings.</summary>
public sealed class ExperimentStateInput
{
    [Required(ErrorMessage = "Choose the state to move to.")]
    public ExperimentState? State { get; set; }

    public ExperimentDecision? Decision { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The learning about the work can be at most 20,000 characters.")]
    public string? LearningAboutWork { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The learning about organising can be at most 20,000 characters.")]
    public string? LearningAboutOrganising { get; set; }

    public int? Version { get; set; }
}

/// <summary>Starts a new experiment from an earlier one.</summary>
public sealed class IterationInput
{
    [MaxLength(Limits.Name, ErrorMessage = "A title can be at most 200 characters.")]
    public string? Title { get; set; }
}

/// <summary>Something the experiment will try, and why.</summary>
public sealed class ExperimentActionInput
{
    [Required(ErrorMessage = "Say what you will try.")]
    [MaxLength(Limits.LongText, ErrorMessage = "What you will try can be at most 20,000 characters.")]
    public string? What { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Why can be at most 20,000 characters.")]
    public string? Why { get; set; }

    public Guid? FactorId { get; set; }

    public Guid? ActorId { get; set; }

    public int? Version { get; set; }
}

/// <summary>Someone involved: by name, or one of the cycle's actors, or a member of the network.</summary>
public sealed class ExperimentParticipantInput
{
    [MaxLength(Limits.Name, ErrorMessage = "A name can be at most 200 characters.")]
    public string? Name { get; set; }

    public Guid? ActorId { get; set; }

    [MaxLength(450)]
    public string? UserId { get; set; }

    /// <summary>By name: CoDesigner, OpinionLeader, CouldStopIt, HasEnergy.</summary>
    public List<ParticipantRoles>? Roles { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "How they are involved can be at most 20,000 characters.")]
    public string? How { get; set; }

    public int? Version { get; set; }
}

/// <summary>A comment on one section of the design.</summary>
public sealed class ExperimentCommentInput
{
    [Required(ErrorMessage = "Choose which part of the design the comment is about.")]
    public string? Section { get; set; }

    [Required(ErrorMessage = "Write your comment.")]
    [MaxLength(Limits.LongText, ErrorMessage = "A comment can be at most 20,000 characters.")]
    public string? Text { get; set; }
}

/// <summary>Filters for a network's experiments.</summary>
public sealed record ExperimentFilter(Guid? ScaleId = null, Guid? CycleId = null, ExperimentType? Type = null, ExperimentState? State = null,
    string? Tag = null, int? Page = null, int? PageSize = null)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}
