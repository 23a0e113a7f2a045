using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class StewardJourneys(BrowserApp app)
{
    public static TheoryData<int> Widths => [.. Journey.Widths];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task StewardCreatesACycleAndConnectsItToTheTeamBelow(int width)
    {
        var page = await Journey.NewPageAsync(app, width);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a Learning Cycle" })).ToBeVisibleAsync();

        // Submitting empty shows clear messages and loses nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Expect(page.GetByText("Give the cycle a name").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the new-cycle form with errors");

        var name = $"Neighbourhood welfare forum {width}";
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Scale").SelectOptionAsync(new SelectOptionValue { Label = "Organisation" });
        await page.GetByLabel("Purpose").FillAsync("People in every neighbourhood can get help with money before it becomes a crisis.");
        await page.GetByLabel("Boundary").FillAsync("In: council welfare staff, two housing associations, the food bank. Who is missing?");
        await page.GetByLabel("Convened around an issue").CheckAsync();
        await page.GetByLabel("Alex Rivers (System Steward)").CheckAsync();
        await Journey.ScreenshotAsync(page, $"steward-1-new-cycle-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Cycle created.")).ToBeVisibleAsync();

        // Linking to a cycle two scales away is refused with the reason.
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect" }).ClickAsync();
        var options = await page.GetByLabel("Connect with").Locator("option").AllTextContentsAsync();
        Assert.DoesNotContain("Caseworker and resident conversations", options);
        await page.GetByLabel("Connect with").SelectOptionAsync(new SelectOptionValue { Label = "Housing support team" });
        await page.GetByLabel("What the larger cycle learns from the smaller one").FillAsync("Where rent arrears and debt meet in the same households.");
        await page.GetByLabel("How the larger cycle enables the smaller one").FillAsync("Brings the housing associations to the table.");
        await Journey.AssertAccessibleAsync(page, "the connect form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();

        await Expect(page.GetByText("Link created.")).ToBeVisibleAsync();
        var learnsFrom = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Connected cycles" }) });
        await Expect(learnsFrom.GetByRole(AriaRole.Link, new() { Name = "Housing support team", Exact = true })).ToBeVisibleAsync();

        // Connecting the same pair again is refused, with a message that says why.
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect" }).ClickAsync();
        await page.GetByLabel("Connect with").SelectOptionAsync(new SelectOptionValue { Label = "Housing support team" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already linked");

        // Set a stage, add a reflection, answer a design question.
        await page.GotoAsync(page.Url.Replace("/connect", "", StringComparison.Ordinal));
        await page.GetByText("Change stage statuses").ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Understand the system", Exact = true }).SelectOptionAsync("Active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save stages" }).ClickAsync();
        await Expect(page.GetByText("Stage statuses saved.")).ToBeVisibleAsync();

        await page.GetByText("Add a reflection or review").ClickAsync();
        await page.GetByLabel("What did you notice? What did you learn?").FillAsync("First meeting: the food bank sees people **weeks** before we do. <script>alert('x')</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add reflection" }).ClickAsync();
        await Expect(page.GetByText("Reflection added.")).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline strong", new() { HasText = "weeks" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".timeline script").CountAsync());

        await page.Locator(".question-actions a").First.ClickAsync();
        await page.GetByLabel("Your answer").FillAsync("The forum itself, starting from what residents told the food bank.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(page.GetByText("Answer saved.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "a design question");

        // Back on the stack, the new cycle sits in the Organisation band and the link is listed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        var organisation = page.Locator("section.band", new() { Has = page.Locator(".band-title", new() { HasText = "Organisation" }) });
        await Expect(organisation.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Where rent arrears and debt meet");
        await Journey.AssertAccessibleAsync(page, "the stack after connecting");
        await Journey.ScreenshotAsync(page, $"steward-2-stack-{width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StewardRenamesTheNetworkAndAScale()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create network" }).ClickAsync();
        await Expect(page.GetByText("Give the network a name").First).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync("Renfrew test network");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create network" }).ClickAsync();
        await Expect(page.GetByText("Network created.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No cycles at this scale yet.").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Renfrewshire learning network");
        await page.GetByLabel("Description").FillAsync("Health and social care partners.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Renfrewshire learning network", Level = 1 })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "network settings");

        await page.GetByRole(AriaRole.Link, new() { Name = "Scales" }).ClickAsync();
        await page.GetByLabel("Name of scale 4").FillAsync("Locality");
        await page.Locator("form", new() { Has = page.GetByLabel("Name of scale 4") }).GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(page.GetByText("Scale renamed.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Locality" }).ClickAsync();
        await Expect(page.GetByText("Scale removed.")).ToBeVisibleAsync();
        await Expect(page.Locator(".scale-row")).ToHaveCountAsync(4);
        await Journey.AssertAccessibleAsync(page, "the scales page");
        await Journey.ScreenshotAsync(page, "steward-3-scales-1280");
        await page.Context.CloseAsync();
    }
}
