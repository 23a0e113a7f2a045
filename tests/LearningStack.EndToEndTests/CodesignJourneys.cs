using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>The Co-design and Experiment stages end to end, through the pages only: a team designs a probe, shields it with a
/// countermeasure, runs it and records what happens; the cycle page shows the countermeasure in place.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CodesignJourneys(BrowserApp app)
{
    [Fact]
    public async Task TeamDesignsAProbeWithACountermeasureAndRunsIt()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        var unique = Guid.NewGuid().ToString("N")[..6];
        var cycleName = $"Welfare rights team {unique}";
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cycle" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(cycleName);
        await page.GetByLabel("Scale").SelectOptionAsync(new SelectOptionValue { Label = "Team" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = cycleName, Level = 1 })).ToBeVisibleAsync();

        // Co-design: a probe, with the questions and guardrails the team agreed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Design an experiment" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the design" }).ClickAsync();
        var title = page.GetByLabel("Title", new() { Exact = true });
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await title.GetAttributeAsync("aria-describedby") ?? "";
        await Expect(page.Locator($"[id='{describedBy.Split(' ')[^1]}']")).ToHaveTextAsync("Give the experiment a short title.");

        var probe = $"Phone back the same day {unique}";
        await title.FillAsync(probe);
        await page.GetByLabel("Probe", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Inquiry questions").FillAsync("What happens if every missed call is returned the same day?");
        await page.GetByLabel("Nothing we try harms the people we serve").CheckAsync();
        await page.GetByLabel("Who gathers it").FillAsync("Whoever makes the call, in the team diary");
        await page.GetByLabel("Narrative").CheckAsync();
        await page.GetByLabel("Reflect together every … days").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the design" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = probe, Level = 1 })).ToBeVisibleAsync();

        // A countermeasure shields it from the usual rule.
        var countermeasures = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Countermeasures", Exact = true }) });
        await countermeasures.GetByLabel("The usual rule or process").FillAsync("Call-backs are booked through the contact centre, within five working days");
        await countermeasures.GetByLabel("What we do instead").FillAsync("The caseworker who sees the missed call rings back the same day");
        await countermeasures.GetByLabel("Name or role").FillAsync("Contact centre manager");
        await countermeasures.GetByRole(AriaRole.Button, new() { Name = "Add countermeasure" }).ClickAsync();
        await Expect(page.GetByText("Countermeasure added.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "a designed probe with its countermeasure");
        await Journey.ScreenshotAsync(page, "codesign-1-probe-with-countermeasure-1280");

        // It runs, and the first story comes in.
        var lifecycle = page.Locator("section#lifecycle");
        await lifecycle.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Running" });
        await lifecycle.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(page.GetByText("State changed.")).ToBeVisibleAsync();
        await Expect(page.Locator(".state-line")).ToContainTextAsync("Running");

        await page.GetByText("Add a note", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Rang back a resident within the hour: she had been about to give up on us.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.GetByText("Evidence added.")).ToBeVisibleAsync();
        await Expect(page.GetByText("about to give up on us").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "a running probe with its first note");

        // The cycle page shows the experiment running and the countermeasure in place.
        await page.GetByRole(AriaRole.Link, new() { Name = cycleName }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = cycleName, Level = 1 })).ToBeVisibleAsync();
        var inPlace = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Countermeasures in place", Exact = true }) });
        await Expect(inPlace).ToContainTextAsync("Call-backs are booked through the contact centre");
        var experiments = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Experiments", Exact = true }) });
        await Expect(experiments.GetByRole(AriaRole.Link, new() { Name = probe })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the cycle page with a running experiment");
        await Journey.ScreenshotAsync(page, "codesign-2-cycle-1280");
    }
}
