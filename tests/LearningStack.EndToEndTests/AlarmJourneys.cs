using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Governance alarms: a steward sees on the team cycle's page that a countermeasure outlived its experiment (the demo's
/// library drop-in clinic, stopped 50 days ago), follows "how to resolve it" to end it, checks now, and sees the alarm resolved.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlarmJourneys(BrowserApp app)
{
    private const string Rule = "Debt advice is given only by appointment at the council's offices.";

    [Fact]
    public async Task StewardSeesForgottenCountermeasureAlarmAndResolvesIt()
    {
        Guid teamId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            teamId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cycles
                .Where(c => c.Name == "Debt and welfare support team").Select(c => c.Id).SingleAsync();
        }
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");

        // The cycle page shows the alarm: why (which countermeasure, since when) and how to resolve it.
        await page.GotoAsync($"/cycles/{teamId}");
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Governance alarms") }) });
        var alarm = panel.Locator("article").Filter(new() { HasText = Rule });
        await Expect(alarm).ToContainTextAsync("“Drop-in debt clinic at the library” concluded on");
        await Expect(alarm).ToContainTextAsync("How to resolve it");
        await Journey.AssertAccessibleAsync(page, "the cycle page with its alarms (1280 px)");
        await Journey.ScreenshotAsync(page, "alarms-0-cycle-page-1280");

        // "How to resolve it" leads to the experiment's form for ending the countermeasure.
        await alarm.GetByRole(AriaRole.Link, new() { NameRegex = new("^End the countermeasure, or make it the new normal") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"End the countermeasure “{Rule}”" })).ToBeVisibleAsync();
        await page.GetByLabel("Removed: the usual rule applies again").CheckAsync();
        await page.GetByLabel("Why?").FillAsync("The clinic stopped; advice is by appointment again, and the residents' panel is choosing the next place with us.");
        await page.GetByRole(AriaRole.Button, new() { Name = "End the countermeasure" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"End the countermeasure “{Rule}”" })).ToHaveCountAsync(0);

        // Checking now resolves the alarm; it is kept on the cycle's alarms page.
        await page.GotoAsync($"/cycles/{teamId}/alarms");
        var open = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Open") }) });
        await Expect(open.Locator("article").Filter(new() { HasText = Rule })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();
        await Expect(page.GetByText("Checked just now")).ToBeVisibleAsync();
        await Expect(open.Locator("article").Filter(new() { HasText = Rule })).ToHaveCountAsync(0);
        var resolved = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Resolved") }) });
        await Expect(resolved.Locator("article").Filter(new() { HasText = Rule })).ToContainTextAsync("Resolved");
        await Journey.AssertAccessibleAsync(page, "the cycle's alarms page after checking (1280 px)");
        await Journey.ScreenshotAsync(page, "alarms-1-resolved-1280");

        // The steward's digest and the thresholds page, on a phone.
        var phone = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(phone, "steward@demo.learningstack.org");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Alarms", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Governance alarms for you" })).ToBeVisibleAsync();
        await Expect(phone.Locator("main")).Not.ToContainTextAsync(Rule);
        await Journey.AssertAccessibleAsync(phone, "the steward's digest (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(phone, "the steward's digest (360 px)");
        await Journey.ScreenshotAsync(phone, "alarms-2-digest-360");
    }
}
