using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Governance alarms: services (commands, the evaluation, the background job) and endpoints.</summary>
public static class AlarmEndpoints
{
    public static IServiceCollection AddAlarms(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlarmOptions>(configuration.GetSection("Alarms"));
        services.AddScoped<AlarmCommands>();
        services.AddSingleton<AlarmEvaluation>();
        services.AddHostedService<AlarmJob>();
        return services;
    }

    public static RouteGroupBuilder MapAlarms(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/cycles/{cycleId:guid}/alarms").WithTags("Stewardship");
        cycles.MapGet("/", async (Guid cycleId, AlarmCommands c, CancellationToken ct) => (await c.ForCycleAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's governance alarms: open, dismissed (with reason, who and when) and the latest resolved, each saying why it fired " +
                "(with the facts) and how to resolve it (actHref). canDismiss says whether the caller may dismiss them or check now.");
        cycles.MapPost("/{alarmId:guid}/dismiss", async (Guid cycleId, Guid alarmId, AlarmDismissInput input, AlarmCommands c, CancellationToken ct) =>
                (await c.DismissAsync(cycleId, alarmId, input, ct)).ToHttpResult())
            .WithSummary("Dismisses an open alarm with a reason (send its version); for the cycle's stewards and the network's stewards. It stays dismissed " +
                "while its situation lasts; if the situation ends and recurs, a new alarm fires.");
        cycles.MapPost("/evaluate", async (Guid cycleId, AlarmCommands c, CancellationToken ct) => (await c.EvaluateAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Evaluates the alarms of the cycle's network now (the background job also does, every 15 minutes by default) and returns the cycle's alarms.");

        var networks = api.MapGroup("/networks/{networkId:guid}/alarm-settings").WithTags("Stewardship");
        networks.MapGet("/", async (Guid networkId, AlarmCommands c, CancellationToken ct) => (await c.SettingsAsync(networkId, ct)).ToHttpResult())
            .WithSummary("The network's alarm thresholds (the defaults until its stewards change them; version 0 then).");
        networks.MapPut("/", async (Guid networkId, AlarmSettingsInput input, AlarmCommands c, CancellationToken ct) =>
                (await c.UpdateSettingsAsync(networkId, input, ct)).ToHttpResult())
            .WithSummary("Changes the network's alarm thresholds (network stewards; send the version read) and re-evaluates the network's alarms.");

        api.MapGet("/alarms/digest", async (AlarmCommands c, CancellationToken ct) => TypedResults.Ok(await c.DigestAsync(ct)))
            .WithTags("Stewardship")
            .WithSummary("The caller's digest: open alarms of the cycles they steward and of every cycle in the networks they steward.");
        return api;
    }
}
