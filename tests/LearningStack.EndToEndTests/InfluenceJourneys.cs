using System.Text.RegularExpressions;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>
/// Journeys through the Embed and influence stage: an issue routed up the Gateshead stack and accepted by the organisation cycle,
/// and a steward recording what became business as usual, retiring the countermeasure it made unnecessary.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InfluenceJourneys(BrowserApp app)
{
    [Fact]
    public async Task TeamRoutesALevel2IssueToTheOrganisationCycleWhichAcceptsIt()
    {
        var description = $"Arrears letters frighten residents away from help {Unique()}";
        var (teamId, orgId) = await WithDbAsync(async db => (
            await db.Cycles.Where(c => c.Name == "Debt and welfare support team").Select(c => c.Id).SingleAsync(),
            await db.Cycles.Where(c => c.Name == "Council finance and audit").Select(c => c.Id).SingleAsync()));
        var issueId = await AddIssueAsync(teamId, description);

        // The team's caseworker routes it up to the organisation cycle from the issue page.
        var number = await WithDbAsync(db => db.Issues.Where(i => i.Id == issueId).Select(i => i.Number).SingleAsync());
        var caseworker = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(caseworker, "practitioner@demo.learningstack.org");
        await caseworker.GotoAsync($"/issues/{issueId}");
        await caseworker.GetByLabel("Route to").SelectOptionAsync(new SelectOptionValue { Label = "Council finance and audit (Organisation)" });
        await caseworker.GetByLabel("Why they can act on it (optional)").FillAsync("The letters are written by council finance");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Route the issue" }).ClickAsync();
        var routes = caseworker.Locator("section#routes");
        await Expect(routes).ToContainTextAsync("Council finance and audit");
        await Expect(routes).ToContainTextAsync("Waiting");
        await Journey.AssertAccessibleAsync(caseworker, "the issue page after routing (1280 px)");
        await Journey.ScreenshotAsync(caseworker, "influence-0-issue-routed-1280");

        // The organisation's steward sees it in the cycle's inbox with where it came from, and accepts it into their issue log.
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        await page.GotoAsync($"/cycles/{orgId}");
        var inbox = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Inbox from connected cycles", Exact = true }) });
        var item = inbox.Locator("article").Filter(new() { HasText = description });
        await Expect(item).ToContainTextAsync($"From Debt and welfare support team → issue #{number} → Insight from 'Team meeting 3 March'");
        await Expect(item).ToContainTextAsync("Waiting");
        await Journey.AssertAccessibleAsync(page, "the organisation cycle's inbox (1280 px)");
        await item.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Accept or decline") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^Answer issue #{number} from") })).ToBeVisibleAsync();
        await page.GetByLabel("Decline, saying why").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(page.GetByText("Say why you are declining").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the answer form with an error (1280 px)");
        await page.GetByLabel("Accept: we will work on it").CheckAsync();
        await page.GetByLabel("Add to our issue log").CheckAsync();
        await page.GetByLabel("Response to the cycle that sent it").FillAsync("We will rewrite the letters with residents this spring.");
        await Journey.ScreenshotAsync(page, "influence-1-inbox-answer-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(page.GetByText("Accepted. The cycle that sent it can see your response.")).ToBeVisibleAsync();

        // The whole inbox keeps the answered route, with the issue it became in the organisation's own log.
        await page.GotoAsync($"/cycles/{orgId}/inbox");
        var answered = page.Locator("article").Filter(new() { HasText = description });
        await Expect(answered).ToContainTextAsync("Accepted");
        await Expect(answered).ToContainTextAsync("Council finance and audit's issue log");
        await Journey.AssertAccessibleAsync(page, "the whole inbox (1280 px)");
        await Journey.ScreenshotAsync(page, "influence-2-inbox-page-1280");

        // The team, on a phone, sees it accepted and the response.
        var phone = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(phone, "practitioner@demo.learningstack.org");
        await phone.GotoAsync($"/cycles/{teamId}");
        var outgoing = phone.Locator("section", new() { Has = phone.GetByRole(AriaRole.Heading, new() { Name = "Embed and influence", Exact = true }) });
        var sent = outgoing.Locator("article").Filter(new() { HasText = description });
        await Expect(sent).ToContainTextAsync("To Council finance and audit");
        await Expect(sent).ToContainTextAsync("Accepted");
        await Expect(sent).ToContainTextAsync("We will rewrite the letters with residents this spring.");
        await sent.ScrollIntoViewIfNeededAsync();
        await Journey.AssertAccessibleAsync(phone, "the team's routed issues (360 px)");
        await Journey.ScreenshotAsync(phone, "influence-3-team-sees-accepted-360");

        // The stack's layer counts it on the team–organisation link and lists it.
        await page.GotoAsync($"/networks/{await NetworkOfAsync(teamId)}?layer=flows");
        var layer = page.Locator("section#flows");
        await Expect(layer.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the stack with the flows layer (1280 px)");
        await Journey.ScreenshotAsync(page, "influence-4-stack-flows-1280");
        await layer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("issues routed between Debt and welfare support team and Council finance and audit") }).ClickAsync();
        await Expect(page.Locator("article").Filter(new() { HasText = description })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "what passed along one link (1280 px)");
    }

    [Fact]
    public async Task StewardRecordsAnEmbeddingThatRetiresACountermeasure()
    {
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        var cycleId = await StartCycleAsync(page, $"Embedding team {Unique()}");
        var experimentId = await AddExperimentAsync(cycleId, "Keep cases open");
        await AddCountermeasureAsync(cycleId, experimentId, "Cases are closed after three contacts");

        await page.GotoAsync($"/cycles/{cycleId}");
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Embed and influence", Exact = true }) });
        await panel.GetByRole(AriaRole.Link, new() { Name = "embedding register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Embedding register", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nothing embedded yet.")).ToBeVisibleAsync();

        // Saving with nothing typed says what to do.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Expect(page.GetByText("Say what became business as usual.").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the embedding form with errors (360 px)");

        await page.GetByLabel("What became business as usual", new() { Exact = true }).FillAsync("Cases stay open for as long as the resident wants");
        await page.GetByLabel("Process", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("What it replaced (optional)").FillAsync("Closing cases after three contacts");
        await page.GetByLabel("Business as usual since").FillAsync("2026-03-01");
        await page.GetByLabel("Experiment: Keep cases open").CheckAsync();
        await page.GetByLabel(new Regex("^Cases are closed after three contacts")).CheckAsync();
        await Journey.ScreenshotAsync(page, "embedding-1-form-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Expect(page.GetByText("Recorded in the embedding register.")).ToBeVisibleAsync();
        var entry = page.Locator("article").Filter(new() { HasText = "Cases stay open for as long as the resident wants" });
        await Expect(entry).ToContainTextAsync("Countermeasures that became the new normal: Cases are closed after three contacts");
        await Expect(entry).ToContainTextAsync("Business as usual since 1 March 2026");
        await Journey.AssertAccessibleAsync(page, "the embedding register (360 px)");
        await Journey.ScreenshotAsync(page, "embedding-2-register-360");

        // The countermeasure now shows as having become the new normal.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync($"/cycles/{cycleId}/countermeasures?status=NewNormal");
        await Expect(page.GetByText("Cases are closed after three contacts").First).ToBeVisibleAsync();
        await page.GotoAsync($"/cycles/{cycleId}/embedding");
        await Journey.AssertAccessibleAsync(page, "the embedding register (1280 px)");
        await Journey.ScreenshotAsync(page, "embedding-3-register-1280");
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>Starts a team-scale cycle in the Gateshead demo network; returns its id and leaves the page on it.</summary>
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

    private Task<Guid> NetworkOfAsync(Guid cycleId) => WithDbAsync(db => db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync());

    private Task<Guid> AddIssueAsync(Guid cycleId, string description) => WithDbAsync(async db =>
    {
        var networkId = await db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var issue = new Issue
        {
            Description = description, NetworkId = networkId, CycleId = cycleId, Level = IssueLevel.System, Owner = IssueOwner.Leadership, Status = IssueStatus.Open,
            Source = IssueSource.Insight, SourceLabel = "Insight from 'Team meeting 3 March'", Number = await IssueNumbering.NextAsync(db, cycleId, default),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    });

    private async Task<Guid> AddExperimentAsync(Guid cycleId, string title) => await WithDbAsync(async db =>
    {
        var networkId = await db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync();
        var experiment = new Experiment { Title = title, NetworkId = networkId, CycleId = cycleId, State = ExperimentState.Running, CreatedAt = DateTimeOffset.UtcNow };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    });

    private Task AddCountermeasureAsync(Guid cycleId, Guid experimentId, string rule) => WithDbAsync(async db =>
    {
        var networkId = await db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync();
        db.Countermeasures.Add(new Countermeasure
        {
            Rule = rule, Instead = "Cases stay open while the resident wants", NetworkId = networkId, CycleId = cycleId, ExperimentId = experimentId,
            AgreedByName = "Head of service", From = new DateOnly(2026, 1, 5), Status = CountermeasureStatus.Active, CreatedAt = DateTimeOffset.UtcNow,
        });
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
}
