using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Networks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Evidence on an experiment, gathered from a phone: a video journal, a refused file, a measurement beside its note.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvidenceJourneys(BrowserApp app)
{
    private const string Practitioner = "practitioner@demo.learningstack.org";

    [Fact]
    public async Task PractitionerUploadsAVideoJournalFromAPhoneSizedScreen()
    {
        var experimentId = await ExperimentForAsync(Practitioner, $"Video journals {Guid.NewGuid():N}"[..22]);
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, Practitioner);
        await page.GotoAsync($"/experiments/{experimentId}");
        var evidence = page.Locator("section.evidence-panel");
        await Expect(evidence.GetByText("No evidence yet.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "an experiment with no evidence, 360 px wide");

        // A video journal: the progress bar shows, then the entry appears with a player.
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "journal-day-1.mp4", MimeType = "video/mp4", Buffer = Mp4(256 * 1024) });
        await page.GetByLabel("Caption (optional)").FillAsync("Day one: first shop together");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Uploaded. It is in the list below.")).ToBeVisibleAsync();
        var video = evidence.Locator("video[controls][playsinline]");
        await Expect(video).ToHaveCountAsync(1);
        Assert.StartsWith("/api/ui/evidence/", await video.GetAttributeAsync("src"));
        var served = await page.APIRequest.GetAsync((await video.GetAttributeAsync("src"))!, new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=4-11" } });
        Assert.Equal(206, served.Status);
        Assert.Equal("ftypisom", System.Text.Encoding.ASCII.GetString(await served.BodyAsync()));
        await Expect(evidence.GetByText("Day one: first shop together")).ToBeVisibleAsync();
        await Journey.ScreenshotAsync(page, "evidence-1-video-uploaded-360");

        // A web page renamed to .mp4 is refused, with the reason.
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "not-really.mp4", MimeType = "video/mp4", Buffer = "<!DOCTYPE html><html><body>hello</body></html>"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var status = evidence.Locator("[data-upload-status]");
        await Expect(status).ToContainTextAsync("not a photo, audio recording or video");
        await Expect(evidence.Locator("video")).ToHaveCountAsync(1);
        await Journey.ScreenshotAsync(page, "evidence-2-disguised-refused-360");

        // A note and two measurements: the chart shows beside the note of the same period.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddMeasurementAsync(page, "Days from referral to first visit", "14", today.AddDays(-6), entriesAfter: 2);
        await OpenAsync(page, "Add a note");
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Started visiting on the day of the call instead of waiting for the assessment.");
        await page.Locator("#n-date").FillAsync(today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(evidence.Locator("ul.evidence-list > li")).ToHaveCountAsync(3);
        await AddMeasurementAsync(page, "Days from referral to first visit", "3", today, entriesAfter: 4);

        var series = evidence.Locator(".measurement-series");
        await Expect(series).ToHaveCountAsync(1);
        await Expect(series.Locator(".series-words")).ToContainTextAsync("Started visiting on the day of the call");
        await Expect(series.Locator("canvas[role=img]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => !!document.querySelector('canvas[data-evidence-chart]')?.evidenceChart");
        await series.GetByText("The numbers as a table").ClickAsync();
        await Expect(series.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Journey.AssertAccessibleAsync(page, "an experiment with a video, a note and a measurement chart, 360 px wide");
        await Journey.ScreenshotAsync(page, "evidence-3-chart-beside-note-360");

        // The note is corrected in place: the form comes pre-filled, keyboard to save, and the new words show everywhere.
        var note = evidence.Locator("ul.evidence-list > li", new() { HasText = "Started visiting on the day of the call" });
        var noteId = (await note.GetAttributeAsync("id"))!["evidence-".Length..];
        await note.GetByRole(AriaRole.Link, new() { Name = "Edit note of" }).ClickAsync();
        var noteText = page.GetByLabel("Note", new() { Exact = true }).And(page.Locator("#e-text"));
        await Expect(noteText).ToHaveValueAsync("Started visiting on the day of the call instead of waiting for the assessment.");
        Assert.Contains($"edit-evidence={noteId}", page.Url);
        await noteText.FillAsync("Started visiting on the day of the call; the family said it felt like being believed.");
        await Journey.AssertAccessibleAsync(page, "editing a note in place, 360 px wide");
        await Journey.ScreenshotAsync(page, "evidence-4-edit-note-360");

        // Someone else saves the same note first: a clear conflict, the typed words kept, theirs shown; saving again keeps ours on purpose.
        await ChangeTextAsync(Guid.Parse(noteId), "Changed by a colleague meanwhile.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(evidence.Locator(".error-summary")).ToContainTextAsync("Someone else changed this entry while you were editing it");
        await Expect(noteText).ToHaveValueAsync("Started visiting on the day of the call; the family said it felt like being believed.");
        await Expect(evidence.Locator(".theirs")).ToContainTextAsync("Changed by a colleague meanwhile.");
        await Journey.AssertAccessibleAsync(page, "an edit conflict on a note, 360 px wide");
        await Journey.ScreenshotAsync(page, "evidence-5-edit-conflict-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(evidence.GetByText("Your changes to the evidence are saved.")).ToBeVisibleAsync();
        await Expect(note).ToContainTextAsync("the family said it felt like being believed.");
        await Expect(evidence.GetByText("Changed by a colleague meanwhile.")).ToHaveCountAsync(0);
        await Expect(series.Locator(".series-words")).ToContainTextAsync("the family said it felt like being believed.");
        await Expect(page.Locator("#e-text")).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page, "a note after editing, 360 px wide");
        await Journey.ScreenshotAsync(page, "evidence-6-note-edited-360");
    }

    /// <summary>A colleague's save of the same entry (bumps its version), straight into the database.</summary>
    private async Task ChangeTextAsync(Guid evidenceId, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.Evidence.SingleAsync(e => e.Id == evidenceId);
        entry.Text = text;
        await db.SaveChangesAsync();
    }

    private static async Task AddMeasurementAsync(IPage page, string what, string value, DateOnly on, int entriesAfter)
    {
        await OpenAsync(page, "Add a measurement");
        await page.GetByLabel("What was measured").FillAsync(what);
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync(value);
        await page.GetByLabel("Unit (optional)").FillAsync("days");
        await page.Locator("#m-date").FillAsync(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add measurement" }).ClickAsync();
        await Expect(page.Locator("ul.evidence-list > li")).ToHaveCountAsync(entriesAfter);
        await Expect(page.GetByText("Evidence added.")).ToBeVisibleAsync();
    }

    /// <summary>Opens one of the "add" sections (whether or not the page kept it open after the last form).</summary>
    private static async Task OpenAsync(IPage page, string summary)
    {
        var details = page.Locator("details.evidence-form", new() { Has = page.GetByText(summary, new() { Exact = true }) });
        if (await details.GetAttributeAsync("open") is null)
        {
            await page.GetByText(summary, new() { Exact = true }).ClickAsync();
        }
        await Expect(details).ToHaveAttributeAsync("open", "");
    }

    /// <summary>An experiment on a cycle of a network where the demo account is a member, put straight into the database.</summary>
    private async Task<Guid> ExperimentForAsync(string email, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var cycle = await db.NetworkMembers.Where(m => m.UserId == userId && m.Role >= NetworkRole.Member)
            .Join(db.Cycles, m => m.NetworkId, c => c.NetworkId, (m, c) => new { c.Id, c.NetworkId }).FirstAsync();
        var experiment = new Experiment { Title = title, NetworkId = cycle.NetworkId, CycleId = cycle.Id, CreatedAt = DateTimeOffset.UtcNow };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    }

    /// <summary>An MP4-shaped file: an ftyp box (isom), then filler.</summary>
    private static byte[] Mp4(int length)
    {
        var bytes = new byte[length];
        "\0\0\0\u0018ftypisom\0\0\u0002\0isommp41"u8.ToArray().CopyTo(bytes, 0);
        for (var i = 24; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }
        return bytes;
    }
}
