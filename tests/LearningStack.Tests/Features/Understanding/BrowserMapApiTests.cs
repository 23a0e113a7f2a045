using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Tests.Features.Understanding;

/// <summary>The copy of the map API that the map editor calls from the browser (/api/ui): the sign-in cookie instead of a bearer
/// token, the page's antiforgery token on every change, and the live feed of changes.</summary>
public abstract class BrowserMapApiTests(AppFactory app)
{
    [Fact]
    public async Task UiApi_NoCookie_401NotRedirect()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync($"/api/ui/cycles/{Guid.NewGuid()}/actor-map");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UiApi_BearerTokenOnly_401()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.GetAsync($"/api/ui/cycles/{cycle.Id}/actor-map");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UiApi_CookieWithPageToken_CreatesAndWithoutToken_400()
    {
        var (network, cycle, browser, token) = await SignedInBrowserAsync();

        using var withToken = await CookieBrowser.SendAsync(browser, HttpMethod.Post, $"/api/ui/cycles/{cycle}/actors", """{"name":"Resident","kind":"Person"}""", token);
        using var withoutToken = await CookieBrowser.SendAsync(browser, HttpMethod.Post, $"/api/ui/cycles/{cycle}/actors", """{"name":"Landlord","kind":"Organisation"}""", null);
        using var read = await browser.GetAsync($"/api/ui/cycles/{cycle}/actor-map");

        Assert.Equal(HttpStatusCode.Created, withToken.StatusCode);
        Assert.Equal("Antiforgery token missing or invalid", (await withoutToken.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Title);
        var map = await read.ReadAsync<ActorMapView>();
        Assert.Equal(["Resident"], map.Actors.Select(a => a.Name));
        Assert.Empty(await network.Outsider.GetAsync<List<object>>("/api/networks"));
    }

    [Fact]
    public async Task Events_AnotherPersonAddsFactor_ArrivesOnTheStream()
    {
        var (network, cycle, browser, _) = await SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/ui/cycles/{cycle}/maps/factor-map/events");
        using var response = await browser.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal("event: ready", await reader.ReadLineAsync(timeout.Token));

        await network.Steward.CreatedIdAsync($"/api/cycles/{cycle}/factors", new { name = "Waiting time" });

        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data: {", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Contains("\"entity\":\"factor\"", line, StringComparison.Ordinal);
        Assert.Contains("\"op\":\"upserted\"", line, StringComparison.Ordinal);
        Assert.Contains("Waiting time", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_Outsider_404()
    {
        var (network, cycle, _, _) = await SignedInBrowserAsync();
        var (outsiderBrowser, _) = await CookieBrowser.SignInAsync(app, network.Outsider.Email, null);

        using var response = await outsiderBrowser.GetAsync($"/api/ui/cycles/{cycle}/maps/actor-map/events");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Signs the network's member in through the real sign-in form and reads the antiforgery token from the actor map page.</summary>
    private async Task<(TestNetwork Network, Guid Cycle, HttpClient Browser, string Token)> SignedInBrowserAsync()
    {
        var network = await app.NewNetworkAsync();
        var cycle = (await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team")).Id;
        var (browser, token) = await CookieBrowser.SignInAsync(app, network.Member.Email, $"/cycles/{cycle}/actor-map");
        return (network, cycle, browser, token!);
    }
}

public sealed class BrowserMapApiSqliteTests(SqliteAppFactory app) : BrowserMapApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BrowserMapApiPostgresTests(PostgresAppFactory app) : BrowserMapApiTests(app), IClassFixture<PostgresAppFactory>;
