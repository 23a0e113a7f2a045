using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Learning pods and their weekly reflections: services and endpoints. The experiment calendar is mapped here too.</summary>
public static class PodEndpoints
{
    public static IServiceCollection AddLearningPods(this IServiceCollection services) => services
        .AddScoped<PodCommands>()
        .AddScoped<CalendarCommands>();

    public static RouteGroupBuilder MapLearningPods(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/cycles/{cycleId:guid}/pods").WithTags("Experiments");
        cycles.MapGet("/", async (Guid cycleId, PodCommands c, CancellationToken ct) => (await c.ForCycleAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's learning pods, each with the week of its latest reflection.");
        cycles.MapPost("/", async (Guid cycleId, PodInput input, PodCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(p => TypedResults.Created($"/api/pods/{p.Id}", p)))
            .WithSummary("Starts a learning pod: a name and the people in it (by name or role).");

        var pods = api.MapGroup("/pods/{podId:guid}").WithTags("Experiments");
        pods.MapGet("/", async (Guid podId, int? weeks, PodCommands c, CancellationToken ct) => (await c.GetAsync(podId, weeks, ct)).ToHttpResult())
            .WithSummary("The pod and its reflections of the last weeks (weeks, default 6, at most 52), grouped by week, newest week first.");
        pods.MapPut("/", async (Guid podId, PodInput input, PodCommands c, CancellationToken ct) => (await c.UpdateAsync(podId, input, ct)).ToHttpResult())
            .WithSummary("Renames the pod or changes who is in it (send its version).");
        pods.MapPost("/reflections", async (Guid podId, PodReflectionInput input, PodCommands c, CancellationToken ct) =>
                (await c.AddReflectionAsync(podId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/pod-reflections/{r.Id}", r)))
            .WithSummary("Adds the pod's reflection for a week (any day of it; stored as its Monday, not in the future), optionally about an experiment of the cycle. " +
                "At least one of didDifferently, learnt, enabledLearning, wentWrong.");

        api.MapGet("/pod-reflections/{reflectionId:guid}", async (Guid reflectionId, PodCommands c, CancellationToken ct) =>
                (await c.GetReflectionAsync(reflectionId, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("One pod reflection.");
        api.MapPut("/pod-reflections/{reflectionId:guid}", async (Guid reflectionId, PodReflectionInput input, PodCommands c, CancellationToken ct) =>
                (await c.UpdateReflectionAsync(reflectionId, input, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("Edits a pod reflection (send its version).");
        api.MapGet("/experiments/{experimentId:guid}/pod-reflections", async (Guid experimentId, PodCommands c, CancellationToken ct) =>
                (await c.ForExperimentAsync(experimentId, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("Every pod reflection about the experiment, newest week first.");

        api.MapExperimentCalendar();
        return api;
    }
}
