namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Sessions: planning, participants and voices, materials under review, the record and its exports.</summary>
public static class SessionEndpoints
{
    public static IServiceCollection AddSessions(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder api) => api;
}
