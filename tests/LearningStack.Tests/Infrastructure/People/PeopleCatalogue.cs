using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.People;

/// <summary>The person scale's endpoints. Those about one case file have no network role (access follows relationships): the
/// shared matrix checks only that they need a signed-in user, and <c>CaseAccessMatrixTests</c> checks every caller on each.</summary>
public static class PeopleCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.People, "GET", "/api/cycles/{cycleId}/cases", Observer),
        new(Feature.People, "POST", "/api/cycles/{cycleId}/cases", Member, _ => new { displayName = "Mrs P" }),
        new(Feature.People, "GET", "/api/networks/{networkId}/measure-templates", Observer),
        new(Feature.People, "POST", "/api/networks/{networkId}/measure-templates", Steward, _ => new { name = "Feeling safe at home", lowLabel = "afraid", highLabel = "safe" }),
        new(Feature.People, "GET", "/api/me/cases", null),
        new(Feature.People, "GET", "/api/cycles/{cycleId}/person-scale", Observer),
        new(Feature.People, "POST", "/api/case-invitations/{token}/accept", null),
        .. CaseMatrix.Rows.Where(r => !r.Shared).Select(r => new ApiEndpoint(Feature.People, r.Method, r.Route, null)),
    ];
}
