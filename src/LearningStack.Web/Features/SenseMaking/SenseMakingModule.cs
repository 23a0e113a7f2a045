namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Sense-making sessions and their live boards. Sessions (planning, participants and voices, materials under review, the
/// record and its exports) and the board (themes, insight cards, the SignalR hub) each map their own endpoints; all are mapped
/// under /api (bearer tokens) and /api/ui (the app's own scripts). The board's hub is mapped on the app itself.</summary>
public static class SenseMakingModule
{
    public static IServiceCollection AddSenseMaking(this IServiceCollection services) => services
        .AddSessions()
        .AddSessionBoard();

    public static RouteGroupBuilder MapSenseMaking(this RouteGroupBuilder api)
    {
        api.MapSessions();
        api.MapSessionBoard();
        return api;
    }
}
