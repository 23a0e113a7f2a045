using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.People;

/// <summary>"My life as a system" through the API on both databases: drawing (the person and the practitioners), stale edits,
/// elements taking their links, links kept inside one map, reads in the access log, 404 for people with no relationship,
/// the map in the person's copy of everything and gone after erasure, and the editor's /api/ui copy on the page.</summary>
public abstract class LifeMapApiTests(AppFactory app)
{
    [Fact]
    public async Task AddElement_ThemeNormalisedAndDefaults_ReadBackWithThePersonAtTheCentre()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var url = $"/api/cases/{caseId}/life-map";

        using var added = await network.Member.PostAsync($"{url}/elements", new { name = "  Worry about money ", kind = "Factor", theme = "  Mental   HEALTH " });
        var element = await added.ReadAsync<LifeElementView>(HttpStatusCode.Created);
        var map = await network.Member.GetAsync<LifeMapView>(url);

        Assert.Equal(("Worry about money", "mental health", LifeEffect.NotSure, 2), (element.Name, element.Theme, element.Effect, element.Closeness));
        Assert.Equal($"/api/cases/{caseId}/life-map/elements/{element.Id}", added.Headers.Location?.OriginalString);
        Assert.Equal("Pat", map.Centre.Name);
        Assert.True(map.CanEdit);
        Assert.Equal([element], map.Elements);
        Assert.Contains("housing", map.Themes);
        Assert.Contains("mental health", map.Themes);
    }

    [Fact]
    public async Task AddElement_NoKindBadClosenessOrNoName_FieldErrorsAndNothingSaved()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var url = $"/api/cases/{caseId}/life-map/elements";

        using var noKind = await network.Member.PostAsync(url, new { name = "Her sister" });
        using var ring = await network.Member.PostAsync(url, new { name = "Her sister", kind = "Person", closeness = 4 });
        using var noName = await network.Member.PostAsync(url, new { name = "  ", kind = "Person" });

        await noKind.ShouldBeInvalidAsync("kind");
        await ring.ShouldBeInvalidAsync("closeness");
        await noName.ShouldBeInvalidAsync("name");
        Assert.Equal(0, await app.WithDbAsync(db => db.LifeMapElements.CountAsync(e => e.CaseFileId == caseId)));
    }

    [Fact]
    public async Task UpdateElement_StaleVersion_409AndTheFirstEditStays()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var url = $"/api/cases/{caseId}/life-map/elements";
        var id = await network.Member.CreatedIdAsync(url, new { name = "Housing office", kind = "Organisation" });

        using var first = await network.Member.PutAsync($"{url}/{id}", new { name = "Housing office", kind = "Organisation", effect = "GettingInTheWay", closeness = 3, version = 1 });
        using var stale = await network.Member.PutAsync($"{url}/{id}", new { name = "Council housing", kind = "Organisation", effect = "Helping", version = 1 });
        using var noVersion = await network.Member.PutAsync($"{url}/{id}", new { name = "Council housing", kind = "Organisation" });

        var saved = await first.ReadAsync<LifeElementView>();
        Assert.Equal((LifeEffect.GettingInTheWay, 3, 2), (saved.Effect, saved.Closeness, saved.Version));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await noVersion.ShouldBeInvalidAsync("version");
        var map = await network.Member.GetAsync<LifeMapView>($"/api/cases/{caseId}/life-map");
        Assert.Equal(("Housing office", LifeEffect.GettingInTheWay), (map.Elements.Single().Name, map.Elements.Single().Effect));
    }

    [Fact]
    public async Task DeleteElement_TakesItsLinksAndKeepsTheRest_EachRemovalInHistory()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var url = $"/api/cases/{caseId}/life-map";
        var son = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "Her son", kind = "Person", effect = "Both", closeness = 1 });
        var bank = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "The bank", kind = "Organisation" });
        var money = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "Money", kind = "Factor", theme = "income" });
        var sonBank = await network.Member.CreatedIdAsync($"{url}/links", new { fromId = son, toId = bank });
        var moneySon = await network.Member.CreatedIdAsync($"{url}/links", new { fromId = money, toId = son, polarity = "Opposite" });
        var bankMoney = await network.Member.CreatedIdAsync($"{url}/links", new { fromId = bank, toId = money, polarity = "Same", note = "Overdraft fees" });

        using var deleted = await network.Member.DeleteAsync($"{url}/elements/{son}");
        using var again = await network.Member.DeleteAsync($"{url}/elements/{son}");

        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await again.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var map = await network.Member.GetAsync<LifeMapView>(url);
        Assert.Equal(["The bank", "Money"], map.Elements.Select(e => e.Name));
        Assert.Equal([bankMoney], map.Links.Select(l => l.Id));
        var removed = await app.WithDbAsync(db => db.History.Where(h => h.Action == "Deleted" && h.CycleId == null)
            .Where(h => h.EntityId == son || h.EntityId == sonBank || h.EntityId == moneySon).Select(h => h.EntityType).ToListAsync());
        Assert.Equal(["LifeMapElement", "LifeMapLink", "LifeMapLink"], removed.Order(StringComparer.Ordinal));
        Assert.Equal("someone or something on a person's life map", HistoryText.Describe(nameof(LifeMapElement)));
    }

    [Fact]
    public async Task Links_ToItselfToAnotherFilesElementOrTwice_FieldErrors()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var (_, otherCase) = await CaseAsync("Sam", network);
        var url = $"/api/cases/{caseId}/life-map";
        var a = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "Neighbours", kind = "Person" });
        var b = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "Street", kind = "Factor" });
        var elsewhere = await network.Member.CreatedIdAsync($"/api/cases/{otherCase}/life-map/elements", new { name = "Sam's brother", kind = "Person" });
        await network.Member.CreatedIdAsync($"{url}/links", new { fromId = a, toId = b });

        using var itself = await network.Member.PostAsync($"{url}/links", new { fromId = a, toId = a });
        using var across = await network.Member.PostAsync($"{url}/links", new { fromId = a, toId = elsewhere });
        using var twice = await network.Member.PostAsync($"{url}/links", new { fromId = a, toId = b, polarity = "Same" });
        using var backwards = await network.Member.PostAsync($"{url}/links", new { fromId = b, toId = a });
        using var viaOtherFile = await network.Member.DeleteAsync($"/api/cases/{otherCase}/life-map/elements/{a}");

        Assert.Contains("two different", (await itself.ShouldBeInvalidAsync("toId"))[0], StringComparison.Ordinal);
        Assert.Contains("on this map", (await across.ShouldBeInvalidAsync("toId"))[0], StringComparison.Ordinal);
        Assert.Contains("already linked", (await twice.ShouldBeInvalidAsync("toId"))[0], StringComparison.Ordinal);
        await backwards.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await viaOtherFile.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await network.Member.GetAsync<LifeMapView>(url)).Elements.Count);
    }

    [Fact]
    public async Task ReadMap_OneAccessLogEntry_WhoAndOnWhatFooting()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var pat = await InvitePersonAsync(network.Member, caseId);
        var before = await LogAsync(caseId);

        using var response = await pat.GetAsync($"/api/cases/{caseId}/life-map");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var added = (await LogAsync(caseId)).Skip(before.Count).ToList();
        Assert.Equal([("Life map", pat.Id, CaseRelation.Person)], added.Select(e => (e.What, e.UserId, e.Relation)));
    }

    [Fact]
    public async Task Person_DrawsTheirOwnMap_AndAMoveIsNotAnEdit()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var pat = await InvitePersonAsync(network.Member, caseId);
        var url = $"/api/cases/{caseId}/life-map/elements";

        var id = await pat.CreatedIdAsync(url, new { name = "My grandchildren", kind = "Person", effect = "Helping", closeness = 1, x = 10, y = -190 });
        using var moved = await pat.PutAsync($"{url}/{id}/position", new { x = 55.56, y = -180 });
        using var edited = await pat.PutAsync($"{url}/{id}", new { name = "My grandchildren", kind = "Person", effect = "Helping", note = "Sundays", version = 1 });

        await moved.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var element = await edited.ReadAsync<LifeElementView>();
        Assert.Equal((55.6, -180.0, "Sundays", 2), (element.X!.Value, element.Y!.Value, element.Note, element.Version));
        var history = await app.WithDbAsync(db => db.History.Where(h => h.EntityId == id).OrderBy(h => h.At).Select(h => new { h.Action, h.UserId }).ToListAsync());
        Assert.Equal([("Created", pat.Id), ("Updated", pat.Id)], history.Select(h => (h.Action, h.UserId)));
    }

    [Fact]
    public async Task UnrelatedMemberAndOutsider_404_RestrictedFile_ReadOnly409()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var url = $"/api/cases/{caseId}/life-map";
        var id = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "GP surgery", kind = "Organisation" });
        var colleague = await app.CreateUserAsync("Cal Colleague");
        await app.AddMemberAsync(network.Id, colleague, LearningStack.Web.Features.Networks.NetworkRole.Member);

        using var colleagueRead = await colleague.GetAsync(url);
        using var colleagueMove = await colleague.PutAsync($"{url}/elements/{id}/position", new { x = 1, y = 1 });
        using var outsiderRead = await network.Outsider.GetAsync(url);
        using (var restrict = await network.Member.PutAsync($"/api/cases/{caseId}/restriction", new { restricted = true, reason = "Checking the record" }))
        {
            await restrict.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        using var whileRestricted = await network.Member.PostAsync($"{url}/elements", new { name = "Dentist", kind = "Organisation" });
        var map = await network.Member.GetAsync<LifeMapView>(url);

        await colleagueRead.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await colleagueMove.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await outsiderRead.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await whileRestricted.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.False(map.CanEdit);
        Assert.Equal(["GP surgery"], map.Elements.Select(e => e.Name));
        Assert.Null(map.Elements.Single().X);
    }

    [Fact]
    public async Task Export_ThePersonsCopy_HoldsTheLifeMapAsJsonAndCsv()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var pat = await InvitePersonAsync(network.Member, caseId);
        var url = $"/api/cases/{caseId}/life-map";
        var bus = await pat.CreatedIdAsync($"{url}/elements", new { name = "Bus fare", kind = "Factor", theme = "Mobility", effect = "GettingInTheWay" });
        var family = await pat.CreatedIdAsync($"{url}/elements", new { name = "My grandchildren", kind = "Person", effect = "Helping", closeness = 1 });
        await pat.CreatedIdAsync($"{url}/links", new { fromId = bus, toId = family, polarity = "Opposite", note = "Fewer Sundays" });

        using var response = await pat.GetAsync($"/api/cases/{caseId}/export");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        string Read(string name) => new StreamReader(zip.GetEntry(name)!.Open()).ReadToEnd();
        var elements = Read("life-map.csv").ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal(["kind,name,theme,effect,closeness,note", "Person,My grandchildren,,Helping,1,", "Factor,Bus fare,mobility,GettingInTheWay,2,"], elements);
        Assert.Equal(["from,to,polarity,note", "Bus fare,My grandchildren,Opposite,Fewer Sundays"], Read("life-map-links.csv").ReplaceLineEndings("\n").Trim().Split('\n'));
        using var json = JsonDocument.Parse(Read("case-file.json"));
        var lifeMap = json.RootElement.GetProperty("lifeMap");
        Assert.Equal(2, lifeMap.GetProperty("elements").GetArrayLength());
        Assert.Equal("Bus fare", lifeMap.GetProperty("links")[0].GetProperty("from").GetString());
        Assert.Contains(json.RootElement.GetProperty("earlierVersions").EnumerateArray(), v => v.GetProperty("entityType").GetString() == nameof(LifeMapLink));
    }

    [Fact]
    public async Task Erase_RemovesTheMapAndEveryEarlierVersionOfIt()
    {
        var (network, caseId) = await CaseAsync("Pat");
        var url = $"/api/cases/{caseId}/life-map";
        var a = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "Xanthe Orpington", kind = "Person", note = "Her friend from chapel" });
        var b = await network.Member.CreatedIdAsync($"{url}/elements", new { name = "Chapel", kind = "Organisation" });
        var link = await network.Member.CreatedIdAsync($"{url}/links", new { fromId = a, toId = b });
        using (var edit = await network.Member.PutAsync($"{url}/elements/{a}", new { name = "Xanthe O.", kind = "Person", version = 1 }))
        {
            await edit.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var reference = await app.WithDbAsync(db => db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync());
        Assert.Equal(4, await app.WithDbAsync(db => db.History.CountAsync(h => h.EntityId == a || h.EntityId == b || h.EntityId == link)));

        using var erased = await network.Member.PostAsync($"/api/cases/{caseId}/erase", new { confirmReference = reference });

        await erased.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0), await app.WithDbAsync(async db => (await db.LifeMapElements.CountAsync(e => e.CaseFileId == caseId), await db.LifeMapLinks.CountAsync(l => l.CaseFileId == caseId))));
        Assert.Equal(0, await app.WithDbAsync(db => db.History.CountAsync(h => h.EntityId == a || h.EntityId == b || h.EntityId == link)));
        Assert.Equal(0, await app.WithDbAsync(db => db.History.CountAsync(h => h.Before!.Contains("Xanthe") || h.After!.Contains("Xanthe"))));
        var map = await network.Member.GetAsync<LifeMapView>(url);
        Assert.Equal(("(erased)", false), (map.Centre.Name, map.CanEdit));
        Assert.Empty(map.Elements);
    }

    [Fact]
    public async Task Page_HandsTheEditorTheMapItRead_OneReadLogged_AndTheUiApiDraws()
    {
        var (network, caseId) = await CaseAsync("Pat");
        await network.Member.CreatedIdAsync($"/api/cases/{caseId}/life-map/elements", new { name = "Neighbours on Elm Street", kind = "Person", effect = "Helping" });
        var before = (await LogAsync(caseId)).Count;

        var (browser, token) = await CookieBrowser.SignInAsync(app, network.Member.Email, $"/cases/{caseId}/life-map");
        var logged = (await LogAsync(caseId)).Skip(before).Select(e => e.What).ToList();
        using var page = await browser.GetAsync($"/cases/{caseId}/life-map");
        var html = await page.Content.ReadAsStringAsync();
        using var added = await CookieBrowser.SendAsync(browser, HttpMethod.Post, $"/api/ui/cases/{caseId}/life-map/elements", """{"name":"Damp","kind":"Factor","theme":"housing"}""", token);
        using var unsigned = await CookieBrowser.SendAsync(browser, HttpMethod.Post, $"/api/ui/cases/{caseId}/life-map/elements", """{"name":"Bills","kind":"Factor"}""", null);

        Assert.Equal(["Life map page"], logged);
        Assert.Contains("data-map-editor=\"life-map\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-api=\"/api/ui/cases/{caseId}/life-map\"", html, StringComparison.Ordinal);
        Assert.Contains("data-initial=\"{&quot;caseId&quot;", html, StringComparison.Ordinal);
        Assert.Contains("Neighbours on Elm Street", html, StringComparison.Ordinal);
        await added.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await unsigned.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await network.Member.GetAsync<LifeMapView>($"/api/cases/{caseId}/life-map")).Elements.Count);
    }

    private async Task<(TestNetwork Network, Guid CaseId)> CaseAsync(string name, TestNetwork? network = null)
    {
        network ??= await app.NewNetworkAsync("Life maps");
        var person = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), $"{name}'s circle");
        var caseId = await network.Member.CreatedIdAsync($"/api/cycles/{person.Id}/cases", new { displayName = name });
        return (network, caseId);
    }

    private async Task<TestUser> InvitePersonAsync(TestUser practitioner, Guid caseId)
    {
        using var invited = await practitioner.PostAsync($"/api/cases/{caseId}/invitation", null);
        var token = (await invited.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("link").GetString()!.Split('/')[^1];
        var person = await app.CreateUserAsync("Pat Person");
        using var accepted = await person.PostAsync($"/api/case-invitations/{token}/accept", null);
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return person;
    }

    private Task<List<CaseAccessLogEntry>> LogAsync(Guid caseId) =>
        app.WithDbAsync(db => db.CaseAccessLog.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());
}

public sealed class LifeMapApiSqliteTests(SqliteAppFactory app) : LifeMapApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class LifeMapApiPostgresTests(PostgresAppFactory app) : LifeMapApiTests(app), IClassFixture<PostgresAppFactory>;
