using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>A session as people plan it. On edit the whole record is sent with its version.</summary>
public sealed class SessionInput
{
    [Required(ErrorMessage = "Give the session a title, for example \"Team sense-making, March\".")]
    [MaxLength(Limits.Name, ErrorMessage = "The title can be at most 200 characters.")]
    public string? Title { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The purpose can be at most 20,000 characters.")]
    public string? Purpose { get; set; }

    [Required(ErrorMessage = "Enter the date and time the session starts.")]
    public DateTimeOffset? StartsAt { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The place can be at most 200 characters.")]
    public string? Place { get; set; }

    [MaxLength(2000, ErrorMessage = "The call link can be at most 2,000 characters.")]
    public string? CallLink { get; set; }

    /// <summary>A member of the network who facilitates; or use <see cref="FacilitatorName"/>.</summary>
    [MaxLength(450)]
    public string? FacilitatorUserId { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The facilitator's name can be at most 200 characters.")]
    public string? FacilitatorName { get; set; }

    public int? Version { get; set; }
}

/// <summary>Moves a session between planned, live and ended.</summary>
public sealed class SessionStateInput
{
    [Required(ErrorMessage = "Say which state the session moves to: Planned, Live or Ended.")]
    public SessionState? State { get; set; }

    public int? Version { get; set; }
}

/// <summary>Someone taking part: a member (<see cref="UserId"/>; their name comes from their account) or anyone by name and/or role.</summary>
public sealed class ParticipantInput
{
    [MaxLength(450)]
    public string? UserId { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The role can be at most 200 characters.")]
    public string? Role { get; set; }

    [Required(ErrorMessage = "Choose the voice they bring: person served, practitioner, manager, partner organisation or other.")]
    public Voice? Voice { get; set; }

    /// <summary>Edits only.</summary>
    public int? Version { get; set; }
}

/// <summary>Something to review in the session: an experiment, evidence entry or pod reflection of this cycle (<see cref="TargetId"/>),
/// or one of its maps (<see cref="MapKind"/> actors, factors or process).</summary>
public sealed class MaterialInput
{
    [Required(ErrorMessage = "Choose what kind of thing to review: Experiment, Evidence, PodReflection or Map.")]
    public MaterialKind? Kind { get; set; }

    public Guid? TargetId { get; set; }

    [MaxLength(20)]
    public string? MapKind { get; set; }
}
