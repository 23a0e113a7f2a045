using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Influence;

/// <summary>Routing issues, influence records and the embedding register: endpoints for the access matrix, and the ids they need.</summary>
public static class InfluenceCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Influence, "GET", "/api/issues/{issueId}/routes", Observer),
        new(Feature.Influence, "POST", "/api/issues/{issueId}/routes", Member, w => new { toCycleId = w.Person.Id, note = "They see it first" }),
        new(Feature.Influence, "GET", "/api/issue-routes/{routeId}", Observer),
        new(Feature.Influence, "POST", "/api/issue-routes/{routeId}/accept", Steward, _ => new { response = "We will look at it", spawn = "Issue", version = 1 }),
        new(Feature.Influence, "POST", "/api/issue-routes/{routeId}/decline", Steward, _ => new { response = "Not ours", version = 1 }),
        new(Feature.Influence, "POST", "/api/issue-routes/{routeId}/close", Steward, _ => new { response = "Done", version = 1 }),
        new(Feature.Influence, "GET", "/api/cycles/{cycleId}/inbox", Observer),
        new(Feature.Influence, "GET", "/api/cycles/{cycleId}/influence", Observer),
        new(Feature.Influence, "POST", "/api/cycles/{cycleId}/influence", Member, w => Learning(w.Organisation.Id)),
        new(Feature.Influence, "GET", "/api/influence/{influenceId}", Observer),
        new(Feature.Influence, "POST", "/api/influence-recipients/{recipientId}/response", Member, _ => new { response = "Used", note = "In our next review", version = 1 }),
        new(Feature.Influence, "GET", "/api/cycles/{cycleId}/embeddings", Observer),
        new(Feature.Influence, "POST", "/api/cycles/{cycleId}/embeddings", Member, _ => Embedding()),
        new(Feature.Influence, "GET", "/api/embeddings/{embeddingId}", Observer),
        new(Feature.Influence, "PUT", "/api/embeddings/{embeddingId}", Member, _ => Embedding(version: 1)),
        new(Feature.Influence, "GET", "/api/networks/{networkId}/flows", Observer),
    ];

    /// <summary>Creates one record of each kind this area's endpoints address, given the ids made so far (experiments first,
    /// then sessions, the board, issues and influence, in that order). Links team → organisation, routes the issue there
    /// (the issue log's own issue when it made one, else one put straight into the database), hands learning there, and
    /// records an embedding on the team.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        var steward = network.Steward;
        await steward.LinkAsync(network.Id, team.Id, organisation.Id, "What the team cannot change itself", "Room to try things");
        var issueId = ids.TryGetValue("issueId", out var made) ? made : await InsertIssueAsync(app, network.Id, team.Id);
        var routeId = await steward.CreatedIdAsync($"/api/issues/{issueId}/routes", new { toCycleId = organisation.Id, note = "Needs the council's rules" });
        using var shared = await steward.PostAsync($"/api/cycles/{team.Id}/influence", Learning(organisation.Id));
        var influence = await shared.ReadAsync<System.Text.Json.JsonElement>(System.Net.HttpStatusCode.Created);
        var embeddingId = await steward.CreatedIdAsync($"/api/cycles/{team.Id}/embeddings", Embedding());
        return new Dictionary<string, Guid>
        {
            ["issueId"] = issueId,
            ["routeId"] = routeId,
            ["influenceId"] = influence.GetProperty("id").GetGuid(),
            ["recipientId"] = influence.GetProperty("recipients")[0].GetProperty("id").GetGuid(),
            ["embeddingId"] = embeddingId,
        };
    }

    /// <summary>An open level-2 issue in the cycle's log, written straight to the database.</summary>
    public static async Task<Guid> InsertIssueAsync(AppFactory app, Guid networkId, Guid cycleId, string description = "Letters about arrears frighten people off", IssueLevel level = IssueLevel.System)
    {
        var now = DateTimeOffset.UtcNow;
        return await app.WithDbAsync(async db =>
        {
            var issue = new Issue
            {
                Description = description, NetworkId = networkId, CycleId = cycleId, Level = level, Owner = IssueOwner.Leadership,
                Status = IssueStatus.Open, Source = IssueSource.Insight, SourceLabel = "Insight from 'Team meeting 3 March'",
                Number = await IssueNumbering.NextAsync(db, cycleId, default), CreatedAt = now, UpdatedAt = now,
            };
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
            return issue.Id;
        });
    }

    private static object Learning(Guid toCycleId) => new
    {
        title = "What we learnt about credit-card spending",
        learning = "People in debt often use **credit cards** for food at the end of the month.",
        toCycleIds = new[] { toCycleId },
    };

    private static object Embedding(int? version = null) => new
    {
        what = "Open-ended appointments for residents in debt",
        kind = "Process",
        replaced = "Three-contact limit",
        embeddedOn = "2026-03-01",
        version,
    };
}
