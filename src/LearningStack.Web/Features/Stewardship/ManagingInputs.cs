using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>A stage's plan as a whole. The version is required once the plan exists.</summary>
public sealed class StagePlanInput
{
    [MaxLength(Limits.LongText, ErrorMessage = "What will happen can be at most 20,000 characters.")]
    public string? WhatWillHappen { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Who will be convened can be at most 20,000 characters.")]
    public string? WhoWillBeConvened { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "When can be at most 200 characters.")]
    public string? When { get; set; }

    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? Version { get; set; }
}

public sealed class ResourceInput
{
    [Required(ErrorMessage = "Choose Time, Money or Other.")]
    public ResourceKind? Kind { get; set; }

    [Required(ErrorMessage = "Say what the resource is, or whose time it is.")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>Time: hours a month.</summary>
    public decimal? HoursPerMonth { get; set; }

    /// <summary>Money: the amount given to the cycle.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Money: ISO 4217; the network's usual one (Spend:DefaultCurrency) when left out.</summary>
    public string? Currency { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The details can be at most 20,000 characters.")]
    public string? Details { get; set; }

    /// <summary>When the allocation starts (its month counts); today when left out.</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>Money: the cycle's spend log draws on it (purchases logged in its currency from its month on count as used).</summary>
    public bool CountsSpendLog { get; set; }

    public int? Version { get; set; }
}

public sealed class ResourceUseInput
{
    /// <summary>Today when left out.</summary>
    public DateOnly? UsedOn { get; set; }

    /// <summary>Hours (time) or money (in the resource's currency); optional for other resources.</summary>
    public decimal? Amount { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The note can be at most 20,000 characters.")]
    public string? Note { get; set; }

    public int? Version { get; set; }
}

public sealed class EnablerBarrierInput
{
    [Required(ErrorMessage = "Choose whether it helps (Enabler) or gets in the way (Barrier).")]
    public EnablerKind? Kind { get; set; }

    [Required(ErrorMessage = "Say what helps, or what gets in the way.")]
    [MaxLength(Limits.LongText, ErrorMessage = "The text can be at most 20,000 characters.")]
    public string? Text { get; set; }

    /// <summary>Today when left out.</summary>
    public DateOnly? NoticedOn { get; set; }

    /// <summary>Edits only: Open or Addressed. Changing it needs a note.</summary>
    public EnablerStatus? Status { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The note can be at most 20,000 characters.")]
    public string? StatusNote { get; set; }

    public int? Version { get; set; }
}

/// <summary>Turning a barrier into an issue of this cycle routed to a connected cycle.</summary>
public sealed class BarrierRouteInput
{
    [Required(ErrorMessage = "Choose the connected cycle that could remove this barrier.")]
    public Guid? ToCycleId { get; set; }

    /// <summary>The issue's level; 2 (how this system works) when left out.</summary>
    public IssueLevel? Level { get; set; }

    /// <summary>Who can act on it; Leadership when left out.</summary>
    public IssueOwner? Owner { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The note can be at most 20,000 characters.")]
    public string? Note { get; set; }

    public int? Version { get; set; }
}

public sealed class ConnectionInput
{
    [Required(ErrorMessage = "Say who: a person's role, a team or an organisation.")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "How it may affect them can be at most 20,000 characters.")]
    public string? Why { get; set; }

    /// <summary>Optional: a cycle of this network they belong to.</summary>
    public Guid? LinkedCycleId { get; set; }

    /// <summary>Optional: a member of this network (their user id).</summary>
    public string? LinkedUserId { get; set; }

    /// <summary>Set when the conversation happened.</summary>
    public DateOnly? TalkedOn { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The note can be at most 20,000 characters.")]
    public string? ConversationNote { get; set; }

    public int? Version { get; set; }
}

/// <summary>The cycle being managed, and what this caller may do there.</summary>
public sealed record ManagingScope(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, Networks.NetworkRole Role, bool CanSteward)
{
    public bool CanRecord => Role >= Networks.NetworkRole.Member;
}

public sealed record HistoryLine(string Action, string UserName, DateTimeOffset At, IReadOnlyList<HistoryText.Change> Changes);

public sealed record StagePlanView(Guid? Id, Stage Stage, string? WhatWillHappen, string? WhoWillBeConvened, string? When, DateOnly? StartsOn, DateOnly? EndsOn,
    string? UpdatedByName, DateTimeOffset? UpdatedAt, int? Version, IReadOnlyList<HistoryLine> History);

public sealed record StagePlansView(ManagingScope Cycle, IReadOnlyList<StagePlanView> Plans);

public sealed record ResourceUseView(Guid Id, Guid ResourceId, DateOnly UsedOn, decimal? Amount, string? Note, string RecordedByName, DateTimeOffset CreatedAt, int Version);

/// <summary>What the spend log has drawn on a money resource: the total of the purchases counted and how many there were.</summary>
public sealed record SpendLogFigure(decimal Amount, int Purchases);

/// <summary>A resource and its figures. <see cref="UsedSoFar"/> is the uses written down plus, when the resource counts the spend
/// log, <see cref="SpendLog"/>'s amount.</summary>
public sealed record ResourceView(Guid Id, Guid CycleId, ResourceKind Kind, string Name, decimal? HoursPerMonth, decimal? Amount, string? Currency, string? Details,
    DateOnly StartsOn, bool CountsSpendLog, decimal UsedSoFar, SpendLogFigure? SpendLog, string Summary, IReadOnlyList<MonthFigure> Months,
    IReadOnlyList<ResourceUseView> Uses, int Version);

public sealed record ResourcesView(ManagingScope Cycle, string DefaultCurrency, IReadOnlyList<ResourceView> Resources);

public sealed record EnablerBarrierView(Guid Id, Guid CycleId, EnablerKind Kind, string Text, DateOnly NoticedOn, string NoticedByName, EnablerStatus Status,
    string? StatusNote, Guid? IssueId, int? IssueNumber, Guid? RouteId, Guid? RoutedToCycleId, string? RoutedToCycleName, RouteStatus? RouteStatus,
    string? RouteResponse, int Version, IReadOnlyList<HistoryLine> History);

/// <summary>A connected cycle a barrier could be routed to.</summary>
public sealed record BarrierRouteOption(Guid CycleId, string Name, string ScaleName, string Direction);

public sealed record EnablersBarriersView(ManagingScope Cycle, IReadOnlyList<EnablerBarrierView> Items, IReadOnlyList<BarrierRouteOption> RouteOptions);

public sealed record ConnectionView(Guid Id, Guid ExperimentId, string ExperimentTitle, string Name, string? Why, Guid? LinkedCycleId, string? LinkedCycleName,
    string? LinkedUserId, string? LinkedUserName, DateOnly? TalkedOn, string? ConversationNote, int Version);

/// <summary>A person or cycle that a connection can point to.</summary>
public sealed record ConnectionChoice(string Id, string Name);

public sealed record ExperimentConnectionsView(Guid ExperimentId, string ExperimentTitle, Guid CycleId, bool CanEdit, IReadOnlyList<ConnectionView> Connections,
    IReadOnlyList<ConnectionChoice> Cycles, IReadOnlyList<ConnectionChoice> Members);

public sealed record CycleConnectionsView(ManagingScope Cycle, IReadOnlyList<ConnectionView> Connections);
