using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Features.Networks;

/// <summary>Networks, members and invitations through the JSON API.</summary>
public abstract class NetworksApiTests(AppFactory app)
{
    // ----- networks -----

    [Fact]
    public async Task CreateNetwork_ValidName_Returns201WithFiveDefaultScalesAndCreatorAsSteward()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Member.PostAsync("/api/networks", new { name = "  North Devon pathology  ", description = "Lab and practices" });

        var network = await response.ReadAsync<NetworkSummary>(HttpStatusCode.Created);
        Assert.Equal($"/api/networks/{network.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("North Devon pathology", network.Name);
        Assert.Equal(NetworkRole.Steward, network.Role);
        var scales = await cast.Member.GetAsync<List<ScaleView>>($"/api/networks/{network.Id}/scales");
        Assert.Equal(["Person / Practitioner", "Team", "Organisation", "Place", "Region / Country"], scales.Select(s => s.Name));
        Assert.Equal([ScaleKind.Person, ScaleKind.Team, ScaleKind.Organisation, ScaleKind.Place, ScaleKind.Region], scales.Select(s => s.Kind));
        Assert.Equal([0, 1, 2, 3, 4], scales.Select(s => s.Position));
        var members = await cast.Member.GetAsync<List<MemberView>>($"/api/networks/{network.Id}/members");
        var only = Assert.Single(members);
        Assert.Equal((cast.Member.Id, NetworkRole.Steward, cast.Member.Name), (only.UserId, only.Role, only.Name));
    }

    [Fact]
    public async Task CreateNetwork_NameOf200Characters_Returns201()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.PostAsync("/api/networks", new { name = new string('n', 200) });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateNetwork_NameOver200Characters_Returns400ForName()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.PostAsync("/api/networks", new { name = new string('n', 201) });

        var errors = await response.ShouldBeInvalidAsync("name");
        Assert.Contains("at most 200 characters", errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task CreateNetwork_EmptyName_Returns400ForName(string? name)
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.PostAsync("/api/networks", new { name });

        await response.ShouldBeInvalidAsync("name");
    }

    [Fact]
    public async Task CreateNetwork_DescriptionOver20000Characters_Returns400ForDescription()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.PostAsync("/api/networks", new { name = "Long", description = new string('d', 20_001) });

