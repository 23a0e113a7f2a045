using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Issues;

/// <summary>The issue log: issues, status changes, exports and imports: endpoints for the access matrix, and the ids they need.</summary>
public static class IssueCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Issues, "GET", "/api/cycles/{cycleId}/issues", Observer),
        new(Feature.Issues, "POST", "/api/cycles/{cycleId}/issues", Member, _ => Body()),
        new(Feature.Issues, "GET", "/api/cycles/{cycleId}/issues/summary", Observer),
        new(Feature.Issues, "GET", "/api/cycles/{cycleId}/issues/export", Observer),
        new(Feature.Issues, "POST", "/api/cycles/{cycleId}/issues/import", Member, _ => new { }),
        new(Feature.Issues, "GET", "/api/issues/{issueId}", Observer),
        new(Feature.Issues, "PUT", "/api/issues/{issueId}", Member, _ => Body(version: 1)),
        new(Feature.Issues, "POST", "/api/issues/{issueId}/close", Member, _ => new { reason = "Sorted with the housing team", version = 1 }),
        new(Feature.Issues, "POST", "/api/issues/{issueId}/reopen", Member, _ => new { reason = "It came back", version = 1 }),
    ];

    /// <summary>Creates one record of each kind this area's endpoints address, given the ids made so far (experiments first,
    /// then sessions, the board, issues and influence, in that order).</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, organisation, ids);
        var id = await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/issues", Body());
        return new Dictionary<string, Guid> { ["issueId"] = id };
    }

    private static object Body(int? version = null) => new
    {
        description = "Residents are passed between services and tell their story again each time",
        level = "System",
        owner = "Leadership",
        countermeasureNow = "One named worker stays with the resident",
        tags = new[] { "handoffs" },
        version,
    };
}
