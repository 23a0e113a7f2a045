using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.SenseMaking;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearningStack.Tests.Features.SenseMaking;

/// <summary>The live board over HTTP: the same rules as the hub, and changes made here are shown on the hub too.</summary>
public abstract class BoardApiTests(AppFactory app)
{
    [Fact]
    public async Task AddCard_OverHttp_CreatedAndShownOnTheHub()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var observer = await BoardHubClient.ConnectAsync(app, network.Observer);
        var seen = new TaskCompletionSource<CardView>(TaskCreationOptions.RunContinuationsAsynchronously);
        observer.On<CardView>("cardAdded", c => seen.TrySetResult(c));
        await observer.InvokeAsync<BoardView>("Join", sessionId);

        using var response = await network.Member.PostAsync($"/api/sessions/{sessionId}/cards", new { clientId = Guid.NewGuid(), text = "Waiting lists hide who gives up" });

        var card = await response.ReadAsync<CardView>(HttpStatusCode.Created);
        Assert.Equal($"/api/insight-cards/{card.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(card.Id, (await seen.Task.WaitAsync(TimeSpan.FromSeconds(10))).Id);
    }

    [Fact]
    public async Task AddCard_SameClientIdTwice_SameCard()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        var body = new { clientId = Guid.NewGuid(), text = "Sent twice" };

        using var first = await network.Member.PostAsync($"/api/sessions/{sessionId}/cards", body);
        using var second = await network.Member.PostAsync($"/api/sessions/{sessionId}/cards", body);

