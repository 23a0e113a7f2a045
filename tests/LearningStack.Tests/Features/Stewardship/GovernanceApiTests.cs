using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Stewardship;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.Stewardship;

/// <summary>Governing a cycle through the API: the body and its members, reflections, and concerns — who may read them (the body's
/// members with accounts, a named sender their own, nobody else), what an anonymous concern leaves behind (nothing about its sender),
/// responses and stale versions.</summary>
public abstract class GovernanceApiTests(AppFactory app)
{
    private sealed record Setup(TestNetwork Network, CycleDetail Cycle, TestUser Board, TestUser Sender, TestUser Quiet)
    {
        public string Url => $"/api/cycles/{Cycle.Id}/governance";
    }

    /// <summary>A cycle with a body: Board (an observer) sits on it with an account, plus a councillor without one. Sender (a member)
    /// and Quiet (an observer) are fresh people who may raise concerns; the cast's steward stewards the cycle but is not on the body.</summary>
    private async Task<Setup> SetupAsync()
    {
        var network = await app.NewNetworkAsync("Governed network");
        var cycle = await network.Steward.CreateCycleAsync(network.Id, network.Scale(2), "Council finance and audit");
        var board = await NewPersonAsync(network, "Jo Board", NetworkRole.Observer);
        var sender = await NewPersonAsync(network, "Sam Sender", NetworkRole.Member);
        var quiet = await NewPersonAsync(network, "Quinn Quiet", NetworkRole.Observer);
        var setup = new Setup(network, cycle, board, sender, quiet);
        await network.Steward.CreatedIdAsync(setup.Url, new { name = "Scrutiny board", kind = "ScrutinyCommittee", description = "Councillors and residents." });
        await network.Steward.CreatedIdAsync($"{setup.Url}/members", new { userId = board.Id, role = "Resident member" });
        await network.Steward.CreatedIdAsync($"{setup.Url}/members", new { name = "Cllr Ann Lee", role = "Chair" });
        return setup;
    }

    private async Task<TestUser> NewPersonAsync(TestNetwork network, string name, NetworkRole role)
    {
        var user = await app.CreateUserAsync(name);
        await app.AddMemberAsync(network.Id, user, role);
        return user;
    }

    private static async Task<ConcernReceipt> RaiseAsync(Setup s, TestUser who, string text, bool anonymous)
    {
        using var response = await who.PostAsync($"{s.Url}/concerns", new { text, anonymous });
        return await response.ReadAsync<ConcernReceipt>(HttpStatusCode.Created);
    }

