using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.Experiments;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.People;

/// <summary>Person-scale experiments on both databases: an experiment tried with one person is linked to their case file (which needs
/// the right to work on it) and names them only by reference; evidence kept in the file is seen only by the people who can open it,
/// each read logged, and counted (nothing more) for everyone else.</summary>
public abstract class CaseExperimentsApiTests(AppFactory app)
{
    private const string Secret = "Marigold Fenwick-Tuttle";

    [Fact]
    public async Task LinkExperiment_NeedsWorkOnTheCase_OthersGetAFieldErrorThatRevealsNothing()
    {
        var w = await WorldAsync();

        using var byPractitioner = await w.Network.Member.PostAsync($"/api/cycles/{w.Person.Id}/experiments", Design("Shopping together", w.CaseId));
        using var byColleague = await w.Colleague.PostAsync($"/api/cycles/{w.Person.Id}/experiments", Design("Shopping together", w.CaseId));
        using var unknownCase = await w.Colleague.PostAsync($"/api/cycles/{w.Person.Id}/experiments", Design("Shopping together", Guid.NewGuid()));
        using var otherCycle = await w.Network.Member.PostAsync($"/api/cycles/{w.Team.Id}/experiments", Design("Shopping together", w.CaseId));

        var experiment = await byPractitioner.ReadAsync<ExperimentDetail>(HttpStatusCode.Created);
        Assert.Equal((w.CaseId, w.Reference, true), (experiment.CaseId, experiment.CaseReference, experiment.CanOpenCase));
        var refused = await byColleague.ShouldBeInvalidAsync("caseId");
        Assert.Equal(refused, await unknownCase.ShouldBeInvalidAsync("caseId"));
        await otherCycle.ShouldBeInvalidAsync("caseId");
        Assert.Equal(1, await app.WithDbAsync(db => db.Experiments.CountAsync(e => e.NetworkId == w.Network.Id)));
    }

    [Fact]
    public async Task EditDesign_ColleagueMayEditButNotTakeOffTheLink_PractitionerMay()
    {
        var w = await WorldAsync();
        var experiment = await w.ExperimentAsync();

        using var edited = await w.Colleague.PutAsync($"/api/experiments/{experiment.Id}", Design("Shopping on Thursdays", w.CaseId, experiment.Version));
        var afterEdit = await edited.ReadAsync<ExperimentDetail>();
        using var unlinkByColleague = await w.Colleague.PutAsync($"/api/experiments/{experiment.Id}", Design("Shopping on Thursdays", null, afterEdit.Version));
        using var unlinkByPractitioner = await w.Network.Member.PutAsync($"/api/experiments/{experiment.Id}", Design("Shopping on Thursdays", null, afterEdit.Version));

        Assert.Equal((w.Reference, false), (afterEdit.CaseReference, afterEdit.CanOpenCase));
        await unlinkByColleague.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null((await unlinkByPractitioner.ReadAsync<ExperimentDetail>()).CaseId);
    }

