namespace LearningStack.Web.Features.Patterns;

/// <summary>Patterns across scales: what a larger cycle learns from the cycles connected below it.</summary>
public static class PatternsModule
{
    public static IServiceCollection AddPatterns(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapPatterns(this RouteGroupBuilder api) => api;
}
