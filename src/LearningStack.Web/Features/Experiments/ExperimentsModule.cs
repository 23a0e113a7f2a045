namespace LearningStack.Web.Features.Experiments;

/// <summary>The Co-design and Experiment stages: experiment designs and their lifecycle, countermeasures, evidence (with media files),
/// and learning pods. Each area maps its own endpoints; all of them are mapped under /api (bearer tokens) and /api/ui (the app's
/// own scripts: sign-in cookie + antiforgery header).</summary>
public static class ExperimentsModule
{
    public static IServiceCollection AddExperiments(this IServiceCollection services, IConfiguration configuration) => services
        .AddExperimentDesign()
        .AddCountermeasures()
        .AddLearningPods()
        .AddEvidence(configuration);

    public static RouteGroupBuilder MapExperiments(this RouteGroupBuilder api)
    {
        api.MapExperimentDesign();
        api.MapCountermeasures();
        api.MapLearningPods();
        api.MapEvidence();
        return api;
    }
}
