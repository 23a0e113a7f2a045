using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Every rule of a session's live board, shared by its page, its HTTP endpoints and its SignalR hub. Each change is saved
/// first and then shown to everyone on the board (through the hub's group for the session).</summary>
public sealed class BoardCommands(AppDbContext db, NetworkAccess access, CurrentUser currentUser, BoardPresence presence,
    IHubContext<SessionBoardHub> hub, TimeProvider clock)
{
    public static readonly Failure Ended = new(OutcomeStatus.Conflict,
        Message: "This session has ended, so its board can be read but not changed. A steward can reopen the session from its page.");

    /// <summary>The whole board, for anyone who can see the session's network.</summary>
    public async Task<Outcome<BoardView>> GetAsync(Guid sessionId, CancellationToken ct = default)
    {
        var (session, role, denied) = await SessionAsync(sessionId, NetworkRole.Observer, ct);
        if (session is null)
        {
            return denied!;
        }
        var cycleName = await db.Cycles.Where(c => c.Id == session.CycleId).Select(c => c.Name).FirstAsync(ct);
        var themes = await db.InsightThemes.AsNoTracking().Where(t => t.SessionId == sessionId)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new ThemeView(t.Id, t.SessionId, t.Title, t.Position, t.Version)).ToListAsync(ct);
        var materials = await MaterialLinks.ListAsync(db, [sessionId], ct);
        var cards = await CardsAsync(db.InsightCards.Where(c => c.SessionId == sessionId), ct);
        var canEdit = role >= NetworkRole.Member && session.State != SessionState.Ended;
        return new BoardView(session.Id, session.CycleId, session.NetworkId, session.Title, cycleName, session.State, canEdit,
            canEdit && role >= NetworkRole.Steward, currentUser.UserId, themes, cards, materials, presence.In(sessionId));
    }

    /// <summary>Adds a card, or returns the card already stored with the same client id (a resend) without showing it again.</summary>
    public async Task<Outcome<CardView>> AddCardAsync(Guid sessionId, CardInput input, CancellationToken ct = default)
    {
        var (session, _, denied) = await WritableAsync(sessionId, ct);
        if (session is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (CheckText(input.Text, "text") is { } badText)
        {
            return badText;
        }
        var clientId = input.ClientId!.Value;
        if (await StoredAsync(sessionId, clientId, ct) is { } stored)
        {
            return stored;
        }
        var last = await db.InsightCards.Where(c => c.SessionId == sessionId && c.ThemeId == null)
            .MaxAsync(c => (int?)c.Position, ct);
        var card = new InsightCard
        {
            NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = sessionId, ClientId = clientId,
            Text = input.Text!.Trim(), AuthorUserId = currentUser.UserId, AuthorName = currentUser.DisplayName,
            Position = last is { } l ? l + BoardOrdering.Gap : 0, CreatedAt = clock.GetUtcNow(),
        };
        db.InsightCards.Add(card);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same card arrived twice at once: the other one was stored.
            return await StoredAfterRaceAsync(card, ct) is { } raced ? raced : throw new InvalidOperationException("The card could not be saved.");
        }
        // A new card has no issue yet, so the saved entity is the whole view: no second read before it is broadcast.
        var view = ViewOf(card, issueNumber: null);
        await SendAsync(sessionId, "cardAdded", view, ct);
        return view;
    }

    public async Task<Outcome<CardView>> GetCardAsync(Guid cardId, CancellationToken ct = default)
    {
        var sessionId = await db.InsightCards.Where(c => c.Id == cardId).Select(c => (Guid?)c.SessionId).FirstOrDefaultAsync(ct);
        if (sessionId is null)
        {
            return Failure.NotFound;
        }
        var (session, _, denied) = await SessionAsync(sessionId.Value, NetworkRole.Observer, ct);
        return session is null ? denied! : (await CardsAsync(db.InsightCards.Where(c => c.Id == cardId), ct))[0];
    }

    /// <summary>A whole edit of a card (see <see cref="CardEdit"/>).</summary>
    public async Task<Outcome<CardView>> UpdateCardAsync(Guid cardId, CardEdit input, CancellationToken ct = default)
    {
        return await ChangeCardAsync(cardId, input.Version, requireVersion: true, async (card, isSteward) =>
        {
            if (InputValidation.Check(input) is { } invalid)
            {
                return invalid;
            }
            var errors = new Dictionary<string, string[]>();
            var text = input.Text?.Trim() ?? "";
            if (CheckText(text, "text") is { Errors: { } textErrors })
            {
                foreach (var (k, v) in textErrors)
                {
                    errors[k] = v;
                }
            }
            if (!Enum.IsDefined(input.Kind))
            {
                errors["kind"] = ["Use None, Eureka or SlowReveal."];
            }
            if (input.ThemeId is { } themeId && !await db.InsightThemes.AnyAsync(t => t.Id == themeId && t.SessionId == card.SessionId, ct))
            {
                errors["themeId"] = ["Choose a theme of this session's board, or leave it out for 'Not grouped yet'."];
            }
            var materialIds = (input.MaterialIds ?? []).Distinct().ToList();
            if (materialIds.Count > 0 && await db.SessionMaterials.CountAsync(m => m.SessionId == card.SessionId && materialIds.Contains(m.Id), ct) != materialIds.Count)
            {
                errors["materialIds"] = ["Link only materials listed for this session."];
            }
            if (errors.Count > 0)
            {
                return Failure.Invalid(errors);
            }
            if (text != card.Text && !isSteward && card.AuthorUserId != currentUser.UserId)
            {
                return new Failure(OutcomeStatus.Forbidden, Message: "Only the person who wrote a card, or a steward, can change its words.");
            }
            card.Text = text;
            card.Kind = input.Kind;
            card.IsDecision = input.IsDecision;
            if (!materialIds.SequenceEqual(card.MaterialIds))
            {
                card.MaterialIds = materialIds;
            }
            if (input.ThemeId != card.ThemeId || input.Position is not null)
            {
                return await PlaceAsync(card, input.ThemeId, input.Position, ct);
            }
            return null;
        }, ct);
    }

    /// <summary>Moves a card into a theme (or out of all themes) at a place in it, counting from 0; null puts it last.</summary>
    public Task<Outcome<CardView>> MoveCardAsync(Guid cardId, Guid? themeId, int? position, CancellationToken ct = default) =>
        ChangeCardAsync(cardId, null, requireVersion: false, async (card, _) =>
        {
            if (themeId is { } id && !await db.InsightThemes.AnyAsync(t => t.Id == id && t.SessionId == card.SessionId, ct))
            {
                return Failure.Invalid("themeId", "That theme is no longer on this board. Choose another, or 'Not grouped yet'.");
            }
            return await PlaceAsync(card, themeId, position, ct);
        }, ct);

    public Task<Outcome<CardView>> SetKindAsync(Guid cardId, InsightKind kind, CancellationToken ct = default) =>
        ChangeCardAsync(cardId, null, requireVersion: false, (card, _) =>
        {
            if (!Enum.IsDefined(kind))
            {
                return Task.FromResult<Failure?>(Failure.Invalid("kind", "Use None, Eureka or SlowReveal."));
            }
            card.Kind = kind;
            return Task.FromResult<Failure?>(null);
        }, ct);

    public Task<Outcome<CardView>> SetDecisionAsync(Guid cardId, bool isDecision, CancellationToken ct = default) =>
        ChangeCardAsync(cardId, null, requireVersion: false, (card, _) =>
        {
            card.IsDecision = isDecision;
            return Task.FromResult<Failure?>(null);
        }, ct);

    public Task<Outcome<CardView>> LinkMaterialAsync(Guid cardId, Guid materialId, bool linked, CancellationToken ct = default) =>
        ChangeCardAsync(cardId, null, requireVersion: false, async (card, _) =>
        {
            if (linked && !await db.SessionMaterials.AnyAsync(m => m.Id == materialId && m.SessionId == card.SessionId, ct))
            {
                return Failure.Invalid("materialId", "Link only materials listed for this session.");
            }
            var ids = card.MaterialIds.Where(id => id != materialId).ToList();
            if (linked)
            {
                ids.Add(materialId);
            }
            if (!ids.SequenceEqual(card.MaterialIds))
            {
                card.MaterialIds = ids;
            }
            return null;
        }, ct);

    /// <summary>Changes a card's words: its author or a steward.</summary>
    public Task<Outcome<CardView>> EditTextAsync(Guid cardId, string? text, int? version, CancellationToken ct = default) =>
        ChangeCardAsync(cardId, version, requireVersion: false, (card, isSteward) =>
        {
            if (!isSteward && card.AuthorUserId != currentUser.UserId)
            {
                return Task.FromResult<Failure?>(new Failure(OutcomeStatus.Forbidden, Message: "Only the person who wrote a card, or a steward, can change its words."));
            }
            if (CheckText(text, "text") is { } bad)
            {
                return Task.FromResult<Failure?>(bad);
            }
            card.Text = text!.Trim();
            return Task.FromResult<Failure?>(null);
        }, ct);

    /// <summary>Removes a card: its author or a steward. A card already raised as an issue stays (the issue points back to it).</summary>
    public async Task<Outcome<Guid>> DeleteCardAsync(Guid cardId, int? version, CancellationToken ct = default)
    {
        var (card, denied) = await WritableCardAsync(cardId, ct);
        if (card is null)
        {
            return denied!;
        }
        if (card.AuthorUserId != currentUser.UserId && await access.RoleAsync(card.NetworkId, ct) < NetworkRole.Steward)
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "Only the person who wrote a card, or a steward, can remove it.");
        }
        if (card.IssueId is not null)
        {
            return new Failure(OutcomeStatus.Conflict, Message: "This card has been raised as an issue, so it stays on the board. Close the issue instead if it is no longer needed.");
        }
        if (version is not null && Concurrency.IsStale(db, card, version))
        {
            return Failure.Conflict;
        }
        db.InsightCards.Remove(card);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        await SendAsync(card.SessionId, "cardRemoved", card.Id, ct);
        return card.Id;
    }

    public async Task<Outcome<ThemeView>> AddThemeAsync(Guid sessionId, ThemeInput input, CancellationToken ct = default)
    {
        var (session, _, denied) = await WritableAsync(sessionId, ct);
        if (session is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var title = input.Title!.Trim();
        if (title.Length == 0)
        {
            return Failure.Invalid("title", "Name the theme.");
        }
        var last = await db.InsightThemes.Where(t => t.SessionId == sessionId).MaxAsync(t => (int?)t.Position, ct);
        var theme = new InsightTheme
        {
            NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = sessionId, Title = title,
            Position = last is { } l ? l + BoardOrdering.Gap : 0,
        };
        db.InsightThemes.Add(theme);
        await db.SaveChangesAsync(ct);
        var view = ThemeOf(theme);
        await SendAsync(sessionId, "themeAdded", view, ct);
        return view;
    }

    public async Task<Outcome<ThemeView>> GetThemeAsync(Guid themeId, CancellationToken ct = default)
    {
        var theme = await db.InsightThemes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == themeId, ct);
        if (theme is null)
        {
            return Failure.NotFound;
        }
        var (session, _, denied) = await SessionAsync(theme.SessionId, NetworkRole.Observer, ct);
        return session is null ? denied! : ThemeOf(theme);
    }

    /// <summary>Renames a theme and, when a position is given, moves it among the others.</summary>
    public async Task<Outcome<ThemeView>> UpdateThemeAsync(Guid themeId, ThemeEdit input, bool requireVersion = true, CancellationToken ct = default)
    {
        var (theme, denied) = await WritableThemeAsync(themeId, ct);
        if (theme is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var title = input.Title!.Trim();
        if (title.Length == 0)
        {
            return Failure.Invalid("title", "Name the theme.");
        }
        if (VersionCheck(theme, input.Version, requireVersion) is { } stale)
        {
            return stale;
        }
        theme.Title = title;
        var moved = new List<InsightTheme>();
        if (input.Position is { } index)
        {
            var others = await db.InsightThemes.Where(t => t.SessionId == theme.SessionId && t.Id != theme.Id)
                .OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(ct);
            if (BoardOrdering.Between([.. others.Select(t => t.Position)], index) is { } position)
            {
                theme.Position = position;
            }
            else
            {
                var all = BoardOrdering.Insert(others, index, theme);
                for (var i = 0; i < all.Count; i++)
                {
                    if (all[i].Position != BoardOrdering.Renumbered(i))
                    {
                        all[i].Position = BoardOrdering.Renumbered(i);
                        moved.Add(all[i]);
                    }
                }
            }
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        foreach (var other in moved.Where(t => t.Id != theme.Id))
        {
            await SendAsync(theme.SessionId, "themeChanged", ThemeOf(other), ct);
        }
        var view = ThemeOf(theme);
        await SendAsync(theme.SessionId, "themeChanged", view, ct);
        return view;
    }

    /// <summary>Removes a theme; its cards go back to 'Not grouped yet' (after those already there).</summary>
    public async Task<Outcome<Guid>> DeleteThemeAsync(Guid themeId, int? version, CancellationToken ct = default)
    {
        var (theme, denied) = await WritableThemeAsync(themeId, ct);
        if (theme is null)
        {
            return denied!;
        }
        if (version is not null && Concurrency.IsStale(db, theme, version))
        {
            return Failure.Conflict;
        }
        var cards = await db.InsightCards.Where(c => c.ThemeId == themeId).OrderBy(c => c.Position).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        var last = await db.InsightCards.Where(c => c.SessionId == theme.SessionId && c.ThemeId == null).MaxAsync(c => (int?)c.Position, ct) ?? -BoardOrdering.Gap;
        foreach (var card in cards)
        {
            card.ThemeId = null;
            card.Position = last += BoardOrdering.Gap;
        }
        db.InsightThemes.Remove(theme);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        await SendAsync(theme.SessionId, "themeRemoved", theme.Id, ct);
        if (cards.Count > 0)
        {
            foreach (var view in await CardsAsync(db.InsightCards.Where(c => c.SessionId == theme.SessionId && c.ThemeId == null), ct))
            {
                if (cards.Any(c => c.Id == view.Id))
                {
                    await SendAsync(theme.SessionId, "cardChanged", view, ct);
                }
            }
        }
        return theme.Id;
    }

    /// <summary>The session for the hub's Join: observers and up. Returns the board.</summary>
    public Task<Outcome<BoardView>> JoinAsync(Guid sessionId, CancellationToken ct = default) => GetAsync(sessionId, ct);

    internal static Failure? CheckText(string? text, string field)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Failure.Invalid(field, "Write the insight before adding it.");
        }
        if (trimmed.Length > InsightCard.MaxTextLength)
        {
            return Failure.Invalid(field, $"Keep an insight to {InsightCard.MaxTextLength} characters (this one has {trimmed.Length}); split it into two cards if it holds two ideas.");
        }
        return null;
    }

    private async Task<Outcome<CardView>> ChangeCardAsync(Guid cardId, int? version, bool requireVersion, Func<InsightCard, bool, Task<Failure?>> change, CancellationToken ct)
    {
        var (card, denied) = await WritableCardAsync(cardId, ct);
        if (card is null)
        {
            return denied!;
        }
        if (VersionCheck(card, version, requireVersion) is { } stale)
        {
            return stale;
        }
        var isSteward = await access.RoleAsync(card.NetworkId, ct) >= NetworkRole.Steward;
        if (await change(card, isSteward) is { } failure)
        {
            return failure;
        }
        var touched = db.ChangeTracker.Entries<InsightCard>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        var views = touched.Count == 0 ? [] : await CardsAsync(db.InsightCards.Where(c => touched.Contains(c.Id)), ct);
        foreach (var other in views.Where(v => v.Id != cardId))
        {
            await SendAsync(card.SessionId, "cardChanged", other, ct);
        }
        var view = views.FirstOrDefault(v => v.Id == cardId) ?? (await CardsAsync(db.InsightCards.Where(c => c.Id == cardId), ct))[0];
        if (touched.Contains(cardId))
        {
            await SendAsync(card.SessionId, "cardChanged", view, ct);
        }
        return view;
    }

    /// <summary>Puts a (tracked) card into a theme at a place; renumbers the column only when there is no room.</summary>
    private async Task<Failure?> PlaceAsync(InsightCard card, Guid? themeId, int? index, CancellationToken ct)
    {
        var others = await db.InsightCards.Where(c => c.SessionId == card.SessionId && c.ThemeId == themeId && c.Id != card.Id)
            .OrderBy(c => c.Position).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        var at = index ?? others.Count;
        card.ThemeId = themeId;
        if (BoardOrdering.Between([.. others.Select(c => c.Position)], at) is { } position)
        {
            card.Position = position;
            return null;
        }
        var all = BoardOrdering.Insert(others, at, card);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Position != BoardOrdering.Renumbered(i))
            {
                all[i].Position = BoardOrdering.Renumbered(i);
            }
        }
        return null;
    }

    private async Task<(SenseMakingSession? Session, NetworkRole? Role, Failure? Denied)> SessionAsync(Guid sessionId, NetworkRole minimum, CancellationToken ct)
    {
        var session = await db.SenseMakingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return (null, null, Failure.NotFound);
        }
        if (await access.RequireAsync(session.NetworkId, minimum, ct) is { } denied)
        {
            return (null, null, denied);
        }
        return (session, await access.RoleAsync(session.NetworkId, ct), null);
    }

    private async Task<(SenseMakingSession? Session, NetworkRole? Role, Failure? Denied)> WritableAsync(Guid sessionId, CancellationToken ct)
    {
        var found = await SessionAsync(sessionId, NetworkRole.Member, ct);
        return found.Session is { State: SessionState.Ended } ? (null, null, Ended) : found;
    }

    private async Task<(InsightCard? Card, Failure? Denied)> WritableCardAsync(Guid cardId, CancellationToken ct)
    {
        var card = await db.InsightCards.FirstOrDefaultAsync(c => c.Id == cardId, ct);
        if (card is null)
        {
            return (null, Failure.NotFound);
        }
        var (session, _, denied) = await WritableAsync(card.SessionId, ct);
        return session is null ? (null, denied) : (card, null);
    }

    private async Task<(InsightTheme? Theme, Failure? Denied)> WritableThemeAsync(Guid themeId, CancellationToken ct)
    {
        var theme = await db.InsightThemes.FirstOrDefaultAsync(t => t.Id == themeId, ct);
        if (theme is null)
        {
            return (null, Failure.NotFound);
        }
        var (session, _, denied) = await WritableAsync(theme.SessionId, ct);
        return session is null ? (null, denied) : (theme, null);
    }

    private async Task<CardView?> StoredAsync(Guid sessionId, Guid clientId, CancellationToken ct)
    {
        var found = await CardsAsync(db.InsightCards.Where(c => c.SessionId == sessionId && c.ClientId == clientId), ct);
        return found.Count > 0 ? found[0] : null;
    }

    private async Task<CardView?> StoredAfterRaceAsync(InsightCard card, CancellationToken ct)
    {
        db.Entry(card).State = EntityState.Detached;
        return await StoredAsync(card.SessionId, card.ClientId, ct);
    }

    private async Task<List<CardView>> CardsAsync(IQueryable<InsightCard> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .GroupJoin(db.Issues, c => c.IssueId, i => i.Id, (c, issues) => new { c, issues })
            .SelectMany(x => x.issues.DefaultIfEmpty(), (x, i) => new { C = x.c, Number = i == null ? (int?)null : i.Number })
            .ToListAsync(ct);
        return [.. rows
            .OrderBy(r => r.C.ThemeId is null ? 0 : 1).ThenBy(r => r.C.Position).ThenBy(r => r.C.CreatedAt).ThenBy(r => r.C.Id)
            .Select(r => ViewOf(r.C, r.Number))];
    }

    private static CardView ViewOf(InsightCard c, int? issueNumber) =>
        new(c.Id, c.SessionId, c.ClientId, c.Text, c.AuthorUserId, c.AuthorName, c.ThemeId, c.Position,
            c.Kind, c.IsDecision, c.MaterialIds, c.IssueId, issueNumber, c.CreatedAt, c.Version);

    /// <summary>Whole edits over HTTP must send the version; the hub's small live changes (move, mark) may leave it out.</summary>
    private Failure? VersionCheck<T>(T entity, int? version, bool required) where T : class, IVersioned =>
        required ? Concurrency.Check(db, entity, version) : Concurrency.IsStale(db, entity, version) ? Failure.Conflict : null;

    private static ThemeView ThemeOf(InsightTheme t) => new(t.Id, t.SessionId, t.Title, t.Position, t.Version);

    private Task SendAsync(Guid sessionId, string method, object payload, CancellationToken ct) =>
        hub.Clients.Group(SessionBoardHub.GroupOf(sessionId)).SendAsync(method, payload, ct);
}
