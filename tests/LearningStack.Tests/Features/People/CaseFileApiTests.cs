using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.People;

/// <summary>Case files through the API on both databases: opening files, the person's own access, practitioner-only notes, the
/// access log on every read path, grants and break-glass, restriction, issues from a case, the rights to a copy and to erasure.</summary>
public abstract class CaseFileApiTests(AppFactory app)
{
    [Fact]
    public async Task Create_InTeamCycle_400AndInPersonCycle_ReferenceAndCreatorAsPractitioner()
    {
        var (network, person, team) = await WorldAsync();

        using var wrong = await network.Member.PostAsync($"/api/cycles/{team.Id}/cases", new { displayName = "Pat" });
        var file = await CreateAsync(network.Member, person.Id, "Pat");

        Assert.Contains("person scale", (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!["cycleId"][0], StringComparison.Ordinal);
        Assert.Matches("^P-[2-9A-HJKMNP-TV-Z]{6}$", file.Reference);
        Assert.Equal([network.Member.Name], file.Practitioners.Select(p => p.Name));
        Assert.Equal(CaseRelation.Practitioner, file.Relation);
    }

    [Fact]
    public async Task Create_NoName_FieldErrorAndNothingSaved()
    {
        var (network, person, _) = await WorldAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{person.Id}/cases", new { displayName = " " });

        Assert.Contains("displayName", (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseFiles.CountAsync(c => c.CycleId == person.Id)));
    }

    [Fact]
    public async Task PractitionerOnlyNote_HiddenFromThePersonShownToPractitioners()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var pat = await InvitePersonAsync(network.Member, file.Id);
        await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/notes", new { whatHappened = "Went shopping together." });
        await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/notes", new { whatHappened = "Worried about her son and the bank card.", practitionerOnly = true });

        var asPerson = await pat.GetAsync<CaseFileView>($"/api/cases/{file.Id}");
        var asPractitioner = await network.Member.GetAsync<CaseFileView>($"/api/cases/{file.Id}");

        Assert.Equal(["Went shopping together."], asPerson.Notes.Select(n => n.WhatHappened));
        Assert.Equal(2, asPractitioner.Notes.Count);
        Assert.Equal(CaseRelation.Person, asPerson.Relation);
    }

    [Fact]
    public async Task EveryReadPath_WritesTheAccessLog_WhoWhatAndFooting()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var pat = await InvitePersonAsync(network.Member, file.Id);
        var statement = await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/statements", new { kind = "WhatMatters", text = "My garden" });
        var before = await LogAsync(file.Id);

        foreach (var url in new[] { $"/api/cases/{file.Id}", $"/api/cases/{file.Id}/measures", $"/api/cases/{file.Id}/readings/export",
                     $"/api/cases/{file.Id}/export", $"/api/case-statements/{statement}/history" })
        {
            using var response = await pat.GetAsync(url);
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var added = (await LogAsync(file.Id)).Skip(before.Count).ToList();
        Assert.Equal(["API: case file", "API: measures", "Export: measures (CSV)", "Export: everything (subject access)", "History of an entry in what matters"],
            added.Select(e => e.What));
        Assert.All(added, e => Assert.Equal((pat.Id, "Pat Person", CaseRelation.Person), (e.UserId, e.UserName, e.Relation)));
        var seen = await pat.GetAsync<List<AccessLogView>>($"/api/cases/{file.Id}/access-log");
        Assert.Contains(seen, e => e.What == "Opened the file (new)" && e.UserName == network.Member.Name);
    }

    [Fact]
    public async Task BreakGlass_NeedsAReason_ThenReadOnlyAndProminentlyLogged()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var lead = await app.CreateUserAsync("Sam Safeguarding");
        await app.AddMemberAsync(network.Id, lead, LearningStack.Web.Features.Networks.NetworkRole.Member);
        await app.WithDbAsync(async db =>
        {
            (await db.NetworkMembers.SingleAsync(m => m.NetworkId == network.Id && m.UserId == lead.Id)).Safeguarding = true;
            await db.SaveChangesAsync();
        });

