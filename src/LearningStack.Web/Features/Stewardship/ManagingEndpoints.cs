using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Managing a cycle: plans per stage, resources and what was used, the enablers and barriers log (a barrier routed to a
/// connected cycle in one step), and connections to make per experiment. Services and JSON endpoints.</summary>
public static class ManagingEndpoints
{
    public static IServiceCollection AddManaging(this IServiceCollection services) => services
        .AddScoped<ManagingAccess>()
        .AddScoped<ManagingCommands>()
        .AddScoped<ManagingLogCommands>();

    public static RouteGroupBuilder MapManaging(this RouteGroupBuilder api)
    {
        var cycle = api.MapGroup("/cycles/{cycleId:guid}").WithTags("Managing a cycle");
        cycle.MapGet("/plans", async (Guid cycleId, ManagingCommands c, CancellationToken ct) => (await c.PlansAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The plan of each of the five stages (what will happen, who will be convened, when), with each plan's history. A stage with no plan yet has no id.");
        cycle.MapGet("/plans/{stage}", async (Guid cycleId, string stage, ManagingCommands c, CancellationToken ct) =>
                (await c.PlanAsync(cycleId, stage, ct)).ToHttpResult())
            .WithSummary("One stage's plan (stage: UnderstandTheSystem, CoDesign, Experiment, EmbedAndInfluence or Stewardship).");
        cycle.MapPut("/plans/{stage}", async (Guid cycleId, string stage, StagePlanInput input, ManagingCommands c, CancellationToken ct) =>
                (await c.SavePlanAsync(cycleId, stage, input, ct)).ToHttpResult())
            .WithSummary("Writes a stage's plan as a whole (the cycle's stewards and the network's stewards): whatWillHappen, whoWillBeConvened, when (words), " +
                "startsOn, endsOn. The first save creates it; after that send the version you read (a stale one is 409).");

        cycle.MapGet("/resources", async (Guid cycleId, ManagingCommands c, CancellationToken ct) => (await c.ResourcesAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's resources with what has been used: for time, hours planned and used per month with the difference in words; for money, " +
                "the amount used and left (with what the spend log drew on it, when it counts the spend log); for other resources, each use.");
        cycle.MapPost("/resources", async (Guid cycleId, ResourceInput input, ManagingCommands c, CancellationToken ct) =>
                (await c.AddResourceAsync(cycleId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/resources/{r.Id}", r)))
            .WithSummary("Adds a resource (the cycle's stewards and the network's stewards): kind Time (hoursPerMonth), Money (amount, currency — the network's usual " +
                "one when left out) or Other (details); name; startsOn (its month is the first counted); countsSpendLog (money: the cycle's spend log draws on it, " +
                "so purchases logged in its currency from its month on count as used; one resource per cycle and currency).");

        cycle.MapGet("/enablers-barriers", async (Guid cycleId, ManagingLogCommands c, CancellationToken ct) => (await c.LogAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("What helps the cycle and what gets in its way, open entries first, with routed barriers' issue and route status, and the connected cycles " +
                "a barrier could be routed to.");
        cycle.MapPost("/enablers-barriers", async (Guid cycleId, EnablerBarrierInput input, ManagingLogCommands c, CancellationToken ct) =>
                (await c.AddItemAsync(cycleId, input, ct)).ToHttpResult(e => TypedResults.Created($"/api/enablers-barriers/{e.Id}", e)))
            .WithSummary("Logs an enabler or a barrier (members): kind, text, noticedOn (today when left out).");
        cycle.MapGet("/connections-to-make", async (Guid cycleId, ManagingLogCommands c, CancellationToken ct) => (await c.ForCycleAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Every connection to make across the cycle's experiments, those still to talk to first.");

        var resource = api.MapGroup("/resources/{resourceId:guid}").WithTags("Managing a cycle");
        resource.MapGet("/", async (Guid resourceId, ManagingCommands c, CancellationToken ct) => (await c.ResourceAsync(resourceId, ct)).ToHttpResult())
            .WithSummary("One resource with its uses and figures.");
        resource.MapPut("/", async (Guid resourceId, ResourceInput input, ManagingCommands c, CancellationToken ct) =>
                (await c.UpdateResourceAsync(resourceId, input, ct)).ToHttpResult())
            .WithSummary("Edits a resource as a whole (stewards; send the version). Its kind cannot change once uses are written down.");
        resource.MapPost("/uses", async (Guid resourceId, ResourceUseInput input, ManagingCommands c, CancellationToken ct) =>
                (await c.AddUseAsync(resourceId, input, ct)).ToHttpResult(u => TypedResults.Created($"/api/resource-uses/{u.Id}", u)))
            .WithSummary("Writes down some of the resource used (members): usedOn (today when left out), amount (hours or money; optional for other resources), note.");
        api.MapPut("/resource-uses/{useId:guid}", async (Guid useId, ResourceUseInput input, ManagingCommands c, CancellationToken ct) =>
                (await c.UpdateUseAsync(useId, input, ct)).ToHttpResult())
            .WithTags("Managing a cycle")
            .WithSummary("Corrects a use as a whole (members; send the version).");

        var item = api.MapGroup("/enablers-barriers/{itemId:guid}").WithTags("Managing a cycle");
        item.MapGet("/", async (Guid itemId, ManagingLogCommands c, CancellationToken ct) => (await c.ItemAsync(itemId, ct)).ToHttpResult())
            .WithSummary("One entry with its history, and its issue and route when it was routed.");
        item.MapPut("/", async (Guid itemId, EnablerBarrierInput input, ManagingLogCommands c, CancellationToken ct) =>
                (await c.UpdateItemAsync(itemId, input, ct)).ToHttpResult())
            .WithSummary("Edits an entry as a whole (members; send the version). Changing status (Open, Addressed) needs statusNote: how it was addressed, or why it is back.");
        item.MapPost("/route", async (Guid itemId, BarrierRouteInput input, ManagingLogCommands c, CancellationToken ct) =>
                (await c.RouteBarrierAsync(itemId, input, ct)).ToHttpResult())
            .WithSummary("Turns a barrier into an issue of this cycle's issue log (level, owner; System and Leadership when left out) routed to toCycleId, a cycle " +
                "connected to this one, with an optional note — in one step, all or nothing (members; send the version). 400 when the cycle is not connected or " +
                "the entry is an enabler; 409 when it was routed already.");

        var experiment = api.MapGroup("/experiments/{experimentId:guid}/connections").WithTags("Managing a cycle");
        experiment.MapGet("/", async (Guid experimentId, ManagingLogCommands c, CancellationToken ct) => (await c.ForExperimentAsync(experimentId, ct)).ToHttpResult())
            .WithSummary("Who else this experiment is likely to affect, and whether the conversation has happened.");
        experiment.MapPost("/", async (Guid experimentId, ConnectionInput input, ManagingLogCommands c, CancellationToken ct) =>
                (await c.AddConnectionAsync(experimentId, input, ct)).ToHttpResult(x => TypedResults.Created($"/api/experiment-connections/{x.Id}", x)))
            .WithSummary("Adds someone to connect with (members): name (a role, team or organisation), why, optionally linkedCycleId or linkedUserId (a member), " +
                "and talkedOn + conversationNote once the conversation happened.");
        var connection = api.MapGroup("/experiment-connections/{connectionId:guid}").WithTags("Managing a cycle");
        connection.MapGet("/", async (Guid connectionId, ManagingLogCommands c, CancellationToken ct) => (await c.ConnectionAsync(connectionId, ct)).ToHttpResult())
            .WithSummary("One connection to make.");
        connection.MapPut("/", async (Guid connectionId, ConnectionInput input, ManagingLogCommands c, CancellationToken ct) =>
                (await c.UpdateConnectionAsync(connectionId, input, ct)).ToHttpResult())
            .WithSummary("Edits a connection as a whole (members; send the version); talkedOn records that the conversation happened.");
        return api;
    }
}
