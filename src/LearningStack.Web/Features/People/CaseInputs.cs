using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.People;

/// <summary>The person as the file names them. Send the version read last when editing.</summary>
public sealed class CaseInput
{
    [Required(ErrorMessage = "Give the name or initials the person wants to be called by in their file.")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string? DisplayName { get; set; }

    [MaxLength(1000, ErrorMessage = "Contact details can be at most 1,000 characters.")]
    public string? Contact { get; set; }

    public int? Version { get; set; }
}

/// <summary>Something that matters to the person, or a strength, in their own words.</summary>
public sealed class StatementInput
{
    [Required(ErrorMessage = "Choose what this is: what matters to the person, or a strength.")]
    public StatementKind? Kind { get; set; }

    [Required(ErrorMessage = "Write it down in the person's own words.")]
    [MaxLength(CaseLimits.Statement, ErrorMessage = "Keep it to 4,000 characters.")]
    public string? Text { get; set; }

    /// <summary>The day it was said; today when left out.</summary>
    public DateOnly? SaidOn { get; set; }

    /// <summary>Short labels for what matters, separated by commas ("housing, money"); at most 8, each up to 60 characters.</summary>
    [MaxLength(600, ErrorMessage = "Keep the tags to 600 characters.")]
    public string? Tags { get; set; }

    public int? Version { get; set; }
}

/// <summary>A visit, call or note.</summary>
public sealed class NoteInput
{
    public NoteKind? Kind { get; set; }

    /// <summary>When it happened; today when left out. Not in the future.</summary>
    public DateOnly? OccurredOn { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "Who was there can be at most 200 characters.")]
    public string? Who { get; set; }

    [Required(ErrorMessage = "Say what happened.")]
    [MaxLength(Limits.LongText, ErrorMessage = "What happened can be at most 20,000 characters.")]
    public string? WhatHappened { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Next steps can be at most 20,000 characters.")]
    public string? NextSteps { get; set; }

    /// <summary>Hidden from the person when true. Off by default.</summary>
    public bool PractitionerOnly { get; set; }

    /// <summary>The tasks done (ids from the network's task list); counted, never listed, on larger cycles' Patterns pages.
    /// Left out when changing a note, the note keeps its tasks; an empty list clears them.</summary>
    public List<Guid>? TaskTypeIds { get; set; }

    public int? Version { get; set; }
}

/// <summary>Adds a practitioner (a member of the network) to the case.</summary>
public sealed class PractitionerInput
{
    [Required(ErrorMessage = "Choose the practitioner to add.")]
    public string? UserId { get; set; }
}

/// <summary>Shares the file with a colleague until a date.</summary>
public sealed class GrantInput
{
    [Required(ErrorMessage = "Choose who to share the file with.")]
    public string? UserId { get; set; }

    [Required(ErrorMessage = "Give the last day they may open the file.")]
    public DateOnly? Until { get; set; }

    [Required(ErrorMessage = "Say why they need to see it, for example \"covering my visits while I am on leave\".")]
    [MaxLength(Limits.Name, ErrorMessage = "Keep the reason to 200 characters.")]
    public string? Reason { get; set; }
}

/// <summary>Why a safeguarding lead is opening a file in an emergency.</summary>
public sealed class BreakGlassInput
{
    [Required(ErrorMessage = "Give the reason you need to open this file now. It is logged and the practitioners see it.")]
    [MinLength(10, ErrorMessage = "Give the reason in a sentence (at least 10 characters). It is logged and the practitioners see it.")]
    [MaxLength(Limits.LongText, ErrorMessage = "The reason can be at most 20,000 characters.")]
    public string? Reason { get; set; }
}

/// <summary>Freezes or unfreezes processing of the file.</summary>
public sealed class RestrictionInput
{
    public bool Restricted { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The reason can be at most 20,000 characters.")]
    public string? Reason { get; set; }
}

/// <summary>A consent decision.</summary>
public sealed class ConsentInput
{
    [Required(ErrorMessage = "Choose what the consent is for.")]
    public ConsentPurpose? Purpose { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The organisation's name can be at most 200 characters.")]
    public string? Organisation { get; set; }

    [Required(ErrorMessage = "Say whether the person agrees.")]
    public bool? Given { get; set; }

    /// <summary>How it was given; "by the person online" when the person records it themselves.</summary>
    [MaxLength(Limits.Name, ErrorMessage = "Keep how it was given to 200 characters.")]
    public string? How { get; set; }
}

public sealed record PersonRef(string UserId, string Name);

public sealed record CaseSummary(Guid Id, string Reference, string? DisplayName, CaseRelation Relation, DateTimeOffset UpdatedAt, bool PersonHasAccess);

public sealed record CaseList(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, bool IsPersonScale, bool CanOpen,
    int Total, IReadOnlyList<CaseSummary> Mine);

public sealed record StatementView(Guid Id, StatementKind Kind, string Text, DateOnly SaidOn, StatementAuthor WrittenBy, string AuthorName,
    DateTimeOffset UpdatedAt, bool Edited, int Version, IReadOnlyList<string> Tags);

public sealed record NoteView(Guid Id, NoteKind Kind, DateOnly OccurredOn, string? Who, string WhatHappened, string? NextSteps,
    bool PractitionerOnly, string AuthorName, DateTimeOffset CreatedAt, int Version)
{
    /// <summary>The tasks done on this visit, by name.</summary>
    public IReadOnlyList<CaseTaskRef> Tasks { get; init; } = [];
}

public sealed record CaseTaskRef(Guid Id, string Name);

public sealed record GrantView(Guid Id, PersonRef To, GrantKind Kind, string Reason, string GrantedByName, DateTimeOffset GrantedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

public sealed record ConsentView(ConsentPurpose Purpose, string? Organisation, bool Given, string How, DateTimeOffset RecordedAt, string RecordedByName);

/// <summary>Everything in a case file that the caller may see (the person never sees practitioner-only notes).</summary>
public sealed record CaseFileView(
    Guid Id,
    Guid NetworkId,
    string NetworkName,
    Guid CycleId,
    string CycleName,
    string Reference,
    string? DisplayName,
    string? Contact,
    AgeBand? AgeBand,
    GenderGroup? Gender,
    CaseRelation Relation,
    bool PersonHasAccess,
    bool Restricted,
    string? RestrictedReason,
    DateTimeOffset? ErasedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<PersonRef> Practitioners,
    IReadOnlyList<StatementView> WhatMatters,
    IReadOnlyList<StatementView> Strengths,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<GrantView> Grants,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<CycleRef> IssueLogs,
    int Version);

/// <summary>A cycle by id and name (e.g. an issue log a case can raise issues in).</summary>
public sealed record CycleRef(Guid Id, string Name);

public sealed record AccessLogView(DateTimeOffset At, string UserName, string What, CaseRelation Relation, string? Why);

public sealed record StatementHistoryView(DateTimeOffset At, string UserName, string Action, string? Text);

public sealed record CreatedCaseInvitation(string Token, DateTimeOffset ExpiresAt);

public sealed record CaseInvitationPreview(string NetworkName, string InvitedByName, bool Open, bool AlreadyYours);

public sealed record StatementDetail(Guid CaseId, string Reference, CaseRelation Relation, StatementView Statement, bool CanEdit,
    IReadOnlyList<StatementHistoryView> History);
