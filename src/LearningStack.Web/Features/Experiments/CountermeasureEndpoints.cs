using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

/// <summary>The countermeasures register: services and endpoints.</summary>
public static class CountermeasureEndpoints
{
    public static IServiceCollection AddCountermeasures(this IServiceCollection services) => services
        .AddScoped<CountermeasureCommands>();

    public static RouteGroupBuilder MapCountermeasures(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments/{experimentId:guid}/countermeasures").WithTags("Experiments");
        experiments.MapGet("/", async (Guid experimentId, CountermeasureCommands c, CancellationToken ct) => (await c.ForExperimentAsync(experimentId, ct)).ToHttpResult())
            .WithSummary("The experiment's countermeasures (active first), each with any flag worth a second look.");
        experiments.MapPost("/", async (Guid experimentId, CountermeasureInput input, CountermeasureCommands c, CancellationToken ct) =>
                (await c.CreateAsync(experimentId, input, ct)).ToHttpResult(m => TypedResults.Created($"/api/countermeasures/{m.Id}", m)))
            .WithSummary("Records a countermeasure: the rule it shields the experiment from, what is done instead, who agreed it (an actor of the cycle or a name), " +
                "from when and when to review it. Set disturbed and noticedOn when the running experiment disturbed something unexpected.");

        api.MapGet("/countermeasures/{countermeasureId:guid}", async (Guid countermeasureId, CountermeasureCommands c, CancellationToken ct) =>
                (await c.GetAsync(countermeasureId, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("One countermeasure, with its experiment's title and state and any flag worth a second look.");
        api.MapPut("/countermeasures/{countermeasureId:guid}", async (Guid countermeasureId, CountermeasureInput input, CountermeasureCommands c, CancellationToken ct) =>
                (await c.UpdateAsync(countermeasureId, input, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("Edits a countermeasure as a whole (send its version). Status Removed or NewNormal needs whyEnded and sets endedOn (today unless given); " +
                "back to Active clears both.");

        api.MapGet("/cycles/{cycleId:guid}/countermeasures", async (Guid cycleId, string? status, CountermeasureCommands c, CancellationToken ct) =>
                (await c.ForCycleAsync(cycleId, status, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("The cycle's countermeasures register (status = Active, Removed or NewNormal to filter), with each experiment's title and state " +
                "and flags: past its review date, or outliving its concluded experiment.");
        return api;
    }
}
