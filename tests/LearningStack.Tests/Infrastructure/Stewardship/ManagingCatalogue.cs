using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Stewardship;

/// <summary>Managing a cycle's endpoints for the access matrix, and the ids they need. Plans and resources are changed by stewards
/// (the world's team cycle has no cycle stewards, so members get 403); uses, the enablers and barriers log and connections by members.</summary>
public static class ManagingCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/plans", Observer),
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/plans/{stage}", Observer),
        new(Feature.Stewardship, "PUT", "/api/cycles/{cycleId}/plans/{stage}", Steward, _ => new { whatWillHappen = "Try it", when = "March", version = 1 }),
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/resources", Observer),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/resources", Steward, _ => TimeResource()),
        new(Feature.Stewardship, "GET", "/api/resources/{resourceId}", Observer),
        new(Feature.Stewardship, "PUT", "/api/resources/{resourceId}", Steward, _ => new { kind = "Time", name = "Caseworkers", hoursPerMonth = 30, version = 1 }),
        new(Feature.Stewardship, "POST", "/api/resources/{resourceId}/uses", Member, _ => new { usedOn = "2026-03-04", amount = 3.5m, note = "Home visits" }),
        new(Feature.Stewardship, "PUT", "/api/resource-uses/{useId}", Member, _ => new { usedOn = "2026-03-04", amount = 4m, version = 1 }),
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/enablers-barriers", Observer),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/enablers-barriers", Member, _ => Barrier()),
        new(Feature.Stewardship, "GET", "/api/enablers-barriers/{itemId}", Observer),
        new(Feature.Stewardship, "PUT", "/api/enablers-barriers/{itemId}", Member, _ => new { kind = "Barrier", text = "Changed", version = 1 }),
        new(Feature.Stewardship, "POST", "/api/enablers-barriers/{itemId}/route", Member, w => new { toCycleId = w.Person.Id, version = 1 }),
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/connections-to-make", Observer),
        new(Feature.Stewardship, "GET", "/api/experiments/{experimentId}/connections", Observer),
        new(Feature.Stewardship, "POST", "/api/experiments/{experimentId}/connections", Member, _ => new { name = "Housing support team" }),
        new(Feature.Stewardship, "GET", "/api/experiment-connections/{connectionId}", Observer),
        new(Feature.Stewardship, "PUT", "/api/experiment-connections/{connectionId}", Member, _ => new { name = "Housing support team", talkedOn = "2026-03-05", version = 1 }),
    ];

    /// <summary>A time resource with one use, a barrier, and a connection on the world's experiment, all in the team cycle.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, organisation);
        var steward = network.Steward;
        var resource = await steward.CreatedIdAsync($"/api/cycles/{team.Id}/resources", TimeResource());
        var use = await steward.CreatedIdAsync($"/api/resources/{resource}/uses", new { usedOn = "2026-03-02", amount = 2m });
        var item = await steward.CreatedIdAsync($"/api/cycles/{team.Id}/enablers-barriers", Barrier());
        var connection = await steward.CreatedIdAsync($"/api/experiments/{ids["experimentId"]}/connections", new { name = "Internal audit" });
        return new Dictionary<string, Guid> { ["resourceId"] = resource, ["useId"] = use, ["itemId"] = item, ["connectionId"] = connection };
    }

    public static object TimeResource() => new { kind = "Time", name = "Caseworkers (two, part-time)", hoursPerMonth = 20, startsOn = "2026-01-01" };

    public static object Barrier() => new { kind = "Barrier", text = "Petty cash takes three days to reach a caseworker.", noticedOn = "2026-02-10" };
}
