using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Web.Features.Cycles;

public sealed record ScaleRef(Guid Id, string Name, ScaleKind Kind, int Position);

public sealed record StageView(Stage Stage, StageStatus Status, int Version);

public sealed record PersonRef(string UserId, string Name);

public sealed record CycleSummary(Guid Id, Guid NetworkId, Guid ScaleId, string Name, string? Purpose, CycleKind Kind, bool Archived, int Version);

public sealed record ConnectedCycle(Guid LinkId, Guid CycleId, string Name, string ScaleName, LinkDirection Direction, string? LearnsFrom, string? Enables, string? Notes, int Version);

public sealed record CycleDetail(
    Guid Id,
    Guid NetworkId,
    string NetworkName,
    string Name,
    string? Purpose,
    string? Boundary,
    CycleKind Kind,
    ScaleRef Scale,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<PersonRef> Stewards,
    IReadOnlyList<ConnectedCycle> Up,
    IReadOnlyList<ConnectedCycle> Down,
    IReadOnlyList<ConnectedCycle> Across,
    NetworkRole YourRole)
{
    public bool CanEdit => YourRole >= NetworkRole.Member;

    public bool CanManage => YourRole >= NetworkRole.Steward;
}

public sealed record ReflectionView(Guid Id, Stage? Stage, DateOnly Date, string Text, string AuthorName, DateTimeOffset CreatedAt);

public sealed record AnswerView(Guid Id, string Text, string AuthorName, DateTimeOffset AnsweredAt);

public sealed record QuestionView(string Key, Stage Stage, bool ScaleSpecific, string Text, string? Hint, AnswerView? Latest, int AnswerCount);

public sealed record HistoryView(Guid Id, string EntityType, Guid EntityId, string Action, string UserName, DateTimeOffset At, string? Before, string? After);

public static class StageText
{
    public static string Name(Stage stage) => stage switch
    {
        Stage.UnderstandTheSystem => "Understand the system",
        Stage.CoDesign => "Co-design",
        Stage.Experiment => "Experiment",
        Stage.EmbedAndInfluence => "Embed & influence",
        Stage.Stewardship => "Stewardship",
    };

    public static string Name(StageStatus status) => status switch
    {
        StageStatus.NotStarted => "Not started",
        StageStatus.Active => "Active",
        StageStatus.Paused => "Paused",
        StageStatus.Resting => "Resting",
    };

    public static string Name(CycleKind kind) => kind switch
    {
        CycleKind.StandingBody => "Standing body",
        CycleKind.ConvenedAroundIssue => "Convened around an issue",
    };

    public static string Slug(Stage stage) => stage switch
    {
        Stage.UnderstandTheSystem => "understand",
        Stage.CoDesign => "codesign",
        Stage.Experiment => "experiment",
        Stage.EmbedAndInfluence => "embed",
        Stage.Stewardship => "stewardship",
    };
}
