using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Patterns;

/// <summary>Patterns across scales and the network's task list, for the access matrix. The world's cycle is a team cycle, so
/// the Patterns figures answer (a person-scale cycle is refused with 409, see <c>PatternsApiTests</c>).</summary>
public static class PatternsCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns", Observer),
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns/issues", Observer),
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns/issues/list", Observer),
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns/problems", Observer),
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns/spend", Observer),
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns/experiments", Observer),
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns/work", Observer),
        new(Feature.Patterns, "GET", "/api/cycles/{cycleId}/patterns/community-map", Observer),
        new(Feature.Patterns, "GET", "/api/networks/{networkId}/tasks", Observer),
        new(Feature.Patterns, "POST", "/api/networks/{networkId}/tasks", Member, _ => new { name = $"Task {Guid.NewGuid():N}", complexity = 2 }),
        new(Feature.Patterns, "POST", "/api/networks/{networkId}/tasks/suggested", Member, _ => new { }),
        new(Feature.Patterns, "PUT", "/api/tasks/{taskId}", Member, _ => new { name = "Drive the van", complexity = 1, version = 1 }),
    ];

    /// <summary>One task on the network's list.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, team, organisation, ids);
        var id = await network.Steward.CreatedIdAsync($"/api/networks/{network.Id}/tasks", new { name = "Drive a van", complexity = 1 });
        return new Dictionary<string, Guid> { ["taskId"] = id };
    }
}