        using var before = await lead.GetAsync($"/api/cases/{file.Id}");
        using var noReason = await lead.PostAsync($"/api/cases/{file.Id}/break-glass", new { reason = "" });
        using var opened = await lead.PostAsync($"/api/cases/{file.Id}/break-glass", new { reason = "Police asked us to check on her tonight" });
        using var write = await lead.PostAsync($"/api/cases/{file.Id}/notes", new { whatHappened = "Visited" });

        Assert.Contains("break glass", (await before.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Detail, StringComparison.Ordinal);
        Assert.Contains("reason", (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(CaseRelation.BreakGlass, (await opened.ReadAsync<CaseFileView>()).Relation);
        await write.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var log = await network.Member.GetAsync<List<AccessLogView>>($"/api/cases/{file.Id}/access-log");
        Assert.Contains(log, e => e.Relation == CaseRelation.BreakGlass && e.Why == "Police asked us to check on her tonight" && e.UserName == "Sam Safeguarding");
    }

    [Fact]
    public async Task Grant_ExpiredOrRevoked_ColleagueGets404Again()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var colleague = await app.CreateUserAsync("Cal Colleague");
        await app.AddMemberAsync(network.Id, colleague, LearningStack.Web.Features.Networks.NetworkRole.Member);
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var grant = await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/grants", new { userId = colleague.Id, until, reason = "Covering my visits" });

        using var during = await colleague.GetAsync($"/api/cases/{file.Id}");
        await during.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await app.WithDbAsync(async db =>
        {
            (await db.CaseAccessGrants.SingleAsync(g => g.Id == grant)).ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });
        using var expired = await colleague.GetAsync($"/api/cases/{file.Id}");
        await expired.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var again = await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/grants", new { userId = colleague.Id, until, reason = "Covering again" });
        using var revoke = await network.Member.DeleteAsync($"/api/case-grants/{again}");
        await revoke.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var revoked = await colleague.GetAsync($"/api/cases/{file.Id}");
        await revoked.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Grant_PastDayOrObserver_FieldErrors()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");

        using var past = await network.Member.PostAsync($"/api/cases/{file.Id}/grants",
            new { userId = network.Steward.Id, until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), reason = "Cover" });
        using var observer = await network.Member.PostAsync($"/api/cases/{file.Id}/grants",
            new { userId = network.Observer.Id, until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), reason = "Cover" });

