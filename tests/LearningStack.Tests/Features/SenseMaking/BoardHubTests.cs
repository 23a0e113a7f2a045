using System.Collections.Concurrent;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.SenseMaking;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.SenseMaking;

/// <summary>The live board's SignalR hub: joining, adding cards (saved first, then shown to everyone once), refusals in words.</summary>
public abstract class BoardHubTests(AppFactory app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AddCard_Member_BothConnectionsReceiveItOnce()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var member = await BoardHubClient.ConnectAsync(app, network.Member);
        await using var observer = await BoardHubClient.ConnectAsync(app, network.Observer);
        var seenByMember = Listen(member);
        var seenByObserver = Listen(observer);
        await member.InvokeAsync<BoardView>("Join", sessionId);
        await observer.InvokeAsync<BoardView>("Join", sessionId);

        var ack = await member.InvokeAsync<CardView>("AddCard", sessionId, Guid.NewGuid(), "  People ring back when they know who answers  ");

        Assert.Equal("People ring back when they know who answers", ack.Text);
        Assert.Equal(network.Member.Name, ack.AuthorName);
        await Until(() => !seenByMember.IsEmpty && !seenByObserver.IsEmpty);
        await Task.Delay(300);
        Assert.Equal([ack.Id], seenByMember.Select(c => c.Id));
        Assert.Equal([ack.Id], seenByObserver.Select(c => c.Id));
    }

    [Fact]
    public async Task AddCard_SameClientIdTwice_StoredOnceAndShownOnce()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var member = await BoardHubClient.ConnectAsync(app, network.Member);
        var seen = Listen(member);
        await member.InvokeAsync<BoardView>("Join", sessionId);
        var clientId = Guid.NewGuid();

        var first = await member.InvokeAsync<CardView>("AddCard", sessionId, clientId, "Sent before the connection dropped");
        var again = await member.InvokeAsync<CardView>("AddCard", sessionId, clientId, "Sent before the connection dropped");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.InsightCards.CountAsync(c => c.SessionId == sessionId)));
        await Task.Delay(300);
        Assert.Single(seen);
    }

    [Fact]
    public async Task AddCard_Observer_RefusedInWords()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var observer = await BoardHubClient.ConnectAsync(app, network.Observer);
        await observer.InvokeAsync<BoardView>("Join", sessionId);

        var error = await Assert.ThrowsAsync<HubException>(() => observer.InvokeAsync<CardView>("AddCard", sessionId, Guid.NewGuid(), "An observer's idea"));

        Assert.Contains("role", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.InsightCards.CountAsync(c => c.SessionId == sessionId)));
    }

    [Fact]
    public async Task Negotiate_SignedOut_401NotARedirectOrAPage()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync(BoardEndpoints.HubPath + "/negotiate?negotiateVersion=1", content: null);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Join_Outsider_NotFound()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var outsider = await BoardHubClient.ConnectAsync(app, network.Cast.Outsider);

        var error = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<BoardView>("Join", sessionId));

        Assert.Contains("could not find", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AddCard_EndedSession_RefusedAsReadOnly()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app, SessionState.Ended);
        await using var member = await BoardHubClient.ConnectAsync(app, network.Member);
        var board = await member.InvokeAsync<BoardView>("Join", sessionId);

        var error = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<CardView>("AddCard", sessionId, Guid.NewGuid(), "Too late"));

        Assert.False(board.CanEdit);
        Assert.Contains("has ended", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCard_TooLong_RefusedWithTheLimit()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var member = await BoardHubClient.ConnectAsync(app, network.Member);
        await member.InvokeAsync<BoardView>("Join", sessionId);

        var error = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<CardView>("AddCard", sessionId, Guid.NewGuid(), new string('a', 501)));

        Assert.Contains("500 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_TwoTabsOfOnePerson_PresentOnce()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var tab1 = await BoardHubClient.ConnectAsync(app, network.Member);
        await using var tab2 = await BoardHubClient.ConnectAsync(app, network.Member);
        await using var other = await BoardHubClient.ConnectAsync(app, network.Observer);
        await tab1.InvokeAsync<BoardView>("Join", sessionId);
        await tab2.InvokeAsync<BoardView>("Join", sessionId);

        var board = await other.InvokeAsync<BoardView>("Join", sessionId);

        Assert.Equal([network.Member.Name, network.Observer.Name], board.Present.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task MoveCard_IntoTheme_OthersSeeTheChange()
    {
        var (network, _, sessionId) = await BoardTestData.BoardAsync(app);
        await using var member = await BoardHubClient.ConnectAsync(app, network.Member);
        await using var observer = await BoardHubClient.ConnectAsync(app, network.Observer);
        var changed = new ConcurrentQueue<CardView>();
        observer.On<CardView>("cardChanged", changed.Enqueue);
        await member.InvokeAsync<BoardView>("Join", sessionId);
        await observer.InvokeAsync<BoardView>("Join", sessionId);
        var card = await member.InvokeAsync<CardView>("AddCard", sessionId, Guid.NewGuid(), "Trust grows with continuity");
        var theme = await member.InvokeAsync<ThemeView>("AddTheme", sessionId, "Continuity");

        var moved = await member.InvokeAsync<CardView>("MoveCard", card.Id, theme.Id, 0);

        Assert.Equal(theme.Id, moved.ThemeId);
        await Until(() => changed.Any(c => c.Id == card.Id && c.ThemeId == theme.Id));
    }

    private static ConcurrentQueue<CardView> Listen(HubConnection connection)
    {
        var seen = new ConcurrentQueue<CardView>();
        connection.On<CardView>("cardAdded", seen.Enqueue);
        return seen;
    }

    private static async Task Until(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The board did not show the change in time.");
            await Task.Delay(20);
        }
    }
}

public sealed class BoardHubSqliteTests(SqliteAppFactory app) : BoardHubTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BoardHubPostgresTests(PostgresAppFactory app) : BoardHubTests(app), IClassFixture<PostgresAppFactory>;
