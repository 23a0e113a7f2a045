using LearningStack.Web.Features.Understanding;

namespace LearningStack.Web.Features.Experiments;

public sealed record ExperimentActionView(Guid Id, int Position, string What, string? Why, Guid? FactorId, string? FactorName,
    Guid? ActorId, string? ActorName, int Version);

public sealed record ExperimentParticipantView(Guid Id, string Name, Guid? ActorId, string? UserId, IReadOnlyList<ParticipantRoles> Roles,
    string? How, int Version);

public sealed record ExperimentCommentView(Guid Id, string Section, string Text, string AuthorName, DateTimeOffset CreatedAt, bool CanDelete);

/// <summary>The comments on one section of the design.</summary>
public sealed record SectionComments(string Section, string Title, IReadOnlyList<ExperimentCommentView> Comments);

/// <summary>One experiment in a lineage: <see cref="Depth"/> 0 is the first one; the list is in tree order (parent before children).</summary>
public sealed record LineageItem(Guid Id, Guid? ParentId, string Title, ExperimentState State, ExperimentDecision? Decision, int Depth, bool IsCurrent);

/// <summary>An experiment with everything around it. <see cref="CaseReference"/> is the pseudonymous reference of the person's case
/// file it is tried with (shown to everyone who sees the experiment); <see cref="CanOpenCase"/> says whether the caller may open it.</summary>
public sealed record ExperimentDetail(
    Guid Id,
    Guid NetworkId,
    Guid CycleId,
    string CycleName,
    string NetworkName,
    Guid? ParentId,
    Guid? CaseId,
    string? CaseReference,
    bool CanOpenCase,
    string Title,
    ExperimentType Type,
    string? ResearchQuestion,
    string? Hypothesis,
    IReadOnlyList<string> InquiryQuestions,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> SafeToFailRules,
    string? Permissions,
    PermissionStatus PermissionStatus,
    DateOnly? StartsOn,
    IReadOnlyList<DateOnly> ReviewPoints,
    DateOnly? PlannedEndOn,
    IReadOnlyList<EvidenceKinds> EvidenceKinds,
    string? GatheredBy,
    string? AnalysedBy,
    int? ReflectionEveryDays,
    string? HowWeWillKnow,
    string? SharedWith,
    ExperimentState State,
    ExperimentDecision? Decision,
    string? LearningAboutWork,
    string? LearningAboutOrganising,
    DateTimeOffset? ConcludedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ExperimentActionView> Actions,
    IReadOnlyList<ExperimentParticipantView> Participants,
    IReadOnlyList<SectionComments> Comments,
    IReadOnlyList<ChecklistGap> Checklist,
    LineageItem? Parent,
    IReadOnlyList<LineageItem> Lineage,
    int Version,
    bool CanEdit,
    bool IsSteward);

/// <summary>An experiment on a board (with the case reference when it is tried with one person).</summary>
public sealed record ExperimentSummary(Guid Id, Guid CycleId, string CycleName, string Title, ExperimentType Type, ExperimentState State,
    ExperimentDecision? Decision, DateOnly? StartsOn, DateOnly? PlannedEndOn, IReadOnlyList<string> Tags, Guid? ParentId, DateTimeOffset CreatedAt,
    string? CaseReference = null);

/// <summary>One column of a cycle's board: the newest experiments in that state (at most <see cref="ExperimentCommands.BoardColumnSize"/>)
/// and how many there are in all; the rest are on the network's paged list, filtered to the cycle and state.</summary>
public sealed record StateColumn(ExperimentState State, IReadOnlyList<ExperimentSummary> Experiments, int Count)
{
    public bool HasMore => Count > Experiments.Count;
}

/// <summary>A cycle's experiments, one column per state (all four, in order).</summary>
public sealed record CycleExperimentsView(CycleScope Cycle, IReadOnlyList<StateColumn> Columns, int Total);

/// <summary>One page of a network's experiments.</summary>
public sealed record ExperimentList(Guid NetworkId, IReadOnlyList<ExperimentSummary> Items, int Total, int Page, int PageSize);

/// <summary>What the design forms offer to choose from: the cycle's actors and factors, and the network's members.</summary>
public sealed record DesignChoices(IReadOnlyList<Choice> Actors, IReadOnlyList<Choice> Factors, IReadOnlyList<MemberChoice> Members);

public sealed record Choice(Guid Id, string Name);

public sealed record MemberChoice(string UserId, string Name);

/// <summary>A case file the caller works on, by its reference only (for linking an experiment or evidence to it).</summary>
public sealed record CaseLinkChoice(Guid Id, string Reference);
