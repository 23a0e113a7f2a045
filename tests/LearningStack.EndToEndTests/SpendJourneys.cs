using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Journeys through a cycle's spend log: a practitioner logs spend with a receipt, and the team sees what needs it met.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SpendJourneys(BrowserApp app)
{
    [Fact]
    public async Task PractitionerLogsASpendWithAReceiptAndTheTeamSeesFurnitureAsALargeShare()
    {
        var receipt = await ReceiptPngAsync();
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        var cycleName = $"Credit card team {Guid.NewGuid().ToString("N")[..6]}";
        var cycleId = await StartCycleAsync(page, cycleName);

        // From the cycle page: log a spend. An empty form says what is missing.
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Spend log", Exact = true }) });
        await Expect(panel.GetByText("No spend logged yet.")).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Link, new() { Name = "Log a spend" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the spend" }).ClickAsync();
        await Expect(page.GetByText("Give the amount spent").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the spend form with errors");
        await Journey.ScreenshotAsync(page, "spend-1-form-errors-1280");

        await page.GetByLabel("What was bought").FillAsync("A single bed and mattress");
        await page.GetByLabel("Amount").FillAsync("240");
        await page.GetByLabel("Or type a new need").FillAsync("Furniture");
        await page.GetByLabel("Receipt (optional)").SetInputFilesAsync(new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = receipt });
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the spend" }).ClickAsync();
        await Expect(page.GetByText("Spend logged.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A single bed and mattress", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "The receipt for A single bed and mattress" })).ToBeVisibleAsync();
        Assert.True(await page.GetByRole(AriaRole.Img).Last.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await Expect(page.GetByText("You made this spend, so someone else in the team signs it off.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the spend with its receipt");
        await Journey.ScreenshotAsync(page, "spend-2-entry-1280");

        // A second, smaller spend on another need, chosen as a new one.
        await page.GotoAsync($"/cycles/{cycleId}/spend/new");
        await page.GetByLabel("What was bought").FillAsync("Bus fare to the job centre");
        await page.GetByLabel("Amount").FillAsync("12.50");
        await page.GetByLabel("Or type a new need").FillAsync("Travel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the spend" }).ClickAsync();
        await Expect(page.GetByText("Spend logged.")).ToBeVisibleAsync();

        // The team view: furniture is the large share, in words, in a chart and in a table whose figures lead to the entries.
        await page.GotoAsync($"/cycles/{cycleId}/spend");
        await Expect(page.GetByText("2 entries, £252.50 in all.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the spend log (1280 px)");
        await Journey.ScreenshotAsync(page, "spend-3-log-1280");
        await page.GetByRole(AriaRole.Link, new() { Name = "Team view: spend by need" }).ClickAsync();
        var year = DateTime.UtcNow.Year;
        var share = page.GetByRole(AriaRole.Link, new() { Name = $"Furniture: £240.00, 95% of spend in {year}" });
        await Expect(share).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Travel: £12.50, 5% of spend in {year}" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('canvas[data-spend-chart]')?.spendChart !== undefined");
        await Journey.AssertAccessibleAsync(page, "the team view (1280 px)");
        await Journey.ScreenshotAsync(page, "spend-4-team-view-1280");
        var month = DateTime.UtcNow.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await page.GetByRole(AriaRole.Link, new() { Name = $"£240.00 on Furniture in {month}" }).ClickAsync();
        await Expect(page.GetByText($"1 entry matching the filters, £240.00 in all on Furniture in {month}.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "A single bed and mattress" })).ToBeVisibleAsync();

        // On a phone nothing scrolls sideways.
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync($"/cycles/{cycleId}/spend/summary");
        await Expect(share).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the team view (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(page, "the team view (360 px)");
        await Journey.ScreenshotAsync(page, "spend-5-team-view-360");
        await page.GotoAsync($"/cycles/{cycleId}/spend/new");
        await Journey.AssertAccessibleAsync(page, "the spend form (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(page, "the spend form (360 px)");
        await Journey.ScreenshotAsync(page, "spend-6-form-360");
        await page.GotoAsync($"/cycles/{cycleId}/spend");
        await Journey.AssertNoSidewaysScrollAsync(page, "the spend log (360 px)");

        // The demo team's two months on the credit cards show the same story: mostly furniture.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Debt and welfare support team" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Spend by need" }).ClickAsync();
        await Expect(page.GetByText("Furniture: £918.99", new() { Exact = false })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the demo team's spend by need");
        await Journey.ScreenshotAsync(page, "spend-7-demo-team-view-1280");
        await page.Context.CloseAsync();
    }

    /// <summary>A real PNG of a till receipt, drawn by the browser.</summary>
    private async Task<byte[]> ReceiptPngAsync()
    {
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 420 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <body style="margin:0;font:16px monospace;background:#fff">
              <div style="padding:24px;width:272px">
                <p style="text-align:center;font-weight:bold">REUSE FURNITURE CIC</p>
                <p>Single bed frame ....... £160.00<br>Mattress ............... £80.00</p>
                <p style="font-weight:bold">TOTAL .................. £240.00</p>
                <p>Paid by card · Thank you</p>
              </div>
            </body>
            """);
        var png = await page.ScreenshotAsync(new() { Type = ScreenshotType.Png });
        await context.CloseAsync();
        return png;
    }

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

    [GeneratedRegex("^/cycles/([0-9a-f-]{36})$")]
    private static partial Regex CyclePath();
}
