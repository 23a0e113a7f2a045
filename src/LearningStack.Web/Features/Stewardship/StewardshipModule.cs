namespace LearningStack.Web.Features.Stewardship;

/// <summary>Stage V of every Learning Cycle: managing (plans, resources, enablers and barriers, connections to make), governing
/// (governance bodies, questions, concerns), governance alarms and learning accounts. Each area maps its own endpoints; all of them
/// are mapped under /api (bearer tokens) and /api/ui (the app's own scripts: sign-in cookie + antiforgery header).</summary>
public static class StewardshipModule
{
    public static IServiceCollection AddStewardship(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddManaging();
        services.AddLearningAccounts();
        services.AddAlarms(configuration);
        services.AddGovernance(configuration);
        return services;
    }

    public static RouteGroupBuilder MapStewardship(this RouteGroupBuilder api)
    {
        api.MapManaging();
        api.MapLearningAccounts();
        api.MapAlarms();
        api.MapGovernance();
        return api;
    }
}
