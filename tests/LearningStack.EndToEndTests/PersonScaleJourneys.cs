using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Journeys at the person scale: a case file kept with the person, their own words first, measures shaped by them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonScaleJourneys(BrowserApp app)
{
    private const string Caseworker = "practitioner@demo.learningstack.org";
    private const string Resident = "resident@demo.learningstack.org";

    [Fact]
    public async Task PractitionerAndPersonRateMeasuresTogetherAndSeeTheStarChange()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, Caseworker);

        // From the person-scale cycle to Pat's file.
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Caseworker and resident conversations" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Case files of this cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case files", Level = 1 })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the case files of a person-scale cycle");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What matters to them, in their words" })).ToBeVisibleAsync();
        await Expect(page.Locator("blockquote.statement-text", new() { HasText = "Seeing my grandchildren on Sundays" })).ToBeVisibleAsync();
        await Expect(page.Locator(".case-note.is-private .badge", new() { HasText = "Practitioners only" }).First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "a case file (practitioner)");
        await Journey.ScreenshotAsync(page, "person-1-case-file-1280");

        // The measures: the star of first and latest readings, drawn and tabled.
        await page.GetByRole(AriaRole.Link, new() { Name = "What we measure" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The star: first and latest" })).ToBeVisibleAsync();
        var money = page.Locator(".star-table tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Money day to day" }) });
        await Expect(money.Locator("td").Nth(1)).ToContainTextAsync("6 on");
        await Expect(page.Locator("canvas[data-measure-star]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => !!document.querySelector('canvas[data-measure-star]').measureChart");

        // Rate together: a rating without a note where they disagree is refused, and nothing is lost.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Together" }).CheckAsync();
        await page.Locator("label[for^='r-']", new() { HasText = "Money day to day: 8" }).ClickAsync();
        var home = page.Locator("fieldset.rate-dimension", new() { Has = page.GetByText("A home that feels safe", new() { Exact = true }) });
        await home.Locator("label.scale-point", new() { HasText = "7" }).ClickAsync();
        await home.GetByText("We see this differently").ClickAsync();
        await home.GetByLabel("I see it as").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the readings" }).ClickAsync();
        await Expect(page.GetByText("You see \"A home that feels safe\" differently").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the rating form with an error");
        await Expect(page.Locator("#r-" + await home.Locator("input[type=hidden]").GetAttributeAsync("value") + "-7")).ToBeCheckedAsync();
        await home.GetByLabel("Why we see it differently").FillAsync("Pat feels safe; the damp in the bedroom worries me.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the readings" }).ClickAsync();
        await Expect(page.GetByText("Readings saved.")).ToBeVisibleAsync();

        // The star changed: the latest reading of money is now 8, the first is still 2.
        await Expect(money.Locator("td").Nth(1)).ToContainTextAsync("8 on");
        await Expect(money.Locator("td").Nth(0)).ToContainTextAsync("2 on");
        await page.WaitForFunctionAsync("() => !!document.querySelector('canvas[data-measure-star]').measureChart");
        await Expect(page.GetByText("the damp in the bedroom worries me").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the measures after rating together");
        await Journey.ScreenshotAsync(page, "person-2-measures-star-1280");

        // Pat sees the same star in her own file, and rates on her own.
        var pat = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(pat, Resident, "Your own file");
        await pat.GetByRole(AriaRole.Link, new() { Name = "Open my file" }).ClickAsync();
        await pat.GetByRole(AriaRole.Link, new() { Name = "What we measure" }).ClickAsync();
        var patMoney = pat.Locator(".star-table tr", new() { Has = pat.GetByRole(AriaRole.Rowheader, new() { Name = "Money day to day" }) });
        await Expect(patMoney.Locator("td").Nth(1)).ToContainTextAsync("8 on");
        await Expect(pat.GetByRole(AriaRole.Radio, new() { Name = "Together" })).ToHaveCountAsync(0);
        await pat.Locator("label[for^='r-']", new() { HasText = "Getting out and about: 9" }).ClickAsync();
        await pat.GetByRole(AriaRole.Button, new() { Name = "Save the readings" }).ClickAsync();
        await Expect(pat.GetByText("Readings saved.")).ToBeVisibleAsync();
        var patOut = pat.Locator(".star-table tr", new() { Has = pat.GetByRole(AriaRole.Rowheader, new() { Name = "Getting out and about" }) });
        await Expect(patOut.Locator("td").Nth(1)).ToContainTextAsync("9 on");
        await Expect(pat.GetByText("rated by the person").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(pat, "the measures (the person)");
        await pat.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PersonSignsInOnAPhoneAndAddsWhatMattersToThem()
    {
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, Resident, "Your own file");
        await Journey.AssertAccessibleAsync(page, "the resident's home page (360 px)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open my file" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What matters to me" })).ToBeVisibleAsync();
        await Expect(page.Locator("blockquote.statement-text", new() { HasText = "Keeping the flat warm this winter" })).ToBeVisibleAsync();

        // Notes marked practitioners-only never reach her; the rest of the file does.
        await Expect(page.GetByText("First visit. The fridge was empty", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("sometimes takes her bank card", new() { Exact = false })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Practitioners only")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Add a visit, call or note")).ToHaveCountAsync(0);

        // Adding what matters: an empty entry is refused with a clear message, then her words are saved as hers.
        await page.GetByText("Add what matters to me").ClickAsync();
        var form = page.Locator("form", new() { Has = page.GetByLabel("In your own words") }).First;
        await form.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(page.GetByText("Write it down in the person's own words.").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "what matters, refused empty (360 px)");
        var words = $"Getting my allotment back in spring {Guid.NewGuid().ToString("N")[..4]}";
        await page.GetByLabel("In your own words").First.FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("Added to what matters.")).ToBeVisibleAsync();
        var entry = page.Locator("li.statement", new() { HasText = words });
        await Expect(entry).ToContainTextAsync("written by them");
        await Journey.AssertNoSidewaysScrollAsync(page, "her file at 360 px");
        await Journey.AssertAccessibleAsync(page, "her file with her words (360 px)");
        await Journey.ScreenshotAsync(page, "person-3-my-file-360");

        // She can see who has looked at her file.
        await page.GetByRole(AriaRole.Link, new() { Name = "Who can see it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who has looked at this file" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.access-log")).ToContainTextAsync("Case file page");
        await Journey.AssertNoSidewaysScrollAsync(page, "the access log at 360 px");
        await Journey.AssertAccessibleAsync(page, "who can see my file (360 px)");
        await Journey.ScreenshotAsync(page, "person-4-access-log-360");

        // She tells a story into her own file, though she is not a member of the network.
        await page.GetByRole(AriaRole.Link, new() { Name = "My stories" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tell a story" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Experience of the debt and welfare service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tell your story" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "telling a story into her file (360 px)");
        var story = $"The letter from the council made sense once we read it together {Guid.NewGuid().ToString("N")[..4]}";
        await page.GetByLabel("Your story", new() { Exact = true }).FillAsync(story);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the story" }).ClickAsync();
        await Expect(page.GetByText("Story saved. Thank you for telling it.")).ToBeVisibleAsync();
        await Expect(page.Locator("article.story-card", new() { HasText = story })).ToContainTextAsync("entered by Pat");
        await Journey.AssertNoSidewaysScrollAsync(page, "her stories at 360 px");
        await Journey.AssertAccessibleAsync(page, "her stories (360 px)");
        await Journey.ScreenshotAsync(page, "person-5-my-stories-360");
        await page.Context.CloseAsync();
    }
}
