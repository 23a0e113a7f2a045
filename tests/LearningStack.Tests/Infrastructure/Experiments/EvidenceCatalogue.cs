using LearningStack.Web.Features.Cycles;

namespace LearningStack.Tests.Infrastructure.Experiments;

/// <summary>Evidence and media: endpoints for the access matrix, and the ids they need.</summary>
public static class EvidenceCatalogue
{
    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } = [];

    public static Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, Guid experimentId) =>
        Task.FromResult<IReadOnlyDictionary<string, Guid>>(new Dictionary<string, Guid>());
}
