namespace LearningStack.Web.Features.Influence;

/// <summary>The Embed &amp; influence stage: routing issues to connected cycles (and their inbox), influence records, and the
/// embedding register. Mapped under /api (bearer tokens) and /api/ui (the app's own scripts).</summary>
public static class InfluenceModule
{
    public static IServiceCollection AddInfluence(this IServiceCollection services) => services
        .AddScoped<RouteCommands>()
        .AddScoped<InfluenceCommands>()
        .AddScoped<EmbeddingCommands>()
        .AddScoped<InboxQuery>()
        .AddScoped<FlowsQuery>();

    public static RouteGroupBuilder MapInfluence(this RouteGroupBuilder api) => api.MapInfluenceEndpoints();
}
