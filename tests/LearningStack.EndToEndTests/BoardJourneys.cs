using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>
/// Journeys on a sense-making session's live board: several people in the room add insight cards from their own devices and
/// see each other's at once, and group them into themes with the keyboard as well as by dragging.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardJourneys(BrowserApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 3_000 };

    [Fact]
    public async Task ThreeParticipantsAddInsightCardsLiveAndSeeEachOthers()
    {
        // A session of its own, with the three demo people all able to add cards.
        var sessionId = await SessionWithThreeMembersAsync();
        var people = new[]
        {
            (Email: "steward@demo.learningstack.org", Width: 1280, Card: "Residents ring back when the same person answers"),
            (Email: "practitioner@demo.learningstack.org", Width: 1280, Card: "Letters go unopened for months"),
            (Email: "board@demo.learningstack.org", Width: 360, Card: "Trust grows when we keep the case open"),
        };
        var pages = new List<IPage>();
        foreach (var person in people)
        {
            var page = await Journey.NewPageAsync(app, person.Width);
            await Journey.SignInAsync(page, person.Email);
            await page.GotoAsync($"/sessions/{sessionId}/board");
            await Expect(page.GetByRole(AriaRole.Status).GetByText("Connected", new() { Exact = true })).ToBeVisibleAsync();
            pages.Add(page);
        }
        await Expect(pages[0].GetByText("Here now:")).ToContainTextAsync("Jo Patel");

        // Each adds a card with Enter; everyone sees all three within a second or two.
        for (var i = 0; i < pages.Count; i++)
        {
            var box = pages[i].GetByLabel("Add an insight");
            await box.FillAsync(people[i].Card);
            await box.PressAsync("Enter");
            await Expect(box).ToHaveValueAsync("");
        }
        foreach (var page in pages)
        {
            foreach (var person in people)
            {
                await Expect(page.Locator("li.board-card", new() { HasText = person.Card })).ToBeVisibleAsync(Live);
            }
        }

        // The steward starts a theme; the caseworker moves a card into it from the keyboard ('Move to'), and the others see it there.
        await pages[0].GetByLabel("Add a theme").FillAsync("Continuity");
        await pages[0].GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var card = pages[1].Locator("li.board-card", new() { HasText = people[0].Card });
        await Expect(card.GetByLabel("Move to").Locator("option", new() { HasText = "Continuity" })).ToHaveCountAsync(1, new() { Timeout = 3_000 });
        await card.GetByLabel("Move to").FocusAsync();
        await card.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Continuity" });
        foreach (var page in pages)
        {
            var theme = page.Locator("section.board-column", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Continuity") }) });
            await Expect(theme.Locator("li.board-card", new() { HasText = people[0].Card })).ToBeVisibleAsync(Live);
        }

        // The cards were saved: a fresh page drawn by the server shows them in their places.
        await pages[2].ReloadAsync();
        var grouped = pages[2].Locator("section.board-column", new() { Has = pages[2].GetByRole(AriaRole.Heading, new() { NameRegex = new("^Continuity") }) });
        await Expect(grouped.Locator("li.board-card", new() { HasText = people[0].Card })).ToBeVisibleAsync();
        await Expect(pages[2].GetByRole(AriaRole.Status).GetByText("Connected", new() { Exact = true })).ToBeVisibleAsync();

        await Journey.AssertAccessibleAsync(pages[0], "the live board (1280 px)");
        await Journey.AssertAccessibleAsync(pages[2], "the live board (360 px)");
        await Journey.ScreenshotAsync(pages[0], "board-1-live-1280");
        await Journey.ScreenshotAsync(pages[2], "board-2-live-360");
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ACardTypedWhileOfflineIsSentWhenThePageComesBackAndTheDraftIsKept()
    {
        var sessionId = await SessionWithThreeMembersAsync();
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        await page.GotoAsync($"/sessions/{sessionId}/board");
        await Expect(page.GetByRole(AriaRole.Status).GetByText("Connected", new() { Exact = true })).ToBeVisibleAsync();

        // As if the connection had dropped after this card was added and while the next was being typed: both are on the device only.
        var clientId = Guid.NewGuid();
        await page.EvaluateAsync("""
            ([id, clientId]) => {
              localStorage.setItem(`learningstack:board:${id}:pending`, JSON.stringify([{ clientId, text: "People wait longest for the second appointment" }]));
              localStorage.setItem(`learningstack:board:${id}:draft`, "Half-written thought");
            }
            """, new object[] { sessionId.ToString(), clientId.ToString() });
        await page.ReloadAsync();

        await Expect(page.Locator("li.board-card:not(.board-card-pending)", new() { HasText = "People wait longest for the second appointment" })).ToBeVisibleAsync(Live);
        await Expect(page.GetByLabel("Add an insight")).ToHaveValueAsync("Half-written thought");
        Assert.Null(await page.EvaluateAsync<string?>("id => localStorage.getItem(`learningstack:board:${id}:pending`)", sessionId.ToString()));
        await using var scope = app.Services.CreateAsyncScope();
        var stored = scope.ServiceProvider.GetRequiredService<AppDbContext>().InsightCards.Count(c => c.SessionId == sessionId && c.ClientId == clientId);
        Assert.Equal(1, stored);
        await page.Context.CloseAsync();
    }

    /// <summary>A network of its own (so the demo network's roles stay as they are) where the demo steward is steward and the
    /// caseworker and the scrutiny board member are members, with a team cycle, a live session and one map under review.</summary>
    private async Task<Guid> SessionWithThreeMembersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = DateTimeOffset.UtcNow;
        var network = new Network { Name = $"Board journey {Guid.NewGuid():N}"[..22], CreatedAt = now };
        var scale = new Scale { NetworkId = network.Id, Name = "Team", Kind = ScaleKind.Team, Position = 1 };
        network.Scales.Add(scale);
        foreach (var (email, role) in new[] { ("steward@demo.learningstack.org", NetworkRole.Steward), ("practitioner@demo.learningstack.org", NetworkRole.Member), ("board@demo.learningstack.org", NetworkRole.Member) })
        {
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}");
            network.Members.Add(new NetworkMember { NetworkId = network.Id, UserId = user.Id, Role = role, JoinedAt = now });
        }
        var cycle = new Cycle { NetworkId = network.Id, ScaleId = scale.Id, Name = "Front desk team", CreatedAt = now, UpdatedAt = now };
        var session = new SenseMakingSession { NetworkId = network.Id, CycleId = cycle.Id, Title = "Monthly sense-making", State = SessionState.Live, StartsAt = now, CreatedAt = now };
        db.Networks.Add(network);
        db.Cycles.Add(cycle);
        db.SenseMakingSessions.Add(session);
        db.SessionMaterials.Add(new SessionMaterial
        {
            NetworkId = network.Id, CycleId = cycle.Id, SessionId = session.Id, Kind = MaterialKind.Map, MapKind = "factors", TargetId = cycle.Id,
            Title = "Factor map", AddedAt = now,
        });
        await db.SaveChangesAsync();
        return session.Id;
    }
}
