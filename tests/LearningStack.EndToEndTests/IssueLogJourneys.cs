using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>Journeys through a cycle's issue log (the Gateshead template): logging an issue, exporting the log to a spreadsheet,
/// changing it there and importing it again.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IssueLogJourneys(BrowserApp app)
{
    [Fact]
    public async Task TeamExportsTheIssueLogToXlsxAndReimportsIt()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        var cycleName = $"Housing options {Guid.NewGuid().ToString("N")[..6]}";
        var cycleId = await StartCycleAsync(page, cycleName);

        // Log an issue from the cycle page.
        var panel = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Issue log", Exact = true }) });
        await Expect(panel.GetByText("No issues logged yet.")).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Link, new() { Name = "Add an issue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the issue" }).ClickAsync();
        await Expect(page.GetByText("Describe the issue").First).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the new-issue form with errors");
        await page.GetByLabel("The issue").FillAsync("Residents are asked for the same documents by three services");
        await page.GetByLabel("2 · System — how this system works").CheckAsync();
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByLabel("Countermeasure (now)").FillAsync("One worker collects the documents once and shares them");
        await page.GetByLabel("Tags").FillAsync("documents, Housing, housing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the issue" }).ClickAsync();
        await Expect(page.GetByText("Issue added to the log.")).ToBeVisibleAsync();
        await Expect(page.GetByText("#1 · Open", new() { Exact = false })).ToBeVisibleAsync();

        // The log, with counts that lead back to the issues.
        await page.GotoAsync($"/cycles/{cycleId}/issues");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Issue log", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1 open issues at 2 · System owned by Leadership" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the issue log (1280 px)");
        await Journey.ScreenshotAsync(page, "issues-1-log-1280");

        // Export to XLSX: a real download.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export XLSX" }).ClickAsync());
        Assert.Matches(IssueLogFileName(), download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);

        // Importing it as it is changes nothing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.GetByLabel("Issue log file (.csv or .xlsx)").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByText("Imported from XLSX: 0 added, 0 changed, 1 unchanged.")).ToBeVisibleAsync();

        // Close the issue in the spreadsheet (Status, column D) and import again.
        SetCell(path, "D2", "Closed");
        await page.GetByLabel("Issue log file (.csv or .xlsx)").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByText("Imported from XLSX: 0 added, 1 changed, 0 unchanged.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the import report (1280 px)");
        await Journey.ScreenshotAsync(page, "issues-2-import-report-1280");

        // A bad cell: nothing imported, and the report says where.
        SetCell(path, "C2", "4");
        await page.GetByLabel("Issue log file (.csv or .xlsx)").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByText("Row 2, Level: '4' is not 1, 2 or 3.")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the import with a problem");

        // The issue is closed, with the reason and its history.
        await page.GotoAsync($"/cycles/{cycleId}/issues?status=Closed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Residents are asked for the same documents by three services" }).ClickAsync();
        await Expect(page.GetByText("why closed: Changed by import")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open the issue again" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the closed issue");
        await Journey.ScreenshotAsync(page, "issues-3-issue-1280");

        // On a phone the log scrolls sideways in its own labelled region.
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync($"/cycles/{cycleId}/issues");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Counts table" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the issue log (360 px)");
        await Journey.AssertNoSidewaysScrollAsync(page, "the issue log (360 px)");
        await Journey.ScreenshotAsync(page, "issues-4-log-360");
        await page.GotoAsync($"/cycles/{cycleId}/issues/import");
        await Journey.AssertAccessibleAsync(page, "the import page (360 px)");
        await Journey.ScreenshotAsync(page, "issues-5-import-360");
        File.Delete(path);
    }

    private static void SetCell(string path, string reference, string text)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var part = document.WorkbookPart!.WorksheetParts.First();
        var cell = part.Worksheet.Descendants<Cell>().First(c => c.CellReference?.Value == reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text));
        part.Worksheet.Save();
    }

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

    [GeneratedRegex("^/cycles/([0-9a-f-]{36})$")]
    private static partial Regex CyclePath();

    [GeneratedRegex(@"^issue-log-housing-options-[0-9a-f]{6}-\d{4}-\d{2}-\d{2}\.xlsx$")]
    private static partial Regex IssueLogFileName();
}
