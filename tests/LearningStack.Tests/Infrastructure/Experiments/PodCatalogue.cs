using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Experiments;

/// <summary>Learning pods and the experiment calendar: endpoints for the access matrix, and the ids they need.</summary>
public static class PodCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Experiments, "GET", "/api/cycles/{cycleId}/pods", Observer),
        new(Feature.Experiments, "POST", "/api/cycles/{cycleId}/pods", Member, _ => new { name = "Tuesday pod", people = new[] { "Sam", "Ola" } }),
        new(Feature.Experiments, "GET", "/api/pods/{podId}", Observer),
        new(Feature.Experiments, "PUT", "/api/pods/{podId}", Member, _ => new { name = "Renamed pod", people = new[] { "Sam" }, version = 1 }),
        new(Feature.Experiments, "POST", "/api/pods/{podId}/reflections", Member, _ => new { weekOf = "2026-01-07", learnt = "Listening takes time" }),
        new(Feature.Experiments, "GET", "/api/pod-reflections/{reflectionId}", Observer),
        new(Feature.Experiments, "PUT", "/api/pod-reflections/{reflectionId}", Member, _ => new { weekOf = "2026-01-07", learnt = "Changed", version = 1 }),
        new(Feature.Experiments, "GET", "/api/experiments/{experimentId}/pod-reflections", Observer),
        new(Feature.Experiments, "GET", "/api/networks/{networkId}/experiment-calendar", Observer),
        new(Feature.Experiments, "GET", "/api/cycles/{cycleId}/experiment-calendar", Observer),
    ];

    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, Guid experimentId)
    {
        _ = app;
        var pod = await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/pods", new { name = "Pairs on the front desk", people = new[] { "Ana", "Bo" } });
        var reflection = await network.Steward.CreatedIdAsync($"/api/pods/{pod}/reflections", new { weekOf = "2026-01-07", experimentId, didDifferently = "Met residents at home" });
        return new Dictionary<string, Guid> { ["podId"] = pod, ["reflectionId"] = reflection };
    }
}
