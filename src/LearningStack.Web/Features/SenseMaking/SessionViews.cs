using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Web.Features.SenseMaking;

public sealed record SessionSummary(Guid Id, Guid CycleId, string Title, DateTimeOffset StartsAt, string? Place, string? CallLink,
    string? FacilitatorName, SessionState State, int ParticipantCount);

/// <summary>A page of a cycle's sessions, newest first.</summary>
public sealed record SessionListView(CycleScope Cycle, IReadOnlyList<SessionSummary> Sessions, int Page, int PageSize, int Total)
{
    public bool CanEdit => Cycle.CanEdit;
    public bool HasMore => Page * PageSize < Total;
}

public sealed record ParticipantView(Guid Id, string? UserId, string Name, string? Role, Voice Voice, int Version)
{
    public string VoiceLabel => VoiceWords.Label(Voice);
}

public sealed record MaterialView(Guid Id, MaterialKind Kind, Guid TargetId, string? MapKind, string Title, string Link, DateTimeOffset AddedAt)
{
    public string KindLabel => SessionText.MaterialKindLabel(Kind);
}

public sealed record SessionView(
    Guid Id,
    Guid CycleId,
    string Title,
    string? Purpose,
    DateTimeOffset StartsAt,
    string? Place,
    string? CallLink,
    string? FacilitatorUserId,
    string? FacilitatorName,
    SessionState State,
    DateTimeOffset? EndedAt,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<MaterialView> Materials,
    int Version);

/// <summary>A session page: the session, its cycle (for headings, links and the caller's role) and the record so far.</summary>
public sealed record SessionPageView(CycleScope Cycle, SessionView Session, SessionRecord Record)
{
    public bool CanEdit => Cycle.CanEdit;
}

/// <summary>What can be picked for a session: the network's members, and this cycle's experiments, evidence and pod reflections.</summary>
public sealed record SessionChoices(IReadOnlyList<MemberChoice> Members, IReadOnlyList<MaterialChoice> Materials);

public sealed record MaterialChoice(MaterialKind Kind, Guid? TargetId, string? MapKind, string Title)
{
    /// <summary>One value for a select: "Kind:target" or "Map:actors".</summary>
    public string Value => Kind == MaterialKind.Map ? $"Map:{MapKind}" : $"{Kind}:{TargetId}";
}

/// <summary>One session's voices, for the cycle's voices strip.</summary>
public sealed record SessionVoices(Guid SessionId, string Title, DateTimeOffset StartsAt, SessionState State, IReadOnlyList<Voice> Voices);

/// <summary>Which voices were present in a cycle's last sessions (newest first) and the prompt when people served were missing.</summary>
public sealed record CycleVoicesView(Guid CycleId, IReadOnlyList<SessionVoices> Sessions, string? Prompt);

/// <summary>The cycle page's sessions panel: upcoming and recent sessions, and the voices strip.</summary>
public sealed record SessionsPanelView(CycleScope Cycle, IReadOnlyList<SessionSummary> Upcoming, IReadOnlyList<SessionSummary> Recent, CycleVoicesView Voices, int Total);

// ---- The record ---------------------------------------------------------------------------------------------------

public sealed record RecordCard(Guid Id, string Text, string AuthorName, InsightKind Kind, bool IsDecision, Guid? IssueId);

public sealed record RecordTheme(Guid? Id, string Title, IReadOnlyList<RecordCard> Cards);

public sealed record RecordIssue(Guid Id, int Number, string Description, string CardText);

/// <summary>What a session produced: who took part with which voices, insights by theme (cards without a theme last), the decisions
/// and the issues raised.</summary>
public sealed record SessionRecord(
    Guid SessionId,
    string CycleName,
    string NetworkName,
    string Title,
    string? Purpose,
    DateTimeOffset StartsAt,
    string? Place,
    string? CallLink,
    string? FacilitatorName,
    SessionState State,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<MaterialView> Materials,
    IReadOnlyList<RecordTheme> Themes,
    IReadOnlyList<RecordCard> Decisions,
    IReadOnlyList<RecordIssue> Issues)
{
    public int CardCount => Themes.Sum(t => t.Cards.Count);
    public bool IsEmpty => CardCount == 0;
}

/// <summary>A file made from a session record.</summary>
public sealed record SessionExportFile(byte[] Content, string ContentType, string FileName);

public static class SessionText
{
    public static string StateLabel(SessionState state) => state switch
    {
        SessionState.Planned => "Planned",
        SessionState.Live => "Live now",
        _ => "Ended",
    };

    public static string MaterialKindLabel(MaterialKind kind) => kind switch
    {
        MaterialKind.Experiment => "Experiment",
        MaterialKind.Evidence => "Evidence",
        MaterialKind.PodReflection => "Pod reflection",
        _ => "Map",
    };

    public static string KindLabel(InsightKind kind) => kind switch
    {
        InsightKind.Eureka => "Eureka",
        InsightKind.SlowReveal => "Slow reveal",
        _ => "",
    };

    public static string MapTitle(string mapKind) => mapKind switch
    {
        "actors" => "Actor map",
        "factors" => "Factor map",
        _ => "Process map",
    };

    public static string MapPath(string mapKind) => mapKind switch
    {
        "actors" => "actor-map",
        "factors" => "factor-map",
        _ => "process-map",
    };

    public static string When(DateTimeOffset at) => at.ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