    private async Task<Guid> ConcernIdAsync(string text) =>
        await app.WithDbAsync(db => db.GovernanceConcerns.Where(c => c.Text == text).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task Concerns_List_OnlyTheBodysMembersWithAccounts()
    {
        var s = await SetupAsync();
        await RaiseAsync(s, s.Sender, "Sense-making sessions are going through the motions.", anonymous: false);
        await RaiseAsync(s, s.Quiet, "Residents' words are edited out of the records.", anonymous: true);

        var list = await s.Board.GetAsync<ConcernList>($"{s.Url}/concerns");

        Assert.Equal("Scrutiny board", list.BodyName);
        Assert.Equal(2, list.Concerns.Count);
        var named = list.Concerns.Single(c => !c.Anonymous);
        var anonymous = list.Concerns.Single(c => c.Anonymous);
        Assert.Equal("Sam Sender", named.SenderName);
        Assert.Null(anonymous.SenderName);
        Assert.All(list.Concerns, c => Assert.True(c.CanRespond));
        foreach (var outsider in new[] { s.Network.Steward, s.Network.Member, s.Network.Observer, s.Sender, s.Quiet, s.Network.Outsider })
        {
            using var response = await outsider.GetAsync($"{s.Url}/concerns");
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Concern_Get_NamedSenderSeesOwnOnly_StewardNotOnTheBody404()
    {
        var s = await SetupAsync();
        var receipt = await RaiseAsync(s, s.Sender, "Nobody reads the pod reflections.", anonymous: false);
        await RaiseAsync(s, s.Quiet, "Stopped experiments are quietly dropped.", anonymous: true);
        var anonymousId = await ConcernIdAsync("Stopped experiments are quietly dropped.");
        var namedId = receipt.Id!.Value;

        var own = await s.Sender.GetAsync<ConcernView>($"/api/governance/concerns/{namedId}");
        var mine = await s.Sender.GetAsync<List<ConcernView>>("/api/me/governance-concerns");
        var quietMine = await s.Quiet.GetAsync<List<ConcernView>>("/api/me/governance-concerns");

        Assert.True(own.IsMine);
        Assert.False(own.CanRespond);
        Assert.Equal([namedId], mine.Select(c => c.Id));
        Assert.Empty(quietMine);
        foreach (var (who, id) in new[] { (s.Sender, anonymousId), (s.Quiet, anonymousId), (s.Network.Steward, namedId), (s.Network.Steward, anonymousId),
                     (s.Network.Member, namedId), (s.Network.Outsider, namedId) })
        {
            using var response = await who.GetAsync($"/api/governance/concerns/{id}");
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal(2, (await s.Board.GetAsync<GovernanceView>(s.Url)).OpenConcerns);
        Assert.Null((await s.Network.Steward.GetAsync<GovernanceView>(s.Url)).OpenConcerns);
    }

    [Fact]
    public async Task Anonymous_FollowUpCode_ReadsTheResponse_NamedConcernsHaveNone_WrongCodes400()
    {
        var s = await SetupAsync();
        const string text = "Lessons from the pilot were never discussed.";
        var receipt = await RaiseAsync(s, s.Quiet, text, anonymous: true);
        var named = await RaiseAsync(s, s.Sender, "Named concern", anonymous: false);
        var id = await ConcernIdAsync(text);
        var concern = await s.Board.GetAsync<ConcernView>($"/api/governance/concerns/{id}");
        using var responded = await s.Board.PostAsync($"/api/governance/concerns/{id}/responses",
            new { status = "Responded", text = "We will take the pilot's lessons to the next board.", version = concern.Version });
        await responded.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var code = receipt.FollowUpCode!;

        // Whoever holds the code may read it, typed in any case and with or without the dashes; nobody is told who asked.
        using var followed = await s.Quiet.PostAsync("/api/governance/concerns/follow-up", new { code = code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant() });
        var view = await followed.ReadAsync<ConcernFollowUpView>(HttpStatusCode.OK);
        using var wrong = await s.Quiet.PostAsync("/api/governance/concerns/follow-up", new { code = "22222-22222-22222-22222" });
        using var garbage = await s.Quiet.PostAsync("/api/governance/concerns/follow-up", new { code = "not a code" });
        using var empty = await s.Quiet.PostAsync("/api/governance/concerns/follow-up", new { });
        var stored = await app.WithDbAsync(db => db.GovernanceConcerns.Where(c => c.Id == id).Select(c => c.FollowUpHash).SingleAsync());

        Assert.Matches("^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$", code);
        Assert.Null(named.FollowUpCode);
        Assert.Equal((text, ConcernStatus.Responded, "Council finance and audit", "Scrutiny board"), (view.Text, view.Status, view.CycleName, view.BodyName));
        Assert.Equal("We will take the pilot's lessons to the next board.", Assert.Single(view.Responses).Text);
        Assert.NotNull(stored);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored, StringComparison.OrdinalIgnoreCase);
        await wrong.ShouldBeInvalidAsync("code");
        await garbage.ShouldBeInvalidAsync("code");
        await empty.ShouldBeInvalidAsync("code");
    }

    [Fact]
    public async Task Raise_Anonymous_NothingAnywhereIdentifiesTheSender()
    {
        var s = await SetupAsync();
        const string text = "People are told what to write in their reflections.";
        var historyBefore = await app.WithDbAsync(db => db.History.CountAsync(h => h.NetworkId == s.Network.Id));

        var receipt = await RaiseAsync(s, s.Quiet, text, anonymous: true);
        var id = await ConcernIdAsync(text);
        var list = await s.Board.GetAsync<ConcernList>($"{s.Url}/concerns");
        using (var respond = await s.Board.PostAsync($"/api/governance/concerns/{id}/responses", new { status = "LookingIntoIt", text = "We will ask at our next meeting.", version = 1 }))
        {
            await respond.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        Assert.Null(receipt.Id);
        Assert.True(receipt.Anonymous);
        var stored = await app.WithDbAsync(db => db.GovernanceConcerns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Null(stored.SenderId);
        Assert.Null(stored.SenderName);
        Assert.Equal(4, stored.Id.Version);
        var history = await app.WithDbAsync(db => db.History.AsNoTracking().Where(h => h.NetworkId == s.Network.Id).ToListAsync());
        Assert.Equal(historyBefore, history.Count);
        Assert.DoesNotContain(history, h => h.UserId == s.Quiet.Id || h.UserName == s.Quiet.Name || h.EntityId == id);
        Assert.DoesNotContain(history, h => (h.Before + h.After).Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(history, h => h.EntityType.Contains("Concern", StringComparison.Ordinal));
        var cycleHistory = await s.Network.Steward.GetAsync<List<HistoryView>>($"/api/cycles/{s.Cycle.Id}/history");
        Assert.DoesNotContain(cycleHistory, h => h.EntityType.Contains("Concern", StringComparison.Ordinal) || (h.Before + h.After).Contains(text, StringComparison.Ordinal));
        Assert.Null(list.Concerns.Single(c => c.Id == id).SenderName);
        Assert.Empty(await s.Quiet.GetAsync<List<ConcernView>>("/api/me/governance-concerns"));
    }

    [Fact]
    public async Task Respond_StaleVersion_409_AndSenderSeesTheResponse()
    {
        var s = await SetupAsync();
        var id = (await RaiseAsync(s, s.Sender, "The boundary review never asks who is missing.", anonymous: false)).Id!.Value;
        var url = $"/api/governance/concerns/{id}/responses";

        using var first = await s.Board.PostAsync(url, new { status = "LookingIntoIt", text = "On the agenda for 12 March.", version = 1 });
        var moved = await first.ReadAsync<ConcernView>();
        using var stale = await s.Board.PostAsync(url, new { status = "Responded", text = "Done.", version = 1 });
        using var noVersion = await s.Board.PostAsync(url, new { status = "Responded", text = "Done." });
        using var empty = await s.Board.PostAsync(url, new { version = moved.Version });
        using var bySender = await s.Sender.PostAsync(url, new { status = "Responded", text = "Fine.", version = moved.Version });
        using var bySteward = await s.Network.Steward.PostAsync(url, new { status = "Responded", text = "Fine.", version = moved.Version });
        using var second = await s.Board.PostAsync(url, new { status = "Responded", text = "We met the team; boundary reviews now start with that question.", version = moved.Version });
        await second.ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal(ConcernStatus.LookingIntoIt, moved.Status);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await noVersion.ShouldBeInvalidAsync("version");
        Assert.Equal(["status", "text"], (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order(StringComparer.Ordinal));
        await bySender.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await bySteward.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var seen = await s.Sender.GetAsync<ConcernView>($"/api/governance/concerns/{id}");
        Assert.Equal(ConcernStatus.Responded, seen.Status);
        Assert.Equal(["We met the team; boundary reviews now start with that question.", "On the agenda for 12 March."], seen.Responses.Select(r => r.Text));
        Assert.All(seen.Responses, r => Assert.Equal("Jo Board", r.ResponderName));
    }

    [Fact]
    public async Task Raise_InvalidOrNowhereToGo_Refused()
    {
        var s = await SetupAsync();
        var bodiless = await s.Network.Steward.CreateCycleAsync(s.Network.Id, s.Network.Scale(1), "A team with no body");

        using var empty = await s.Sender.PostAsync($"{s.Url}/concerns", new { text = "  " });
        using var noBody = await s.Sender.PostAsync($"/api/cycles/{bodiless.Id}/governance/concerns", new { text = "Something is wrong." });
        using var outsider = await s.Network.Outsider.PostAsync($"{s.Url}/concerns", new { text = "Something is wrong." });
        using var unknown = await s.Sender.PostAsync($"/api/cycles/{Guid.NewGuid()}/governance/concerns", new { text = "Something is wrong." });

        await empty.ShouldBeInvalidAsync("text");
        await noBody.ShouldBeInvalidAsync("body");
        await outsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithDbAsync(db => db.GovernanceConcerns.CountAsync(c => c.NetworkId == s.Network.Id)));
    }

    [Fact]
    public async Task Raise_MoreThanTheHourlyLimit_Refused()
    {
        var s = await SetupAsync();
        for (var i = 0; i < ConcernThrottle.DefaultPerHour; i++)
        {
            await RaiseAsync(s, s.Quiet, $"Concern number {i}", anonymous: i % 2 == 0);
        }

        using var response = await s.Quiet.PostAsync($"{s.Url}/concerns", new { text = "One more", anonymous = true });

        await response.ShouldBeInvalidAsync("text");
        using var other = await s.Sender.PostAsync($"{s.Url}/concerns", new { text = "Someone else can still write", anonymous = true });
        await other.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task BodyMemberLeavesTheNetwork_NoLongerReadsConcerns()
    {
        var s = await SetupAsync();
        await RaiseAsync(s, s.Sender, "Lessons are not written down anywhere.", anonymous: false);
        await app.WithDbAsync(async db =>
        {
            await db.NetworkMembers.Where(m => m.NetworkId == s.Network.Id && m.UserId == s.Board.Id).ExecuteDeleteAsync();
        });

        using var response = await s.Board.GetAsync($"{s.Url}/concerns");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var view = await s.Network.Steward.GetAsync<GovernanceView>(s.Url);
        Assert.False(view.Members.Single(m => m.HasAccount).InNetwork);
        Assert.False(view.CanRaiseConcern);
        Assert.False(await app.WithDbAsync(db => db.IsGovernanceMemberAsync(s.Cycle.Id, s.Board.Id)));
    }

    [Fact]
    public async Task Body_CreateAndEdit_RulesValidationAndVersions()
    {
        var network = await app.NewNetworkAsync("Bodies");
        using var stewardedByMember = await network.Member.PostAsync($"{network.Url}/cycles",
            new { scaleId = network.Scale(2), name = "Stewarded by a member", stewardIds = new[] { network.Member.Id } });
        var byMember = await stewardedByMember.ReadAsync<CycleDetail>(HttpStatusCode.Created);
        var place = await network.Steward.CreateCycleAsync(network.Id, network.Scale(3), "Place partnership");
        var url = $"/api/cycles/{byMember.Id}/governance";

        using var empty = await network.Member.PostAsync(url, new { });
        using var notSteward = await network.Member.PostAsync($"/api/cycles/{place.Id}/governance", new { name = "Board", kind = "PartnershipBoard" });
        using var created = await network.Member.PostAsync(url, new { name = "Trustees", kind = "BoardOfTrustees" });
        var body = await created.ReadAsync<GovernanceBodyView>(HttpStatusCode.Created);
        using var again = await network.Steward.PostAsync(url, new { name = "Another", kind = "Other" });
        using var edited = await network.Steward.PutAsync(url, new { name = "Board of trustees", kind = "BoardOfTrustees", version = body.Version });
        using var stale = await network.Member.PutAsync(url, new { name = "Stale", kind = "Other", version = body.Version });
        using var noVersion = await network.Member.PutAsync(url, new { name = "No version", kind = "Other" });

        Assert.Equal(["kind", "name"], (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order(StringComparer.Ordinal));
        await notSteward.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await again.ShouldBeInvalidAsync("name");
        Assert.Equal("Board of trustees", (await edited.ReadAsync<GovernanceBodyView>()).Name);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await noVersion.ShouldBeInvalidAsync("version");
        var history = await network.Steward.GetAsync<List<HistoryView>>($"/api/cycles/{byMember.Id}/history");
        Assert.Equal(["Created", "Updated"], history.Where(h => h.EntityType == nameof(GovernanceBody)).Select(h => h.Action).Reverse());
    }

    [Fact]
    public async Task Members_AddEditRemove_Rules()
    {
        var s = await SetupAsync();
        var view = await s.Network.Steward.GetAsync<GovernanceView>(s.Url);
        var councillor = view.Members.Single(m => !m.HasAccount);

        using var noRole = await s.Network.Steward.PostAsync($"{s.Url}/members", new { name = "A resident" });
        using var outsider = await s.Network.Steward.PostAsync($"{s.Url}/members", new { userId = s.Network.Outsider.Id });
        using var twice = await s.Network.Steward.PostAsync($"{s.Url}/members", new { userId = s.Board.Id });
        using var byMember = await s.Network.Member.PostAsync($"{s.Url}/members", new { name = "A resident", role = "Panel" });
        using var edit = await s.Network.Steward.PutAsync($"{s.Url}/members/{councillor.Id}", new { role = "Vice-chair", version = councillor.Version });
        using var stale = await s.Network.Steward.PutAsync($"{s.Url}/members/{councillor.Id}", new { role = "Chair again", version = councillor.Version });
        using var remove = await s.Network.Steward.DeleteAsync($"{s.Url}/members/{councillor.Id}");

        await noRole.ShouldBeInvalidAsync("role");
        await outsider.ShouldBeInvalidAsync("userId");
        await twice.ShouldBeInvalidAsync("userId");
        await byMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Vice-chair", (await edit.ReadAsync<GovernanceMemberView>()).Role);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await remove.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var after = await s.Network.Observer.GetAsync<GovernanceView>(s.Url);
        Assert.Equal(["Jo Board"], after.Members.Select(m => m.Name));
        var history = await s.Network.Steward.GetAsync<List<HistoryView>>($"/api/cycles/{s.Cycle.Id}/history");
        Assert.Contains(history, h => h.EntityType == nameof(GovernanceMember) && h.Action == "Deleted");
    }

    [Fact]
    public async Task Reflections_BodyMembersAndStewards_KeptLatestFirst()
    {
        var s = await SetupAsync();
        var url = $"{s.Url}/reflections";

        using var byBoard = await s.Board.PostAsync(url, new { questionKey = "govern-authentic", text = "The team talks freely in sessions." });
        using var bySteward = await s.Network.Steward.PostAsync(url, new { questionKey = "govern-authentic", text = "Residents now come to two sessions in three." });
        using var byMember = await s.Network.Member.PostAsync(url, new { questionKey = "govern-authentic", text = "Not on the body." });
        using var unknown = await s.Board.PostAsync(url, new { questionKey = "no-such-question", text = "Hmm" });
        using var empty = await s.Board.PostAsync(url, new { questionKey = "govern-lessons" });
        using var badFilter = await s.Board.GetAsync($"{url}?question=no-such-question");

        await byBoard.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await bySteward.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await byMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await unknown.ShouldBeInvalidAsync("questionKey");
        await empty.ShouldBeInvalidAsync("text");
        await badFilter.ShouldBeInvalidAsync("question");
        var view = await s.Network.Observer.GetAsync<GovernanceView>(s.Url);
        var question = view.Questions.Single(q => q.Key == "govern-authentic");
        Assert.Equal(["Residents now come to two sessions in three.", "The team talks freely in sessions."], question.Reflections.Select(r => r.Text));
        Assert.Equal(["Stella Steward", "Jo Board"], question.Reflections.Select(r => r.AuthorName));
        Assert.Equal(GovernanceQuestionBank.All.Count, view.Questions.Count);
        Assert.False(view.CanReflect);
        Assert.True((await s.Board.GetAsync<GovernanceView>(s.Url)).CanReflect);
        var filtered = await s.Network.Observer.GetAsync<List<GovernanceReflectionView>>($"{url}?question=govern-authentic");
        Assert.Equal(2, filtered.Count);
        var history = await s.Network.Steward.GetAsync<List<HistoryView>>($"/api/cycles/{s.Cycle.Id}/history");
        Assert.Equal(2, history.Count(h => h.EntityType == nameof(GovernanceReflection)));
    }
}

public sealed class GovernanceApiSqliteTests(SqliteAppFactory app) : GovernanceApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class GovernanceApiPostgresTests(PostgresAppFactory app) : GovernanceApiTests(app), IClassFixture<PostgresAppFactory>;
