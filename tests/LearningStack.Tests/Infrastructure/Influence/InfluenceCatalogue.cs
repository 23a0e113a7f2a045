using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Influence;

/// <summary>Routing issues, influence records and the embedding register: endpoints for the access matrix, and the ids they need.</summary>
public static class InfluenceCatalogue
{
    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } = [];

    /// <summary>Creates one record of each kind this area's endpoints address, given the ids made so far (experiments first,
    /// then sessions, the board, issues and influence, in that order).</summary>
    public static Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, network, team, organisation, ids);
        return Task.FromResult<IReadOnlyDictionary<string, Guid>>(new Dictionary<string, Guid>());
    }
}
