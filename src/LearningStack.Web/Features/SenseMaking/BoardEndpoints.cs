namespace LearningStack.Web.Features.SenseMaking;

/// <summary>The live board: themes and insight cards over HTTP, and the SignalR hub that shows them to everyone present.</summary>
public static class BoardEndpoints
{
    public static IServiceCollection AddSessionBoard(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapSessionBoard(this RouteGroupBuilder api) => api;

    /// <summary>Maps the board's SignalR hub on the app (not under /api).</summary>
    public static IEndpointRouteBuilder MapSessionBoardHub(this IEndpointRouteBuilder app) => app;
}
