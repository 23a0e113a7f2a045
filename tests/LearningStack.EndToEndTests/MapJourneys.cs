using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

/// <summary>
/// Journeys through a cycle's "Understand the system" maps: the factor map and its loops, importing a Kumu
/// spreadsheet into the actor map, the actor map's table view by keyboard alone, and what an observer sees.
/// Each journey starts its own cycle, so it depends on no demo map and can run in any order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MapJourneys(BrowserApp app, ITestOutputHelper output)
{
    private const string EditorSelector = "[data-map-editor]";

    [Fact]
    public async Task StewardDrawsAFactorMapAndFindsAReinforcingLoop()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        var cycleName = $"Ward staffing {Unique()}";
        await StartCycleAsync(page, cycleName);

        var understand = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Maps of the system", Exact = true }) });
        await Expect(understand).ToContainTextAsync("0 factors · 0 causal links");
        await understand.GetByRole(AriaRole.Link, new() { Name = "Factor map", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Factor map", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No factors yet.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Add causal links to find loops.")).ToBeVisibleAsync();
        await WaitForEditorAsync(page, "factor-map", nodes: 0, edges: 0);
        await Journey.AssertAccessibleAsync(page, "an empty factor map");

        // Three factors through the table view's form.
        string[] factors = ["Workload", "Stress", "Sick days"];
        foreach (var factor in factors)
        {
            await AddFactorAsync(page, factor, factor == "Stress" ? "wellbeing" : "staffing");
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Factors (3)" })).ToBeVisibleAsync();

        // A reinforcing loop (Workload → Stress → Sick days → Workload, all +) and a balancing one (time off lowers stress).
        await AddLinkAsync(page, "Workload", "+ same direction", "Stress", 1);
        await AddLinkAsync(page, "Stress", "+ same direction", "Sick days", 2);
        await AddLinkAsync(page, "Sick days", "+ same direction", "Workload", 3, delay: true);
        await AddLinkAsync(page, "Sick days", "− opposite direction", "Stress", 4);
        var links = page.GetByRole(AriaRole.Table, new() { Name = "Causal links between factors" });
        await Expect(links.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        await Expect(links.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sick days" }).Filter(new() { HasText = "opposite direction" })).ToHaveCountAsync(1);

        // The picture shows the same map: three factors, four links, one of them opposite.
        await Expect(page.Locator(".map-canvas canvas").First).ToBeVisibleAsync();
        await WaitForEditorAsync(page, "factor-map", nodes: 3, edges: 4);
        var labels = await page.EvaluateAsync<string[]>($"() => document.querySelector('{EditorSelector}').mapEditor.cy.nodes().map(n => n.data('label')).sort()");
        Assert.Equal(factors.Order(StringComparer.Ordinal), labels);
        Assert.Equal(1, await page.EvaluateAsync<int>($"() => document.querySelector('{EditorSelector}').mapEditor.cy.edges('.opposite').length"));
        await Journey.AssertAccessibleAsync(page, "a factor map with three factors and four links");
        await Journey.ScreenshotAsync(page, "maps-1-factor-map-1280");

        // Find the loops; the search runs in the background and the page shows the result when it ends.
        await page.GetByRole(AriaRole.Button, new() { Name = "Find loops" }).ClickAsync();
        var summary = page.Locator(".analysis-summary");
        await Expect(summary).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(summary).ToHaveTextAsync(new Regex(@"^\s*Found 2 loops:\s+1 reinforcing,\s+1 balancing\s+\(up to \d+ links long\)\.\s*$"));
        var reinforcing = page.Locator("li.loop-item").Filter(new() { HasText = "R · reinforcing" });
        var balancing = page.Locator("li.loop-item").Filter(new() { HasText = "B · balancing" });
        await Expect(reinforcing).ToHaveCountAsync(1);
        await Expect(balancing).ToHaveCountAsync(1);
        await Expect(reinforcing).ToContainTextAsync("3 links, with a delay");
        var path = (await reinforcing.Locator(".loop-path").TextContentAsync())!.Split(" → ");
        Assert.Equal(4, path.Length);
        Assert.Equal(path[0], path[3]);
        Assert.True(IsRotationOf(path[..3], factors), $"The reinforcing loop should run Workload → Stress → Sick days, but runs {string.Join(" → ", path)}.");
        await Expect(balancing.Locator(".loop-path")).ToHaveTextAsync(new Regex("^(Stress → Sick days → Stress|Sick days → Stress → Sick days)$"));
        await Journey.AssertAccessibleAsync(page, "the loops found");

        // "Show on map" lights up the loop's three links and three factors and dims the rest.
        await reinforcing.GetByRole(AriaRole.Button, new() { Name = "Show on map" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('{EditorSelector}').mapEditor.cy.edges('.hl').length === 3");
        Assert.Equal(3, await CountAsync(page, "nodes('.hl')"));
        Assert.Equal(1, await CountAsync(page, "edges('.dim')"));
        Assert.Equal(1, await CountAsync(page, "edges('.dim.opposite')"));
        await Expect(page.Locator(".map-status")).ToContainTextAsync("3 links between 3 factors");
        var clear = page.Locator(".map-editor").GetByRole(AriaRole.Button, new() { Name = "Clear highlight" });
        await Expect(clear).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "a loop highlighted on the map");
        await Journey.ScreenshotAsync(page, "maps-2-loop-highlighted-1280");
        await clear.ClickAsync();
        Assert.Equal(0, await CountAsync(page, "elements('.hl, .dim')"));

        // Name the loop; the name shows in the results from then on.
        await reinforcing.GetByRole(AriaRole.Link, new() { Name = "Name this loop" }).ClickAsync();
        var naming = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Name the loop ") });
        await Expect(naming).ToBeVisibleAsync();
        await naming.GetByLabel("Name", new() { Exact = true }).FillAsync("Burnout spiral");
        await naming.GetByLabel("Notes").FillAsync("Cover for sick colleagues adds to everyone's workload.");
        await Journey.AssertAccessibleAsync(page, "naming a loop");
        await naming.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(page.GetByText("Loop name saved.")).ToBeVisibleAsync();
        await Expect(naming).ToHaveCountAsync(0);
        await Expect(reinforcing.Locator("strong")).ToHaveTextAsync("Burnout spiral");
        await Expect(reinforcing).ToContainTextAsync("Cover for sick colleagues adds to everyone's workload.");
        await Expect(reinforcing.GetByRole(AriaRole.Link, new() { Name = "Rename" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "a named loop");
        await Journey.ScreenshotAsync(page, "maps-3-loop-named-1280");

        // Back on the cycle page the panel counts what is on the map.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Maps of this cycle" }).GetByRole(AriaRole.Link, new() { Name = "Cycle", Exact = true }).ClickAsync();
        await Expect(understand).ToContainTextAsync("3 factors · 4 causal links");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PractitionerImportsAKumuSpreadsheet()
    {
        var page = await Journey.NewPageAsync(app, 360);
        await Journey.SignInAsync(page, "practitioner@demo.learningstack.org");
        await StartCycleAsync(page, $"Money advice partners {Unique()}");
        await page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Maps of the system", Exact = true }) })
            .GetByRole(AriaRole.Link, new() { Name = "Actor map", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actor map", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No actors yet.", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import and export — Actor map", Level = 1 })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "the import and export page");

        // A spreadsheet with two mistakes: a strength of 9 and a direction Kumu does not know. Nothing of it is imported.
        var wrong = KumuWorkbook.Build(
            [
                ["Ghost advice line", "Organisation", "Should never appear", "phone"],
                ["Phantom caseworker", "Person", null, null],
            ],
            [
                ["Ghost advice line", "Phantom caseworker", "refers to", "directed", 3.0],
                ["Phantom caseworker", "Ghost advice line", "works with", "directed", 9.0],
                ["Ghost advice line", "Phantom caseworker", "funds", "sideways", 2.0],
            ]);
        await ImportAsync(page, "partners-draft.xlsx", wrong);
        var problems = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Nothing was imported" }) });
        await Expect(problems).ToBeVisibleAsync();
        // Focus moves to the summary (wwwroot/js/error-focus.js), so it is announced and seen on a phone.
        await Expect(problems).ToBeFocusedAsync();
        await Expect(problems.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(problems).ToContainTextAsync("Sheet “Connections”, row 3, column “Strength”: Strength must be a whole number from 1 to 5; found '9'.");
        await Expect(problems).ToContainTextAsync("Sheet “Connections”, row 4, column “Direction”: Unknown direction 'sideways'");
        await Expect(page.Locator(".alert-success")).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page, "an import refused with its problems");
        await Journey.AssertNoSidewaysScrollAsync(page, "an import refused with its problems");
        await Journey.ScreenshotAsync(page, "maps-4-import-refused-360");

        // The same layout without the mistakes goes in whole.
        var good = KumuWorkbook.Build(
            [
                ["Citizens Advice Gateshead", "Organisation", "Free, independent advice on debt and benefits.", "advice | voluntary"],
                ["Amira Hassan", "Person", "Resident who went through the service.", "expert by experience"],
                ["Welfare rights team", "Team", null, "council"],
            ],
            [
                ["Welfare rights team", "Citizens Advice Gateshead", "refers to", "directed", 4.0],
                ["Amira Hassan", "Welfare rights team", "works with", "mutual", 2.0],
            ]);
        await ImportAsync(page, "partners.xlsx", good);
        var done = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported" });
        await Expect(done).ToContainTextAsync("Imported a Kumu spreadsheet (XLSX): 3 new actors, 0 matched by name, 2 relationships.");
        await Expect(problems).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page, "a successful import");
        await Journey.ScreenshotAsync(page, "maps-5-imported-360");

        // The map comes back out as a Kumu spreadsheet with what was imported.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Kumu spreadsheet (.xlsx)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using (var exported = new MemoryStream())
        {
            await using (var body = await download.CreateReadStreamAsync())
            {
                await body.CopyToAsync(exported);
            }
            exported.Position = 0;
            var sheets = KumuWorkbook.Read(exported);
            Assert.Equal(["Elements", "Connections"], sheets.Keys);
            Assert.Subset(sheets["Elements"].ToHashSet(), new HashSet<string> { "Label", "Citizens Advice Gateshead", "Amira Hassan", "Welfare rights team" });
            Assert.Subset(sheets["Connections"].ToHashSet(), new HashSet<string> { "From", "To", "refers to", "works with" });
            Assert.DoesNotContain("Ghost advice line", sheets["Elements"]);
        }

        await done.GetByRole(AriaRole.Link, new() { Name = "Open the actor map" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actors (3)" })).ToBeVisibleAsync();
        var actors = page.GetByRole(AriaRole.Table, new() { Name = "Actors on this map" });
        await Expect(actors.GetByRole(AriaRole.Row).Filter(new() { HasText = "Citizens Advice Gateshead" })).ToContainTextAsync("Organisation");
        await Expect(actors.GetByRole(AriaRole.Row).Filter(new() { HasText = "Amira Hassan" })).ToContainTextAsync("Person");
        await Expect(actors.GetByRole(AriaRole.Row).Filter(new() { HasText = "Welfare rights team" })).ToContainTextAsync("Team");
        await Expect(actors).ToContainTextAsync("expert by experience");
        await Expect(actors).Not.ToContainTextAsync("Ghost advice line");
        var relationships = page.GetByRole(AriaRole.Table, new() { Name = "Relationships between actors" });
        await Expect(relationships.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        var refers = relationships.GetByRole(AriaRole.Row).Filter(new() { HasText = "refers to" });
        await Expect(refers).ToContainTextAsync("Citizens Advice Gateshead");
        await Expect(refers.GetByRole(AriaRole.Img, new() { Name = "4 of 5" })).ToBeVisibleAsync();
        var works = relationships.GetByRole(AriaRole.Row).Filter(new() { HasText = "works with" });
        await Expect(works).ToContainTextAsync("Both ways");
        await Expect(works.GetByRole(AriaRole.Img, new() { Name = "2 of 5" })).ToBeVisibleAsync();
        await WaitForEditorAsync(page, "actor-map", nodes: 3, edges: 2);
        await Journey.AssertAccessibleAsync(page, "the imported actor map on a phone");
        await Journey.AssertNoSidewaysScrollAsync(page, "the imported actor map on a phone");
        await Journey.ScreenshotAsync(page, "maps-6-imported-actor-map-360");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KeyboardOnlyUserAddsARelationshipInTheTableView()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "steward@demo.learningstack.org");
        await StartCycleAsync(page, $"Food support forum {Unique()}");
        var actorMap = new Uri(page.Url).GetLeftPart(UriPartial.Path) + "/actor-map";
        await page.GotoAsync(actorMap);
        await AddActorAsync(page, "Food bank", "Organisation");
        await AddActorAsync(page, "Housing officer", "Person");
        await Expect(page.GetByText("No relationships yet.", new() { Exact = true })).ToBeVisibleAsync();

        // From here on only the keyboard. The page puts focus on its heading; Tab on through it to the relationship form.
        await page.GotoAsync(actorMap);
        await WaitForEditorAsync(page, "actor-map", nodes: 2, edges: 0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actor map", Level = 1 })).ToBeFocusedAsync();
        var (presses, unseen) = await TabToAsync(page, "rel-from");
        output.WriteLine($"From the heading to the relationship form: {presses} presses of Tab.");
        Assert.True(unseen.Count == 0, "Focus was not visible on: " + string.Join(", ", unseen));
        var from = page.Locator("#rel-from");
        await Expect(from).ToBeFocusedAsync();
        await Expect(from).ToBeInViewportAsync();

        await page.Keyboard.TypeAsync("Food");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rel-kind")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("refers to");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rel-to")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Hous");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rel-direction")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Both");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rel-strength")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("4");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rel-trust")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("G");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#rel-since")).ToBeFocusedAsync();
        await TypeDateAsync(page, new DateOnly(2024, 3, 15));
        await TabToAsync(page, "rel-notes");
        await page.Keyboard.TypeAsync("Weekly referrals for families behind on rent.");

        // What the form holds before it is sent.
        await Expect(from.Locator("option:checked")).ToHaveTextAsync("Food bank");
        await Expect(page.Locator("#rel-kind")).ToHaveValueAsync("refers to");
        await Expect(page.Locator("#rel-to option:checked")).ToHaveTextAsync("Housing officer");
        await Expect(page.Locator("#rel-direction option:checked")).ToHaveTextAsync("Both ways");
        await Expect(page.Locator("#rel-strength")).ToHaveValueAsync("4");
        await Expect(page.Locator("#rel-trust option:checked")).ToHaveTextAsync("Good");
        await Expect(page.Locator("#rel-since")).ToHaveValueAsync("2024-03-15");
        await Journey.AssertAccessibleAsync(page, "the relationship form filled in by keyboard");
        await Journey.ScreenshotAsync(page, "maps-7-keyboard-form-1280");

        await page.Keyboard.PressAsync("Tab");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add relationship" });
        await Expect(add).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByText("Relationship added.")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Relationships between actors" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "refers to" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Food bank");
        await Expect(row).ToContainTextAsync("Housing officer");
        await Expect(row).ToContainTextAsync("(Both ways)");
        await Expect(row).ToContainTextAsync("Weekly referrals for families behind on rent.");
        await Expect(row).ToContainTextAsync("Good");
        await Expect(row).ToContainTextAsync("15 Mar 2024");
        await Expect(row.GetByRole(AriaRole.Img, new() { Name = "4 of 5" })).ToBeVisibleAsync();
        // After the page comes back, the new row is on screen and focus is still in the relationships section, where the
        // keyboard user left it, not lost to the top of the page.
        await Expect(row).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('relationships-heading').closest('section').contains(document.activeElement)"),
            "Focus left the relationships section: " + await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)"));
        await WaitForEditorAsync(page, "actor-map", nodes: 2, edges: 1);
        await Journey.AssertAccessibleAsync(page, "the actor map after adding a relationship");
        await Journey.ScreenshotAsync(page, "maps-8-keyboard-added-1280");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ObserverSeesMapsButCannotEdit()
    {
        var page = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(page, "board@demo.learningstack.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.Locator("a.cycle-card-name", new() { HasText = "Debt and welfare support team" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Debt and welfare support team", Level = 1 })).ToBeVisibleAsync();
        var understand = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Maps of the system", Exact = true }) });
        await Expect(understand).ToContainTextAsync("9 factors · 13 causal links");

        await understand.GetByRole(AriaRole.Link, new() { Name = "Factor map", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Factor map", Level = 1 })).ToBeVisibleAsync();
        await WaitForEditorAsync(page, "factor-map", nodes: 9, edges: 13);
        var tools = page.GetByRole(AriaRole.Toolbar, new() { Name = "Factor map tools" });
        await Expect(tools.GetByRole(AriaRole.Button, new() { Name = "Fit" })).ToBeVisibleAsync();
        foreach (var edit in new[] { "Add factor", "Connect", "Edit selected", "Delete selected", "Undo", "Tidy layout" })
        {
            await Expect(tools.GetByRole(AriaRole.Button, new() { Name = edit })).ToHaveCountAsync(0);
        }
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Find loops" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a factor" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a causal link" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Factors on this map" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Edit|Remove) ") })).ToHaveCountAsync(0);
        // The demo's named loop can still be shown on the picture.
        var named = page.Locator("li.loop-item").Filter(new() { HasText = "Relief opens up" });
        await named.GetByRole(AriaRole.Button, new() { Name = "Show on map" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('{EditorSelector}').mapEditor.cy.edges('.hl').length > 0");
        await Journey.AssertAccessibleAsync(page, "the factor map as an observer");
        await Journey.ScreenshotAsync(page, "maps-9-observer-factor-map-1280");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Maps of this cycle" }).GetByRole(AriaRole.Link, new() { Name = "Actor map", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actor map", Level = 1 })).ToBeVisibleAsync();
        await WaitForEditorAsync(page, "actor-map");
        await Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "Actor map tools" }).GetByRole(AriaRole.Button, new() { Name = "Add actor" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add an actor" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a relationship" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Record a boundary review")).ToHaveCountAsync(0);
        await Journey.AssertAccessibleAsync(page, "the actor map as an observer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();
        await Expect(page.GetByText("Members and stewards can import maps.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Map file")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kumu spreadsheet (.xlsx)" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page, "import and export as an observer");
        await page.Context.CloseAsync();
    }

    // ---- steps ----------------------------------------------------------------------------------------

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>Starts a team-scale cycle in the Gateshead demo network and leaves the page on it.</summary>
    private static async Task StartCycleAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Gateshead (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a Learning Cycle" })).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Scale").SelectOptionAsync(new SelectOptionValue { Label = "Team" });
        await page.GetByLabel("Purpose").FillAsync("People who need help get it early, from people who have time for them.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        Assert.Matches(CyclePath(), new Uri(page.Url).AbsolutePath);
    }

    private static async Task AddFactorAsync(IPage page, string name, string tags)
    {
        var form = page.Locator("form", new() { Has = page.Locator("#factor-name") });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Tags").FillAsync(tags);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add factor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Factors on this map" }).GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Factor added.")).ToBeVisibleAsync();
    }

    private static async Task AddLinkAsync(IPage page, string from, string sign, string to, int count, bool delay = false)
    {
        var form = page.Locator("form", new() { Has = page.Locator("#link-from") });
        await form.GetByLabel("From (the driver)").SelectOptionAsync(new SelectOptionValue { Label = from });
        await form.GetByLabel("Sign").SelectOptionAsync(new SelectOptionValue { Label = sign });
        await form.GetByLabel("To (what it drives)").SelectOptionAsync(new SelectOptionValue { Label = to });
        await form.GetByLabel("Confidence").SelectOptionAsync(new SelectOptionValue { Label = "High" });
        if (delay)
        {
            await form.GetByLabel("The effect takes a while to show (delay)").CheckAsync();
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "Add link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Causal links ({count})" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Causal link added.")).ToBeVisibleAsync();
    }

    private static async Task AddActorAsync(IPage page, string name, string kind)
    {
        var form = page.Locator("form", new() { Has = page.Locator("#actor-name") });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.GetByRole(AriaRole.Button, new() { Name = "Add actor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Actors on this map" }).GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    private static async Task ImportAsync(IPage page, string fileName, byte[] bytes)
    {
        await page.GetByLabel("Map file").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = bytes,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>
    /// Waits until the page's <paramref name="map"/> editor has drawn its graph (with so many nodes and edges, when
    /// given). An enhanced navigation patches the page as it streams in: the new heading can show while the previous
    /// page's editor is still there, so the editor must be for this map and alive (attached, and matching its container).
    /// </summary>
    private static async Task WaitForEditorAsync(IPage page, string map, int? nodes = null, int? edges = null)
    {
        var check = "const editor = document.querySelector('" + EditorSelector + "')?.mapEditor; const cy = editor?.cy; " +
            $"return !!cy && editor.map === '{map}' && editor.alive && !editor.root.classList.contains('is-loading')" +
            (nodes is { } n ? $" && cy.nodes().length === {n}" : "") +
            (edges is { } e ? $" && cy.edges().length === {e}" : "") + ";";
        await page.WaitForFunctionAsync("() => { " + check + " }");
    }

    private static Task<int> CountAsync(IPage page, string collection) =>
        page.EvaluateAsync<int>($"() => document.querySelector('{EditorSelector}').mapEditor.cy.{collection}.length");

    /// <summary>
    /// Presses Tab until the element with <paramref name="id"/> has focus, and returns every element passed on the
    /// way whose focus could not be seen (no outline and no box shadow while focused).
    /// </summary>
    private static async Task<(int Presses, List<string> Unseen)> TabToAsync(IPage page, string id, int most = 200)
    {
        var unseen = new List<string>();
        for (var i = 1; i <= most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var step = await page.EvaluateAsync<string[]>("""
                () => {
                  const el = document.activeElement;
                  const style = getComputedStyle(el);
                  const seen = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
                  const name = (el.id ? '#' + el.id : el.tagName.toLowerCase()) + ' “' + (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40) + '”';
                  return [el.id, seen ? '' : name];
                }
                """);
            if (step[0] == id)
            {
                return (i, unseen);
            }
            if (step[1].Length > 0)
            {
                unseen.Add(step[1]);
            }
        }
        throw new Xunit.Sdk.XunitException($"#{id} was not reached after {most} presses of Tab.");
    }

    /// <summary>Types a date into a focused date input, in the order of the browser's own date format.</summary>
    private static async Task TypeDateAsync(IPage page, DateOnly date)
    {
        var order = await page.EvaluateAsync<string[]>("() => new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2024, 2, 15)).filter(p => p.type !== 'literal').map(p => p.type)");
        foreach (var part in order)
        {
            await page.Keyboard.TypeAsync(part switch
            {
                "day" => date.Day.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                "month" => date.Month.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                _ => date.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }

    private static bool IsRotationOf(string[] path, string[] cycle) =>
        Enumerable.Range(0, cycle.Length).Any(shift => path.SequenceEqual(cycle.Skip(shift).Concat(cycle.Take(shift))));

    [GeneratedRegex("^/cycles/[0-9a-f-]{36}$")]
    private static partial Regex CyclePath();
}
