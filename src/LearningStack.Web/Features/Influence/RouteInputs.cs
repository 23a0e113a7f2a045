using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Influence;

public sealed class RouteInput
{
    [Required(ErrorMessage = "Choose the cycle to route this issue to.")]
    public Guid? ToCycleId { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The note can be at most 20,000 characters.")]
    public string? Note { get; set; }
}

/// <summary>What accepting can start in the receiving cycle, besides taking the issue as an input to its understanding.</summary>
public enum RouteSpawn
{
    Nothing,
    Issue,
    Experiment,
    Cycle,
}

public sealed class RouteAnswerInput
{
    [MaxLength(Limits.LongText, ErrorMessage = "The response can be at most 20,000 characters.")]
    public string? Response { get; set; }

    /// <summary>Accepting only: add it to our issue log, start an experiment, or convene an issue-based cycle.</summary>
    public RouteSpawn? Spawn { get; set; }

    /// <summary>Accepting with <see cref="RouteSpawn.Cycle"/>: the new cycle's name (a name from the issue when empty).</summary>
    [MaxLength(Limits.Name, ErrorMessage = "The cycle's name can be at most 200 characters.")]
    public string? CycleName { get; set; }

    public int? Version { get; set; }
}

public sealed record IssueRouteView(
    Guid Id, Guid NetworkId, Guid IssueId, int IssueNumber, string IssueDescription, IssueLevel IssueLevel, IssueStatus IssueStatus, string? IssueSourceLabel,
    Guid FromCycleId, string FromCycleName, Guid ToCycleId, string ToCycleName, string? Note, string? RoutedByName, DateTimeOffset RoutedAt,
    RouteStatus Status, string? Response, string? RespondedByName, DateTimeOffset? RespondedAt,
    Guid? SpawnedExperimentId, string? SpawnedExperimentTitle, Guid? SpawnedCycleId, string? SpawnedCycleName,
    Guid? ReceivedIssueId, int? ReceivedIssueNumber, bool ReceivedIssueClosed, int Version)
{
    /// <summary>Where it came from, in words: "'Debt advice team' → issue #4 → Insight from 'Team meeting 3 March'".</summary>
    public string Trail => IssueSourceLabel is null ? $"'{FromCycleName}' → issue #{IssueNumber}" : $"'{FromCycleName}' → issue #{IssueNumber} → {IssueSourceLabel}";
}

/// <summary>A cycle an issue could be routed to, for the route form.</summary>
public sealed record RouteOption(Guid CycleId, string Name, string ScaleName, bool Connected, bool AlreadyRouted, bool CanLinkNow);

/// <summary>An issue's routes and what its route form offers to this user.</summary>
public sealed record IssueRoutesView(Guid IssueId, Guid NetworkId, Guid CycleId, string CycleName, int IssueNumber, IssueStatus IssueStatus, bool CanRoute, bool CanConnect,
    IReadOnlyList<IssueRouteView> Routes, IReadOnlyList<RouteOption> Options);
