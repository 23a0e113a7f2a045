using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Governing a cycle: the governance body and its members, reflections on the governance questions, and concerns raised in
/// confidence with the body. Services and JSON endpoints.</summary>
public static class GovernanceEndpoints
{
    public static IServiceCollection AddGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        var perHour = configuration.GetValue("Governance:ConcernsPerHour", ConcernThrottle.DefaultPerHour);
        return services
            .AddSingleton(sp => new ConcernThrottle(sp.GetRequiredService<TimeProvider>(), perHour))
            .AddScoped<GovernanceCommands>()
            .AddScoped<GovernanceConcernCommands>();
    }

    public static RouteGroupBuilder MapGovernance(this RouteGroupBuilder api)
    {
        var governance = api.MapGroup("/cycles/{cycleId:guid}/governance").WithTags("Governance");
        governance.MapGet("/", async (Guid cycleId, GovernanceCommands c, CancellationToken ct) => (await c.GetAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's governance body (null until set up), its members (with or without accounts), every governance question with " +
                "its reflections (latest first), and what the caller may do. openConcerns is given to the body's members only.");
        governance.MapPost("/", async (Guid cycleId, GovernanceBodyInput input, GovernanceCommands c, CancellationToken ct) =>
                (await c.CreateBodyAsync(cycleId, input, ct)).ToHttpResult(b => TypedResults.Created($"/api/cycles/{cycleId}/governance", b)))
            .WithSummary("Sets up the cycle's governance body (the cycle's stewards and the network's stewards): name, kind (ScrutinyCommittee, " +
                "PartnershipBoard, ResidentsPanel, BoardOfTrustees, SteeringGroup, ProgrammeBoard, Other), description. One per cycle.");
        governance.MapPut("/", async (Guid cycleId, GovernanceBodyInput input, GovernanceCommands c, CancellationToken ct) =>
                (await c.UpdateBodyAsync(cycleId, input, ct)).ToHttpResult())
            .WithSummary("Changes the body's name, kind or description; send the version (a stale one is 409).");
        governance.MapPost("/members", async (Guid cycleId, GovernanceMemberInput input, GovernanceCommands c, CancellationToken ct) =>
                (await c.AddMemberAsync(cycleId, input, ct)).ToHttpResult(m => TypedResults.Created($"/api/cycles/{cycleId}/governance/members/{m.Id}", m)))
            .WithSummary("Adds someone to the body: userId (a member of the network, any role) with an optional role, or name and role for someone " +
                "without an account.");
        governance.MapPut("/members/{governanceMemberId:guid}", async (Guid cycleId, Guid governanceMemberId, GovernanceMemberInput input, GovernanceCommands c,
                CancellationToken ct) => (await c.UpdateMemberAsync(cycleId, governanceMemberId, input, ct)).ToHttpResult())
            .WithSummary("Changes someone's role (and the name of someone without an account); send the version (a stale one is 409).");
        governance.MapDelete("/members/{governanceMemberId:guid}", async (Guid cycleId, Guid governanceMemberId, GovernanceCommands c, CancellationToken ct) =>
                (await c.RemoveMemberAsync(cycleId, governanceMemberId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Takes someone off the body. They stop reading concerns at once.");
        governance.MapGet("/reflections", async (Guid cycleId, string? question, GovernanceCommands c, CancellationToken ct) =>
                (await c.ReflectionsAsync(cycleId, question, ct)).ToHttpResult())
            .WithSummary("Reflections on the governance questions, latest first; question=a question's key for one question.");
        governance.MapPost("/reflections", async (Guid cycleId, GovernanceReflectionInput input, GovernanceCommands c, CancellationToken ct) =>
                (await c.ReflectAsync(cycleId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/cycles/{cycleId}/governance/reflections", r)))
            .WithSummary("A dated reflection on a governance question (questionKey, text), by a member of the body or a steward. Earlier ones are kept.");
        governance.MapGet("/concerns", async (Guid cycleId, GovernanceConcernCommands c, CancellationToken ct) => (await c.ListAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Concerns raised about the cycle, newest first, with the body's responses. Only for the body's members with accounts; " +
                "everyone else, stewards included, gets 404.");
        governance.MapPost("/concerns", async (Guid cycleId, ConcernInput input, GovernanceConcernCommands c, CancellationToken ct) =>
                (await c.RaiseAsync(cycleId, input, ct)).ToHttpResult(r => TypedResults.Created(r.Id is { } id ? $"/api/governance/concerns/{id}" : (string?)null, r)))
            .WithSummary("Raises a concern with the cycle's governance body (anyone in the network, observers too): text, anonymous. Anonymous " +
                "concerns keep nothing about the sender and return no id. At most Governance:ConcernsPerHour (5) per person per hour.");

        api.MapPost("/governance/concerns/follow-up", async (ConcernFollowUpInput input, GovernanceConcernCommands c, CancellationToken ct) =>
                (await c.FollowUpAsync(input, ct)).ToHttpResult())
            .WithTags("Governance")
            .WithSummary("Reads an anonymous concern and the body's responses with the follow-up code its sender was given (code). Sent in the " +
                "body, so it never appears in a URL or a log; nothing about who asked is kept.");

        var concern = api.MapGroup("/governance/concerns/{concernId:guid}").WithTags("Governance");
        concern.MapGet("/", async (Guid concernId, GovernanceConcernCommands c, CancellationToken ct) => (await c.GetAsync(concernId, ct)).ToHttpResult())
            .WithSummary("One concern with the body's responses, for the body's members and its named sender; 404 for everyone else.");
        concern.MapPost("/responses", async (Guid concernId, ConcernResponseInput input, GovernanceConcernCommands c, CancellationToken ct) =>
                (await c.RespondAsync(concernId, input, ct)).ToHttpResult())
            .WithSummary("The body's next step (its members only): status (Received, LookingIntoIt, Responded), text, and the concern's version " +
                "(a stale one is 409). Every step is kept.");

        api.MapGet("/me/governance-concerns", async (GovernanceConcernCommands c, CancellationToken ct) => TypedResults.Ok(await c.MineAsync(ct)))
            .WithTags("Governance")
            .WithSummary("The concerns the caller raised with their name, with the bodies' responses. Anonymous concerns are linked to nobody.");
        return api;
    }
}
