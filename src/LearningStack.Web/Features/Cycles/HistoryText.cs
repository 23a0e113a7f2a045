using System.Text.Json;

namespace LearningStack.Web.Features.Cycles;

/// <summary>Turns history snapshots into readable field-by-field changes.</summary>
public static class HistoryText
{
    private static readonly HashSet<string> Hidden = ["Id", "NetworkId", "CycleId", "AuthorId", "UserId", "FromCycleId", "ToCycleId", "ScaleId", "CreatedAt", "UpdatedAt", "Content", "X", "Y",
        "ExperimentId", "ParentId", "PodId", "StoredName", "CreatedById", "ReceiptStoredName",
        "ResourceId", "IssueId", "RouteId", "LinkedCycleId", "LinkedUserId", "NoticedById", "RecordedById"];

    public sealed record Change(string Field, string Before, string After);

    public static string Describe(string entityType) => entityType switch
    {
        "Network" => "the network",
        "NetworkMember" => "a member of the network",
        "Invitation" => "an invitation",
        "Scale" => "a system scale",
        "Cycle" => "the cycle",
        "CycleStage" => "a stage status",
        "CycleSteward" => "a steward",
        "Reflection" => "a reflection",
        "DesignAnswer" => "a design-question answer",
        "CycleLink" => "a link",
        "Actor" => "an actor on the actor map",
        "ActorRelationship" => "a relationship on the actor map",
        "BoundaryReview" => "a boundary review",
        "Factor" => "a factor on the factor map",
        "CausalLink" => "a causal link on the factor map",
        "NamedLoop" => "a named feedback loop",
        "ProcessStep" => "a step of the process map",
        "MapSnapshot" => "a map snapshot",
        "Experiment" => "an experiment",
        "ExperimentAction" => "something an experiment tries",
        "ExperimentParticipant" => "someone involved in an experiment",
        "ExperimentComment" => "a comment on an experiment's design",
        "Countermeasure" => "a countermeasure",
        "EvidenceEntry" => "a piece of evidence",
        "LearningPod" => "a learning pod",
        "PodReflection" => "a learning pod's weekly reflection",
        "SenseMakingSession" => "a sense-making session",
        "SessionParticipant" => "someone taking part in a sense-making session",
        "SessionMaterial" => "something reviewed in a sense-making session",
        "InsightTheme" => "a theme on a session's board",
        "InsightCard" => "an insight card",
        "Issue" => "an issue in the issue log",
        "IssueRoute" => "an issue routed to another cycle",
        "InfluenceRecord" => "learning handed to other cycles",
        "InfluenceRecipient" => "a cycle's response to learning handed to it",
        "Embedding" => "something that became business as usual",
        "Alarm" => "a governance alarm",
        "AlarmSettings" => "the network's alarm thresholds",
        "CaseFile" => "a case file",
        "CasePractitioner" => "a practitioner on a case file",
        "CaseAccessGrant" => "access to a case file",
        "CaseInvitation" => "an invitation to a person's own file",
        "CaseStatement" => "what matters to a person, or a strength",
        "CaseNote" => "a visit or note in a case file",
        "CaseTaskType" => "a task on the network's task list",
        "CaseConsent" => "a consent decision",
        "MeasureTemplate" => "a dimension in the network's library",
        "PersonMeasure" => "a dimension a person measures",
        "MeasureReading" => "a reading of a person's measure",
        "StagePlan" => "a stage's plan",
        "CycleResource" => "a resource given to the cycle",
        "ResourceUse" => "some of a resource used",
        "EnablerBarrier" => "an enabler or barrier",
        "ConnectionToMake" => "a connection an experiment should make",
        "LifeMapElement" => "someone or something on a person's life map",
        "LifeMapLink" => "a link on a person's life map",
        "SpendEntry" => "a spend in the spend log",
        "NeedCategory" => "a need on the spend log's list",
        "StoryCollection" => "a story collection",
        "StoryLink" => "a story collection's anonymous link",
        "Story" => "a story",
        "LearningAccount" => "a learning account",
        "LearningAccountSection" => "a section of a learning account",
        "LearningAccountQuestion" => "a question on a learning account",
        "LearningAccountAnswer" => "an answer to a question on a learning account",
        "GovernanceBody" => "the cycle's governance body",
        "GovernanceMember" => "someone on the governance body",
        "GovernanceReflection" => "a reflection on a governance question",
        _ => entityType,
    };

    public static IReadOnlyList<Change> Changes(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys)
            .Where(k => !Hidden.Contains(k))
            .Select(k => new Change(k, b.GetValueOrDefault(k) ?? "", a.GetValueOrDefault(k) ?? ""))
            .Where(c => before is null || after is null || c.Before != c.After)
            .Where(c => c.Before.Length > 0 || c.After.Length > 0)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        });
    }
}