        Assert.Equal((await first.ReadAsync<CardView>(HttpStatusCode.Created)).Id, (await second.ReadAsync<CardView>(HttpStatusCode.Created)).Id);
        Assert.Single((await network.Observer.GetAsync<BoardView>($"/api/sessions/{sessionId}/board")).Cards);
    }

    [Fact]
    public async Task AddCard_EmptyOrTooLong_FieldError()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);

        using var empty = await network.Member.PostAsync($"/api/sessions/{sessionId}/cards", new { clientId = Guid.NewGuid(), text = "   " });
        using var tooLong = await network.Member.PostAsync($"/api/sessions/{sessionId}/cards", new { clientId = Guid.NewGuid(), text = new string('x', 501) });

        await empty.ShouldBeInvalidAsync("text");
        await tooLong.ShouldBeInvalidAsync("text");
    }

    [Fact]
    public async Task UpdateCard_IntoThemeMarkedAndLinked_SavedWithNewVersion()
    {
        var (network, cycleId, sessionId) = await BoardTestData.BoardAsync(app);
        var materialId = await MaterialAsync(sessionId, network.Id, cycleId);
        var card = await AddAsync(network.Steward, sessionId, "Continuity matters more than speed");
        var theme = await ThemeAsync(network.Member, sessionId, "Continuity");

        using var response = await network.Member.PutAsync($"/api/insight-cards/{card.Id}", new
        {
            text = card.Text, themeId = theme.Id, kind = "SlowReveal", isDecision = true, materialIds = new[] { materialId }, version = card.Version,
        });

        var saved = await response.ReadAsync<CardView>();
        Assert.Equal((theme.Id, InsightKind.SlowReveal, true, card.Version + 1), (saved.ThemeId, saved.Kind, saved.IsDecision, saved.Version));
        Assert.Equal([materialId], saved.MaterialIds);
    }

    [Fact]
    public async Task UpdateCard_MemberChangesSomeoneElsesWords_Forbidden()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        var card = await AddAsync(network.Steward, sessionId, "The steward's words");

        using var response = await network.Member.PutAsync($"/api/insight-cards/{card.Id}", new { text = "Different words", version = card.Version });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UpdateCard_StaleVersion_Conflict()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        var card = await AddAsync(network.Member, sessionId, "First words");
        using (var first = await network.Member.PutAsync($"/api/insight-cards/{card.Id}", new { text = "Second words", version = card.Version }))
        {
            await first.ReadAsync<CardView>();
        }

        using var response = await network.Member.PutAsync($"/api/insight-cards/{card.Id}", new { text = "Third words", version = card.Version });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UpdateCard_ThemeOfAnotherSession_FieldError()
    {
        var (network, cycleId, sessionId) = await BoardTestData.BoardAsync(app);
        var otherSession = await BoardTestData.SessionAsync(app, network.Id, cycleId);
        var foreignTheme = await ThemeAsync(network.Member, otherSession, "Elsewhere");
        var card = await AddAsync(network.Member, sessionId, "A card");

        using var response = await network.Member.PutAsync($"/api/insight-cards/{card.Id}", new { text = card.Text, themeId = foreignTheme.Id, version = card.Version });

        await response.ShouldBeInvalidAsync("themeId");
    }

    [Fact]
    public async Task DeleteTheme_WithCards_CardsBackToNotGroupedYet()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        var theme = await ThemeAsync(network.Member, sessionId, "Short-lived");
        var card = await AddAsync(network.Member, sessionId, "Grouped for a moment");
        using (var move = await network.Member.PutAsync($"/api/insight-cards/{card.Id}", new { text = card.Text, themeId = theme.Id, version = card.Version }))
        {
            await move.ReadAsync<CardView>();
        }

        using var response = await network.Member.DeleteAsync($"/api/insight-themes/{theme.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var board = await network.Observer.GetAsync<BoardView>($"/api/sessions/{sessionId}/board");
        Assert.Empty(board.Themes);
        Assert.Null(Assert.Single(board.Cards).ThemeId);
    }

    [Fact]
    public async Task DeleteCard_Author_Removed()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        var card = await AddAsync(network.Member, sessionId, "Written in haste");

        using var response = await network.Member.DeleteAsync($"/api/insight-cards/{card.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty((await network.Observer.GetAsync<BoardView>($"/api/sessions/{sessionId}/board")).Cards);
    }

    [Fact]
    public async Task AddTheme_EndedSession_ConflictSayingItEnded()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app, SessionState.Ended);

        using var response = await network.Member.PostAsync($"/api/sessions/{sessionId}/themes", new { title = "Too late" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("has ended", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveCards_ToTheFrontRepeatedly_OrderKept()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        var cards = new List<CardView>();
        for (var i = 0; i < 4; i++)
        {
            cards.Add(await AddAsync(network.Member, sessionId, $"Card {i}"));
        }
        await using var hub = await BoardHubClient.ConnectAsync(app, network.Member);
        await hub.InvokeAsync<BoardView>("Join", sessionId);

        // Each move puts the last card first: 0123 → 3012 → 2301 → 1230.
        for (var i = 0; i < 3; i++)
        {
            var board = await network.Member.GetAsync<BoardView>($"/api/sessions/{sessionId}/board");
            await hub.InvokeAsync<CardView>("MoveCard", board.Cards[^1].Id, null, 0);
        }

        var final = await network.Member.GetAsync<BoardView>($"/api/sessions/{sessionId}/board");
        Assert.Equal(["Card 1", "Card 2", "Card 3", "Card 0"], final.Cards.Select(c => c.Text));
    }

    private static async Task<CardView> AddAsync(TestUser user, Guid sessionId, string text)
    {
        using var response = await user.PostAsync($"/api/sessions/{sessionId}/cards", new { clientId = Guid.NewGuid(), text });
        return await response.ReadAsync<CardView>(HttpStatusCode.Created);
    }

    private static async Task<ThemeView> ThemeAsync(TestUser user, Guid sessionId, string title)
    {
        using var response = await user.PostAsync($"/api/sessions/{sessionId}/themes", new { title });
        return await response.ReadAsync<ThemeView>(HttpStatusCode.Created);
    }

    private Task<Guid> MaterialAsync(Guid sessionId, Guid networkId, Guid cycleId) => app.WithDbAsync(async db =>
    {
        var material = new SessionMaterial
        {
            NetworkId = networkId, CycleId = cycleId, SessionId = sessionId, Kind = MaterialKind.Map, MapKind = "factors", TargetId = cycleId,
            Title = "Factor map", AddedAt = DateTimeOffset.UtcNow,
        };
        db.SessionMaterials.Add(material);
        await db.SaveChangesAsync();
        return material.Id;
    });
}

public sealed class BoardApiSqliteTests(SqliteAppFactory app) : BoardApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BoardApiPostgresTests(PostgresAppFactory app) : BoardApiTests(app), IClassFixture<PostgresAppFactory>;
