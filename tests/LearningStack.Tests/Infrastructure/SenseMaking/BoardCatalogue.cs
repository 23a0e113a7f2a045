using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.SenseMaking;

namespace LearningStack.Tests.Infrastructure.SenseMaking;

/// <summary>The live board of a session: themes and insight cards (the hub is tested separately): endpoints for the access matrix, and the ids they need.</summary>
public static class BoardCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public const string CardText = "Residents ring back when the same person answers";

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.SenseMaking, "GET", "/api/sessions/{sessionId}/board", Observer),
        new(Feature.SenseMaking, "POST", "/api/sessions/{sessionId}/cards", Member, _ => new { clientId = Guid.NewGuid(), text = "Another insight" }),
        new(Feature.SenseMaking, "GET", "/api/insight-cards/{cardId}", Observer),
        new(Feature.SenseMaking, "PUT", "/api/insight-cards/{cardId}", Member, _ => new { text = CardText, kind = "Eureka", version = 1 }),
        // The card is the steward's: a member may group and mark it but not remove it.
        new(Feature.SenseMaking, "DELETE", "/api/insight-cards/{cardId}", Steward),
        new(Feature.SenseMaking, "POST", "/api/sessions/{sessionId}/themes", Member, _ => new { title = "Being known" }),
        new(Feature.SenseMaking, "PUT", "/api/insight-themes/{themeId}", Member, _ => new { title = "Being heard", version = 1 }),
        new(Feature.SenseMaking, "DELETE", "/api/insight-themes/{themeId}", Member),
    ];

    /// <summary>Creates one record of each kind this area's endpoints address, given the ids made so far (experiments first,
    /// then sessions, the board, issues and influence, in that order). Uses the session the sessions area made; without one
    /// (before its endpoints exist) makes a live session on the team cycle directly in the database.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = organisation;
        var made = new Dictionary<string, Guid>();
        if (!ids.TryGetValue("sessionId", out var sessionId))
        {
            sessionId = await BoardTestData.SessionAsync(app, network.Id, team.Id);
            made["sessionId"] = sessionId;
        }
        made["themeId"] = await network.Steward.CreatedIdAsync($"/api/sessions/{sessionId}/themes", new { title = "Being known" });
        made["cardId"] = await network.Steward.CreatedIdAsync($"/api/sessions/{sessionId}/cards", new { clientId = Guid.NewGuid(), text = CardText });
        return made;
    }
}

/// <summary>Sessions for board tests, made directly in the database (the sessions area has its own API and tests).</summary>
public static class BoardTestData
{
    public static Task<Guid> SessionAsync(AppFactory app, Guid networkId, Guid cycleId, SessionState state = SessionState.Live) =>
        app.WithDbAsync(async db =>
        {
            var session = new SenseMakingSession
            {
                NetworkId = networkId, CycleId = cycleId, Title = "Monthly sense-making", State = state,
                StartsAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
                EndedAt = state == SessionState.Ended ? DateTimeOffset.UtcNow : null,
            };
            db.SenseMakingSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    /// <summary>A fresh network with a team cycle and a live session on it.</summary>
    public static async Task<(TestNetwork Network, Guid CycleId, Guid SessionId)> BoardAsync(AppFactory app, SessionState state = SessionState.Live)
    {
        var network = await app.NewNetworkAsync("Board network");
        var team = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        return (network, team.Id, await SessionAsync(app, network.Id, team.Id, state));
    }
}
