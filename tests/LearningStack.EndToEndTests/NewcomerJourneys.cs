using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class NewcomerJourneys(BrowserApp app)
{
    public static TheoryData<int> Widths => [.. Journey.Widths];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task NewcomerSignsInAndWalksTheDemoStack(int width)
    {
        var page = await Journey.NewPageAsync(app, width);
        await page.GotoAsync("/");
        await Journey.AssertAccessibleAsync(page, "the landing page");

        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        await Journey.AssertAccessibleAsync(page, "your networks");
        await Journey.ScreenshotAsync(page, $"newcomer-1-networks-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gateshead (demo)", Level = 1 })).ToBeVisibleAsync();
        // Bands from Region / Country at the top down to Person / Practitioner.
        var bands = page.Locator(".band-title");
        await Expect(bands.First).ToContainTextAsync("Region / Country");
        await Expect(bands.Last).ToContainTextAsync("Person / Practitioner");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Every link in this stack" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Caseworker and resident conversations");
        await Journey.AssertAccessibleAsync(page, "the stack view");
        await Journey.ScreenshotAsync(page, $"newcomer-2-stack-{width}");
        if (width < 700)
        {
            // On a phone the lines are not drawn; each card lists its links instead.
            await Expect(page.Locator(".stack-lines:not(.stack-labels)")).ToBeHiddenAsync();
            await Expect(page.Locator(".stack-labels")).ToBeHiddenAsync();
            var card = page.Locator(".cycle-card", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Debt and welfare support team", Exact = true }) });
            await Expect(card.Locator(".cycle-card-links")).ToContainTextAsync("Learns from Caseworker and resident conversations");
        }
        else
        {
            await Expect(page.Locator(".stack-line.vertical").First).ToBeAttachedAsync();
        }

        await page.Locator("a.cycle-card-name", new() { HasText = "Debt and welfare support team" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Debt and welfare support team", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("People of Gateshead lead thriving lives, free from debt.").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Council finance and audit" }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("The spend log shows a lot of furniture")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Design questions for a team cycle" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the cycle page");
        await Journey.ScreenshotAsync(page, $"newcomer-3-cycle-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History of “Debt and welfare support team”" })).ToBeVisibleAsync();
        await Expect(page.GetByText("demo seed").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the cycle history");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task VisitorOpensAnUnknownCycleAndSeesAFriendlyNotFound()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "board@demo.learningstack.org");
        await page.GotoAsync($"/cycles/{Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that" })).ToBeVisibleAsync();
        await page.GotoAsync("/no/such/page");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the not-found page");
        await page.Context.CloseAsync();
    }
}
