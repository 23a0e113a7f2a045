namespace LearningStack.Web.Features.Experiments;

/// <summary>Learning pods and their weekly reflections: services and endpoints.</summary>
public static class PodEndpoints
{
    public static IServiceCollection AddLearningPods(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapLearningPods(this RouteGroupBuilder api) => api;
}
