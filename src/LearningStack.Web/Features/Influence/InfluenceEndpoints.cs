using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Influence;

/// <summary>Routing, the inbox, influence records, the embedding register and flows along links.</summary>
public static class InfluenceEndpoints
{
    public static RouteGroupBuilder MapInfluenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/issues/{issueId:guid}/routes", async (Guid issueId, RouteCommands c, CancellationToken ct) => (await c.ListAsync(issueId, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("Where an issue has been routed: each receiving cycle, status (Waiting, Accepted, Declined, Closed), note, response and what it started.");
        api.MapPost("/issues/{issueId:guid}/routes", async (Guid issueId, RouteInput input, RouteCommands c, CancellationToken ct) =>
                (await c.RouteAsync(issueId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/issue-routes/{r.Id}", r)))
            .WithTags("Influence")
            .WithSummary("Routes an open issue to a cycle connected to its own (vertical or horizontal link), for that cycle's Understand-the-system inbox. " +
                "Routing twice to the same cycle is a 409 conflict; an unconnected, archived or own cycle is a 400.");
        api.MapGet("/issue-routes/{routeId:guid}", async (Guid routeId, RouteCommands c, CancellationToken ct) => (await c.GetAsync(routeId, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("One route, with its source trail, status and response.");
        api.MapPost("/issue-routes/{routeId:guid}/accept", async (Guid routeId, RouteAnswerInput input, RouteCommands c, CancellationToken ct) =>
                (await c.AcceptAsync(routeId, input, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("The receiving cycle accepts a waiting route (network steward, or a member stewarding the receiving cycle; send version). " +
                "spawn = Issue adds it to the receiving issue log, Experiment starts one in Designing, Cycle convenes an issue-based cycle linked to it.");
        api.MapPost("/issue-routes/{routeId:guid}/decline", async (Guid routeId, RouteAnswerInput input, RouteCommands c, CancellationToken ct) =>
                (await c.DeclineAsync(routeId, input, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("The receiving cycle declines a waiting route, saying why in response (required; send version).");
        api.MapPost("/issue-routes/{routeId:guid}/close", async (Guid routeId, RouteAnswerInput input, RouteCommands c, CancellationToken ct) =>
                (await c.CloseAsync(routeId, input, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("The receiving cycle closes an accepted route, saying what was done in response (required; send version). The sender sees it.");
        api.MapGet("/cycles/{cycleId:guid}/inbox", async (Guid cycleId, bool? all, InboxQuery q, CancellationToken ct) =>
                (await q.ForCycleAsync(cycleId, all ?? false, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("Issues routed to this cycle and learning handed to it that wait for an answer (all = true for the answered ones too).");

        api.MapGet("/cycles/{cycleId:guid}/influence", async (Guid cycleId, InfluenceCommands c, CancellationToken ct) => (await c.FromCycleAsync(cycleId, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("Learning this cycle handed to other cycles, with each receiver's response.");
        api.MapPost("/cycles/{cycleId:guid}/influence", async (Guid cycleId, InfluenceInput input, InfluenceCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/influence/{r.Id}", r)))
            .WithTags("Influence")
            .WithSummary("Hands learning to one or more connected cycles (toCycleIds), for them to use in their own learning, with links to this cycle's " +
                "experiments, evidence and sessions.");
        api.MapGet("/influence/{influenceId:guid}", async (Guid influenceId, InfluenceCommands c, CancellationToken ct) => (await c.GetAsync(influenceId, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("One influence record, its evidence and the receivers' responses.");
        api.MapPost("/influence-recipients/{recipientId:guid}/response", async (Guid recipientId, InfluenceResponseInput input, InfluenceCommands c, CancellationToken ct) =>
                (await c.RespondAsync(recipientId, input, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("A receiving cycle says what it did with learning handed to it: Used, Adapted or NotRelevant, with a note (send version).");

        api.MapGet("/cycles/{cycleId:guid}/embeddings", async (Guid cycleId, EmbeddingCommands c, CancellationToken ct) => (await c.ListAsync(cycleId, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("The cycle's embedding register: what became business as usual, newest first.");
        api.MapPost("/cycles/{cycleId:guid}/embeddings", async (Guid cycleId, EmbeddingInput input, EmbeddingCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(e => TypedResults.Created($"/api/embeddings/{e.Id}", e)))
            .WithTags("Influence")
            .WithSummary("Records what became business as usual (kind Process, Infrastructure, Culture or Policy), what it replaced, when, the experiments and " +
                "sessions it rests on, and the active countermeasures it retires — they become the new normal in the same save.");
        api.MapGet("/embeddings/{embeddingId:guid}", async (Guid embeddingId, EmbeddingCommands c, CancellationToken ct) => (await c.GetAsync(embeddingId, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("One entry of an embedding register.");
        api.MapPut("/embeddings/{embeddingId:guid}", async (Guid embeddingId, EmbeddingInput input, EmbeddingCommands c, CancellationToken ct) =>
                (await c.UpdateAsync(embeddingId, input, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("Edits an embedding as a whole (send its version). Countermeasures newly listed are retired; ones taken off the list are active again.");

        api.MapGet("/networks/{networkId:guid}/flows", async (Guid networkId, Guid? from, Guid? to, FlowsQuery q, CancellationToken ct) =>
                (await q.GetAsync(networkId, from, to, ct)).ToHttpResult())
            .WithTags("Influence")
            .WithSummary("Counts of routed issues and learning passed along each link (both directions); with from and to, the items between those two cycles.");
        return api;
    }
}
