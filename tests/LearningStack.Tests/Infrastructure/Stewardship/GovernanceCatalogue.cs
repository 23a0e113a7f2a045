using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Stewardship;

/// <summary>Governing a cycle: endpoints for the access matrix, and the ids they need. Reflections are written by the body's members
/// (observers among them) and stewards: the matrix's "Member" row checks outsiders (404) and observers who are not on the body (403).
/// Concern endpoints follow membership of the body, not network roles (raising one is open to observers and answers 201), so the shared matrix checks only that they need a signed-in
/// user; <c>GovernanceApiTests</c> checks every caller on them.</summary>
public static class GovernanceCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/governance", Observer),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/governance", Steward, _ => new { name = "Another board", kind = "SteeringGroup" }),
        new(Feature.Stewardship, "PUT", "/api/cycles/{cycleId}/governance", Steward, _ => new { name = "Renamed board", kind = "ScrutinyCommittee", version = 1 }),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/governance/members", Steward, _ => new { name = "Cllr Ann Lee", role = "Chair" }),
        new(Feature.Stewardship, "PUT", "/api/cycles/{cycleId}/governance/members/{governanceMemberId}", Steward, _ => new { role = "Vice-chair", version = 1 }),
        new(Feature.Stewardship, "DELETE", "/api/cycles/{cycleId}/governance/members/{governanceMemberId}", Steward),
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/governance/reflections", Observer),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/governance/reflections", Member, _ => new { questionKey = "govern-authentic", text = "Mostly, yes." }),
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/governance/concerns", null),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/governance/concerns", null, _ => new { text = "Sessions are going through the motions." }),
        new(Feature.Stewardship, "GET", "/api/governance/concerns/{concernId}", null),
        new(Feature.Stewardship, "POST", "/api/governance/concerns/{concernId}/responses", null, _ => new { status = "LookingIntoIt", text = "On our agenda", version = 1 }),
        new(Feature.Stewardship, "GET", "/api/me/governance-concerns", null),
        new(Feature.Stewardship, "POST", "/api/governance/concerns/follow-up", null, _ => new { code = "22222-22222-22222-22222" }),
    ];

    /// <summary>A body on the team cycle with one person without an account on it.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, organisation, ids);
        await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/governance", new { name = "Scrutiny board", kind = "ScrutinyCommittee" });
        var member = await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/governance/members", new { name = "Cllr Ann Lee", role = "Chair" });
        return new Dictionary<string, Guid> { ["governanceMemberId"] = member };
    }
}