    [Fact]
    public async Task UnrelatedMember_SeesTheExperimentByReference_ButOnlyACountOfTheEvidenceKeptInTheFile()
    {
        var w = await WorldAsync();
        var experiment = await w.ExperimentAsync();
        var url = $"/api/experiments/{experiment.Id}";
        var kept = await w.Network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = Today(-2), title = $"{Secret} chose the shop", text = $"{Secret} paid for the bread herself.", caseId = w.CaseId });
        await w.Network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Measurement", occurredOn = Today(-2), whatMeasured = "Minutes in the shop", value = 40, context = $"{Secret} was tired", caseId = w.CaseId });
        await w.Network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Measurement", occurredOn = Today(-1), whatMeasured = "Minutes in the shop", value = 25 });
        await w.Network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = Today(-1), text = "Shopping first built trust quickly." });

        var board = await w.Network.Observer.GetAsync<CycleExperimentsView>($"/api/cycles/{w.Person.Id}/experiments");
        var asObserver = await w.Network.Observer.GetAsync<JsonElement>(url);
        var listed = await w.Colleague.GetAsync<EvidenceListView>($"{url}/evidence");
        var measured = await w.Colleague.GetAsync<MeasurementsView>($"{url}/measurements");
        var practitionerList = await w.Network.Member.GetAsync<EvidenceListView>($"{url}/evidence");
        using var caseView = await w.Colleague.GetAsync($"/api/cases/{w.CaseId}/experiments");
        using var edit = await w.Colleague.PutAsync($"/api/evidence/{kept}", new { kind = "Note", occurredOn = Today(-2), text = "Changed", version = 1 });
        using var delete = await w.Colleague.DeleteAsync($"/api/evidence/{kept}");
        var history = await w.Network.Observer.GetAsync<JsonElement>($"/api/cycles/{w.Person.Id}/history");

        Assert.Equal(w.Reference, board.Columns.SelectMany(c => c.Experiments).Single().CaseReference);
        Assert.Equal(w.Reference, asObserver.GetProperty("caseReference").GetString());
        Assert.Equal((2, 2), (listed.Total, listed.Hidden));
        Assert.All(listed.Entries, e => Assert.Null(e.CaseId));
        Assert.Equal([25m], measured.Series.Single().Points.Select(p => p.Value));
        Assert.Equal(2, measured.Hidden);
        Assert.DoesNotContain("Fenwick", JsonSerializer.Serialize(new object[] { asObserver, listed, measured, history }), StringComparison.Ordinal);
        Assert.Equal((4, 0), (practitionerList.Total, practitionerList.Hidden));
        Assert.Equal(w.Reference, practitionerList.Entries.Single(e => e.Id == kept).CaseReference);
        await caseView.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await edit.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await delete.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EvidenceKeptInTheFile_EveryReadLogged_RefusedReadsAndOtherEvidenceNot()
    {
        var w = await WorldAsync();
        var experiment = await w.ExperimentAsync();
        var url = $"/api/experiments/{experiment.Id}";
        await w.Network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = Today(-1), text = $"{Secret} laughed at the till.", caseId = w.CaseId });

        var before = (await LogAsync(w.CaseId)).Count;
        await w.Colleague.GetAsync<EvidenceListView>($"{url}/evidence");
        await w.Network.Observer.GetAsync<MeasurementsView>($"{url}/measurements");
        var afterRefused = (await LogAsync(w.CaseId)).Count;
        var list = await w.Network.Member.GetAsync<EvidenceListView>($"{url}/evidence");
        await w.Network.Member.GetAsync<MeasurementsView>($"{url}/measurements");
        var caseView = await w.Network.Member.GetAsync<CaseExperimentsView>($"/api/cases/{w.CaseId}/experiments");
        var log = await LogAsync(w.CaseId);

        Assert.Equal(before, afterRefused);
        Assert.Contains(Secret, list.Entries.Single().Text, StringComparison.Ordinal);
        Assert.Equal([experiment.Id], caseView.Experiments.Select(x => x.Id));
        Assert.Equal(Secret + " laughed at the till.", caseView.Evidence.Single().Entry.Text);
        Assert.Equal(
            [$"Experiment evidence linked to the file: {experiment.Title}", $"Experiment evidence linked to the file: {experiment.Title}", "API: experiments with the person"],
            log.Skip(before).Select(e => e.What));
        Assert.All(log.Skip(before), e => Assert.Equal((w.Network.Member.Id, CaseRelation.Practitioner), (e.UserId, e.Relation)));
    }

    [Fact]
    public async Task MediaKeptInTheFile_DownloadNeedsTheCase_ThePersonMayTheTeamMayNot()
    {
        var w = await WorldAsync();
        var experiment = await w.ExperimentAsync();
        var photo = await EvidenceCatalogue.UploadIdAsync(w.Network.Member, experiment.Id, MediaSamples.Png, "pat-at-the-till.png", "At the till", w.CaseId);
        var pat = await InvitePersonAsync(w.Network.Member, w.CaseId);
        var before = (await LogAsync(w.CaseId)).Count;

        using var colleague = await w.Colleague.GetAsync($"/api/evidence/{photo}/file");
        using var observer = await w.Network.Observer.GetAsync($"/api/evidence/{photo}/file");
        using var steward = await w.Network.Steward.GetAsync($"/api/evidence/{photo}/file");
        using var outsider = await w.Network.Outsider.GetAsync($"/api/evidence/{photo}/file");
        var refusedReads = (await LogAsync(w.CaseId)).Count - before;
        using var practitioner = await w.Network.Member.GetAsync($"/api/evidence/{photo}/file");
        using var person = await pat.GetAsync($"/api/evidence/{photo}/file");
        using var badCase = await EvidenceCatalogue.UploadAsync(w.Colleague, experiment.Id, MediaSamples.Png, "x.png", caseId: w.CaseId);

        foreach (var refused in new[] { colleague, observer, steward, outsider })
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal(0, refusedReads);
        Assert.Equal(MediaSamples.Png, await practitioner.Content.ReadAsByteArrayAsync());
        Assert.Equal(MediaSamples.Png, await person.Content.ReadAsByteArrayAsync());
        Assert.Equal(["A media file of experiment evidence linked to the file", "A media file of experiment evidence linked to the file"],
            (await LogAsync(w.CaseId)).Skip(before).Select(e => e.What));
        await badCase.ShouldBeInvalidAsync("caseId");
    }

    [Fact]
    public async Task LinkingEvidenceLater_TakesItsEarlierVersionsOffTheCycleHistoryAndRenamesItAsSessionMaterial()
    {
        var w = await WorldAsync();
        var experiment = await w.ExperimentAsync();
        var url = $"/api/experiments/{experiment.Id}";
        var note = await w.Network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = Today(-1), title = $"{Secret} at the shop", text = $"{Secret} at the shop" });
        var kept = await w.Network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = Today(-1), title = $"{Secret} at the till", text = "At the till", caseId = w.CaseId });
        var session = await w.Network.Member.CreatedIdAsync($"/api/cycles/{w.Person.Id}/sessions",
            new { title = "Looking back on the shopping", startsAt = DateTimeOffset.UtcNow, place = "The office", facilitatorName = "Jo" });
        await w.Network.Member.CreatedIdAsync($"/api/sessions/{session}/materials", new { kind = "Evidence", targetId = note });
        await w.Network.Member.CreatedIdAsync($"/api/sessions/{session}/materials", new { kind = "Evidence", targetId = kept });
        Assert.Contains("Fenwick", (await w.Network.Observer.GetAsync<JsonElement>($"/api/cycles/{w.Person.Id}/history")).ToString(), StringComparison.Ordinal);
        Assert.Equal(1, CountOf("Fenwick", (await w.Network.Observer.GetAsync<JsonElement>($"/api/sessions/{session}")).ToString()));

        using var otherCycle = await w.Network.Member.PutAsync($"/api/evidence/{note}", new { occurredOn = Today(-1), text = "x", caseId = Guid.NewGuid(), version = 1 });
        using var linked = await w.Network.Member.PutAsync($"/api/evidence/{note}", new { occurredOn = Today(-1), text = $"{Secret} at the shop", caseId = w.CaseId, version = 1 });

        await otherCycle.ShouldBeInvalidAsync("caseId");
        Assert.Equal(w.Reference, (await linked.ReadAsync<EvidenceView>()).CaseReference);
        Assert.DoesNotContain("Fenwick", (await w.Network.Observer.GetAsync<JsonElement>($"/api/cycles/{w.Person.Id}/history")).ToString(), StringComparison.Ordinal);
        Assert.Equal(0, CountOf("Fenwick", (await w.Network.Observer.GetAsync<JsonElement>($"/api/sessions/{session}")).ToString()));
        var list = await w.Network.Observer.GetAsync<EvidenceListView>($"{url}/evidence");
        Assert.Equal((0, 2), (list.Total, list.Hidden));
    }

    [Fact]
    public async Task Export_IncludesTheEvidenceKeptInTheFileAndItsMedia()
    {
        var w = await WorldAsync();
        var experiment = await w.ExperimentAsync();
        await w.Network.Member.CreatedIdAsync($"/api/experiments/{experiment.Id}/evidence", new { kind = "Narrative", occurredOn = Today(-1), text = $"{Secret}: the first time someone asked what I needed today.", toldBy = "PersonServed", caseId = w.CaseId });
        await EvidenceCatalogue.UploadIdAsync(w.Network.Member, experiment.Id, MediaSamples.Png, "shop.png", "The shop", w.CaseId);
        await w.Network.Member.CreatedIdAsync($"/api/experiments/{experiment.Id}/evidence", new { kind = "Note", occurredOn = Today(-1), text = "The team's own note" });

        using var response = await w.Network.Member.GetAsync($"/api/cases/{w.CaseId}/export");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var evidence = await new StreamReader(zip.GetEntry("evidence.csv")!.Open()).ReadToEndAsync();
        Assert.Contains("the first time someone asked what I needed today", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("The team's own note", evidence, StringComparison.Ordinal);
        Assert.Contains(experiment.Title, await new StreamReader(zip.GetEntry("experiments.csv")!.Open()).ReadToEndAsync(), StringComparison.Ordinal);
        var media = Assert.Single(zip.Entries, e => e.FullName.StartsWith("media/", StringComparison.Ordinal));
        Assert.EndsWith("shop.png", media.FullName, StringComparison.Ordinal);
        using var copy = new MemoryStream();
        await media.Open().CopyToAsync(copy);
        Assert.Equal(MediaSamples.Png, copy.ToArray());
    }

    private static int CountOf(string text, string json) => (json.Length - json.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;

    private static object Design(string title, Guid? caseId, int? version = null) =>
        new { title, type = "Probe", inquiryQuestions = new[] { "What happens if we help with the most pressing need first?" }, caseId, version };

    private static string Today(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<CaseAccessLogEntry>> LogAsync(Guid caseId) =>
        app.WithDbAsync(db => db.CaseAccessLog.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    private async Task<TestUser> InvitePersonAsync(TestUser practitioner, Guid caseId)
    {
        using var invited = await practitioner.PostAsync($"/api/cases/{caseId}/invitation", null);
        var token = (await invited.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("link").GetString()!.Split('/')[^1];
        var pat = await app.CreateUserAsync("Pat Person");
        using var accepted = await pat.PostAsync($"/api/case-invitations/{token}/accept", null);
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return pat;
    }

    /// <summary>A network with a person-scale cycle (one case file, the member as its practitioner) below a team cycle, and a colleague
    /// in the team who does not work on the case.</summary>
    private async Task<CaseExperimentWorld> WorldAsync()
    {
        var network = await app.NewNetworkAsync("Shopping");
        var person = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Residents' circle");
        var team = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Neighbourhood team");
        await network.Steward.LinkAsync(network.Id, person.Id, team.Id, "What people's lives show");
        using var created = await network.Member.PostAsync($"/api/cycles/{person.Id}/cases", new { displayName = Secret });
        var file = await created.ReadAsync<CaseFileView>(HttpStatusCode.Created);
        var colleague = await app.CreateUserAsync("Cal Colleague");
        await app.AddMemberAsync(network.Id, colleague, NetworkRole.Member);
        return new CaseExperimentWorld(network, person, team, file.Id, file.Reference, colleague);
    }

    private sealed record CaseExperimentWorld(TestNetwork Network, CycleDetail Person, CycleDetail Team, Guid CaseId, string Reference, TestUser Colleague)
    {
        public async Task<ExperimentDetail> ExperimentAsync()
        {
            using var response = await Network.Member.PostAsync($"/api/cycles/{Person.Id}/experiments", Design("What happens if we go grocery shopping together?", CaseId));
            return await response.ReadAsync<ExperimentDetail>(HttpStatusCode.Created);
        }
    }
}

public sealed class CaseExperimentsApiSqliteTests(SqliteAppFactory app) : CaseExperimentsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CaseExperimentsApiPostgresTests(PostgresAppFactory app) : CaseExperimentsApiTests(app), IClassFixture<PostgresAppFactory>;
