using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Issues;

/// <summary>An issue as people write it. On create, <see cref="Source"/> and <see cref="SourceId"/> say where it came from
/// (Direct when left out); on edit they are ignored and the <see cref="Version"/> read last is required.</summary>
public sealed class IssueInput
{
    [Required(ErrorMessage = "Describe the issue: what gets in the way, and for whom.")]
    [MaxLength(Limits.LongText, ErrorMessage = "The description can be at most 20,000 characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Choose a level: 1 (what I or others do), 2 (how this system works) or 3 (how other systems affect this one).")]
    public IssueLevel? Level { get; set; }

    [Required(ErrorMessage = "Choose who can act on it: the team, leadership or government.")]
    public IssueOwner? Owner { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The countermeasure can be at most 20,000 characters.")]
    public string? CountermeasureNow { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The system change can be at most 20,000 characters.")]
    public string? SystemChange { get; set; }

    /// <summary>Short words to find issues by. Trimmed; the same tag twice (in any case) is kept once.</summary>
    public List<string>? Tags { get; set; }

    /// <summary>Create only: Direct (default), Insight (sourceId = an insight card of a session of this cycle) or Experiment
    /// (sourceId = an experiment of this cycle).</summary>
    public IssueSource? Source { get; set; }

    public Guid? SourceId { get; set; }

    /// <summary>Edits only.</summary>
    public int? Version { get; set; }
}

/// <summary>Closing or reopening an issue: why, and the version read last.</summary>
public sealed class IssueStatusInput
{
    [Required(ErrorMessage = "Say why.")]
    [MaxLength(Limits.LongText, ErrorMessage = "The reason can be at most 20,000 characters.")]
    public string? Reason { get; set; }

    public int? Version { get; set; }
}

public sealed record IssueView(
    Guid Id,
    Guid NetworkId,
    Guid CycleId,
    int Number,
    string Description,
    IssueLevel Level,
    IssueStatus Status,
    IssueOwner Owner,
    string? CountermeasureNow,
    string? SystemChange,
    IReadOnlyList<string> Tags,
    IssueSource Source,
    Guid? SourceId,
    string? SourceLabel,
    string? RaisedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? StatusReason,
    int Version);

/// <summary>Which issues of the log to show, and in what order. Paging is 1-based.</summary>
public sealed record IssueQuery(int? Level = null, string? Owner = null, string? Status = null, string? Tag = null, string? Sort = null,
    string? Dir = null, int? Page = null, int? PageSize = null);

public sealed record IssuePage(
    Understanding.CycleScope Cycle,
    IReadOnlyList<IssueView> Issues,
    int Total,
    int Page,
    int PageSize,
    string Sort,
    string Dir,
    IssueLevel? Level,
    IssueOwner? Owner,
    IssueStatus? Status,
    string? Tag,
    IReadOnlyList<string> AllTags)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>How many issues of each level, owner and status the log holds.</summary>
public sealed record IssueCount(IssueLevel Level, IssueOwner Owner, IssueStatus Status, int Count);

public sealed record IssueSummary(Guid CycleId, int Open, int Closed, IReadOnlyList<IssueCount> Counts)
{
    public int OpenOf(IssueLevel? level = null, IssueOwner? owner = null) =>
        Counts.Where(c => c.Status == IssueStatus.Open && (level is null || c.Level == level) && (owner is null || c.Owner == owner)).Sum(c => c.Count);
}

/// <summary>One change in an issue's history, as field-by-field changes.</summary>
public sealed record IssueHistoryItem(string Action, string UserName, DateTimeOffset At, IReadOnlyList<Cycles.HistoryText.Change> Changes);

/// <summary>An issue with what its page needs: the cycle, where it came from (with a link when the source still exists), its history.</summary>
public sealed record IssueDetail(Understanding.CycleScope Cycle, IssueView Issue, string? SourceLink, IReadOnlyList<IssueHistoryItem> History)
{
    public bool CanEdit => Cycle.CanEdit;
}

/// <summary>Where a new issue comes from, for the new-issue form: the source, a readable label, text to start the description with,
/// a link to the source, and the issue it already became (insight cards become one issue).</summary>
public sealed record IssuePrefill(IssueSource Source, Guid SourceId, string Label, string? Text, string Link, Guid? AlreadyIssueId);
