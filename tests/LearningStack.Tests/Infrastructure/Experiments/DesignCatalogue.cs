using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Experiments;

/// <summary>Experiment design endpoints for the access matrix, and the ids they need.</summary>
public static class DesignCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;

    /// <summary>A complete, valid design.</summary>
    public static object Design(string title = "Shopping together", int? version = null) => new
    {
        title,
        type = "Probe",
        inquiryQuestions = new[] { "What happens when a caseworker goes shopping with a resident?" },
        safeToFailRules = new[] { "Do no harm to the people we serve" },
        version,
    };

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Experiments, "GET", "/api/cycles/{cycleId}/experiments", Observer),
        new(Feature.Experiments, "POST", "/api/cycles/{cycleId}/experiments", Member, _ => Design("Another experiment")),
        new(Feature.Experiments, "GET", "/api/networks/{networkId}/experiments", Observer),
        new(Feature.Experiments, "GET", "/api/experiments/{experimentId}", Observer),
        new(Feature.Experiments, "PUT", "/api/experiments/{experimentId}", Member, _ => Design("Renamed", 1)),
        new(Feature.Experiments, "PUT", "/api/experiments/{experimentId}/state", Member, _ => new { state = "Running", version = 1 }),
        new(Feature.Experiments, "POST", "/api/experiments/{experimentId}/iterations", Member, _ => new { title = "Next round" }),
        new(Feature.Experiments, "POST", "/api/experiments/{experimentId}/actions", Member, _ => new { what = "Go shopping together", why = "To see the choices" }),
        new(Feature.Experiments, "PUT", "/api/experiment-actions/{actionId}", Member, _ => new { what = "Changed", version = 1 }),
        new(Feature.Experiments, "DELETE", "/api/experiment-actions/{actionId}", Member),
        new(Feature.Experiments, "POST", "/api/experiments/{experimentId}/participants", Member, _ => new { name = "A resident", roles = new[] { "CoDesigner" } }),
        new(Feature.Experiments, "PUT", "/api/experiment-participants/{participantId}", Member, _ => new { name = "Changed", version = 1 }),
        new(Feature.Experiments, "DELETE", "/api/experiment-participants/{participantId}", Member),
        new(Feature.Experiments, "POST", "/api/experiments/{experimentId}/comments", Member, _ => new { section = "general", text = "Looks good" }),
        new(Feature.Experiments, "DELETE", "/api/experiment-comments/{commentId}", Member),
    ];

    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, MapIds maps)
    {
        _ = app;
        var steward = network.Steward;
        var experimentId = await steward.CreatedIdAsync($"/api/cycles/{team.Id}/experiments", Design());
        var url = $"/api/experiments/{experimentId}";
        var actionId = await steward.CreatedIdAsync($"{url}/actions", new { what = "Go shopping together", factorId = maps.FactorId, actorId = maps.ActorId });
        var participantId = await steward.CreatedIdAsync($"{url}/participants", new { name = "A resident", roles = new[] { "CoDesigner", "HasEnergy" } });
        var commentId = await steward.CreatedIdAsync($"{url}/comments", new { section = "question", text = "Could we ask residents first?" });
        return new Dictionary<string, Guid>
        {
            ["experimentId"] = experimentId,
            ["actionId"] = actionId,
            ["participantId"] = participantId,
            ["commentId"] = commentId,
        };
    }
}
