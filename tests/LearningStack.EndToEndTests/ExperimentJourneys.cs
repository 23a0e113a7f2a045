using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Journeys through experiment design: designing a probe with the form, concluding it, and starting the next round from it.
/// Each journey starts its own cycle, so it depends on no demo experiment.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExperimentJourneys(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task ConcludedExperimentSpawnsAnIterationAndTheLineageShowsBoth()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        var unique = Guid.NewGuid().ToString("N")[..6];
        await StartCycleAsync(page, $"Food support team {unique}");

        // The cycle's experiments panel says there are none yet, and offers to design one.
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Experiments", Exact = true }) });
        await Expect(panel).ToContainTextAsync("No experiments yet.");
        await panel.GetByRole(AriaRole.Link, new() { Name = "Design an experiment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Design an experiment", Level = 1 })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the empty design form");
        await Journey.ScreenshotAsync(page, "experiments-1-design-form-1280");

        // Saving with nothing filled in explains what is needed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the design" }).ClickAsync();
        await Expect(page.GetByText("Give the experiment a short title.").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the design form with errors");

        // A probe: an open question, one suggested safe-to-fail rule and one of our own, a timescale and a data plan.
        var first = $"Shopping together {unique}";
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(first);
        await page.GetByLabel("Probe", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Inquiry questions").FillAsync("What happens when a caseworker goes shopping with a resident?\nWhat do residents notice?");
        await page.GetByLabel("Nothing we try harms the people we serve").CheckAsync();
        await page.GetByLabel("Your own rules").FillAsync("We only go when the resident asks us to");
        await page.GetByLabel("Starts on").FillAsync("2026-03-02");
        await page.GetByLabel("Review point 1").FillAsync("2026-03-16");
        await page.GetByLabel("Planned end").FillAsync("2026-04-13");
        await page.GetByLabel("Narrative").CheckAsync();
        await page.GetByLabel("Who gathers it").FillAsync("Caseworkers, in a shared diary");
        await page.GetByLabel("Reflect together every … days").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the design" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = first, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Experiment saved.")).ToBeVisibleAsync();
        var rules = page.Locator("section#safe-to-fail");
        await Expect(rules).ToContainTextAsync("Nothing we try harms the people we serve");
        await Expect(rules).ToContainTextAsync("We only go when the resident asks us to");
        await Expect(page.Locator("section.prompts")).ToContainTextAsync("Name someone who could stop this experiment");
        await Journey.AssertAccessibleAsync(page, "a newly designed probe");
        await Journey.ScreenshotAsync(page, "experiments-2-probe-1280");

        // Co-design: who designed it, who could stop it, what we will try, and a comment on one section.
        var people = page.Locator("section#people");
        await people.GetByText("Add someone").ClickAsync();
        await people.GetByLabel("Name or role").FillAsync("Sam, a resident");
        await people.GetByLabel("Designed it with us").CheckAsync();
        await people.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Added to who is involved.")).ToBeVisibleAsync();
        people = page.Locator("section#people");
        await Expect(people).ToContainTextAsync("Who designed this: Sam, a resident");
        await people.GetByText("Add someone").ClickAsync();
        await people.GetByLabel("Name or role").FillAsync("The duty manager");
        await people.GetByLabel("Could stop it").CheckAsync();
        await people.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("section#people")).ToContainTextAsync("The duty manager — Could stop it");
        await Expect(page.Locator("section.prompts")).ToHaveCountAsync(0);

        var actions = page.Locator("section#actions");
        await actions.GetByText("Add something to try").ClickAsync();
        await actions.GetByLabel("What you will try").FillAsync("Go shopping together once a week");
        await actions.GetByLabel("Why").FillAsync("To see the choices residents face");
        await actions.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("section#actions")).ToContainTextAsync("Go shopping together once a week");

        await page.GetByLabel("Which part").SelectOptionAsync(new SelectOptionValue { Label = "Safe-to-fail rules" });
        await page.GetByLabel("Your comment").FillAsync("Should we add a rule about keeping receipts private?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Expect(page.Locator("section#safe-to-fail")).ToContainTextAsync("keeping receipts private");
        await Journey.AssertAccessibleAsync(page, "a probe with people, an action and a comment");
        await Journey.ScreenshotAsync(page, "experiments-2b-codesigned-1280");
        await page.Locator("section#safe-to-fail").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Remove") }).ClickAsync();
        await Expect(page.GetByText("Removed.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("section#safe-to-fail")).Not.ToContainTextAsync("keeping receipts private");

        // Changing what was added opens the same form, filled in. Someone else saving first is explained, and nothing typed is lost.
        actions = page.Locator("section#actions");
        await actions.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Edit") }).ClickAsync();
        await Expect(actions.GetByLabel("What you will try")).ToHaveValueAsync("Go shopping together once a week");
        await actions.GetByLabel("Why").FillAsync("To see the choices residents face, and what they would change");
        var colleague = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(colleague, "steward@demo.learningstack.org");
        await colleague.GotoAsync(page.Url);
        await colleague.Locator("section#actions").GetByLabel("What you will try").FillAsync("Go shopping together every week");
        await colleague.Locator("section#actions").GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(colleague.GetByText("Changes saved to what you will try.")).ToBeVisibleAsync();
        await actions.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        actions = page.Locator("section#actions");
        await Expect(actions.GetByText("Someone else changed this while you were editing").First).ToBeVisibleAsync();
        await Expect(actions.Locator("ol.items")).ToContainTextAsync("Go shopping together every week");
        await Expect(actions.GetByLabel("Why")).ToHaveValueAsync("To see the choices residents face, and what they would change");
        await Journey.AssertAccessibleAsync(page, "an edit that met someone else's change");
        await Journey.ScreenshotAsync(page, "experiments-2c-edit-conflict-1280");
        await actions.GetByLabel("What you will try").FillAsync("Go shopping together every week");
        await actions.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("Changes saved to what you will try.")).ToBeVisibleAsync();
        await Expect(page.Locator("section#actions")).ToContainTextAsync("Why: To see the choices residents face, and what they would change");

        people = page.Locator("section#people");
        await people.GetByRole(AriaRole.Link, new() { Name = "Edit The duty manager" }).ClickAsync();
        await Expect(people.GetByLabel("Name or role")).ToHaveValueAsync("The duty manager");
        await Expect(people.GetByLabel("Could stop it")).ToBeCheckedAsync();
        await people.GetByLabel("Others listen to them").CheckAsync();
        await Journey.AssertAccessibleAsync(page, "a participant open for editing");
        await Journey.ScreenshotAsync(page, "experiments-2d-editing-participant-1280");
        await people.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("Changes saved to who is involved.")).ToBeVisibleAsync();
        await Expect(page.Locator("section#people")).ToContainTextAsync("The duty manager — Others listen to them, Could stop it");
        await Expect(page.Locator("section#people").GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true })).ToBeHiddenAsync();
        await Journey.AssertAccessibleAsync(page, "the page after editing an action and a participant");
        await Journey.ScreenshotAsync(page, "experiments-2e-edited-1280");

        // Concluding needs the decision and both learnings; stopping short of that says what is missing.
        var lifecycle = page.Locator("section#lifecycle");
        await lifecycle.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Concluded" });
        await lifecycle.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(page.GetByText("Say what you decided").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the conclude form with errors");

        lifecycle = page.Locator("section#lifecycle");
        await lifecycle.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Concluded" });
        await lifecycle.GetByLabel("Try another round").CheckAsync();
        await lifecycle.GetByLabel("What we learned about the work").FillAsync("Residents valued the company more than the advice on prices.");
        await lifecycle.GetByLabel("What we learned about how we organise").FillAsync("Caseworkers need time in their week that is not booked with appointments.");
        await lifecycle.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(page.GetByText("State changed.")).ToBeVisibleAsync();
        await Expect(page.Locator(".state-line")).ToContainTextAsync("Decided: Try another round");
        await Journey.AssertAccessibleAsync(page, "a concluded probe");

        // The next round, started from the concluded one.
        var second = $"Shopping together, round two {unique}";
        await page.GetByLabel("Title of the new experiment").FillAsync(second);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new experiment from this one" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = second, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("New experiment started from the earlier one.")).ToBeVisibleAsync();
        var lineage = page.Locator("section#lineage");
        await Expect(lineage.GetByRole(AriaRole.Link, new() { Name = first, Exact = true })).ToBeVisibleAsync();
        await Expect(lineage.Locator("[aria-current=page]")).ToContainTextAsync(second);
        await Expect(lineage).ToContainTextAsync("Concluded · Try another round");
        await Expect(page.Locator("section#safe-to-fail")).ToContainTextAsync("We only go when the resident asks us to");

        // The next round's timescale is its own: change it through the section's "Change" link.
        await page.Locator("section#timescale").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change the design", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(second);
        await Expect(page.GetByLabel("Nothing we try harms the people we serve")).ToBeCheckedAsync();
        await page.GetByLabel("Starts on").FillAsync("2026-05-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("Design saved.")).ToBeVisibleAsync();
        await Expect(page.Locator("section#timescale")).ToContainTextAsync("4 May 2026");
        await Journey.AssertAccessibleAsync(page, "the new round with its lineage");
        await Journey.ScreenshotAsync(page, "experiments-3-iteration-1280");
        var secondUrl = page.Url;

        // On a phone: the new round's page, and the cycle's board with both experiments.
        var phone = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(phone, "steward@demo.learningstack.org");
        await phone.GotoAsync(secondUrl);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = second, Level = 1 })).ToBeVisibleAsync();
        await Expect(phone.Locator("section#lineage").GetByRole(AriaRole.Link, new() { Name = first, Exact = true })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(phone, "the new round on a phone");
        await Journey.ScreenshotAsync(phone, "experiments-4-iteration-360");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Experiments", Exact = true }).First.ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Experiments", Level = 1 })).ToBeVisibleAsync();
        await Expect(phone.Locator("section", new() { Has = phone.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Concluded") }) })).ToContainTextAsync(first);
        await Journey.AssertAccessibleAsync(phone, "the cycle's experiment board on a phone");
        await Journey.ScreenshotAsync(phone, "experiments-5-board-360");

        // The network's list of experiments, filtered to concluded ones.
        await phone.GetByRole(AriaRole.Link, new() { Name = "Across the network" }).ClickAsync();
        await phone.GetByLabel("Cycle").SelectOptionAsync(new SelectOptionValue { Label = $"Food support team {unique}" });
        await phone.GetByLabel("State").SelectOptionAsync(new SelectOptionValue { Label = "Concluded" });
        await phone.GetByLabel("Tag").FillAsync("");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = first, Exact = true })).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = second, Exact = true })).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(phone, "the network's experiments filtered on a phone");
        await Journey.ScreenshotAsync(phone, "experiments-6-network-list-360");
        output.WriteLine($"Lineage checked for {first} → {second}");
    }

    /// <summary>Starts a team-scale cycle in the Gateshead demo network and leaves the page on it.</summary>
    private static async Task StartCycleAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a Learning Cycle" })).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Scale").SelectOptionAsync(new SelectOptionValue { Label = "Team" });
        await page.GetByLabel("Purpose").FillAsync("People who struggle to afford food get support early, from people who have time for them.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }
}
