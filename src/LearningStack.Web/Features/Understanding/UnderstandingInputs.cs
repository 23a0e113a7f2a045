using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Understanding;

public sealed class ActorInput
{
    [Required(ErrorMessage = "Give the actor a name.")]
    [MaxLength(Limits.Name, ErrorMessage = "A name can be at most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose what kind of actor this is.")]
    public ActorKind? Kind { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "A description can be at most 20,000 characters.")]
    public string? Description { get; set; }

    public List<string>? Tags { get; set; }
    public List<ActorRoles>? Roles { get; set; }
    public double? X { get; set; }
    public double? Y { get; set; }
    public int? Version { get; set; }
}

public sealed class RelationshipInput
{
    [Required(ErrorMessage = "Choose who the relationship is from.")]
    public Guid? FromId { get; set; }

    [Required(ErrorMessage = "Choose who the relationship is with.")]
    public Guid? ToId { get; set; }

    [Required(ErrorMessage = "Say what kind of relationship this is, for example \"works with\".")]
    [MaxLength(100, ErrorMessage = "The kind can be at most 100 characters.")]
    public string? Kind { get; set; }

    public RelationshipDirection? Direction { get; set; }

    [Range(1, 5, ErrorMessage = "Strength is from 1 (weak) to 5 (strong).")]
    public int? Strength { get; set; }

    public TrustQuality? Trust { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Notes can be at most 20,000 characters.")]
    public string? Notes { get; set; }

    public DateOnly? Since { get; set; }
    public int? Version { get; set; }
}

public sealed class FactorInput
{
    [Required(ErrorMessage = "Give the factor a name.")]
    [MaxLength(Limits.Name, ErrorMessage = "A name can be at most 200 characters.")]
    public string? Name { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "A description can be at most 20,000 characters.")]
    public string? Description { get; set; }

    public List<string>? Tags { get; set; }

    [MaxLength(2000, ErrorMessage = "A link can be at most 2,000 characters.")]
    public string? EvidenceUrl { get; set; }

    public double? X { get; set; }
    public double? Y { get; set; }
    public int? Version { get; set; }
}

public sealed class CausalLinkInput
{
    [Required(ErrorMessage = "Choose the factor that drives.")]
    public Guid? FromId { get; set; }

    [Required(ErrorMessage = "Choose the factor that is driven.")]
    public Guid? ToId { get; set; }

    [Required(ErrorMessage = "Choose + (same direction) or − (opposite direction).")]
    public LinkPolarity? Polarity { get; set; }

    public bool Delay { get; set; }
    public Confidence? Confidence { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The evidence note can be at most 20,000 characters.")]
    public string? EvidenceNote { get; set; }

    public int? Version { get; set; }
}

public sealed class PositionInput
{
    [Required(ErrorMessage = "Send x.")]
    [Range(-1_000_000, 1_000_000, ErrorMessage = "x is too far away.")]
    public double? X { get; set; }

    [Required(ErrorMessage = "Send y.")]
    [Range(-1_000_000, 1_000_000, ErrorMessage = "y is too far away.")]
    public double? Y { get; set; }
}

public sealed class ProcessStepInput
{
    [Required(ErrorMessage = "Describe the step.")]
    [MaxLength(Limits.LongText, ErrorMessage = "A step can be at most 20,000 characters.")]
    public string? Description { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "Who is responsible can be at most 200 characters.")]
    public string? Responsible { get; set; }

    [Required(ErrorMessage = "Say whether this step is value demand or failure demand.")]
    public DemandKind? Demand { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Notes can be at most 20,000 characters.")]
    public string? Notes { get; set; }

    /// <summary>Where to put the step (1 = first). Empty adds it at the end.</summary>
    [Range(1, 10_000, ErrorMessage = "The position is a number from 1.")]
    public int? Position { get; set; }

    public int? Version { get; set; }
}

public sealed class NamedLoopInput
{
    [Required(ErrorMessage = "Give the loop a name, for example \"Burnout spiral\".")]
    [MaxLength(Limits.Name, ErrorMessage = "A name can be at most 200 characters.")]
    public string? Name { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Notes can be at most 20,000 characters.")]
    public string? Notes { get; set; }

    public int? Version { get; set; }
}

public sealed class BoundaryReviewInput
{
    [Required(ErrorMessage = "Write what the review found: who is in, who is out, who is missing.")]
    [MaxLength(Limits.LongText, ErrorMessage = "The note can be at most 20,000 characters.")]
    public string? Note { get; set; }
}

public sealed class SnapshotInput
{
    [Required(ErrorMessage = "Give the snapshot a name, for example \"Before the first experiment\".")]
    [MaxLength(Limits.Name, ErrorMessage = "A name can be at most 200 characters.")]
    public string? Name { get; set; }
}

public sealed class LoopAnalysisInput
{
    [Range(1, 50, ErrorMessage = "The longest loop can be from 1 to 50 links.")]
    public int? MaxLength { get; set; }

    [Range(1, 100_000, ErrorMessage = "List from 1 to 100,000 loops.")]
    public int? MaxLoops { get; set; }

    public Guid? ThroughFactorId { get; set; }
}
