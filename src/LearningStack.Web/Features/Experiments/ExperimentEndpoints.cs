namespace LearningStack.Web.Features.Experiments;

/// <summary>Experiment design, lifecycle, comments, participants, checklist and lineage: services and endpoints.</summary>
public static class ExperimentEndpoints
{
    public static IServiceCollection AddExperimentDesign(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapExperimentDesign(this RouteGroupBuilder api) => api;
}
