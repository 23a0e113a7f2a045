using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Stories;

/// <summary>Story collections, stories, patterns and the anonymous link: endpoints for the access matrix, and the ids they need.</summary>
public static class StoryCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Stories, "GET", "/api/networks/{networkId}/story-collections", Observer),
        new(Feature.Stories, "POST", "/api/networks/{networkId}/story-collections", Steward, _ => new { template = "appreciative-inquiry" }),
        new(Feature.Stories, "GET", "/api/story-collections/{collectionId}", Observer),
        new(Feature.Stories, "PUT", "/api/story-collections/{collectionId}", Steward, _ => new { title = "Renamed", prompt = "Tell us about a time when…", version = 1 }),
        new(Feature.Stories, "DELETE", "/api/story-collections/{collectionId}", Steward),
        new(Feature.Stories, "GET", "/api/story-collections/{collectionId}/stories", Observer),
        new(Feature.Stories, "POST", "/api/story-collections/{collectionId}/stories", Member, _ => new { text = "The day the housing officer came to us." }),
        new(Feature.Stories, "GET", "/api/story-collections/{collectionId}/patterns", Observer),
        new(Feature.Stories, "POST", "/api/story-collections/{collectionId}/link", Steward),
        new(Feature.Stories, "DELETE", "/api/story-collections/{collectionId}/link", Steward),
    ];

    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, team, organisation, ids);
        var id = await network.Steward.CreatedIdAsync($"{network.Url}/story-collections", new { template = "service-experience" });
        return new Dictionary<string, Guid> { ["collectionId"] = id };
    }
}
