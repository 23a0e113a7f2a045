using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>"My life as a system": the person at the centre of their own map, drawn with their practitioner.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LifeMapJourneys(BrowserApp app)
{
    private const string Caseworker = "practitioner@demo.learningstack.org";
    private const string Resident = "resident@demo.learningstack.org";
    private const string Editor = "[data-map-editor=\"life-map\"]";

    [Fact]
    public async Task PersonAndPractitionerDrawALifeMapTogether()
    {
        // The practitioner opens Pat's file and her life as a system: the demo map, drawn and tabled.
        var desk = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(desk, Caseworker);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Caseworker and resident conversations" }).First.ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Case files of this cycle" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Case files", Level = 1 })).ToBeVisibleAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Pat" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Pat", Level = 1 })).ToBeVisibleAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Life as a system" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "The picture" })).ToBeVisibleAsync();
        var elements = desk.GetByRole(AriaRole.Table, new() { Name = "People, organisations and factors on the life map, closest first" });
        var rows = await elements.Locator("tbody tr").CountAsync();
        Assert.True(rows >= 8, $"Pat's demo map should have about ten things on it, but the table has {rows}.");
        await WaitForMapAsync(desk, rows);
        Assert.Equal("Pat", await desk.EvaluateAsync<string>($"() => document.querySelector('{Editor}').mapEditor.cy.$('#__centre').data('label')"));
        await Expect(desk.Locator(".map-summary")).ToContainTextAsync("Around Pat:");
        await Expect(desk.Locator(".map-legend")).ToContainTextAsync("Getting in the way (dashed line)");
        await Expect(elements.Locator("tr", new() { HasText = "Damp in the bedroom" })).ToContainTextAsync("Getting in the way");
        await Journey.AssertAccessibleAsync(desk, "Pat's life map (practitioner)");
        await Journey.ScreenshotAsync(desk, "life-map-1-practitioner-1280");

        // Pat, on her phone, adds a factor through the form under the picture, without touching the canvas.
        var phone = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(phone, Resident, "Your own file");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Open my file" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "What matters to me" })).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "My life as a system" }).ClickAsync();
        await WaitForMapAsync(phone, rows);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Add someone or something" })).ToBeVisibleAsync();
        var factor = $"Getting to the food bank {Guid.NewGuid().ToString("N")[..4]}";
        var add = phone.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true });
        await add.ClickAsync();
        await Expect(phone.GetByText("Give it a name: who or what is it?").First).ToBeVisibleAsync();
        await phone.GetByLabel("Name", new() { Exact = true }).FillAsync(factor);
        await phone.GetByLabel("Theme (optional)").FillAsync(" Food ");
        await phone.GetByRole(AriaRole.Radio, new() { Name = "Something else in your life" }).CheckAsync();
        await phone.GetByRole(AriaRole.Radio, new() { Name = "Getting in the way" }).CheckAsync();
        await phone.GetByRole(AriaRole.Radio, new() { Name = "Closest (inner ring)" }).CheckAsync();
        await add.ClickAsync();
        await Expect(phone.GetByText("Added to the map.")).ToBeVisibleAsync();
        var row = phone.Locator("tr", new() { HasText = factor });
        await Expect(row).ToContainTextAsync("food");
        await Expect(row).ToContainTextAsync("Getting in the way");
        await Expect(row).ToContainTextAsync("Closest");

        // The picture shows it too: a factor getting in the way, on the inner ring around her.
        await WaitForMapAsync(phone, rows + 1);
        var placed = await phone.EvaluateAsync<double[]>($$"""
            (name) => {
                const editor = document.querySelector('{{Editor}}').mapEditor;
                const node = editor.items().filter(n => n.data('label') === name)[0];
                const p = node.position();
                return [node.hasClass('effect-GettingInTheWay') ? 1 : 0, node.hasClass('kind-Factor') ? 1 : 0, editor.nearestRing(p, editor.ringRadii())];
            }
            """, factor);
        Assert.Equal(new double[] { 1, 1, 1 }, placed);
        await Journey.AssertNoSidewaysScrollAsync(phone, "the life map at 360 px");
        await Journey.AssertAccessibleAsync(phone, "her life map after adding a factor (360 px)");
        await phone.Locator(".map-canvas").ScrollIntoViewIfNeededAsync();
        await Journey.ScreenshotAsync(phone, "life-map-2-person-adds-a-factor-360");

        // Back at the desk, the practitioner sees what Pat drew, where the picture put it.
        await desk.ReloadAsync();
        await WaitForMapAsync(desk, rows + 1);
        await Expect(desk.Locator("tr", new() { HasText = factor })).ToBeVisibleAsync();
        var saved = await desk.EvaluateAsync<bool>($"(name) => document.querySelector('{Editor}').mapEditor.items().filter(n => n.data('label') === name)[0].data('item').x !== null", factor);
        Assert.True(saved, "The position the picture chose for the new factor should have been saved.");

        // Rings by kind: every factor moves to the outer ring (and can be undone).
        await desk.GetByLabel("Rings by").SelectOptionAsync("kind");
        await desk.WaitForFunctionAsync($$"""
            () => {
                const editor = document.querySelector('{{Editor}}').mapEditor;
                const outer = editor.ringRadii()[2];
                return !editor.busy && editor.items().filter('.kind-Factor').every(n => Math.abs(Math.hypot(n.position().x, n.position().y) - outer) < 2);
            }
            """);
        await Expect(desk.Locator(".map-status")).ToContainTextAsync("in rings by kind");
        await Journey.AssertAccessibleAsync(desk, "the life map in rings by kind");
        await Journey.ScreenshotAsync(desk, "life-map-3-rings-by-kind-1280");
        // The picture as SVG: the person, the rings and every item, with the effects' line styles.
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.GetByRole(AriaRole.Button, new() { Name = "Export SVG" }).ClickAsync());
        string svg;
        await using (var body = await download.CreateReadStreamAsync())
        {
            svg = await new StreamReader(body).ReadToEndAsync();
        }
        await File.WriteAllTextAsync(Path.Combine(BrowserApp.ScreenshotFolder, "life-map-4-export.svg"), svg);
        var picture = System.Xml.Linq.XDocument.Parse(svg);
        Assert.StartsWith("life-map-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("Life map of Pat", picture.Root!.Elements().First(e => e.Name.LocalName == "title").Value, StringComparison.Ordinal);
        Assert.Contains(factor[^4..], svg, StringComparison.Ordinal); // its label is wrapped over two lines
        Assert.Contains("stroke-dasharray", svg, StringComparison.Ordinal);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await desk.GetByLabel("Rings by").SelectOptionAsync("closeness");
        await desk.WaitForFunctionAsync($"() => !document.querySelector('{Editor}').mapEditor.busy");

        await phone.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    /// <summary>Waits until the life map's editor has loaded and shows the given number of people, organisations and factors.</summary>
    private static Task WaitForMapAsync(IPage page, int items) => page.WaitForFunctionAsync($$"""
        (count) => {
            const editor = document.querySelector('{{Editor}}')?.mapEditor;
            return !!editor?.cy && editor.alive && !editor.root.classList.contains('is-loading') && editor.items().length === count;
        }
        """, items);
}