        await response.ShouldBeInvalidAsync("description");
    }

    [Fact]
    public async Task ListNetworks_MemberOfSome_ListsOnlyThoseWithRoleAndLiveCycleCount()
    {
        var network = await app.NewNetworkAsync("Listed network");
        await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Team cycle");
        var hidden = await network.Outsider.CreateNetworkAsync("Outsider's own network");

        var mine = await network.Observer.GetAsync<List<NetworkSummary>>("/api/networks");

        var listed = Assert.Single(mine, n => n.Id == network.Id);
        Assert.Equal((NetworkRole.Observer, 1), (listed.Role, listed.CycleCount));
        Assert.DoesNotContain(mine, n => n.Id == hidden.Id);
    }

    [Fact]
    public async Task UpdateNetwork_CurrentVersion_SavesAndBumpsVersion()
    {
        var network = await app.NewNetworkAsync();
        var before = await network.Steward.GetAsync<NetworkSummary>(network.Url);

        using var response = await network.Steward.PutAsync(network.Url, new { name = "Gateshead", description = "Renamed", version = before.Version });

        var after = await response.ReadAsync<NetworkSummary>();
        Assert.Equal(("Gateshead", "Renamed", before.Version + 1), (after.Name, after.Description, after.Version));
        Assert.Equal("Gateshead", (await network.Observer.GetAsync<NetworkSummary>(network.Url)).Name);
    }

    [Fact]
    public async Task UpdateNetwork_StaleVersion_Returns409AndKeepsName()
    {
        var network = await app.NewNetworkAsync("Original");
        var seen = await network.Steward.GetAsync<NetworkSummary>(network.Url);
        using (var first = await network.Steward.PutAsync(network.Url, new { name = "First edit", version = seen.Version }))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var second = await network.Steward.PutAsync(network.Url, new { name = "Second edit", version = seen.Version });

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("First edit", (await network.Steward.GetAsync<NetworkSummary>(network.Url)).Name);
    }

    [Fact]
    public async Task UpdateNetwork_EmptyName_Returns400ForName()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PutAsync(network.Url, new { name = "" });

        await response.ShouldBeInvalidAsync("name");
    }

    [Fact]
    public async Task GetNetwork_UnknownId_Returns404()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.GetAsync($"/api/networks/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    // ----- members -----

    [Fact]
    public async Task Members_List_ShowsEveryoneWithNameAndRoleStewardsFirst()
    {
        var network = await app.NewNetworkAsync();

        var members = await network.Observer.GetAsync<List<MemberView>>($"{network.Url}/members");

        Assert.Equal(
            [(network.Steward.Name, NetworkRole.Steward), (network.Member.Name, NetworkRole.Member), (network.Observer.Name, NetworkRole.Observer)],
            members.Select(m => (m.Name, m.Role)));
    }

    [Fact]
    public async Task ChangeRole_ObserverToMember_SavesAndTheyCanNowWrite()
    {
        var network = await app.NewNetworkAsync();
        var observer = await MemberAsync(network, network.Observer);

        using var response = await network.Steward.PutAsync($"{network.Url}/members/{observer.Id}", new { role = "Member", version = observer.Version });

        var changed = await response.ReadAsync<MemberView>();
        Assert.Equal((NetworkRole.Member, observer.Version + 1), (changed.Role, changed.Version));
        await network.Observer.CreateCycleAsync(network.Id, network.Scale(0), "Now allowed");
    }

    [Fact]
    public async Task ChangeRole_LastSteward_Returns400ForRole()
    {
        var network = await app.NewNetworkAsync();
        var steward = await MemberAsync(network, network.Steward);

        using var response = await network.Steward.PutAsync($"{network.Url}/members/{steward.Id}", new { role = "Member" });

        await response.ShouldBeInvalidAsync("role");
        Assert.Equal(NetworkRole.Steward, (await MemberAsync(network, network.Steward)).Role);
    }

    [Fact]
    public async Task ChangeRole_RoleOutOfRange_Returns400ForRole()
    {
        var network = await app.NewNetworkAsync();
        var member = await MemberAsync(network, network.Member);

        using var response = await network.Steward.PutAsync($"{network.Url}/members/{member.Id}", new { role = 7 });

        await response.ShouldBeInvalidAsync("role");
    }

    [Fact]
    public async Task ChangeRole_MembershipOfAnotherNetwork_Returns404()
    {
        var network = await app.NewNetworkAsync();
        var other = await app.NewNetworkAsync("Other");
        var elsewhere = await MemberAsync(other, other.Member);

        using var response = await network.Steward.PutAsync($"{network.Url}/members/{elsewhere.Id}", new { role = "Observer" });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoveMember_Member_Returns204AndTheyNoLongerSeeTheNetwork()
    {
        var network = await app.NewNetworkAsync();
        var member = await MemberAsync(network, network.Member);

        using var response = await network.Steward.DeleteAsync($"{network.Url}/members/{member.Id}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var afterwards = await network.Member.GetAsync(network.Url);
        await afterwards.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoveMember_WhoStewardsACycle_IsNoLongerItsSteward()
    {
        var network = await app.NewNetworkAsync();
        using (var created = await network.Steward.PostAsync($"{network.Url}/cycles", new { scaleId = network.Scale(1), name = "Team", stewardIds = new[] { network.Member.Id, network.Steward.Id } }))
        {
            await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        var cycle = Assert.Single(await network.Steward.GetAsync<List<CycleSummary>>($"{network.Url}/cycles"));
        var member = await MemberAsync(network, network.Member);

        (await network.Steward.DeleteAsync($"{network.Url}/members/{member.Id}")).Dispose();

        var detail = await network.Steward.GetAsync<CycleDetail>($"/api/cycles/{cycle.Id}");
        Assert.Equal([network.Steward.Id], detail.Stewards.Select(s => s.UserId));
        using var saved = await network.Steward.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "Team", stewardIds = detail.Stewards.Select(s => s.UserId), version = detail.Version });
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RemoveMember_LastSteward_Returns400ForMember()
    {
        var network = await app.NewNetworkAsync();
        var steward = await MemberAsync(network, network.Steward);

        using var response = await network.Steward.DeleteAsync($"{network.Url}/members/{steward.Id}");

        await response.ShouldBeInvalidAsync("member");
    }

    // ----- invitations -----

    [Theory]
    [InlineData("Observer")]
    [InlineData("Member")]
    [InlineData("Steward")]
    public async Task AcceptInvitation_LinkFromSteward_SecondUserJoinsWithInvitedRole(string role)
    {
        var network = await app.NewNetworkAsync();
        var newcomer = await app.CreateUserAsync("Nia Newcomer");

        using var invited = await network.Steward.PostAsync($"{network.Url}/invitations", new { email = newcomer.Email, role });
        var invitation = await invited.ReadAsync<CreatedInvitationResponse>(HttpStatusCode.Created);
        Assert.Equal((newcomer.Email, Enum.Parse<NetworkRole>(role)), (invitation.Email, invitation.Role));
        Assert.Matches("^http://localhost/invitations/[0-9a-f]{48}$", invitation.Link);
        var token = invitation.Link.Split('/')[^1];

        using var accepted = await newcomer.PostAsync($"/api/invitations/{token}/accept", null);

        Assert.Equal(network.Id, (await accepted.ReadAsync<AcceptedResponse>()).NetworkId);
        Assert.Equal(Enum.Parse<NetworkRole>(role), (await newcomer.GetAsync<NetworkSummary>(network.Url)).Role);
        var members = await network.Steward.GetAsync<List<MemberView>>($"{network.Url}/members");
        Assert.Contains(members, m => m.UserId == newcomer.Id && m.Name == "Nia Newcomer");
        var invitations = await network.Steward.GetAsync<List<InvitationView>>($"{network.Url}/invitations");
        var listed = Assert.Single(invitations, i => i.Id == invitation.Id);
        Assert.True(listed.Accepted);
        Assert.Equal(network.Steward.Name, listed.InvitedBy);
    }

    [Fact]
    public async Task AcceptInvitation_UsedTwice_Returns400ForToken()
    {
        var network = await app.NewNetworkAsync();
        var newcomer = await app.CreateUserAsync("Twice Tried");
        var token = await InviteAsync(network, newcomer.Email, "Member");
        using (var first = await newcomer.PostAsync($"/api/invitations/{token}/accept", null))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var second = await network.Outsider.PostAsync($"/api/invitations/{token}/accept", null);

        await second.ShouldBeInvalidAsync("token");
        using var outsiderLooks = await network.Outsider.GetAsync(network.Url);
        await outsiderLooks.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AcceptInvitation_SignedInWithAnotherEmail_Returns400ForToken()
    {
        var network = await app.NewNetworkAsync();
        var token = await InviteAsync(network, "someone.else@example.org", "Member");

        using var response = await network.Outsider.PostAsync($"/api/invitations/{token}/accept", null);

        await response.ShouldBeInvalidAsync("token");
        using var outsiderLooks = await network.Outsider.GetAsync(network.Url);
        await outsiderLooks.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AcceptInvitation_UnknownToken_Returns404()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Outsider.PostAsync($"/api/invitations/{new string('a', 48)}/accept", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RevokeInvitation_Steward_Returns204AndLinkNoLongerWorks()
    {
        var network = await app.NewNetworkAsync();
        using var invited = await network.Steward.PostAsync($"{network.Url}/invitations", new { email = "revoked@example.org", role = "Member" });
        var invitation = await invited.ReadAsync<CreatedInvitationResponse>(HttpStatusCode.Created);

        using var revoked = await network.Steward.DeleteAsync($"{network.Url}/invitations/{invitation.Id}");

        await revoked.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var accept = await network.Outsider.PostAsync($"/api/invitations/{invitation.Link.Split('/')[^1]}/accept", null);
        await accept.ShouldBeInvalidAsync("token");
        var listed = Assert.Single(await network.Steward.GetAsync<List<InvitationView>>($"{network.Url}/invitations"));
        Assert.True(listed.Revoked);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    [InlineData("two@@example.org")]
    public async Task Invite_InvalidEmail_Returns400ForEmail(string email)
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PostAsync($"{network.Url}/invitations", new { email, role = "Member" });

        await response.ShouldBeInvalidAsync("email");
    }

    [Fact]
    public async Task Invite_SomeoneAlreadyMember_Returns400ForEmail()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PostAsync($"{network.Url}/invitations", new { email = network.Member.Email.ToUpperInvariant(), role = "Member" });

        var errors = await response.ShouldBeInvalidAsync("email");
        Assert.Contains("already a member", errors[0], StringComparison.Ordinal);
    }

    private static async Task<MemberView> MemberAsync(TestNetwork network, TestUser user) =>
        (await network.Steward.GetAsync<List<MemberView>>($"{network.Url}/members")).Single(m => m.UserId == user.Id);

    private static async Task<string> InviteAsync(TestNetwork network, string email, string role)
    {
        using var response = await network.Steward.PostAsync($"{network.Url}/invitations", new { email, role });
        return (await response.ReadAsync<CreatedInvitationResponse>(HttpStatusCode.Created)).Link.Split('/')[^1];
    }

    private sealed record CreatedInvitationResponse(Guid Id, string Email, NetworkRole Role, DateTimeOffset ExpiresAt, string Link);

    private sealed record AcceptedResponse(Guid NetworkId);
}

public sealed class NetworksApiSqliteTests(SqliteAppFactory app) : NetworksApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class NetworksApiPostgresTests(PostgresAppFactory app) : NetworksApiTests(app), IClassFixture<PostgresAppFactory>;
