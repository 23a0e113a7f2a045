using System.Text.RegularExpressions;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>
/// Journeys through the Experiment stage's weekly rhythm: a learning pod reflecting on a phone and comparing weeks, and a team
/// ending a countermeasure because what it allowed became the new normal. Each journey starts its own cycle.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PodJourneys(BrowserApp app)
{
    [Fact]
    public async Task PodMembersReflectOnTheirWeekOnAPhoneAndCompareWeeks()
    {
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        var cycleName = $"Front desk {Unique()}";
        var cycleId = await StartCycleAsync(page, cycleName);
        var experimentId = await AddExperimentAsync(cycleId, "Home visits instead of letters");

        // Start a pod from the cycle's page.
        var pods = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Learning pods", Exact = true }) });
        await Expect(pods.GetByText("No learning pods yet.")).ToBeVisibleAsync();
        await pods.GetByText("Start a pod", new() { Exact = true }).ClickAsync();
        await Journey.AssertAccessibleAsync(page, "the cycle page with the start-a-pod form open (360 px)");
        await pods.GetByRole(AriaRole.Button, new() { Name = "Start the pod" }).ClickAsync();
        await Expect(pods.GetByText("Give the pod a name").First).ToBeVisibleAsync();
        await pods.GetByLabel("Name of the pod").FillAsync("Sam and Ola");
        await pods.GetByLabel("Who is in it").FillAsync("Sam Okafor\nOla, duty manager");
        await pods.GetByRole(AriaRole.Button, new() { Name = "Start the pod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sam and Ola", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Pod started.")).ToBeVisibleAsync();
        var podId = Guid.Parse(PodPath().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value);

        // An earlier week, written by Ola.
        var thisMonday = PodQuestions.Monday(DateOnly.FromDateTime(DateTime.Now));
        await SeedReflectionAsync(podId, cycleId, thisMonday.AddDays(-14), "Ola", "Phoned people before writing to them", "Most people pick up if we call at lunchtime");

        // Submitting with no answers says what to do.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the reflection" }).ClickAsync();
        await Expect(page.GetByText("Answer at least one of the four questions").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the weekly form with an error (360 px)");

        await page.GetByLabel("About an experiment (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Home visits instead of letters" });
        await page.GetByLabel("What did we do differently this week?").FillAsync("Visited three residents at home instead of sending letters");
        await page.GetByLabel("What did we learn from it?").FillAsync("Two of them had not opened a letter in months");
        await page.GetByLabel("What went wrong, or got in the way?").FillAsync("The car pool was booked on Thursday");
        await Journey.ScreenshotAsync(page, "pods-1-weekly-form-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the reflection" }).ClickAsync();
        await Expect(page.GetByText("Reflection saved.")).ToBeVisibleAsync();

        // On a phone the weeks stack, newest first, each with the four questions.
        var weeks = page.Locator("ol.weeks-stacked > li");
        await Expect(weeks).ToHaveCountAsync(2);
        await Expect(weeks.Nth(0).GetByRole(AriaRole.Heading)).ToHaveTextAsync($"Week of {thisMonday:d MMMM yyyy}");
        await Expect(weeks.Nth(0)).ToContainTextAsync("Two of them had not opened a letter in months");
        await Expect(weeks.Nth(0)).ToContainTextAsync("Home visits instead of letters");
        await Expect(weeks.Nth(1)).ToContainTextAsync("Most people pick up if we call at lunchtime");
        await Expect(page.Locator("table.weeks-table")).ToBeHiddenAsync();
        await Journey.AssertAccessibleAsync(page, "the pod's weeks stacked (360 px)");
        await Journey.ScreenshotAsync(page, "pods-2-weeks-stacked-360");

        // On a wide screen the same weeks sit side by side, a column per week and a row per question.
        await page.SetViewportSizeAsync(1280, 900);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "The pod's answers, a column per week, newest first" });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync([$"Week of {thisMonday:d MMMM yyyy}", $"Week of {thisMonday.AddDays(-14):d MMMM yyyy}"]);
        var learnt = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "What did we learn from it?" }) });
        await Expect(learnt.GetByRole(AriaRole.Cell)).ToContainTextAsync(["Two of them had not opened a letter in months", "Most people pick up if we call at lunchtime"]);
        await Journey.AssertAccessibleAsync(page, "the pod's weeks side by side (1280 px)");
        await Journey.ScreenshotAsync(page, "pods-3-weeks-side-by-side-1280");

        // A second thought: the reflection can be edited.
        await table.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Edit the reflection by Sam Okafor") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit the reflection" })).ToBeVisibleAsync();
        await page.GetByLabel("What helped us learn?").FillAsync("Ola's notes from the week before");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the reflection" }).ClickAsync();
        await Expect(page.GetByText("Reflection saved.")).ToBeVisibleAsync();
        var helped = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "What helped us learn?" }) });
        await Expect(helped.GetByRole(AriaRole.Cell).First).ToContainTextAsync("Ola's notes from the week before");
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(2);

        // Kai joins the pod.
        await page.GetByText("Change the pod's name or who is in it").ClickAsync();
        await page.GetByLabel("Who is in it").FillAsync("Sam Okafor\nOla, duty manager\nKai");
        await page.GetByLabel("Name of the pod").FillAsync("Sam, Ola and Kai");
        await Journey.AssertAccessibleAsync(page, "the change-the-pod form (1280 px)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the pod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sam, Ola and Kai", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Sam Okafor, Ola, duty manager, Kai")).ToBeVisibleAsync();

        // The cycle page shows the pod with its latest reflection.
        await page.GetByRole(AriaRole.Link, new() { Name = cycleName }).ClickAsync();
        await Expect(pods.GetByText($"Latest reflection: week of {thisMonday:d MMM yyyy}")).ToBeVisibleAsync();

        // The experiment's page shows what the pod said about it; its "On this page" links stay on the page.
        await page.GotoAsync($"/experiments/{experimentId}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" }).GetByRole(AriaRole.Link, new() { Name = "Pod reflections" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/experiments/{experimentId}#pod-reflections$"));
        var said = page.Locator("section#pod-reflections");
        await Expect(said).ToContainTextAsync("Two of them had not opened a letter in months");
        await Expect(said.GetByRole(AriaRole.Link, new() { Name = "Sam, Ola and Kai" }).First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the experiment's pod reflections (360 px)");

        // The skip link moves to the main content of this page, not to the home page.
        await page.Keyboard.PressAsync("Home");
        await page.Locator(".skip-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/experiments/{experimentId}#main$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home visits instead of letters", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TeamLeaderEndsACountermeasureAsTheNewNormal()
    {
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        var cycleName = $"Case closures {Unique()}";
        var cycleId = await StartCycleAsync(page, cycleName);
        var experimentId = await AddExperimentAsync(cycleId, "Keep cases open");

        await page.GotoAsync($"/experiments/{experimentId}");
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Countermeasures", Exact = true }) });
        await Expect(panel.GetByText("No countermeasures yet.")).ToBeVisibleAsync();
        await panel.GetByLabel("The usual rule or process").FillAsync("Cases are closed after three contacts");
        await panel.GetByLabel("What we do instead").FillAsync("Cases stay open for as long as the resident wants");
        await panel.GetByLabel("Name or role").FillAsync("Head of service");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add countermeasure" }).ClickAsync();
        await Expect(page.GetByText("Countermeasure added.")).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Instead of: Cases are closed after three contacts" })).ToBeVisibleAsync();

        // The experiment concludes; the cycle page notes calmly that the countermeasure is still in place.
        await SetStateAsync(experimentId, ExperimentState.Concluded);
        await page.GotoAsync($"/cycles/{cycleId}");
        var flags = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Countermeasures in place", Exact = true }) });
        await Expect(flags.GetByText("Its experiment has concluded, but the countermeasure is still in place.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the cycle page with a flagged countermeasure (360 px)");
        await Journey.ScreenshotAsync(page, "countermeasures-1-flag-360");

        // End it as the new normal, saying why.
        await flags.GetByRole(AriaRole.Link, new() { Name = "Keep cases open" }).ClickAsync();
        await panel.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^End it") }).ClickAsync();
        await panel.GetByLabel("It became the new normal").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "End the countermeasure" }).ClickAsync();
        await Expect(panel.GetByText("Say why this has become the new normal.").First).ToBeVisibleAsync();
        await panel.GetByLabel("Why?").FillAsync("The service now keeps cases open by default");
        await Journey.AssertAccessibleAsync(page, "the end-a-countermeasure form (360 px)");
        await panel.GetByRole(AriaRole.Button, new() { Name = "End the countermeasure" }).ClickAsync();
        await Expect(page.GetByText("Countermeasure ended.")).ToBeVisibleAsync();
        await Expect(panel.GetByText("Became the new normal")).ToBeVisibleAsync();
        await Journey.ScreenshotAsync(page, "countermeasures-2-new-normal-360");

        // The register keeps it, under the new normal.
        await page.GotoAsync($"/cycles/{cycleId}/countermeasures?status=NewNormal");
        await Expect(page.GetByText("The service now keeps cases open by default")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the countermeasures register (360 px)");
    }

    [Fact]
    public async Task StewardSeesWhatIsComingUpInTheExperimentCalendar()
    {
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        var cycleId = await StartCycleAsync(page, $"Calendar team {Unique()}");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var title = $"Lunchtime phone calls {Unique()}";
        var experimentId = await AddExperimentAsync(cycleId, title);
        await WithDbAsync(async db =>
        {
            var experiment = await db.Experiments.SingleAsync(e => e.Id == experimentId);
            (experiment.StartsOn, experiment.ReviewPoints, experiment.PlannedEndOn) = (today, [today.AddDays(14)], today.AddMonths(4));
            await db.SaveChangesAsync();
            return true;
        });
        var networkId = await WithDbAsync(db => db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync());

        await page.GotoAsync($"/networks/{networkId}/experiments/calendar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Experiment calendar", Level = 1 })).ToBeVisibleAsync();
        var items = page.Locator("li.cal-item").Filter(new() { HasText = title });
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0)).ToContainTextAsync("Starts");
        await Expect(items.Nth(1)).ToContainTextAsync("Review point");
        await Journey.AssertAccessibleAsync(page, "the experiment calendar (360 px)");
        await Journey.ScreenshotAsync(page, "calendar-1-agenda-360");

        // The planned end is in the next three months.
        var later = new DateOnly(today.Year, today.Month, 1).AddMonths(3);
        await page.GetByRole(AriaRole.Link, new() { Name = "Later three months" }).ClickAsync();
        await Expect(page.Locator(".cal-range")).ToHaveTextAsync($"{later:MMMM yyyy} to {later.AddMonths(2):MMMM yyyy}");
        var laterItems = page.Locator("li.cal-item").Filter(new() { HasText = title });
        await Expect(laterItems).ToHaveCountAsync(1);
        await Expect(laterItems).ToContainTextAsync("Planned end");
        await Journey.AssertAccessibleAsync(page, "the experiment calendar, later months (360 px)");

        // The cycle has its own calendar, reached from its board, with only its own experiments.
        await page.GotoAsync($"/cycles/{cycleId}/experiments");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cycles/{cycleId}/experiments/calendar$"));
        await Expect(page.Locator("li.cal-item").Filter(new() { HasText = title })).ToHaveCountAsync(2);
        await Expect(page.Locator("li.cal-item").Filter(new() { HasText = "Team credit cards" })).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page, "a cycle's experiment calendar (360 px)");
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>Starts a team-scale cycle in the Gateshead demo network; returns its id and leaves the page on it.</summary>
    private static async Task<Guid> StartCycleAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cycle" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Scale").SelectOptionAsync(new SelectOptionValue { Label = "Team" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        return Guid.Parse(CyclePath().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value);
    }

    private async Task<Guid> AddExperimentAsync(Guid cycleId, string title) => await WithDbAsync(async db =>
    {
        var networkId = await db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync();
        var experiment = new Experiment { Title = title, NetworkId = networkId, CycleId = cycleId, State = ExperimentState.Running, CreatedAt = DateTimeOffset.UtcNow };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    });

    private Task SetStateAsync(Guid experimentId, ExperimentState state) => WithDbAsync(async db =>
    {
        var experiment = await db.Experiments.SingleAsync(e => e.Id == experimentId);
        experiment.State = state;
        await db.SaveChangesAsync();
        return true;
    });

    private Task SeedReflectionAsync(Guid podId, Guid cycleId, DateOnly weekOf, string author, string didDifferently, string learnt) => WithDbAsync(async db =>
    {
        var networkId = await db.Cycles.Where(c => c.Id == cycleId).Select(c => c.NetworkId).SingleAsync();
        db.PodReflections.Add(new PodReflection
        {
            NetworkId = networkId, CycleId = cycleId, PodId = podId, WeekOf = weekOf, AuthorName = author, DidDifferently = didDifferently, Learnt = learnt,
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-10),
        });
        await db.SaveChangesAsync();
        return true;
    });

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [GeneratedRegex("^/cycles/([0-9a-f-]{36})$")]
    private static partial Regex CyclePath();

    [GeneratedRegex("^/pods/([0-9a-f-]{36})$")]
    private static partial Regex PodPath();
}
