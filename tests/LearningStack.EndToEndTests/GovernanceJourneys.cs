using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Governing a cycle: a member raises a concern in confidence with the cycle's scrutiny board, and the board responds.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GovernanceJourneys(BrowserApp app)
{
    private const string Caseworker = "practitioner@demo.learningstack.org";
    private const string Board = "board@demo.learningstack.org";
    private const string Steward = "steward@demo.learningstack.org";

    [Fact]
    public async Task MemberRaisesConcernAndBodyResponds()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var named = $"Caseworkers are asked to the finance sessions but never get to speak ({tag}).";
        var anonymous = $"Audit's notes of the sessions leave out what residents said ({tag}).";

        // Sam, a member, opens the organisation cycle and finds the governance panel.
        var sam = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(sam, Caseworker);
        await sam.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await sam.GetByRole(AriaRole.Link, new() { Name = "Council finance and audit" }).First.ClickAsync();
        var cycleId = CycleId().Match(sam.Url).Groups[1].Value;
        var panel = sam.Locator("section", new() { Has = sam.GetByRole(AriaRole.Heading, new() { Name = "Governance", Exact = true }) });
        await Expect(panel.GetByText("Scrutiny board")).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Link, new() { Name = "Raise a concern in confidence" }).ClickAsync();

        // An empty concern says what is missing; then a named concern, then an anonymous one.
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Raise a concern", Level = 1 })).ToBeVisibleAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send to the Scrutiny board" }).ClickAsync();
        await Expect(sam.GetByText("Say what worries you").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(sam, "the concern form with errors");
        await Journey.ScreenshotAsync(sam, "governance-1-concern-form-errors-1280");
        await sam.GetByLabel("Your concern").FillAsync(named);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send to the Scrutiny board" }).ClickAsync();
        await Expect(sam.GetByText("Your concern has gone to the Scrutiny board.")).ToBeVisibleAsync();
        await Expect(sam.GetByText("The body can see that it came from you.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(sam, "a named concern sent");
        await Journey.ScreenshotAsync(sam, "governance-2-concern-sent-1280");
        await sam.GotoAsync($"/cycles/{cycleId}/governance/concerns/new");
        await sam.GetByLabel("Your concern").FillAsync(anonymous);
        await sam.GetByLabel("Raise it without my name (anonymously)").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send to the Scrutiny board" }).ClickAsync();
        await Expect(sam.GetByText("Nothing about you was kept with it")).ToBeVisibleAsync();
        var code = (await sam.Locator(".concern-code code").InnerTextAsync()).Trim();
        Assert.Matches("^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$", code);
        await Journey.AssertAccessibleAsync(sam, "an anonymous concern sent, with its follow-up code");

        // Sam's own concerns list the named one only; the body's list is not there for Sam, nor for the steward who is not on the body.
        await sam.GotoAsync("/concerns/mine");
        await Expect(sam.GetByText(named)).ToBeVisibleAsync();
        await Expect(sam.GetByText(anonymous)).ToHaveCountAsync(0);
        await sam.GotoAsync($"/cycles/{cycleId}/governance/concerns");
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "We could not find that" })).ToBeVisibleAsync();
        var alex = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(alex, Steward);
        await alex.GotoAsync($"/cycles/{cycleId}/governance/concerns");
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "We could not find that" })).ToBeVisibleAsync();
        await alex.GotoAsync($"/cycles/{cycleId}/history");
        await Expect(alex.GetByText(named)).ToHaveCountAsync(0);
        await Expect(alex.GetByText(anonymous)).ToHaveCountAsync(0);

        // Jo, on the scrutiny board, reads the governance page and both concerns — the anonymous one without a name — and responds.
        var jo = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(jo, Board);
        await jo.GotoAsync($"/cycles/{cycleId}/governance");
        await Expect(jo.GetByRole(AriaRole.Heading, new() { Name = "Scrutiny board", Level = 2 })).ToBeVisibleAsync();
        await Expect(jo.GetByText("Cllr Maureen Aldridge")).ToBeVisibleAsync();
        await Expect(jo.GetByText("Two caseworkers and a resident came to the last session")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(jo, "the governance page (board member)");
        await Journey.ScreenshotAsync(jo, "governance-3-governance-page-1280");
        await jo.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Concerns for the body") }).ClickAsync();
        var namedItem = jo.Locator("li", new() { HasText = named });
        var anonymousItem = jo.Locator("li", new() { HasText = anonymous });
        await Expect(namedItem).ToContainTextAsync("Sam Okafor");
        await Expect(anonymousItem).ToContainTextAsync("Anonymous");
        await Expect(anonymousItem).Not.ToContainTextAsync("Sam");
        await Journey.AssertAccessibleAsync(jo, "the body's concerns");
        await Journey.ScreenshotAsync(jo, "governance-4-concerns-1280");
        await namedItem.GetByRole(AriaRole.Link).ClickAsync();
        await jo.GetByLabel("Responded").CheckAsync();
        await jo.GetByLabel("What the body says").FillAsync("We met the team: from next month a caseworker opens each finance session.");
        await jo.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Expect(jo.GetByText("Response saved.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(jo, "a concern with the body's response");
        await Journey.ScreenshotAsync(jo, "governance-5-responded-1280");

        // Sam sees the response.
        await sam.GotoAsync("/concerns/mine");
        await Expect(sam.Locator("li", new() { HasText = named })).ToContainTextAsync("1 response from the body.");
        await sam.Locator("li", new() { HasText = named }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(sam.GetByText("a caseworker opens each finance session")).ToBeVisibleAsync();
        await Expect(sam.GetByRole(AriaRole.Button, new() { Name = "Save response" })).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(sam, "the sender reads the response");
        await Journey.ScreenshotAsync(sam, "governance-6-sender-reads-response-1280");

        // On a phone: the governance page, the concern form and the concern, with nothing scrolling sideways.
        await jo.SetViewportSizeAsync(360, 800);
        await jo.GotoAsync($"/cycles/{cycleId}/governance");
        await Journey.AssertAccessibleAsync(jo, "the governance page (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(jo, "the governance page (360 px)");
        await Journey.ScreenshotAsync(jo, "governance-7-governance-page-360");
        await sam.SetViewportSizeAsync(360, 800);
        await sam.GotoAsync($"/cycles/{cycleId}/governance/concerns/new");
        await Journey.AssertAccessibleAsync(sam, "the concern form (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(sam, "the concern form (360 px)");
        await Journey.ScreenshotAsync(sam, "governance-8-concern-form-360");
        await jo.GotoAsync($"/cycles/{cycleId}/governance/concerns");
        await Journey.AssertNoSidewaysScrollAsync(jo, "the body's concerns (360 px)");
        await Journey.ScreenshotAsync(jo, "governance-9-concerns-360");

        // The body answers the anonymous concern too; Sam reads the answer with the follow-up code, on a phone.
        await jo.Locator("li", new() { HasText = anonymous }).GetByRole(AriaRole.Link).ClickAsync();
        await jo.GetByLabel("Looking into it").CheckAsync();
        await jo.GetByLabel("What the body says").FillAsync("We are reading a month of session notes against the recordings.");
        await jo.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Expect(jo.GetByText("Response saved.")).ToBeVisibleAsync();
        await sam.GotoAsync("/concerns/mine");
        await sam.GetByRole(AriaRole.Link, new() { Name = "type its follow-up code" }).ClickAsync();
        await sam.GetByLabel("Follow-up code").FillAsync("22222-22222-22222-22222");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Show the response" }).ClickAsync();
        await Expect(sam.GetByText("No concern has this code.").First).ToBeVisibleAsync();
        await sam.GetByLabel("Follow-up code").FillAsync(code.ToLowerInvariant());
        await sam.GetByRole(AriaRole.Button, new() { Name = "Show the response" }).ClickAsync();
        await Expect(sam.GetByText(anonymous)).ToBeVisibleAsync();
        await Expect(sam.GetByText("reading a month of session notes")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(sam, "an anonymous concern followed with its code (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(sam, "an anonymous concern followed with its code (360 px)");
        await Journey.ScreenshotAsync(sam, "governance-10-anonymous-follow-up-360");
    }

    [GeneratedRegex(@"/cycles/([0-9a-f-]{36})")]
    private static partial Regex CycleId();
}
