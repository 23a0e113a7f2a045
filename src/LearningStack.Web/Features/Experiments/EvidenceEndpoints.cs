namespace LearningStack.Web.Features.Experiments;

/// <summary>Evidence entries and media files: services and endpoints.</summary>
public static class EvidenceEndpoints
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration) => services;

    public static RouteGroupBuilder MapEvidence(this RouteGroupBuilder api) => api;
}
