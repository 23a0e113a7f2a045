using System.Net;
using System.Text.Json;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Tests.Infrastructure.Experiments;

namespace LearningStack.Tests.Infrastructure;

/// <summary>A populated network shared by the read-only and refused-request tests of one test class: cycles at the Person,
/// Team and Organisation scales, a vertical link Person → Team, an open invitation. Those tests never change it (a request
/// that wrongly succeeded would, but that test has already failed).</summary>
public sealed record World(TestNetwork Network, CycleDetail Person, CycleDetail Team, CycleDetail Organisation, LinkView Link,
    Guid ObserverMemberId, Guid InvitationId, string InvitationToken, MapIds Maps, IReadOnlyDictionary<string, Guid> Ids)
{
    public static async Task<World> BuildAsync(AppFactory app)
    {
        var network = await app.NewNetworkAsync("Shared world");
        var steward = network.Steward;
        var person = await steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        var team = await steward.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        var organisation = await steward.CreateCycleAsync(network.Id, network.Scale(2), "Council finance");
        var link = await steward.LinkAsync(network.Id, person.Id, team.Id, "What residents' stories show", "Time to listen");
        var members = await steward.GetAsync<List<MemberView>>($"{network.Url}/members");
        using var invited = await steward.PostAsync($"{network.Url}/invitations", new { email = "invited@example.org", role = "Member" });
        var invitation = await invited.ReadAsync<JsonElement>(HttpStatusCode.Created);
        var token = invitation.GetProperty("link").GetString()!.Split('/')[^1];
        var maps = await MapIds.BuildAsync(steward, team.Id);
        return new World(network, person, team, organisation, link,
            members.Single(m => m.UserId == network.Observer.Id).Id, invitation.GetProperty("id").GetGuid(), token, maps,
            await LearningFlowWorld.BuildAsync(app, network, team, organisation, await ExperimentWorld.BuildAsync(app, network, team, maps)));
    }
}

/// <summary>One of each map element, on the team cycle's maps.</summary>
public sealed record MapIds(Guid ActorId, Guid OtherActorId, Guid RelationshipId, Guid FactorId, Guid OtherFactorId, Guid CausalLinkId, Guid StepId, Guid AnalysisId, Guid SnapshotId)
{
    public static async Task<MapIds> BuildAsync(TestUser user, Guid cycleId)
    {
        var url = $"/api/cycles/{cycleId}";
        var resident = await user.CreatedIdAsync($"{url}/actors", new { name = "Resident", kind = "Person" });
        var advice = await user.CreatedIdAsync($"{url}/actors", new { name = "Advice centre", kind = "Organisation" });
        var relationship = await user.CreatedIdAsync($"{url}/relationships", new { fromId = advice, toId = resident, kind = "works with" });
        var stress = await user.CreatedIdAsync($"{url}/factors", new { name = "Stress" });
        var debt = await user.CreatedIdAsync($"{url}/factors", new { name = "Debt" });
        var link = await user.CreatedIdAsync($"{url}/causal-links", new { fromId = debt, toId = stress, polarity = "Same" });
        var step = await user.CreatedIdAsync($"{url}/process-steps", new { description = "Resident phones the council", demand = "Value" });
        using var analysis = await user.PostAsync($"{url}/loop-analyses", new { });
        var analysisId = (await analysis.ReadAsync<System.Text.Json.JsonElement>(System.Net.HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
        var snapshot = await user.CreatedIdAsync($"{url}/maps/factor-map/snapshots", new { name = "Before we start" });
        return new MapIds(resident, advice, relationship, stress, debt, link, step, analysisId, snapshot);
    }
}
