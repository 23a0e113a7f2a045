using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Experiment design, lifecycle, comments, participants, checklist and lineage: services and endpoints.</summary>
public static class ExperimentEndpoints
{
    public static IServiceCollection AddExperimentDesign(this IServiceCollection services) => services
        .AddScoped<ExperimentCommands>()
        .AddScoped<CaseExperiments>();

    public static RouteGroupBuilder MapExperimentDesign(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/cycles/{cycleId:guid}/experiments").WithTags("Experiments");
        cycles.MapGet("/", async (Guid cycleId, ExperimentCommands c, CancellationToken ct) => (await c.CycleBoardAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's experiments, one column per state: designing, running, reflecting, concluded.");
        cycles.MapPost("/", async (Guid cycleId, ExperimentInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(e => TypedResults.Created($"/api/experiments/{e.Id}", e)))
            .WithSummary("Designs a new experiment (a probe or a hypothesis test) in the cycle. Needs a title, a type and at least one inquiry question. " +
                "caseId tries it with one person: a case file of this cycle that the caller works on (the experiment then names them only by the file's reference).");

        api.MapGet("/networks/{networkId:guid}/experiments", async (Guid networkId, Guid? scaleId, Guid? cycleId, ExperimentType? type, ExperimentState? state,
                    string? tag, int? page, int? pageSize, ExperimentCommands c, CancellationToken ct) =>
                (await c.NetworkBoardAsync(networkId, new ExperimentFilter(scaleId, cycleId, type, state, tag, page, pageSize), ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("The network's experiments, newest first, filtered by scale, cycle, type, state or tag; pageSize 25 by default, at most 100.");

        var experiments = api.MapGroup("/experiments/{experimentId:guid}").WithTags("Experiments");
        experiments.MapGet("/", async (Guid experimentId, ExperimentCommands c, CancellationToken ct) => (await c.GetAsync(experimentId, ct)).ToHttpResult())
            .WithSummary("The experiment's design, state and learning, actions, people, comments by section, the design checklist and the whole lineage.");
        experiments.MapPut("/", async (Guid experimentId, ExperimentInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.UpdateAsync(experimentId, input, ct)).ToHttpResult())
            .WithSummary("Replaces the whole design. Send the version you read; a stale one is a 409. Leaving caseId out takes the link to the person off " +
                "(only the people working with them can change it).");
        experiments.MapPut("/state", async (Guid experimentId, ExperimentStateInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.ChangeStateAsync(experimentId, input, ct)).ToHttpResult())
            .WithSummary("Moves the experiment to any state. Concluding needs a decision (Iterate, Embed or Stop) and both learnings.");
        experiments.MapPost("/iterations", async (Guid experimentId, IterationInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.IterateAsync(experimentId, input, ct)).ToHttpResult(e => TypedResults.Created($"/api/experiments/{e.Id}", e)))
            .WithSummary("Starts a new experiment from this one, in the same cycle, carrying over its questions, safe-to-fail rules and data plan.");
        experiments.MapPost("/actions", async (Guid experimentId, ExperimentActionInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.AddActionAsync(experimentId, input, ct)).ToHttpResult(a => TypedResults.Created($"/api/experiment-actions/{a.Id}", a)))
            .WithSummary("Adds something the experiment will try, and why; optionally tied to a factor or actor of the cycle's maps.");
        experiments.MapPost("/participants", async (Guid experimentId, ExperimentParticipantInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.AddParticipantAsync(experimentId, input, ct)).ToHttpResult(p => TypedResults.Created($"/api/experiment-participants/{p.Id}", p)))
            .WithSummary("Names someone involved (a member, one of the cycle's actors, or anyone by name) and what they bring.");
        experiments.MapPost("/comments", async (Guid experimentId, ExperimentCommentInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.AddCommentAsync(experimentId, input, ct)).ToHttpResult(m => TypedResults.Created($"/api/experiment-comments/{m.Id}", m)))
            .WithSummary("Comments on one section of the design.");

        var actions = api.MapGroup("/experiment-actions/{actionId:guid}").WithTags("Experiments");
        actions.MapPut("/", async (Guid actionId, ExperimentActionInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.UpdateActionAsync(actionId, input, ct)).ToHttpResult())
            .WithSummary("Changes an action. Send the version you read.");
        actions.MapDelete("/", async (Guid actionId, ExperimentCommands c, CancellationToken ct) =>
                (await c.DeleteActionAsync(actionId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Removes an action.");

        var participants = api.MapGroup("/experiment-participants/{participantId:guid}").WithTags("Experiments");
        participants.MapPut("/", async (Guid participantId, ExperimentParticipantInput input, ExperimentCommands c, CancellationToken ct) =>
                (await c.UpdateParticipantAsync(participantId, input, ct)).ToHttpResult())
            .WithSummary("Changes a participant. Send the version you read.");
        participants.MapDelete("/", async (Guid participantId, ExperimentCommands c, CancellationToken ct) =>
                (await c.DeleteParticipantAsync(participantId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Removes a participant.");

        api.MapGet("/cases/{caseId:guid}/experiments", async (Guid caseId, CaseExperiments c, CancellationToken ct) =>
                (await c.ForCaseAsync(caseId, "API: experiments with the person", ct)).ToHttpResult())
            .WithTags("Case files")
            .WithSummary("What was tried with the person: the experiments linked to the case file and the evidence entries linked to it. " +
                "For the people who can open the file; logged in the access log.");

        api.MapDelete("/experiment-comments/{commentId:guid}", async (Guid commentId, ExperimentCommands c, CancellationToken ct) =>
                (await c.DeleteCommentAsync(commentId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithTags("Experiments")
            .WithSummary("Removes a comment: its author or a steward.");
        return api;
    }
}
