using LearningStack.Web.Platform;
using Microsoft.AspNetCore.SignalR;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>The live board of a sense-making session. A client joins a session (observers and up) and receives the board, then
/// hears every change as it is saved: cardAdded, cardChanged, cardRemoved, themeAdded, themeChanged, themeRemoved and presence
/// (who is here now). Changes go through <see cref="BoardCommands"/>, the same rules as the HTTP endpoints; a refusal comes back as
/// a <see cref="HubException"/> with a sentence saying what to do.</summary>
public sealed class SessionBoardHub(BoardCommands commands, CurrentUser currentUser, BoardPresence presence) : Hub
{
    public static string GroupOf(Guid sessionId) => $"session-board:{sessionId:N}";

    public async Task<BoardView> Join(Guid sessionId)
    {
        var board = Unwrap(await Commands.GetAsync(sessionId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(sessionId), Context.ConnectionAborted);
        var person = new PresentPerson(currentUser.UserId ?? Context.ConnectionId, currentUser.DisplayName);
        var present = presence.Join(sessionId, Context.ConnectionId, person);
        await Clients.Group(GroupOf(sessionId)).SendAsync("presence", present, Context.ConnectionAborted);
        return board with { Present = present };
    }

    public async Task Leave(Guid sessionId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(sessionId));
        await Clients.Group(GroupOf(sessionId)).SendAsync("presence", presence.Leave(sessionId, Context.ConnectionId));
    }

    /// <summary>Adds a card and returns it as stored (the acknowledgement). Sending the same clientId again returns the stored card.</summary>
    public async Task<CardView> AddCard(Guid sessionId, Guid clientId, string? text) =>
        Unwrap(await Commands.AddCardAsync(sessionId, new CardInput { ClientId = clientId, Text = text }, Context.ConnectionAborted));

    public async Task<CardView> EditCard(Guid cardId, string? text, int? version) =>
        Unwrap(await Commands.EditTextAsync(cardId, text, version, Context.ConnectionAborted));

    public async Task DeleteCard(Guid cardId) => Unwrap(await Commands.DeleteCardAsync(cardId, null, Context.ConnectionAborted));

    /// <summary>Moves a card into a theme (null: 'Not grouped yet') at a place counting from 0 (null: last).</summary>
    public async Task<CardView> MoveCard(Guid cardId, Guid? themeId, int? position) =>
        Unwrap(await Commands.MoveCardAsync(cardId, themeId, position, Context.ConnectionAborted));

    public async Task<CardView> SetKind(Guid cardId, InsightKind kind) =>
        Unwrap(await Commands.SetKindAsync(cardId, kind, Context.ConnectionAborted));

    public async Task<CardView> SetDecision(Guid cardId, bool isDecision) =>
        Unwrap(await Commands.SetDecisionAsync(cardId, isDecision, Context.ConnectionAborted));

    public async Task<CardView> LinkMaterial(Guid cardId, Guid materialId, bool linked) =>
        Unwrap(await Commands.LinkMaterialAsync(cardId, materialId, linked, Context.ConnectionAborted));

    public async Task<ThemeView> AddTheme(Guid sessionId, string? title) =>
        Unwrap(await Commands.AddThemeAsync(sessionId, new ThemeInput { Title = title }, Context.ConnectionAborted));

    public async Task<ThemeView> RenameTheme(Guid themeId, string? title) =>
        Unwrap(await Commands.UpdateThemeAsync(themeId, new ThemeEdit { Title = title }, requireVersion: false, Context.ConnectionAborted));

    public async Task DeleteTheme(Guid themeId) => Unwrap(await Commands.DeleteThemeAsync(themeId, null, Context.ConnectionAborted));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (sessionId, present) in presence.Disconnect(Context.ConnectionId))
        {
            await Clients.Group(GroupOf(sessionId)).SendAsync("presence", present);
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The commands, acting for the hub connection's signed-in user (a hub call has no request of its own).</summary>
    private BoardCommands Commands
    {
        get
        {
            currentUser.ActFor(Context.User!);
            return commands;
        }
    }

    private static T Unwrap<T>(Outcome<T> outcome) => outcome.IsOk
        ? outcome.Value!
        : throw new HubException(outcome.Status switch
        {
            OutcomeStatus.NotFound => "We could not find that board. It may have been removed, or you may not have access to it.",
            _ => outcome.ErrorText is { Length: > 0 } text ? text : "That could not be done.",
        });
}
