using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Patterns across scales: the place steward opens the Gateshead place partnership's Patterns, finds "money" among the
/// problems in common and follows it back to the issues behind it; a caseworker records on a phone what was done on a visit and
/// tags what matters, which is what the work complexity matrix and the problems in common are built from.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PatternsJourneys(BrowserApp app)
{
    private const string PettyCash = "Petty cash takes three days to reach a caseworker";

    [Fact]
    public async Task PlaceStewardFollowsCommonProblemBackToIssues()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead place partnership" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Patterns", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patterns from the cycles below", Level = 1 })).ToBeVisibleAsync();

        // Problems in common: "money" is named by at least five people (so it is shown) and tagged on issues.
        var problems = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Problems and aspirations in common" }) });
        var money = problems.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "money", Exact = true }) });
        await Expect(money).ToBeVisibleAsync();
        await Expect(money.Locator("td").First).Not.ToContainTextAsync("fewer than");
        await Expect(problems.Locator("canvas")).ToBeVisibleAsync();
        await Expect(problems.Locator("details.patterns-how summary")).ToHaveTextAsync("How was this computed?");

        // The work complexity matrix and the community map are there, built from visits and life maps.
        var work = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Work complexity: which skills belong where" }) });
        await Expect(work.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Open and sort letters together" }) })).ToBeVisibleAsync();
        var map = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Community map: people's lives as one system" }) });
        await Expect(map).ToContainTextAsync("income");
        await Journey.AssertAccessibleAsync(page, "the place partnership's Patterns (1280 px)");
        await Journey.ScreenshotAsync(page, "patterns-0-place-1280");

        // Following the figure back: the issues tagged "money" in the cycles below, each linking to the issue itself.
        await money.GetByRole(AriaRole.Link, new() { NameRegex = new("tagged money$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Issues tagged \"money\"", Level = 1 })).ToBeVisibleAsync();
        var issue = page.GetByRole(AriaRole.Row).Filter(new() { HasText = PettyCash }).Filter(new() { HasText = "Debt and welfare support team" });
        await Expect(issue).ToContainTextAsync("Debt and welfare support team");
        await Journey.AssertAccessibleAsync(page, "the issues behind a pattern (1280 px)");
        await Journey.ScreenshotAsync(page, "patterns-1-issues-behind-1280");
        await issue.GetByRole(AriaRole.Link, new() { NameRegex = new("^#") }).ClickAsync();
        await Expect(page.GetByText(PettyCash).First).ToBeVisibleAsync();

        // On a phone the Patterns page reads without sideways scrolling.
        var phone = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(phone, "steward@demo.learningstack.org");
        Guid placeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            placeId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cycles
                .Where(c => c.Name == "Gateshead place partnership").Select(c => c.Id).SingleAsync();
        }
        await phone.GotoAsync($"/cycles/{placeId}/patterns");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Patterns from the cycles below", Level = 1 })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(phone, "the place partnership's Patterns (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(phone, "the place partnership's Patterns (360 px)");
        await Journey.ScreenshotAsync(phone, "patterns-2-place-360");
    }

    [Fact]
    public async Task CaseworkerRecordsTasksOnAVisitAndTagsWhatMatters()
    {
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        Guid fileId, networkId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (fileId, networkId) = await db.CaseFiles.Where(f => f.DisplayName == "Pat").Select(f => new ValueTuple<Guid, Guid>(f.Id, f.NetworkId)).SingleAsync();
        }
        await page.GotoAsync($"/cases/{fileId}");
        await page.GetByText("Add a visit, call or note").ClickAsync();
        await page.GetByLabel("What happened").FillAsync("Went through the council tax letters together and rang the benefits line about the late payment.");
        await page.GetByLabel("Open and sort letters together").CheckAsync();
        await page.GetByLabel("Sort a benefits claim").CheckAsync();
        await Journey.AssertAccessibleAsync(page, "the visit form with tasks (360 px)");
        await Journey.ScreenshotAsync(page, "patterns-3-visit-tasks-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the file" }).ClickAsync();
        var note = page.Locator(".case-note", new() { HasText = "council tax letters" });
        await Expect(note.Locator(".case-note-tasks")).ToHaveTextAsync("Done: Open and sort letters together · Sort a benefits claim");

        // Tags on what matters: the words stay the person's; only the labels are counted above.
        await page.GetByText("Add what matters to them").ClickAsync();
        await page.Locator("#statement-WhatMatters-text").FillAsync("Not dreading the post every morning.");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Tags" }).FillAsync("Money, letters ,  money");
        await page.Locator("form", new() { Has = page.GetByRole(AriaRole.Textbox, new() { Name = "Tags" }) }).GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var statement = page.Locator(".statement", new() { HasText = "Not dreading the post" });
        await Expect(statement.Locator(".statement-tags li")).ToHaveTextAsync(["money", "letters"]);
        await Journey.AssertNoSidewaysScrollAsync(page, "a case file with tasks and tags (360 px)");

        // What Pat chose to share about themselves, for counting in groups (the community map's filters).
        await page.GotoAsync($"/cases/{fileId}/consent");
        await page.GetByLabel("Age").SelectOptionAsync(new SelectOptionValue { Label = "50–64" });
        await page.GetByLabel("Gender").SelectOptionAsync(new SelectOptionValue { Label = "Woman" });
        await page.Locator("form", new() { Has = page.GetByLabel("Gender") }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved. It is used only in counts of groups of 5 or more people.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Age")).ToHaveValueAsync("From50To64");
        await Journey.AssertAccessibleAsync(page, "consent and what is shared for counting (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(page, "consent and what is shared for counting (360 px)");
        await Journey.ScreenshotAsync(page, "patterns-3b-about-360");

        // The network's task list: a member changes a task's complexity; the change is kept in its history.
        await page.GotoAsync($"/networks/{networkId}/tasks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tasks on visits", Level = 1 })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the network's task list (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(page, "the network's task list (360 px)");
        await Journey.ScreenshotAsync(page, "patterns-4-task-list-360");
        await page.GetByRole(AriaRole.Link, new() { Name = "Negotiate with a creditor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Negotiate with a creditor", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Complexity", new() { Exact = true }).SelectOptionAsync("4");
        await page.GetByLabel("Why the team judged it so").FillAsync("Creditors push back; it takes practice to hold the line.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Task saved.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Negotiate with a creditor" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Complexity: 3 → 4");
        await Journey.ScreenshotAsync(page, "patterns-5-task-history-360");
        await Journey.AssertAccessibleAsync(page, "a task with its history (360 px)");
    }
}
