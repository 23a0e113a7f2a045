using System.Text.RegularExpressions;
using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Managing a cycle: the Gateshead steward writes a stage's plan, reads the team's resources as figures, a chart and a table,
/// notes a barrier and routes it, in one step, to the connected finance and audit cycle.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ManagingJourneys(BrowserApp app)
{
    [Fact]
    public async Task StewardPlansStageAndRoutesBarrier()
    {
        var (teamId, orgId) = await WithDbAsync(async db => (
            await db.Cycles.Where(c => c.Name == "Debt and welfare support team").Select(c => c.Id).SingleAsync(),
            await db.Cycles.Where(c => c.Name == "Council finance and audit").Select(c => c.Id).SingleAsync()));
        var barrier = $"Card limits reset only at month end, so late-month needs wait {Guid.NewGuid().ToString("N")[..6]}";
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");

        // From the cycle page to managing it.
        await page.GotoAsync($"/cycles/{teamId}");
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Managing this cycle", Exact = true }) });
        await panel.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Managing this cycle", Level = 1 })).ToBeVisibleAsync();

        // The demo's resources are plain figures with a chart and a table beside it: no colours, just words.
        await Expect(page.GetByText("Caseworkers' time for learning (two, part-time)").First).ToBeVisibleAsync();
        await Expect(page.GetByText("12 hours more than planned this month").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('canvas[data-managing-chart]')?.managingChart !== undefined");

        // The experiment fund counts the team's spend log: card purchases count as used without being written down twice.
        var fund = page.Locator("article", new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Experiment fund for on-the-spot spending") }) });
        await Expect(fund).ToContainTextAsync(new Regex(@"Counts the spend log: £[\d,]+\.\d\d from \d+ purchases in the spend log since"));
        await fund.GetByRole(AriaRole.Link, new() { Name = "Uses and details of Experiment fund for on-the-spot spending" }).ClickAsync();
        await Expect(page.GetByText(new Regex("^Purchases logged in the spend log count here on their own"))).ToBeVisibleAsync();
        await Expect(page.GetByLabel("The spend log draws on it (money)")).ToBeCheckedAsync();
        await Journey.AssertAccessibleAsync(page, "a fund that counts the spend log (1280 px)");
        await Journey.ScreenshotAsync(page, "managing-0-fund-counts-spend-log-1280");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the spend log", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cycles/{teamId}/spend$"));
        await page.GotoAsync($"/cycles/{teamId}/managing");

        // Plan the Co-design stage.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Write|Change) the plan for Co-design$") }).ClickAsync();
        await page.GetByLabel("What will happen").FillAsync("Two sessions to shape card rules that audit can trust");
        await page.GetByLabel("Who will be convened").FillAsync("Caseworkers, the team leader, internal audit, two residents");
        await page.GetByLabel("When", new() { Exact = true }).FillAsync("Tuesday mornings next month");
        await Journey.AssertAccessibleAsync(page, "the plan form (1280 px)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        var plan = page.Locator("article", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Co-design", Exact = true }) });
        await Expect(plan).ToContainTextAsync("Two sessions to shape card rules that audit can trust");
        await Expect(plan).ToContainTextAsync("Tuesday mornings next month");

        // Note a barrier, then route it to the connected finance and audit cycle in one step.
        await page.GetByText("Note something that helps or gets in the way").ClickAsync();
        await page.GetByLabel("What is it?").FillAsync(barrier);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the log" }).ClickAsync();
        await Expect(page.GetByText("Added to the enablers and barriers log.")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('canvas[data-managing-chart]')?.managingChart !== undefined");
        await Journey.AssertAccessibleAsync(page, "the managing page (1280 px)");
        await Journey.ScreenshotAsync(page, "managing-1-page-1280");
        await page.GetByRole(AriaRole.Link, new() { Name = barrier }).ClickAsync();
        await page.GetByLabel("Connected cycle").SelectOptionAsync(orgId.ToString());
        await page.GetByLabel("Why they could remove it (optional)").FillAsync("Finance sets the card limits");
        await Journey.AssertAccessibleAsync(page, "a barrier before routing (1280 px)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Route as an issue to that cycle" }).ClickAsync();
        await Expect(page.GetByText("Routed. It is now an issue in this cycle's log, waiting for Council finance and audit to answer.")).ToBeVisibleAsync();
        var route = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Who could remove it?" }) });
        await Expect(route).ToContainTextAsync("Waiting");
        await Journey.AssertAccessibleAsync(page, "a routed barrier (1280 px)");
        await Journey.ScreenshotAsync(page, "managing-2-routed-barrier-1280");

        // The issue is in this cycle's log and the route waits in finance and audit's inbox.
        await route.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^issue #\\d+$") }).ClickAsync();
        await Expect(page.GetByText(barrier).First).ToBeVisibleAsync();
        var routed = await WithDbAsync(db => db.IssueRoutes.CountAsync(r => r.ToCycleId == orgId && db.Issues.Any(i => i.Id == r.IssueId && i.Description == barrier && i.CycleId == teamId)));
        Assert.Equal(1, routed);

        // On a phone: nothing scrolls sideways, and the page still passes axe.
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync($"/cycles/{teamId}/managing");
        await page.WaitForFunctionAsync("() => document.querySelector('canvas[data-managing-chart]')?.managingChart !== undefined");
        await Journey.AssertAccessibleAsync(page, "the managing page (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(page, "the managing page (360 px)");
        await Journey.ScreenshotAsync(page, "managing-3-page-360");
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
