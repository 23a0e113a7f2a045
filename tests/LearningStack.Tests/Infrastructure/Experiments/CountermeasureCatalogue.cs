using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Experiments;

/// <summary>The countermeasures register: endpoints for the access matrix, and the ids they need.</summary>
public static class CountermeasureCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Experiments, "GET", "/api/experiments/{experimentId}/countermeasures", Observer),
        new(Feature.Experiments, "POST", "/api/experiments/{experimentId}/countermeasures", Member, _ => Body("2026-01-05")),
        new(Feature.Experiments, "GET", "/api/countermeasures/{countermeasureId}", Observer),
        new(Feature.Experiments, "PUT", "/api/countermeasures/{countermeasureId}", Member, _ => Body("2026-01-06", version: 1)),
        new(Feature.Experiments, "GET", "/api/cycles/{cycleId}/countermeasures", Observer),
    ];

    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, Guid experimentId)
    {
        _ = app;
        _ = team;
        var id = await network.Steward.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures", Body("2026-01-05"));
        return new Dictionary<string, Guid> { ["countermeasureId"] = id };
    }

    private static object Body(string from, int? version = null) => new
    {
        rule = "Cases close after three contacts",
        instead = "Cases stay open while the resident wants them open",
        agreedByName = "Head of service",
        from,
        version,
    };
}
