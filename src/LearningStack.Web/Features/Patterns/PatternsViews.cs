using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Web.Features.Patterns;

/// <summary>How a figure was computed: the query in words, how many records it read, and when.</summary>
public sealed record Computation(string Query, IReadOnlyList<RecordCount> Records, DateTimeOffset ComputedAt);

public sealed record RecordCount(string What, int Count);

/// <summary>The cycle a Patterns page is about.</summary>
public sealed record PatternsCycle(Guid Id, Guid NetworkId, string Name, string NetworkName, string ScaleName);

/// <summary>A cycle connected directly below, shown side by side as variation to understand (alphabetical, never ranked), with
/// what the larger cycle learns from it in its own words.</summary>
public sealed record ChildCycle(Guid Id, string Name, string ScaleName, string? LearnsFrom, int CyclesBelow, int OpenIssues, int ClosedIssues, int Experiments,
    ChildLearning? LatestLearning, ChildAccount? LatestAccount);

/// <summary>The learning written most recently when an experiment concluded in a cycle below (itself included): its own words.</summary>
public sealed record ChildLearning(Guid ExperimentId, string Title, string CycleName, DateTimeOffset? ConcludedAt, string Text);

/// <summary>The latest learning account the cycle itself published: its story of a period, as it told it.</summary>
public sealed record ChildAccount(Guid Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo);

public sealed record PatternsSummary(PatternsCycle Cycle, int CyclesBelow, int PersonCycles, int? CasesCounted, int CasesNotCounted,
    IReadOnlyList<ChildCycle> Children, Computation How);

// ----- 1. issues -----

public sealed record IssueCell(IssueLevel Level, IssueOwner Owner, IssueStatus Status, string Month, int Count);

public sealed record TagCount(string Tag, int Count);

public sealed record RouteFate(RouteStatus Status, int Count);

public sealed record IssuePatterns(PatternsCycle Cycle, IReadOnlyList<string> Months, IReadOnlyList<IssueCell> Cells, IReadOnlyList<TagCount> Tags,
    IReadOnlyList<RouteFate> Routes, int Total, Computation How);

// ----- 2. problems and aspirations in common -----

/// <summary>One tag across the cycles below: from what matters in case files (distinct people; null when fewer than 5), from
/// issues (issues) and from stories told with a person (distinct people; null when fewer than 5).</summary>
public sealed record CommonTag(string Tag, int? Cases, bool CasesSuppressed, int Issues, int? StoryCases, bool StoriesSuppressed)
{
    /// <summary>What the long tail is ordered by: how often the tag was needed, as far as it may be shown.</summary>
    public int Weight => (Cases ?? 0) + Issues + (StoryCases ?? 0);
}

public sealed record ProblemPatterns(PatternsCycle Cycle, IReadOnlyList<CommonTag> Tags, int RareCaseTags, int RareStoryTags, Computation How);

// ----- 3. spend -----

public sealed record SpendCell(Guid NeedCategoryId, string Need, string Currency, string Month, decimal? Amount, int? Entries, bool Suppressed);

public sealed record SpendPatterns(PatternsCycle Cycle, IReadOnlyList<string> Months, IReadOnlyList<SpendCell> Cells, int SuppressedCells, Computation How);

// ----- 4. experiments -----

public sealed record ExperimentCell(ExperimentType Type, ExperimentState State, ExperimentDecision? Decision, int Count);

public sealed record ExperimentLearning(Guid Id, string Title, Guid CycleId, string CycleName, ExperimentType Type, ExperimentDecision? Decision,
    DateTimeOffset? ConcludedAt, string? LearningAboutWork, string? LearningAboutOrganising);

public sealed record ExperimentPatterns(PatternsCycle Cycle, IReadOnlyList<ExperimentCell> Cells, IReadOnlyList<ExperimentLearning> Learning, Computation How);

// ----- 5. work complexity -----

/// <summary>One kind of task: how complex the team judged it, and how often it was needed (distinct people and visits; null
/// when fewer than 5 people).</summary>
public sealed record WorkTask(Guid TaskTypeId, string Name, int Complexity, string? ComplexityNote, int? Cases, int? Visits, bool Suppressed)
{
    /// <summary>Where the words place it: common and simple work belongs in front-line teams; rare and complex work is
    /// better held centrally, ready when teams pull for it.</summary>
    public WorkPlace Place => Suppressed || Cases is null ? WorkPlace.NotEnough
        : Complexity >= 4 ? WorkPlace.Central
        : WorkPlace.FrontLine;
}

public enum WorkPlace
{
    FrontLine,
    Central,
    NotEnough,
}

public sealed record WorkPatterns(PatternsCycle Cycle, IReadOnlyList<WorkTask> Tasks, int? CasesWithTasks, int? VisitsWithTasks, Computation How);

// ----- 6. community map -----

public sealed record CommunityFactor(string Theme, int Cases);

public sealed record CommunityLink(string From, string To, LinkPolarity? Polarity, int Cases);

public sealed record CommunityLoop(IReadOnlyList<string> Themes, string Polarity);

public sealed record CommunityMap(PatternsCycle Cycle, string? Tag, IReadOnlyList<string> TagOptions, AgeBand? AgeBand, IReadOnlyList<AgeBand> AgeOptions,
    GenderGroup? Gender, IReadOnlyList<GenderGroup> GenderOptions, IReadOnlyList<CommunityFactor> Factors,
    IReadOnlyList<CommunityLink> Links, int SuppressedFactors, int SuppressedLinks, IReadOnlyList<CommunityLoop> Loops, bool LoopsTruncated, Computation How);

// ----- the records behind a figure -----

public sealed record PatternIssue(Guid Id, int Number, Guid CycleId, string CycleName, string Description, IssueLevel Level, IssueOwner Owner,
    IssueStatus Status, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt);

public sealed record PatternIssueList(PatternsCycle Cycle, string? Tag, IssueLevel? Level, IssueOwner? Owner, IssueStatus? Status, int Total,
    IReadOnlyList<PatternIssue> Issues);
