using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Networks;

public sealed class NetworkInput
{
    [Required(ErrorMessage = "Give the network a name, e.g. \"Gateshead\".")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string Name { get; set; } = "";

    [MaxLength(Limits.LongText, ErrorMessage = "The description can be at most 20,000 characters.")]
    public string? Description { get; set; }

    /// <summary>The version you last saw, when editing; a stale version gives a conflict instead of overwriting.</summary>
    public int? Version { get; set; }
}

public sealed class InvitationInput
{
    [Required(ErrorMessage = "Enter the email address of the person to invite.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [MaxLength(256, ErrorMessage = "The email address can be at most 256 characters.")]
    public string Email { get; set; } = "";

    [EnumDataType(typeof(NetworkRole), ErrorMessage = "Choose steward, member or observer.")]
    public NetworkRole Role { get; set; } = NetworkRole.Member;
}

public sealed class ScaleInput
{
    [Required(ErrorMessage = "Give the scale a name.")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string Name { get; set; } = "";

    public int? Version { get; set; }
}

public sealed class ScaleOrderInput
{
    [Required(ErrorMessage = "List every scale id, smallest scale first.")]
    public List<Guid> ScaleIds { get; set; } = [];
}

public sealed class MemberRoleInput
{
    [EnumDataType(typeof(NetworkRole), ErrorMessage = "Choose steward, member or observer.")]
    public NetworkRole Role { get; set; }

    public int? Version { get; set; }
}
