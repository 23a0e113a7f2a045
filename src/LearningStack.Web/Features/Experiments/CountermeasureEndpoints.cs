namespace LearningStack.Web.Features.Experiments;

/// <summary>The countermeasures register: services and endpoints.</summary>
public static class CountermeasureEndpoints
{
    public static IServiceCollection AddCountermeasures(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapCountermeasures(this RouteGroupBuilder api) => api;
}