        Assert.Contains("until", (await past.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("userId", (await observer.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task Invitation_UsedOnce_AndNotByAPractitioner()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var token = await InvitationTokenAsync(network.Member, file.Id);

        using var byPractitioner = await network.Member.PostAsync($"/api/case-invitations/{token}/accept", null);
        var pat = await app.CreateUserAsync("Pat Person");
        using var accepted = await pat.PostAsync($"/api/case-invitations/{token}/accept", null);
        var stranger = await app.CreateUserAsync("Someone Else");
        using var reused = await stranger.PostAsync($"/api/case-invitations/{token}/accept", null);

        await byPractitioner.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await reused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([file.Id], (await pat.GetAsync<List<CaseSummary>>("/api/me/cases")).Select(c => c.Id));
        using var strangerReads = await stranger.GetAsync($"/api/cases/{file.Id}");
        await strangerReads.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Statement_EditedByThePerson_EarlierWordsKeptAndStaleEdit409()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var pat = await InvitePersonAsync(network.Member, file.Id);
        using var created = await network.Member.PostAsync($"/api/cases/{file.Id}/statements", new { kind = "WhatMatters", text = "Seeing my grandchildren" });
        var statement = await created.ReadAsync<StatementView>(HttpStatusCode.Created);

        using var edit = await pat.PutAsync($"/api/case-statements/{statement.Id}", new { text = "Seeing my grandchildren every Sunday", version = statement.Version });
        using var stale = await network.Member.PutAsync($"/api/case-statements/{statement.Id}", new { text = "Something else", version = statement.Version });

        await edit.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var history = await pat.GetAsync<List<StatementHistoryView>>($"/api/case-statements/{statement.Id}/history");
        Assert.Equal(["Seeing my grandchildren every Sunday", "Seeing my grandchildren"], history.Select(h => h.Text));
        var own = await pat.CreatedIdAsync($"/api/cases/{file.Id}/statements", new { kind = "WhatMatters", text = "My allotment" });
        var view = await pat.GetAsync<CaseFileView>($"/api/cases/{file.Id}");
        Assert.Equal(StatementAuthor.Person, view.WhatMatters.Single(s => s.Id == own).WrittenBy);
    }

    [Fact]
    public async Task Restriction_FreezesChanges_ButConsentCanStillBeWithdrawn()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var pat = await InvitePersonAsync(network.Member, file.Id);
        using var consent = await network.Member.PostAsync($"/api/cases/{file.Id}/consents", new { purpose = "Aggregates", given = true, how = "At a visit" });
        await consent.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var noReason = await network.Member.PutAsync($"/api/cases/{file.Id}/restriction", new { restricted = true });
        using var restrict = await network.Member.PutAsync($"/api/cases/{file.Id}/restriction", new { restricted = true, reason = "Checking the record" });

        using var note = await network.Member.PostAsync($"/api/cases/{file.Id}/notes", new { whatHappened = "Visited" });
        using var withdraw = await pat.PostAsync($"/api/cases/{file.Id}/consents", new { purpose = "Aggregates", given = false });
        using var lift = await network.Member.PutAsync($"/api/cases/{file.Id}/restriction", new { restricted = false });
        using var after = await network.Member.PostAsync($"/api/cases/{file.Id}/notes", new { whatHappened = "Visited" });

        Assert.Contains("reason", (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await restrict.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("restricted", (await note.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail, StringComparison.Ordinal);
        var consents = await withdraw.ReadAsync<List<ConsentView>>();
        Assert.False(consents.Single().Given);
        Assert.Equal("By the person, online", consents.Single().How);
        await lift.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await after.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task IssueFromCase_InTheTeamLog_ShowsTheReferenceNeverTheName()
    {
        var (network, person, team) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Patricia Quince");
        var unlinked = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Unlinked team");

        using var created = await network.Member.PostAsync($"/api/cycles/{team.Id}/issues",
            new { description = "The bus pass form needs three proofs of address", level = "System", owner = "Leadership", source = "Case", sourceId = file.Id });
        using var elsewhere = await network.Member.PostAsync($"/api/cycles/{unlinked.Id}/issues",
            new { description = "x", level = "System", owner = "Team", source = "Case", sourceId = file.Id });
        using var notMine = await network.Steward.PostAsync($"/api/cycles/{team.Id}/issues",
            new { description = "x", level = "System", owner = "Team", source = "Case", sourceId = file.Id });

        var issue = await created.ReadAsync<IssueView>(HttpStatusCode.Created);
        Assert.Equal((IssueSource.Case, $"Case {file.Reference}"), (issue.Source, issue.SourceLabel));
        Assert.DoesNotContain("Quince", JsonSerializer.Serialize(await network.Observer.GetAsync<JsonElement>($"/api/cycles/{team.Id}/issues")), StringComparison.Ordinal);
        Assert.Contains("sourceId", (await elsewhere.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("sourceId", (await notMine.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task Export_ThePersonsCopy_ZipOfJsonAndCsvWithoutPractitionerOnlyNotes()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var pat = await InvitePersonAsync(network.Member, file.Id);
        var letters = await network.Member.CreatedIdAsync($"/api/networks/{network.Id}/tasks", new { name = "Open and sort letters together", complexity = 2 });
        await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/notes", new { whatHappened = "Shared note", taskTypeIds = new[] { letters } });
        await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/notes", new { whatHappened = "Private worry", practitionerOnly = true });
        await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/statements", new { kind = "WhatMatters", text = "Not dreading the post", tags = "letters, Money" });

        using var response = await pat.GetAsync($"/api/cases/{file.Id}/export");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["README.txt", "access-log.csv", "case-file.json", "consent.csv", "evidence.csv", "experiments.csv", "life-map-links.csv", "life-map.csv", "notes.csv", "readings.csv", "spend.csv", "stories.csv", "what-matters.csv"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var everything = string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("Shared note", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Private worry", everything, StringComparison.Ordinal);
        var notes = new StreamReader(zip.GetEntry("notes.csv")!.Open()).ReadToEnd();
        Assert.Contains("Shared note", notes.Split('\n').Single(l => l.Contains("Open and sort letters together", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("\"letters, money\"", new StreamReader(zip.GetEntry("what-matters.csv")!.Open()).ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_ThePersonTellsOneIntoTheirOwnFile_ListedInTheFileLoggedAndInTheirCopy()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Pat");
        var other = await CreateAsync(network.Member, person.Id, "Sam");
        var pat = await InvitePersonAsync(network.Member, file.Id);
        var collection = await network.Steward.CreatedIdAsync($"{network.Url}/story-collections", new { template = "service-experience" });
        var url = $"/api/story-collections/{collection}/stories";

        using var own = await pat.PostAsync(url, new { text = "The day the bus pass finally came through.", caseId = file.Id });
        using var unlinked = await pat.PostAsync(url, new { text = "Not in any file." });
        using var someoneElses = await pat.PostAsync(url, new { text = "Someone else's file.", caseId = other.Id });
        using var observerLinks = await network.Observer.PostAsync(url, new { text = "Observer tries.", caseId = file.Id });
        var before = (await LogAsync(file.Id)).Count;
        var listed = await network.Member.GetAsync<JsonElement>($"/api/cases/{file.Id}/stories");
        using var observerReads = await network.Observer.GetAsync($"/api/cases/{file.Id}/stories");

        await own.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await unlinked.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await someoneElses.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await observerLinks.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await observerReads.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var story = Assert.Single(listed.GetProperty("stories").EnumerateArray());
        Assert.Equal(("The day the bus pass finally came through.", "Pat Person"), (story.GetProperty("text").GetString(), story.GetProperty("toldBy").GetString()));
        Assert.True(listed.GetProperty("countsInSenseMaking").GetBoolean());
        Assert.Equal(["API: stories told with the person"], (await LogAsync(file.Id)).Skip(before).Select(e => e.What));
        Assert.Equal(1, await app.WithDbAsync(db => db.Stories.CountAsync(s => s.CollectionId == collection)));

        using var withdrawn = await pat.PostAsync($"/api/cases/{file.Id}/consents", new { purpose = "Stories", given = false, how = "Clicked withdraw" });
        await withdrawn.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.False((await pat.GetAsync<JsonElement>($"/api/cases/{file.Id}/stories")).GetProperty("countsInSenseMaking").GetBoolean());
        using var copy = await pat.GetAsync($"/api/cases/{file.Id}/export");
        using var zip = new ZipArchive(await copy.Content.ReadAsStreamAsync());
        Assert.Contains("The day the bus pass finally came through.", new StreamReader(zip.GetEntry("stories.csv")!.Open()).ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentWithdrawal_TakesEffectInTheTeamsAggregatesAtOnce_AndSmallGroupsAreSuppressed()
    {
        var (network, person, team) = await WorldAsync();
        var files = new List<CaseFileView>();
        for (var i = 0; i < 5; i++)
        {
            var file = await CreateAsync(network.Member, person.Id, $"Person {i}");
            files.Add(file);
            using var consent = await network.Member.PostAsync($"/api/cases/{file.Id}/consents", new { purpose = "Aggregates", given = true, how = "At a visit" });
            await consent.ShouldHaveStatusAsync(HttpStatusCode.OK);
            var measure = await network.Member.CreatedIdAsync($"/api/cases/{file.Id}/measures", new { name = "Money day to day", lowLabel = "short", highLabel = "fine" });
            using var first = await network.Member.PostAsync($"/api/cases/{file.Id}/readings", new { on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10), readings = new[] { new { measureId = measure, value = 3 } } });
            using var latest = await network.Member.PostAsync($"/api/cases/{file.Id}/readings", new { readings = new[] { new { measureId = measure, value = i == 0 ? 2 : 6 } } });
            await latest.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var all = await network.Observer.GetAsync<PersonScaleAggregate>($"/api/cycles/{team.Id}/person-scale");
        var pat = await InvitePersonAsync(network.Member, files[0].Id);
        using var withdraw = await pat.PostAsync($"/api/cases/{files[0].Id}/consents", new { purpose = "Aggregates", given = false });
        await withdraw.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var after = await network.Observer.GetAsync<PersonScaleAggregate>($"/api/cycles/{team.Id}/person-scale");

        Assert.Equal(5, all.FilesCounted);
        Assert.Equal(new DimensionAggregate("Money day to day", 5, 4, 0, 1, false), all.Dimensions.Single());
        Assert.Null(after.FilesCounted);
        Assert.Equal(1, after.FilesNotCounted);
        Assert.Equal(new DimensionAggregate("Money day to day", null, null, null, null, true), after.Dimensions.Single());
        Assert.DoesNotContain("Person 1", JsonSerializer.Serialize(all), StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_IsSetByThePersonOrPractitioner_CheckedForStaleVersions_ExportedAndErased()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Person about");
        var url = $"/api/cases/{file.Id}/about";
        var pat = await InvitePersonAsync(network.Member, file.Id);
        var version = (await pat.GetAsync<CaseFileView>($"/api/cases/{file.Id}")).Version;

        using var byPerson = await pat.PutAsync(url, new { ageBand = "From35To49", gender = "NonBinary", version });
        var saved = await byPerson.ReadAsync<CaseFileView>(HttpStatusCode.OK);
        using var stale = await network.Member.PutAsync(url, new { ageBand = "From65", version });
        using var noVersion = await network.Member.PutAsync(url, new { ageBand = "From65" });
        using var badValue = await network.Member.PutAsync(url, new { ageBand = "Old", version = saved.Version });
        using var observer = await network.Observer.PutAsync(url, new { ageBand = "From65", version = saved.Version });
        using var copy = await network.Member.GetAsync($"/api/cases/{file.Id}/export");
        using var zip = new ZipArchive(await copy.Content.ReadAsStreamAsync());
        var json = new StreamReader(zip.GetEntry("case-file.json")!.Open()).ReadToEnd();

        Assert.Equal(AgeBand.From35To49, saved.AgeBand);
        Assert.Equal(GenderGroup.NonBinary, saved.Gender);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await noVersion.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await badValue.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(observer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, observer.StatusCode.ToString());
        Assert.Equal("35–49", JsonDocument.Parse(json).RootElement.GetProperty("ageBand").GetString());

        using var cleared = await network.Member.PutAsync(url, new { version = saved.Version });
        Assert.Null((await cleared.ReadAsync<CaseFileView>(HttpStatusCode.OK)).AgeBand);
        using var again = await network.Member.PutAsync(url, new { gender = "Woman", version = saved.Version + 1 });
        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var erase = await network.Member.PostAsync($"/api/cases/{file.Id}/erase", new { confirmReference = file.Reference });
        await erase.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Null(await app.WithDbAsync(db => db.CaseFiles.Where(f => f.Id == file.Id).Select(f => f.Gender).SingleAsync()));
    }

    [Fact]
    public async Task CountedFlag_FollowsTheLatestDecisionAboutAggregates_AndErasureClearsIt()
    {
        var (network, person, _) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, "Person counted");
        var url = $"/api/cases/{file.Id}/consents";
        Task<bool> Counted() => app.WithDbAsync(db => db.CaseFiles.Where(f => f.Id == file.Id).Select(f => f.Counted).SingleAsync());
        var version = await app.WithDbAsync(db => db.CaseFiles.Where(f => f.Id == file.Id).Select(f => f.Version).SingleAsync());

        Assert.False(await Counted());
        (await network.Member.PostAsync(url, new { purpose = "Aggregates", given = true, how = "At a visit" })).Dispose();
        Assert.True(await Counted());
        (await network.Member.PostAsync(url, new { purpose = "Stories", given = false, how = "At a visit" })).Dispose();
        Assert.True(await Counted());
        (await network.Member.PostAsync(url, new { purpose = "Aggregates", given = false, how = "On the phone" })).Dispose();
        Assert.False(await Counted());
        (await network.Member.PostAsync(url, new { purpose = "Aggregates", given = true, how = "At a visit" })).Dispose();
        Assert.True(await Counted());
        // The consent row is the record: the file itself is not changed, so nobody editing its details meets a conflict.
        Assert.Equal(version, await app.WithDbAsync(db => db.CaseFiles.Where(f => f.Id == file.Id).Select(f => f.Version).SingleAsync()));

        using var erase = await network.Member.PostAsync($"/api/cases/{file.Id}/erase", new { confirmReference = file.Reference });
        await erase.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.False(await Counted());
    }

    [Fact]
    public async Task Erase_LeavesNoPersonalDataInAnyTableOrTheDatabaseFile_AndKeepsTheCount()
    {
        const string name = "Zebedee Quibblewick";
        var (network, person, team) = await WorldAsync();
        var file = await CreateAsync(network.Member, person.Id, name, contact: $"{name}, 4 Quibblewick Lane");
        var url = $"/api/cases/{file.Id}";
        var pat = await InvitePersonAsync(network.Member, file.Id);
        var statement = await network.Member.CreatedIdAsync($"{url}/statements", new { kind = "WhatMatters", text = $"{name} wants to see the sea" });
        using (var edit = await pat.PutAsync($"/api/case-statements/{statement}", new { text = $"{name} wants to see the sea again", version = 1 }))
        {
            await edit.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        await pat.CreatedIdAsync($"{url}/statements", new { kind = "Strength", text = $"Quibblewick humour" });
        await network.Member.CreatedIdAsync($"{url}/notes", new { whatHappened = $"Visited {name}", nextSteps = "Quibblewick paperwork", practitionerOnly = true });
        var van = await network.Member.CreatedIdAsync($"/api/networks/{network.Id}/tasks", new { name = "Drive a van", complexity = 1 });
        await network.Member.CreatedIdAsync($"{url}/notes", new { whatHappened = $"Moved {name}'s bed", taskTypeIds = new[] { van } });
        var measure = await network.Member.CreatedIdAsync($"{url}/measures", new { name = "Quibblewick walks", lowLabel = "never", highLabel = "daily" });
        using (var rate = await network.Member.PostAsync($"{url}/readings", new { ratedBy = "Together", readings = new[] { new { measureId = measure, value = 4, practitionerValue = 3, note = $"{name} disagrees" } } }))
        {
            await rate.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        using (var consent = await network.Member.PostAsync($"{url}/consents", new { purpose = "Sharing", organisation = "Quibblewick Trust", given = true, how = $"Told {name}" }))
        {
            await consent.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var friend = await pat.CreatedIdAsync($"{url}/life-map/elements", new { name = $"{name}'s friend", kind = "Person", theme = "friends", note = "Quibblewick chapel" });
        var fare = await network.Member.CreatedIdAsync($"{url}/life-map/elements", new { name = "Quibblewick bus fare", kind = "Factor" });
        await pat.CreatedIdAsync($"{url}/life-map/links", new { fromId = fare, toId = friend, note = $"Costs {name} a visit" });
        var colleague = await app.CreateUserAsync("Cal Colleague");
        await app.AddMemberAsync(network.Id, colleague, LearningStack.Web.Features.Networks.NetworkRole.Member);
        await network.Member.CreatedIdAsync($"{url}/grants", new { userId = colleague.Id, until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), reason = $"Covering {name}" });
        using (var issue = await network.Member.PostAsync($"/api/cycles/{team.Id}/issues", new { description = "Forms repeat", level = "System", owner = "Team", source = "Case", sourceId = file.Id }))
        {
            await issue.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        using (var spend = await network.Member.PostAsync($"/api/cycles/{team.Id}/spend",
            new { spentOn = DateOnly.FromDateTime(DateTime.UtcNow), amount = 35.50m, currency = "GBP", whatWasBought = $"Heater for {name}", newCategory = "Warmth", caseId = file.Id }))
        {
            await spend.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        using (var collection = await network.Steward.PostAsync($"{network.Url}/story-collections", new { template = "appreciative-inquiry" }))
        {
            var collectionId = (await collection.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await network.Member.CreatedIdAsync($"/api/story-collections/{collectionId}/stories", new { text = $"{name} told us about the day the heating came back", caseId = file.Id });
        }
        var experiment = await network.Member.CreatedIdAsync($"/api/cycles/{person.Id}/experiments",
            new { title = "What happens if we go grocery shopping together?", type = "Probe", inquiryQuestions = new[] { "What happens?" }, caseId = file.Id });
        var evidenceUrl = $"/api/experiments/{experiment}/evidence";
        var keptNote = await network.Member.CreatedIdAsync(evidenceUrl, new { kind = "Note", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow), title = $"{name} chose the shop", text = "Quibblewick paid for the bread", caseId = file.Id });
        using (var edit = await network.Member.PutAsync($"/api/evidence/{keptNote}", new { occurredOn = DateOnly.FromDateTime(DateTime.UtcNow), text = $"{name} paid for the bread herself", caseId = file.Id, version = 1 }))
        {
            await edit.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var keptValue = await network.Member.CreatedIdAsync(evidenceUrl, new { kind = "Measurement", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow), whatMeasured = "Quibblewick minutes at the till", value = 12, context = $"{name} was tired", caseId = file.Id });
        var photo = await LearningStack.Tests.Infrastructure.Experiments.EvidenceCatalogue.UploadIdAsync(network.Member, experiment,
            LearningStack.Tests.Infrastructure.Experiments.MediaSamples.Png, "quibblewick-at-the-till.png", $"{name} at the till", file.Id);
        var storedName = await app.WithDbAsync(db => db.Evidence.Where(e => e.Id == photo).Select(e => e.StoredName!).SingleAsync());
        var mediaPath = Path.Combine(app is SqliteAppFactory s ? s.DataFolder : ((PostgresAppFactory)app).DataFolder, "media", storedName);
        Assert.True(File.Exists(mediaPath));
        Assert.NotEqual(0, await CountAsync(name.Split(' ')[1]));

        using var wrong = await network.Member.PostAsync($"{url}/erase", new { confirmReference = "P-NOPE00" });
        using var erased = await network.Member.PostAsync($"{url}/erase", new { confirmReference = file.Reference.ToLowerInvariant() });

        Assert.Contains("confirmReference", (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await erased.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, await CountAsync("Quibblewick"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseNoteTasks.CountAsync(t => t.CaseFileId == file.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseTaskTypes.CountAsync(t => t.Id == van))); // the network's list is not the person's data
        if (app is SqliteAppFactory sqlite)
        {
            foreach (var path in Directory.EnumerateFiles(sqlite.DataFolder, "*.db*", SearchOption.AllDirectories))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                Assert.True(buffer.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes("Quibblewick")) < 0, $"{Path.GetFileName(path)} still holds the name");
            }
        }
        var view = await network.Member.GetAsync<CaseFileView>(url);
        Assert.Equal((null, null, file.Reference), (view.DisplayName, view.Contact, view.Reference));
        Assert.NotNull(view.ErasedAt);
        Assert.Equal(1, (await network.Observer.GetAsync<CaseList>($"/api/cycles/{person.Id}/cases")).Total);
        Assert.Equal(35.50m, await app.WithDbAsync(db => db.SpendEntries.Where(e => e.CycleId == team.Id).Select(e => e.Amount).SingleAsync()));
        Assert.False(File.Exists(mediaPath), "the photo kept in the file is still on disk");
        var tried = await network.Observer.GetAsync<LearningStack.Web.Features.Experiments.ExperimentDetail>($"/api/experiments/{experiment}");
        Assert.Equal(("What happens if we go grocery shopping together?", (Guid?)null, (string?)null), (tried.Title, tried.CaseId, tried.CaseReference));
        var evidence = await network.Observer.GetAsync<LearningStack.Web.Features.Experiments.EvidenceListView>(evidenceUrl);
        Assert.Equal(3, evidence.Total);
        Assert.Equal(12m, evidence.Entries.Single(e => e.Id == keptValue).Value);
        Assert.Null(evidence.Entries.Single(e => e.Id == photo).FileUrl);
        using var after = await network.Member.PostAsync($"{url}/notes", new { whatHappened = "x" });
        await after.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    /// <summary>How many text cells in the whole database contain the text (every string column of every table in the model).</summary>
    private Task<int> CountAsync(string text) => app.WithDbAsync(async db =>
    {
        var total = 0;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            foreach (var column in entity.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName()))
            {
                var connection = db.Database.GetDbConnection();
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync();
                }
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" LIKE '%' || @text || '%'";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@text";
                parameter.Value = text;
                command.Parameters.Add(parameter);
                try
                {
                    total += Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (System.Data.Common.DbException e) when (e.Message.Contains("AspNetUserPasskeys", StringComparison.Ordinal) || e.Message.Contains("does not exist", StringComparison.Ordinal))
                {
                    // Identity's passkey table is in the model but not created by this app's migrations.
                }
            }
        }
        return total;
    });

    private Task<List<CaseAccessLogEntry>> LogAsync(Guid caseId) =>
        app.WithDbAsync(db => db.CaseAccessLog.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    private async Task<(TestNetwork Network, CycleDetail Person, CycleDetail Team)> WorldAsync()
    {
        var network = await app.NewNetworkAsync("People");
        var person = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Residents' circle");
        var team = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Neighbourhood team");
        await network.Steward.LinkAsync(network.Id, person.Id, team.Id, "What people's lives show");
        return (network, person, team);
    }

    private static async Task<CaseFileView> CreateAsync(TestUser practitioner, Guid cycleId, string name, string? contact = null)
    {
        using var response = await practitioner.PostAsync($"/api/cycles/{cycleId}/cases", new { displayName = name, contact });
        return await response.ReadAsync<CaseFileView>(HttpStatusCode.Created);
    }

    private static async Task<string> InvitationTokenAsync(TestUser practitioner, Guid caseId)
    {
        using var response = await practitioner.PostAsync($"/api/cases/{caseId}/invitation", null);
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("link").GetString()!.Split('/')[^1];
    }

    private async Task<TestUser> InvitePersonAsync(TestUser practitioner, Guid caseId)
    {
        var token = await InvitationTokenAsync(practitioner, caseId);
        var pat = await app.CreateUserAsync("Pat Person");
        using var accepted = await pat.PostAsync($"/api/case-invitations/{token}/accept", null);
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return pat;
    }
}

public sealed class CaseFileApiSqliteTests(SqliteAppFactory app) : CaseFileApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CaseFileApiPostgresTests(PostgresAppFactory app) : CaseFileApiTests(app), IClassFixture<PostgresAppFactory>;
