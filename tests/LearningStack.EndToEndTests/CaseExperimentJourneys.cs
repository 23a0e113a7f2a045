using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Person-scale experiments: trying something with one person, from their case file, and keeping what was noticed about them
/// in the file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseExperimentJourneys(BrowserApp app)
{
    private const string Caseworker = "practitioner@demo.learningstack.org";
    private const string Steward = "steward@demo.learningstack.org";

    [Fact]
    public async Task PractitionerStartsAnExperimentFromPatsFileAndKeepsANoteInIt()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, Caseworker);
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Caseworker and resident conversations" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Case files of this cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case files", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pat" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pat", Level = 1 })).ToBeVisibleAsync();
        var reference = (await page.Locator(".case-head .case-ref").InnerTextAsync()).Trim();

        // From Pat's file: try something with her. The design names her only by reference, and says where her details belong.
        await page.GetByRole(AriaRole.Link, new() { Name = "Try something with this person" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Design an experiment", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("The person's case file")).ToHaveValueAsync(await page.GetByRole(AriaRole.Option, new() { Name = reference }).GetAttributeAsync("value") ?? "");
        await Expect(page.GetByText("Write the practice here, not the person's details — personal details belong in the case file.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the design form of an experiment tried with one person");
        await Journey.ScreenshotAsync(page, "case-experiment-0-design-form-1280");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("What happens if we cook a meal together?");
        await page.GetByLabel("Probe", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Inquiry questions").FillAsync("What happens when we cook together before talking about money?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the design" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What happens if we cook a meal together?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".case-line")).ToContainTextAsync(reference);

        // A note about Pat, kept in her file (the form links it to her file by default).
        await page.GetByText("Add a note", new() { Exact = true }).ClickAsync();
        var noteForm = page.Locator("details.evidence-form", new() { Has = page.GetByText("Add a note", new() { Exact = true }) });
        await Expect(noteForm.GetByLabel("In a person's case file")).ToContainTextAsync(reference);
        await noteForm.GetByLabel("Note", new() { Exact = true }).FillAsync("Pat made her mum's stew and talked about the allotment she used to keep. She wants to try growing tomatoes on the balcony.");
        await noteForm.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.GetByText("Evidence added.")).ToBeVisibleAsync();
        var note = page.Locator(".evidence-entry", new() { HasText = "her mum's stew" });
        await Expect(note.Locator(".case-badge")).ToContainTextAsync(reference);
        await Journey.AssertAccessibleAsync(page, "an experiment tried with one person, with a note kept in their file");
        await Journey.ScreenshotAsync(page, "case-experiment-1-note-in-the-file-1280");

        // In Pat's file: what was tried with her, and what was noted.
        await note.Locator(".case-badge").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pat", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Experiments", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Experiments with this person" })).ToBeVisibleAsync();
        var tried = page.Locator(".case-experiments");
        await Expect(tried.GetByRole(AriaRole.Link, new() { Name = "What happens if we cook a meal together?" })).ToBeVisibleAsync();
        await Expect(tried.GetByRole(AriaRole.Link, new() { Name = "What happens if we go grocery shopping together?" })).ToBeVisibleAsync();
        await Expect(page.Locator(".case-evidence")).ToContainTextAsync("tomatoes on the balcony");
        await Expect(page.Locator(".case-evidence")).ToContainTextAsync("Pat chose the shop");
        await Journey.AssertAccessibleAsync(page, "the experiments tab of a case file");
        await Journey.ScreenshotAsync(page, "case-experiment-2-case-file-tab-1280");

        // The steward, who does not work with Pat, sees the experiment by reference and only a count of what is in her file.
        var steward = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(steward, Steward);
        await steward.GotoAsync(page.Url);
        await Expect(steward.GetByRole(AriaRole.Heading, new() { Name = "We could not find that" })).ToBeVisibleAsync();
        await steward.GotoAsync(await tried.GetByRole(AriaRole.Link, new() { Name = "What happens if we cook a meal together?" }).GetAttributeAsync("href") ?? "/");
        await Expect(steward.Locator(".case-line")).ToContainTextAsync(reference);
        await Expect(steward.GetByText("1 entry is linked to a case file you are not working on")).ToBeVisibleAsync();
        await Expect(steward.GetByText("tomatoes on the balcony")).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(steward, "an experiment tried with one person, seen by someone not working with them");
        await Journey.ScreenshotAsync(steward, "case-experiment-3-steward-sees-a-count-1280");
        await steward.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
