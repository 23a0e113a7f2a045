using System.Text.Json.Serialization;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>The live board: themes and insight cards over HTTP, and the SignalR hub that shows them to everyone present.</summary>
public static class BoardEndpoints
{
    /// <summary>Where the board's SignalR hub listens.</summary>
    public const string HubPath = "/hubs/session-board";

    /// <summary>The hub takes the sign-in cookie (the app's own page) or a bearer token (API clients).</summary>
    public const string HubPolicy = "session-board-hub";

    public static IServiceCollection AddSessionBoard(this IServiceCollection services)
    {
        // Enums travel as words (Eureka, SlowReveal, Ended), as in the HTTP API.
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<BoardPresence>();
        services.AddScoped<BoardCommands>();
        services.AddAuthorizationBuilder().AddPolicy(HubPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser());
        return services;
    }

    public static RouteGroupBuilder MapSessionBoard(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{sessionId:guid}/board", async (Guid sessionId, BoardCommands c, CancellationToken ct) =>
                (await c.GetAsync(sessionId, ct)).ToHttpResult())
            .WithTags("Sense-making").WithSummary("The session's live board: themes in order, insight cards (grouped and not grouped yet), " +
                "the materials under review, who has the board open now and what the caller may do.");
        api.MapPost("/sessions/{sessionId:guid}/cards", async (Guid sessionId, CardInput input, BoardCommands c, CancellationToken ct) =>
                (await c.AddCardAsync(sessionId, input, ct)).ToHttpResult(card => TypedResults.Created($"/api/insight-cards/{card.Id}", card)))
            .WithTags("Sense-making").WithSummary("Adds an insight card (text up to 500 characters) with a clientId made by the caller; " +
                "sending the same clientId again returns the card already stored. Everyone on the board sees it at once.");
        api.MapGet("/insight-cards/{cardId:guid}", async (Guid cardId, BoardCommands c, CancellationToken ct) =>
                (await c.GetCardAsync(cardId, ct)).ToHttpResult())
            .WithTags("Sense-making").WithSummary("One insight card.");
        api.MapPut("/insight-cards/{cardId:guid}", async (Guid cardId, CardEdit input, BoardCommands c, CancellationToken ct) =>
                (await c.UpdateCardAsync(cardId, input, ct)).ToHttpResult())
            .WithTags("Sense-making").WithSummary("Edits a card as a whole (send its version): its theme and place (from 0), kind (None, Eureka, " +
                "SlowReveal), whether it is a decision, the session materials it rests on, and its words (the author's or a steward's to change).");
        api.MapDelete("/insight-cards/{cardId:guid}", async (Guid cardId, [FromQuery] int? version, BoardCommands c, CancellationToken ct) =>
                (await c.DeleteCardAsync(cardId, version, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithTags("Sense-making").WithSummary("Removes a card (its author or a steward; ?version= to guard against a change made meanwhile). " +
                "A card raised as an issue stays.");
        api.MapPost("/sessions/{sessionId:guid}/themes", async (Guid sessionId, ThemeInput input, BoardCommands c, CancellationToken ct) =>
                (await c.AddThemeAsync(sessionId, input, ct)).ToHttpResult(theme => TypedResults.Created($"/api/insight-themes/{theme.Id}", theme)))
            .WithTags("Sense-making").WithSummary("Adds a theme (a column of the board) after the others.");
        api.MapPut("/insight-themes/{themeId:guid}", async (Guid themeId, ThemeEdit input, BoardCommands c, CancellationToken ct) =>
                (await c.UpdateThemeAsync(themeId, input, requireVersion: true, ct)).ToHttpResult())
            .WithTags("Sense-making").WithSummary("Renames a theme and, with a position (from 0), moves it among the others. Send its version.");
        api.MapDelete("/insight-themes/{themeId:guid}", async (Guid themeId, [FromQuery] int? version, BoardCommands c, CancellationToken ct) =>
                (await c.DeleteThemeAsync(themeId, version, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithTags("Sense-making").WithSummary("Removes a theme; its cards go back to 'Not grouped yet'.");
        return api;
    }

    /// <summary>Maps the board's SignalR hub on the app (not under /api).</summary>
    public static IEndpointRouteBuilder MapSessionBoardHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<SessionBoardHub>(HubPath).RequireAuthorization(HubPolicy);
        return app;
    }
}
