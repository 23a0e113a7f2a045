using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Cycles;

public static class CyclesModule
{
    public static IServiceCollection AddCycles(this IServiceCollection services) => services.AddScoped<CycleCommands>();

    public static RouteGroupBuilder MapCycles(this RouteGroupBuilder api)
    {
        api.MapGet("/networks/{networkId:guid}/cycles", async (Guid networkId, bool? includeArchived, CycleCommands c, CancellationToken ct) =>
            (await c.ListAsync(networkId, includeArchived ?? false, ct)).ToHttpResult()).WithTags("Cycles");
        api.MapPost("/networks/{networkId:guid}/cycles", async (Guid networkId, CycleInput input, CycleCommands c, CancellationToken ct) =>
            (await c.CreateAsync(networkId, input, ct)).ToHttpResult(cycle => TypedResults.Created($"/api/cycles/{cycle.Id}", cycle))).WithTags("Cycles");

        var cycles = api.MapGroup("/cycles/{cycleId:guid}").WithTags("Cycles");
        cycles.MapGet("/", async (Guid cycleId, CycleCommands c, CancellationToken ct) => (await c.GetAsync(cycleId, ct)).ToHttpResult());
        cycles.MapPut("/", async (Guid cycleId, CycleInput input, CycleCommands c, CancellationToken ct) => (await c.UpdateAsync(cycleId, input, ct)).ToHttpResult())
            .WithSummary("Update a cycle. Send the version you read; a stale version gives 409 and changes nothing.");
        cycles.MapPost("/archive", async (Guid cycleId, ArchiveInput input, CycleCommands c, CancellationToken ct) => (await c.ArchiveAsync(cycleId, input.Archived, ct)).ToHttpResult());
        cycles.MapPut("/stages/{stage}", async (Guid cycleId, Stage stage, StageStatusInput input, CycleCommands c, CancellationToken ct) =>
            (await c.SetStageStatusAsync(cycleId, stage, input, ct)).ToHttpResult());
        cycles.MapGet("/reflections", async (Guid cycleId, CycleCommands c, CancellationToken ct) => (await c.ReflectionsAsync(cycleId, ct)).ToHttpResult());
        cycles.MapPost("/reflections", async (Guid cycleId, ReflectionInput input, CycleCommands c, CancellationToken ct) =>
            (await c.AddReflectionAsync(cycleId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/cycles/{cycleId}/reflections/{r.Id}", r)))
            .WithSummary("Add a dated reflection on a stage, or a whole-cycle review when no stage is given.");
        cycles.MapGet("/design-questions", async (Guid cycleId, CycleCommands c, CancellationToken ct) => (await c.QuestionsAsync(cycleId, ct)).ToHttpResult());
        cycles.MapGet("/design-questions/{key}/answers", async (Guid cycleId, string key, CycleCommands c, CancellationToken ct) => (await c.AnswerHistoryAsync(cycleId, key, ct)).ToHttpResult());
        cycles.MapPost("/design-questions/{key}/answers", async (Guid cycleId, string key, AnswerInput input, CycleCommands c, CancellationToken ct) =>
            (await c.AnswerAsync(cycleId, key, input, ct)).ToHttpResult(a => TypedResults.Created($"/api/cycles/{cycleId}/design-questions/{key}/answers/{a.Id}", a)));
        cycles.MapGet("/history", async (Guid cycleId, int? take, CycleCommands c, CancellationToken ct) => (await c.HistoryAsync(cycleId, take ?? 200, ct)).ToHttpResult());
        return api;
    }
}
