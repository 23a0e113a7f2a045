using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.SenseMaking;

/// <summary>Sense-making sessions: sessions, participants, materials, records and exports: endpoints for the access matrix, and the ids they need.</summary>
public static class SessionCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.SenseMaking, "GET", "/api/cycles/{cycleId}/sessions", Observer),
        new(Feature.SenseMaking, "POST", "/api/cycles/{cycleId}/sessions", Member, _ => SessionBody()),
        new(Feature.SenseMaking, "GET", "/api/cycles/{cycleId}/voices", Observer),
        new(Feature.SenseMaking, "GET", "/api/sessions/{sessionId}", Observer),
        new(Feature.SenseMaking, "PUT", "/api/sessions/{sessionId}", Member, _ => SessionBody("Renamed session", version: 1)),
        new(Feature.SenseMaking, "DELETE", "/api/sessions/{sessionId}", Member),
        new(Feature.SenseMaking, "POST", "/api/sessions/{sessionId}/state", Member, _ => new { state = "Live", version = 1 }),
        new(Feature.SenseMaking, "GET", "/api/sessions/{sessionId}/record", Observer),
        new(Feature.SenseMaking, "POST", "/api/sessions/{sessionId}/participants", Member, _ => new { name = "A resident", voice = "PersonServed" }),
        new(Feature.SenseMaking, "PUT", "/api/session-participants/{sessionParticipantId}", Member, _ => new { name = "A resident", voice = "Partner", version = 1 }),
        new(Feature.SenseMaking, "DELETE", "/api/session-participants/{sessionParticipantId}", Member),
        new(Feature.SenseMaking, "POST", "/api/sessions/{sessionId}/materials", Member, _ => new { kind = "Map", mapKind = "factors" }),
        new(Feature.SenseMaking, "DELETE", "/api/session-materials/{materialId}", Member),
    ];

    /// <summary>A session on the team cycle with one participant and one material (the experiment made before).</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, organisation);
        var sessionId = await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/sessions", SessionBody());
        var participantId = await network.Steward.CreatedIdAsync($"/api/sessions/{sessionId}/participants", new { name = "Sam", role = "Caseworker", voice = "Practitioner" });
        var materialId = await network.Steward.CreatedIdAsync($"/api/sessions/{sessionId}/materials", new { kind = "Experiment", targetId = ids["experimentId"] });
        return new Dictionary<string, Guid> { ["sessionId"] = sessionId, ["sessionParticipantId"] = participantId, ["materialId"] = materialId };
    }

    private static object SessionBody(string title = "Team sense-making", int? version = null) => new
    {
        title,
        startsAt = new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.Zero),
        place = "Civic Centre, room 2",
        facilitatorName = "Jo",
        version,
    };
}
