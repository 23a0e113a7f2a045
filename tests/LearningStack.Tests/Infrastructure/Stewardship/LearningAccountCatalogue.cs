using System.Net;
using System.Text.Json;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Stewardship;

/// <summary>Learning accounts: endpoints for the access matrix, and the ids they need. The world's account is published (so observers
/// read it and ask on it); writing, editing, publishing and answering are for stewards, so members without a cycle to steward get 403.</summary>
public static class LearningAccountCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/accounts", Observer),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/accounts", Steward, _ => Period()),
        new(Feature.Stewardship, "GET", "/api/accounts/{accountId}", Observer),
        new(Feature.Stewardship, "PUT", "/api/accounts/{accountId}/sections/{sectionId}", Steward, _ => new { markdown = "Changed", version = 1 }),
        new(Feature.Stewardship, "POST", "/api/accounts/{accountId}/publish", Steward, _ => new { version = 1 }),
        new(Feature.Stewardship, "POST", "/api/accounts/{accountId}/revise", Steward, _ => new { }),
        new(Feature.Stewardship, "DELETE", "/api/accounts/{accountId}", Steward),
        new(Feature.Stewardship, "GET", "/api/accounts/{accountId}/export", Observer),
        new(Feature.Stewardship, "POST", "/api/accounts/{accountId}/questions", Observer, _ => new { text = "What did residents say?" }),
        new(Feature.Stewardship, "POST", "/api/accounts/{accountId}/questions/{questionId}/answer", Steward, _ => new { text = "They asked for more time." }),
    ];

    public static object Period() => new { from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-90), to = DateOnly.FromDateTime(DateTime.UtcNow) };

    /// <summary>A published account of the team cycle with one question on it.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, organisation, ids);
        var (accountId, sectionId) = await PublishedAsync(network.Steward, team.Id);
        using var asked = await network.Steward.PostAsync($"/api/accounts/{accountId}/questions", new { text = "Who else should read this?" });
        var question = await asked.ReadAsync<JsonElement>(HttpStatusCode.OK);
        return new Dictionary<string, Guid> { ["accountId"] = accountId, ["sectionId"] = sectionId, ["questionId"] = question.GetProperty("id").GetGuid() };
    }

    /// <summary>Writes and publishes an account of the cycle; returns its id and its first section's id.</summary>
    public static async Task<(Guid AccountId, Guid SectionId)> PublishedAsync(TestUser steward, Guid cycleId)
    {
        using var created = await steward.PostAsync($"/api/cycles/{cycleId}/accounts", Period());
        var draft = await created.ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        using var published = await steward.PostAsync($"/api/accounts/{id}/publish", new { version = draft.GetProperty("version").GetInt32() });
        await published.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (id, draft.GetProperty("sections")[0].GetProperty("id").GetGuid());
    }
}
