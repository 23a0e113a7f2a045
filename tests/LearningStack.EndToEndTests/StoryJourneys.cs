using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Micro-narratives: a steward opens an anonymous link for a story collection, someone tells a story on a phone without an
/// account, and the steward sees it in the collection's patterns.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoryJourneys(BrowserApp app)
{
    [Fact]
    public async Task AnonymousTellerSubmitsAStoryWithATriadFromAPhone()
    {
        // The steward starts a collection from a template and opens its anonymous link.
        var steward = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(steward, "steward@demo.learningstack.org");
        await steward.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).First.ClickAsync();
        await steward.GetByRole(AriaRole.Navigation, new() { Name = "Network" }).GetByRole(AriaRole.Link, new() { Name = "Stories" }).ClickAsync();
        await Expect(steward.GetByRole(AriaRole.Heading, new() { Name = "Story collections" })).ToBeVisibleAsync();
        await steward.GetByLabel("Experience of a service").CheckAsync();
        var title = $"Using the advice line {Guid.NewGuid().ToString("N")[..6]}";
        await steward.GetByLabel("Title (optional with a template)").FillAsync(title);
        await steward.GetByRole(AriaRole.Button, new() { Name = "Start the collection" }).ClickAsync();
        await Expect(steward.GetByRole(AriaRole.Heading, new() { Name = "Edit the collection" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(steward, "the collection editor");
        await steward.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await steward.GetByRole(AriaRole.Button, new() { Name = "Open a link" }).ClickAsync();
        var link = (await steward.Locator("code.new-link").InnerTextAsync()).Trim();
        Assert.Contains("/tell/", link, StringComparison.Ordinal);

        // Someone with the link tells a story on a phone, without an account.
        var phone = await Journey.NewPageAsync(app, 360);
        await phone.GotoAsync(link);
        await Expect(phone.GetByText("Tell us about a recent time you used this service.", new() { Exact = false })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(phone, "the anonymous telling page (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(phone, "the anonymous telling page");
        await phone.GetByLabel("Your story", new() { Exact = true }).FillAsync("I rang about my rent arrears. The adviser stayed on the line while I called the landlord, and we agreed a plan.");
        var triangle = phone.GetByRole(AriaRole.Img, new() { Name = "Triangle for “In this story I felt…”", Exact = false });
        await Expect(triangle).ToBeVisibleAsync();
        var box = (await triangle.BoundingBoxAsync())!;
        // Near the top corner ("listened to"): a little below the apex.
        await triangle.ClickAsync(new() { Position = new Position { X = box.Width / 2, Y = box.Height * 0.25f } });
        var listened = int.Parse(await phone.GetByLabel("listened to").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(listened, 55, 100);
        await phone.GetByLabel("The help fitted what I needed…", new() { Exact = false }).FillAsync("85");
        await phone.GetByLabel("the people I met").CheckAsync();
        await Journey.ScreenshotAsync(phone, "stories-1-tell-360");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send my story" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(phone, "the thank-you page (360 px)");
        await Journey.ScreenshotAsync(phone, "stories-2-thanks-360");

        // The steward sees it in the patterns: a point in the triangle, the table of counts, and the story behind the region.
        await steward.ReloadAsync();
        await Expect(steward.GetByText("1 story shown", new() { Exact = false })).ToBeVisibleAsync();
        var plot = steward.GetByRole(AriaRole.Group, new() { Name = "Ternary plot of 1 stories", Exact = false });
        await Expect(plot).ToBeVisibleAsync();
        await steward.GetByText("Table of the counts").First.ClickAsync();
        var table = steward.GetByRole(AriaRole.Table, new() { Name = "Stories per region for “In this story I felt…”" });
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "mostly listened to 1" })).ToBeVisibleAsync();
        // The slider the teller did not move is counted as not answered, not as the middle.
        var untouched = steward.GetByRole(AriaRole.Table, new() { Name = "Stories per tenth of the slider for “Getting help was…”", IncludeHidden = true });
        await Expect(untouched.GetByRole(AriaRole.Row, new() { Name = "Not answered 1", IncludeHidden = true })).ToHaveCountAsync(1);
        await Journey.AssertAccessibleAsync(steward, "the collection's patterns");
        await Journey.ScreenshotAsync(steward, "stories-3-patterns-1280");
        await table.GetByRole(AriaRole.Link, new() { Name = "1" }).First.ClickAsync();
        await Expect(steward.GetByText("The adviser stayed on the line", new() { Exact = false })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(steward, "the stories of a region");
        await Journey.ScreenshotAsync(steward, "stories-4-region-1280");
    }

    [Fact]
    public async Task PractitionerReadsThePatternsOfStoriesAndAddsOne()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Network" }).GetByRole(AriaRole.Link, new() { Name = "Stories" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Experience of the debt and welfare service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Ternary plot of", Exact = false })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the demo collection's patterns");
        await Journey.ScreenshotAsync(page, "stories-5-demo-patterns-1280");

        // Filter by a tag: the numbers change, and each still leads to its stories.
        await page.GetByLabel("What was it about?").SelectOptionAsync(new SelectOptionValue { Label = "waiting" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByText("(filtered)", new() { Exact = false })).ToBeVisibleAsync();

        // Add a story; an empty one is refused with a message.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a story" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the story" }).ClickAsync();
        await Expect(page.GetByText("Write your story, in your own words.").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the member's story form with an error");
        await page.GetByLabel("Your story", new() { Exact = true }).FillAsync("We met in the café rather than the office, and she told me about the debts for the first time.");
        await page.GetByLabel("in control").FillAsync("20");
        await page.GetByLabel("listened to").FillAsync("70");
        await page.GetByLabel("safe", new() { Exact = true }).FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the story" }).ClickAsync();
        await Expect(page.GetByText("Thank you: the story is saved.")).ToBeVisibleAsync();
    }
}
