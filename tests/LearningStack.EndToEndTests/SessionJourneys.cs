using System.Text.RegularExpressions;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Journeys through sense-making sessions: planning one with the voices in the room and the evidence to look at, and
/// sharing its record. Each journey starts its own cycle.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SessionJourneys(BrowserApp app)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task TeamLeaderPlansASessionWithVoicesAndMaterials(int width)
    {
        var page = await Journey.NewPageAsync(app, width);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        var cycleId = await StartCycleAsync(page, $"Money advice {Unique()}");
        await AddExperimentAsync(cycleId, "Home visits instead of letters");
        await page.ReloadAsync();

        // The cycle page invites planning the first session.
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Sense-making sessions", Exact = true }) });
        await Expect(panel.GetByText("No sessions yet.")).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Link, new() { Name = "Plan a session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan a session", Level = 1 })).ToBeVisibleAsync();

        // A call link that is not a web address is explained, and what was typed stays.
        await page.GetByLabel("Title").FillAsync("First month of home visits");
        await page.GetByLabel("Call link").FillAsync("teams meeting room 4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the session" }).ClickAsync();
        await Expect(page.GetByText("Enter the call link as a web address").First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("First month of home visits");
        await Journey.AssertAccessibleAsync(page, $"the plan-a-session form with an error ({width} px)");
        await page.GetByLabel("Call link").FillAsync("https://meet.example.org/money-advice");
        await page.GetByLabel("Place").FillAsync("Civic Centre, room 2");
        await page.GetByLabel("A member of the network").SelectOptionAsync(new SelectOptionValue { Label = "Sam Okafor (caseworker)" });
        await page.GetByLabel("Purpose").FillAsync("Make sense of what residents told us in the first month");
        await Journey.ScreenshotAsync(page, $"sessions-1-plan-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "First month of home visits", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Session planned.")).ToBeVisibleAsync();
        var sessionId = Guid.Parse(SessionPath().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open the live board" })).ToHaveAttributeAsync("href", $"/sessions/{sessionId}/board");

        // People with their voices: a member, and a resident by role.
        var people = page.Locator("section#participants");
        await Expect(people.GetByText("Nobody added yet.")).ToBeVisibleAsync();
        await people.GetByLabel("A member of the network").SelectOptionAsync(new SelectOptionValue { Label = "Sam Okafor (caseworker)" });
        await people.GetByLabel("Voice they bring").SelectOptionAsync(new SelectOptionValue { Label = "Practitioner" });
        await people.GetByRole(AriaRole.Button, new() { Name = "Add to the session" }).ClickAsync();
        await Expect(page.GetByText("Participant added.")).ToBeVisibleAsync();
        await people.GetByLabel("A member of the network").SelectOptionAsync(new SelectOptionValue { Label = "Sam Okafor (caseworker)" });
        await people.GetByRole(AriaRole.Button, new() { Name = "Add to the session" }).ClickAsync();
        await Expect(people.GetByText("is already taking part in this session").First).ToBeVisibleAsync();
        await people.GetByLabel("A member of the network").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await people.GetByLabel("Role (optional)").FillAsync("Resident");
        await people.GetByLabel("Voice they bring").SelectOptionAsync(new SelectOptionValue { Label = "Other" });
        await people.GetByRole(AriaRole.Button, new() { Name = "Add to the session" }).ClickAsync();
        await Expect(page.GetByText("Participant added.")).ToBeVisibleAsync();

        // The resident's voice is corrected in place.
        await people.GetByRole(AriaRole.Link, new() { Name = "Change Resident's voice or role, or remove them" }).ClickAsync();
        var edit = people.GetByRole(AriaRole.Form, new() { Name = "Change Resident" });
        await edit.GetByLabel("Voice they bring").SelectOptionAsync(new SelectOptionValue { Label = "Person served / expert by experience" });
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Participant saved.")).ToBeVisibleAsync();
        await Expect(people.Locator("li").Filter(new() { HasText = "Resident" })).ToContainTextAsync("Person served / expert by experience");

        // What the group will look at: the experiment and the factor map, each linked.
        var materials = page.Locator("section#materials");
        await Expect(materials.GetByText("Nothing chosen yet.")).ToBeVisibleAsync();
        await materials.GetByLabel("Add something to review").SelectOptionAsync(new SelectOptionValue { Label = "Home visits instead of letters" });
        await materials.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Added to what the session reviews.")).ToBeVisibleAsync();
        await materials.GetByLabel("Add something to review").SelectOptionAsync(new SelectOptionValue { Label = "Factor map" });
        await materials.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(materials.GetByRole(AriaRole.Link, new() { Name = "Factor map", Exact = true })).ToHaveAttributeAsync("href", $"/cycles/{cycleId}/factor-map");
        await Expect(materials.GetByRole(AriaRole.Link, new() { Name = "Home visits instead of letters", Exact = true })).ToHaveAttributeAsync("href", new Regex("^/experiments/"));
        await Expect(page.GetByText("Nothing on the board yet.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, $"a planned session with voices and materials ({width} px)");
        await Journey.ScreenshotAsync(page, $"sessions-2-session-{width}");

        // The session meets; cards arrive on the board (the board itself is another journey); it ends.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        await Expect(page.GetByText("The session is live.")).ToBeVisibleAsync();
        await AddBoardAsync(sessionId);
        await page.GetByRole(AriaRole.Button, new() { Name = "End the session" }).ClickAsync();
        await Expect(page.GetByText("The session has ended.")).ToBeVisibleAsync();

        // The shareable record, and the Markdown download.
        await page.GetByRole(AriaRole.Link, new() { Name = "Shareable record", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "First month of home visits", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Letters go unopened for months")).ToBeVisibleAsync();
        await Expect(page.Locator(".insight-kind").First).ToContainTextAsync("Eureka");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Decisions" }).GetByText("Visit before writing")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Participants and voices" })).ToContainTextAsync("Person served / expert by experience");
        await Journey.AssertAccessibleAsync(page, $"a session's shareable record ({width} px)");
        await Journey.ScreenshotAsync(page, $"sessions-3-record-{width}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Markdown" }).ClickAsync());
        Assert.Matches(@"^session-\d{4}-\d{2}-\d{2}-first-month-of-home-visits\.md$", download.SuggestedFilename);
        var markdown = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("# First month of home visits", markdown, StringComparison.Ordinal);
        Assert.Contains("Letters go unopened for months (eureka)", markdown, StringComparison.Ordinal);
        Assert.Contains("Resident — Person served / expert by experience", markdown, StringComparison.Ordinal);

        // Back on the cycle page: the session and the voices that were present.
        await page.GotoAsync($"/cycles/{cycleId}");
        var voices = page.GetByRole(AriaRole.Region, new() { Name = "Voices in the last sessions" });
        await Expect(voices.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("First month of home visits");
        await Expect(page.GetByText("No one has taken part as a person served")).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page, $"the cycle page with its sessions and voices ({width} px)");
        await Journey.ScreenshotAsync(page, $"sessions-4-cycle-voices-{width}");
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static async Task<Guid> StartCycleAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cycle" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Scale").SelectOptionAsync(new SelectOptionValue { Label = "Team" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        return Guid.Parse(CyclePath().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value);
    }

    private async Task AddExperimentAsync(Guid cycleId, string title) => await WithDbAsync(async db =>
    {
        var networkId = await db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync();
        db.Experiments.Add(new Experiment { Title = title, NetworkId = networkId, CycleId = cycleId, State = ExperimentState.Running, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return true;
    });

    /// <summary>What people put on the live board during the session: a theme with a eureka card, and a decision.</summary>
    private Task AddBoardAsync(Guid sessionId) => WithDbAsync(async db =>
    {
        var s = await db.SenseMakingSessions.SingleAsync(x => x.Id == sessionId);
        var theme = new InsightTheme { NetworkId = s.NetworkId, CycleId = s.CycleId, SessionId = s.Id, Title = "Letters" };
        db.InsightThemes.Add(theme);
        db.InsightCards.AddRange(
            new InsightCard { NetworkId = s.NetworkId, CycleId = s.CycleId, SessionId = s.Id, ClientId = Guid.NewGuid(), ThemeId = theme.Id, Text = "Letters go unopened for months",
                AuthorName = "Sam Okafor (caseworker)", Kind = InsightKind.Eureka, CreatedAt = DateTimeOffset.UtcNow },
            new InsightCard { NetworkId = s.NetworkId, CycleId = s.CycleId, SessionId = s.Id, ClientId = Guid.NewGuid(), ThemeId = theme.Id, Text = "Visit before writing",
                AuthorName = "Resident", IsDecision = true, Position = 1, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return true;
    });

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [GeneratedRegex("^/cycles/([0-9a-f-]{36})$")]
    private static partial Regex CyclePath();

    [GeneratedRegex("^/sessions/([0-9a-f-]{36})$")]
    private static partial Regex SessionPath();
}
