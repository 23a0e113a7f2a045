using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>A governance body as set up or edited. Send the version read last when editing.</summary>
public sealed class GovernanceBodyInput
{
    [Required(ErrorMessage = "Name the body, for example \"Scrutiny board\".")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Say what kind of body it is.")]
    public GovernanceBodyKind? Kind { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The description can be at most 20,000 characters.")]
    public string? Description { get; set; }

    public int? Version { get; set; }
}

/// <summary>Someone joining the body: a member of the network (userId), or someone without an account named with their role.</summary>
public sealed class GovernanceMemberInput
{
    /// <summary>A member of the cycle's network. Leave empty to name someone without an account.</summary>
    public string? UserId { get; set; }

    /// <summary>For someone without an account: their name.</summary>
    [MaxLength(Limits.Name, ErrorMessage = "A name can be at most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>Their role on the body or outside it, for example "Councillor, chair". Needed for people without an account.</summary>
    [MaxLength(Limits.Name, ErrorMessage = "A role can be at most 200 characters.")]
    public string? Role { get; set; }

    public int? Version { get; set; }
}

/// <summary>A reflection on one governance question.</summary>
public sealed class GovernanceReflectionInput
{
    [Required(ErrorMessage = "Choose the question you are reflecting on.")]
    public string? QuestionKey { get; set; }

    [Required(ErrorMessage = "Write your reflection.")]
    [MaxLength(Limits.LongText, ErrorMessage = "A reflection can be at most 20,000 characters.")]
    public string? Text { get; set; }
}

/// <summary>A concern raised with a cycle's governance body. With <see cref="Anonymous"/> true, nothing about the sender is kept.</summary>
public sealed class ConcernInput
{
    [Required(ErrorMessage = "Say what worries you about how learning is happening in this cycle.")]
    [MaxLength(Limits.LongText, ErrorMessage = "A concern can be at most 20,000 characters.")]
    public string? Text { get; set; }

    public bool Anonymous { get; set; }
}

/// <summary>The follow-up code an anonymous concern's sender was given.</summary>
public sealed class ConcernFollowUpInput
{
    [Required(ErrorMessage = "Type the follow-up code you were given when you raised the concern.")]
    [MaxLength(100, ErrorMessage = "A follow-up code is 20 letters and digits.")]
    public string? Code { get; set; }
}

/// <summary>The body's next step on a concern: where it has got to, and what it says. Send the concern's version read last.</summary>
public sealed class ConcernResponseInput
{
    [Required(ErrorMessage = "Say where the body has got to with this concern.")]
    public ConcernStatus? Status { get; set; }

    [Required(ErrorMessage = "Write what the body wants to say about this concern.")]
    [MaxLength(Limits.LongText, ErrorMessage = "A response can be at most 20,000 characters.")]
    public string? Text { get; set; }

    public int? Version { get; set; }
}

public sealed record GovernanceBodyView(Guid Id, string Name, GovernanceBodyKind Kind, string? Description, DateTimeOffset CreatedAt, int Version);

/// <summary>Someone on the body. <see cref="InNetwork"/> is false for an account that has since left the network (it no longer reads concerns).</summary>
public sealed record GovernanceMemberView(Guid Id, string? UserId, string Name, string? Role, bool HasAccount, bool InNetwork, int Version);

public sealed record GovernanceReflectionView(Guid Id, string QuestionKey, string Text, string AuthorName, DateTimeOffset WrittenAt);

/// <summary>A governance question with its reflections, latest first.</summary>
public sealed record GovernanceQuestionView(string Key, GovernanceQuestionGroup Group, string Text, string? Hint, IReadOnlyList<GovernanceReflectionView> Reflections);

/// <summary>A cycle's governance: its body (null until one is set up), who is on it, the questions with reflections, and what the
/// caller may do. <see cref="OpenConcerns"/> is given only to the body's members.</summary>
public sealed record GovernanceView(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, GovernanceBodyView? Body,
    IReadOnlyList<GovernanceMemberView> Members, IReadOnlyList<GovernanceQuestionView> Questions, bool CanManage, bool CanReflect,
    bool IsBodyMember, bool CanRaiseConcern, int? OpenConcerns);

/// <summary>A network member who could join the body.</summary>
public sealed record GovernanceCandidate(string UserId, string Name);

public sealed record ConcernResponseView(Guid Id, ConcernStatus Status, string Text, string ResponderName, DateTimeOffset At);

/// <summary>A concern as a body member or its (named) sender sees it. <see cref="SenderName"/> is null for anonymous concerns.</summary>
public sealed record ConcernView(Guid Id, Guid NetworkId, Guid CycleId, string CycleName, bool Anonymous, string? SenderName, DateOnly RaisedOn,
    string Text, ConcernStatus Status, int Version, IReadOnlyList<ConcernResponseView> Responses, bool CanRespond, bool IsMine);

public sealed record ConcernList(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, string BodyName, IReadOnlyList<ConcernView> Concerns);

/// <summary>What the sender gets back. An anonymous concern has no id to come back to: nothing links it to the sender.</summary>
/// <summary>What the sender gets back. <see cref="FollowUpCode"/> is given once, for anonymous concerns only: keep it to read the response.</summary>
public sealed record ConcernReceipt(Guid? Id, bool Anonymous, DateOnly RaisedOn, string BodyName, string? FollowUpCode);

/// <summary>An anonymous concern as whoever holds its follow-up code sees it: what was raised, where, and the body's responses.</summary>
public sealed record ConcernFollowUpView(string NetworkName, string CycleName, string BodyName, DateOnly RaisedOn, string Text, ConcernStatus Status,
    IReadOnlyList<ConcernResponseView> Responses);

/// <summary>What the concern form needs: the body it goes to, or why it cannot be raised yet.</summary>
public sealed record ConcernFormContext(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, string? BodyName, bool CanRaise);
