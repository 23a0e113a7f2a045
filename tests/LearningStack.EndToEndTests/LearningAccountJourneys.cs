using System.Text.RegularExpressions;
using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Helping to account: a member of the scrutiny board asks a question on the Gateshead team's published learning account, the
/// system steward answers it, and she sees the answer kept with the account — plus the account's printable page in print media.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningAccountJourneys(BrowserApp app)
{
    [Fact]
    public async Task GovernanceMemberAsksQuestionOnLearningAccountAndStewardAnswers()
    {
        var question = $"How did residents help shape the credit-card probe? ({Guid.NewGuid().ToString("N")[..6]})";
        var answer = "Two residents from the panel reviewed the spending principles with us in the March session.";
        var teamId = await WithDbAsync(db => db.Cycles.Where(c => c.Name == "Debt and welfare support team").Select(c => c.Id).SingleAsync());

        // Jo, an observer, finds the latest account from the cycle page.
        var jo = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(jo, "board@demo.learningstack.org");
        await jo.GotoAsync($"/cycles/{teamId}");
        var panel = jo.Locator("section", new() { Has = jo.GetByRole(AriaRole.Heading, new() { Name = "Learning accounts", Exact = true }) });
        await panel.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Learning account: Debt and welfare support team") }).ClickAsync();
        await Expect(jo.GetByRole(AriaRole.Heading, new() { Name = "What we learnt", Exact = true })).ToBeVisibleAsync();
        await Expect(jo.GetByText(new Regex("^Version 1, published"))).ToBeVisibleAsync();
        await Expect(jo.GetByRole(AriaRole.Button, new() { Name = "Publish this account" })).ToHaveCountAsync(0);
        await Expect(jo.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Edit") })).ToHaveCountAsync(0);
        var accountUrl = new Uri(jo.Url).AbsolutePath;
        await Journey.AssertAccessibleAsync(jo, "a published learning account (observer)");
        await Journey.ScreenshotAsync(jo, "account-1-published-1280");

        // She asks about one section.
        await jo.GetByLabel("About").SelectOptionAsync(new SelectOptionValue { Label = "What we learnt" });
        await jo.GetByLabel("Your question").FillAsync(question);
        await jo.GetByRole(AriaRole.Button, new() { Name = "Ask the stewards" }).ClickAsync();
        await Expect(jo.GetByText("Question sent. The cycle's stewards will answer here.")).ToBeVisibleAsync();
        var asked = jo.Locator("#section-what-we-learnt li.dialogue-item", new() { HasText = question });
        await Expect(asked).ToContainTextAsync("(you)");
        await Expect(asked).ToContainTextAsync("Not answered yet.");

        // Alex, a steward, answers it.
        var alex = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(alex, "steward@demo.learningstack.org");
        await alex.GotoAsync(accountUrl);
        var waiting = alex.Locator("li.dialogue-item", new() { HasText = question });
        await waiting.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Answer this question") }).ClickAsync();
        await alex.GetByLabel("Your answer").FillAsync(answer);
        await Journey.AssertAccessibleAsync(alex, "answering a question on a learning account");
        await Journey.ScreenshotAsync(alex, "account-2-steward-answers-1280");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
        await Expect(alex.GetByText("Answer added.")).ToBeVisibleAsync();
        await Expect(alex.Locator("li.dialogue-item", new() { HasText = question })).ToContainTextAsync(answer);

        // Jo sees the answer with her question; on a phone nothing scrolls sideways.
        await jo.ReloadAsync();
        var answered = jo.Locator("#section-what-we-learnt li.dialogue-item", new() { HasText = question });
        await Expect(answered).ToContainTextAsync(answer);
        await Expect(answered).ToContainTextAsync("Alex Rivers (System Steward) answered on");
        await answered.ScrollIntoViewIfNeededAsync();
        await Journey.AssertAccessibleAsync(jo, "the account with the answer");
        await Journey.ScreenshotAsync(jo, "account-3-asker-sees-answer-1280");
        await jo.SetViewportSizeAsync(360, 800);
        await Journey.AssertNoSidewaysScrollAsync(jo, "a learning account (360 px)");
        await Journey.AssertAccessibleAsync(jo, "a learning account (360 px)");
        await Journey.ScreenshotAsync(jo, "account-4-published-360");

        // The printable page, as a printer sees it: each section on its own page, link addresses written out.
        await jo.SetViewportSizeAsync(1280, 900);
        var accountId = accountUrl.Split('/')[^1];
        var export = await jo.APIRequest.GetAsync($"/api/ui/accounts/{accountId}/export?format=html");
        Assert.Equal(200, export.Status);
        await jo.SetContentAsync(await export.TextAsync());
        await jo.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("page", await jo.Locator("section.account-section").Nth(1).EvaluateAsync<string>("s => getComputedStyle(s).breakBefore"));
        Assert.Contains("(http", await jo.Locator("section.account-section a").First.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content"), StringComparison.Ordinal);
        await Expect(jo.GetByText(answer)).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(jo, "the printable account (print media)");
        await Journey.ScreenshotAsync(jo, "account-5-printable-print-media");
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
