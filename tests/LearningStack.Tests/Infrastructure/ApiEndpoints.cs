using System.Text.RegularExpressions;
using LearningStack.Tests.Infrastructure.Experiments;
using LearningStack.Tests.Infrastructure.Influence;
using LearningStack.Tests.Infrastructure.Issues;
using LearningStack.Tests.Infrastructure.People;
using LearningStack.Tests.Infrastructure.SenseMaking;
using LearningStack.Tests.Infrastructure.Stewardship;
using LearningStack.Tests.Infrastructure.Stories;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure;

public enum Feature
{
    Auth,
    Networks,
    Cycles,
    Connections,
    Understanding,
    Experiments,
    SenseMaking,
    Issues,
    Influence,
    People,
    Stories,
    Patterns,
    Stewardship,
}

/// <summary>One endpoint of the JSON API. <see cref="Minimum"/> is the lowest network role allowed to call it; null for endpoints
/// that are not about one network (any signed-in user may call them). Routes use the app's parameter names without constraints.</summary>
public sealed record ApiEndpoint(Feature Feature, string Method, string Route, NetworkRole? Minimum, Func<World, object?>? Body = null, bool Anonymous = false)
{
    public string Key => $"{Method} {Route}";

    public bool IsWrite => Method is not "GET";

    /// <summary>The address with the ids of the shared <see cref="World"/> filled in.</summary>
    public string Url(World world) => Fill(world.Network.Id, world.Team.Id, world.Link.Id, world.ObserverMemberId, world.Network.Scale(4), world.InvitationId, world.InvitationToken)
        .Replace("{actorId}", world.Maps.ActorId.ToString(), StringComparison.Ordinal)
        .Replace("{relationshipId}", world.Maps.RelationshipId.ToString(), StringComparison.Ordinal)
        .Replace("{factorId}", world.Maps.FactorId.ToString(), StringComparison.Ordinal)
        .Replace("{causalLinkId}", world.Maps.CausalLinkId.ToString(), StringComparison.Ordinal)
        .Replace("{stepId}", world.Maps.StepId.ToString(), StringComparison.Ordinal)
        .Replace("{analysisId}", world.Maps.AnalysisId.ToString(), StringComparison.Ordinal)
        .Replace("{loopKey}", world.Maps.CausalLinkId.ToString(), StringComparison.Ordinal)
        .Replace("{snapshotId}", world.Maps.SnapshotId.ToString(), StringComparison.Ordinal)
        .Replace("{map}", "factor-map", StringComparison.Ordinal)
        .FillIds(world.Ids);

    /// <summary>The address with made-up ids (for requests that must be refused before any lookup).</summary>
    public string UrlWithUnknownIds() => Fill(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "no-such-token")
        .Replace("{actorId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{relationshipId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{factorId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{causalLinkId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{stepId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{analysisId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{loopKey}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{snapshotId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{map}", "actor-map", StringComparison.Ordinal)
        .FillUnknownIds();

    private string Fill(Guid networkId, Guid cycleId, Guid linkId, Guid memberId, Guid scaleId, Guid invitationId, string token) => Route
        .Replace("{networkId}", networkId.ToString(), StringComparison.Ordinal)
        .Replace("{cycleId}", cycleId.ToString(), StringComparison.Ordinal)
        .Replace("{linkId}", linkId.ToString(), StringComparison.Ordinal)
        .Replace("{memberId}", memberId.ToString(), StringComparison.Ordinal)
        .Replace("{scaleId}", scaleId.ToString(), StringComparison.Ordinal)
        .Replace("{invitationId}", invitationId.ToString(), StringComparison.Ordinal)
        .Replace("{token}", token, StringComparison.Ordinal)
        .Replace("{stage}", nameof(Stage.Experiment), StringComparison.Ordinal)
        .Replace("{key}", "understand-purpose-who-sets", StringComparison.Ordinal);

    public override string ToString() => Key;
}

/// <summary>Every endpoint of the JSON API, with the role it needs and a valid body. The tests for 401, 403 and 404 run over this list,
/// and a test checks that it matches the endpoints the app actually maps, so a new endpoint cannot be left out.</summary>
public static class ApiEndpoints
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> All { get; } =
    [
        new(Feature.Auth, "POST", "/api/auth/token", null, _ => new { email = "nobody@example.org", password = "not-a-password" }, Anonymous: true),

        new(Feature.Networks, "GET", "/api/networks", null),
        new(Feature.Networks, "POST", "/api/networks", null, _ => new { name = "A network" }),
        new(Feature.Networks, "GET", "/api/networks/{networkId}", Observer),
        new(Feature.Networks, "PUT", "/api/networks/{networkId}", Steward, _ => new { name = "Renamed network" }),
        new(Feature.Networks, "GET", "/api/networks/{networkId}/stack", Observer),
        new(Feature.Networks, "GET", "/api/networks/{networkId}/members", Observer),
        new(Feature.Networks, "PUT", "/api/networks/{networkId}/members/{memberId}", Steward, _ => new { role = "Member" }),
        new(Feature.Networks, "DELETE", "/api/networks/{networkId}/members/{memberId}", Steward),
        new(Feature.Networks, "GET", "/api/networks/{networkId}/invitations", Steward),
        new(Feature.Networks, "POST", "/api/networks/{networkId}/invitations", Steward, _ => new { email = "new.person@example.org", role = "Member" }),
        new(Feature.Networks, "DELETE", "/api/networks/{networkId}/invitations/{invitationId}", Steward),
        new(Feature.Networks, "POST", "/api/invitations/{token}/accept", null),
        new(Feature.Networks, "GET", "/api/networks/{networkId}/scales", Observer),
        new(Feature.Networks, "POST", "/api/networks/{networkId}/scales", Steward, _ => new { name = "Neighbourhood" }),
        new(Feature.Networks, "PUT", "/api/networks/{networkId}/scales/{scaleId}", Steward, _ => new { name = "Nation" }),
        new(Feature.Networks, "DELETE", "/api/networks/{networkId}/scales/{scaleId}", Steward),
        new(Feature.Networks, "PUT", "/api/networks/{networkId}/scales/order", Steward, w => new { scaleIds = w.Network.Scales.Select(s => s.Id).Reverse().ToArray() }),

        new(Feature.Cycles, "GET", "/api/networks/{networkId}/cycles", Observer),
        new(Feature.Cycles, "POST", "/api/networks/{networkId}/cycles", Member, w => new { scaleId = w.Network.Scale(1), name = "Another team" }),
        new(Feature.Cycles, "GET", "/api/cycles/{cycleId}", Observer),
        new(Feature.Cycles, "PUT", "/api/cycles/{cycleId}", Member, w => new { scaleId = w.Team.Scale.Id, name = "Renamed team", version = w.Team.Version }),
        new(Feature.Cycles, "POST", "/api/cycles/{cycleId}/archive", Steward, _ => new { archived = true }),
        new(Feature.Cycles, "PUT", "/api/cycles/{cycleId}/stages/{stage}", Member, _ => new { status = "Active" }),
        new(Feature.Cycles, "GET", "/api/cycles/{cycleId}/reflections", Observer),
        new(Feature.Cycles, "POST", "/api/cycles/{cycleId}/reflections", Member, _ => new { text = "A reflection" }),
        new(Feature.Cycles, "GET", "/api/cycles/{cycleId}/design-questions", Observer),
        new(Feature.Cycles, "GET", "/api/cycles/{cycleId}/design-questions/{key}/answers", Observer),
        new(Feature.Cycles, "POST", "/api/cycles/{cycleId}/design-questions/{key}/answers", Member, _ => new { text = "An answer" }),
        new(Feature.Cycles, "GET", "/api/cycles/{cycleId}/history", Observer),

        new(Feature.Connections, "GET", "/api/networks/{networkId}/links", Observer),
        new(Feature.Connections, "POST", "/api/networks/{networkId}/links", Member, w => new { fromCycleId = w.Team.Id, toCycleId = w.Organisation.Id, learnsFrom = "Notes" }),
        new(Feature.Connections, "GET", "/api/links/{linkId}", Observer),
        new(Feature.Connections, "PUT", "/api/links/{linkId}", Member, _ => new { learnsFrom = "Changed notes" }),
        new(Feature.Connections, "DELETE", "/api/links/{linkId}", Member),

        new(Feature.Understanding, "GET", "/api/cycles/{cycleId}/actor-map", Observer),
        new(Feature.Understanding, "GET", "/api/cycles/{cycleId}/actor-map/measures", Observer),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/boundary-reviews", Member, _ => new { note = "Nobody from the food bank yet." }),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/actors", Member, _ => new { name = "Housing officer", kind = "Person" }),
        new(Feature.Understanding, "PUT", "/api/actors/{actorId}", Member, _ => new { name = "Renamed", kind = "Person", version = 1 }),
        new(Feature.Understanding, "PUT", "/api/actors/{actorId}/position", Member, _ => new { x = 10, y = 20 }),
        new(Feature.Understanding, "DELETE", "/api/actors/{actorId}", Member),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/relationships", Member, w => new { fromId = w.Maps.ActorId, toId = w.Maps.OtherActorId, kind = "refers to" }),
        new(Feature.Understanding, "PUT", "/api/relationships/{relationshipId}", Member, w => new { fromId = w.Maps.OtherActorId, toId = w.Maps.ActorId, kind = "funds", version = 1 }),
        new(Feature.Understanding, "DELETE", "/api/relationships/{relationshipId}", Member),
        new(Feature.Understanding, "GET", "/api/cycles/{cycleId}/factor-map", Observer),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/factors", Member, _ => new { name = "Trust" }),
        new(Feature.Understanding, "PUT", "/api/factors/{factorId}", Member, _ => new { name = "Renamed", version = 1 }),
        new(Feature.Understanding, "PUT", "/api/factors/{factorId}/position", Member, _ => new { x = 10, y = 20 }),
        new(Feature.Understanding, "DELETE", "/api/factors/{factorId}", Member),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/causal-links", Member, w => new { fromId = w.Maps.FactorId, toId = w.Maps.OtherFactorId, polarity = "Opposite" }),
        new(Feature.Understanding, "PUT", "/api/causal-links/{causalLinkId}", Member, w => new { fromId = w.Maps.OtherFactorId, toId = w.Maps.FactorId, polarity = "Opposite", version = 1 }),
        new(Feature.Understanding, "DELETE", "/api/causal-links/{causalLinkId}", Member),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/loop-analyses", Member, _ => new { maxLength = 6 }),
        new(Feature.Understanding, "GET", "/api/loop-analyses/{analysisId}", Observer),
        new(Feature.Understanding, "DELETE", "/api/loop-analyses/{analysisId}", Member),
        new(Feature.Understanding, "PUT", "/api/cycles/{cycleId}/named-loops/{loopKey}", Member, _ => new { name = "A loop" }),
        new(Feature.Understanding, "GET", "/api/factors/{factorId}/trees", Observer),
        new(Feature.Understanding, "GET", "/api/cycles/{cycleId}/maps/{map}/export", Observer),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/maps/{map}/import", Member),
        new(Feature.Understanding, "GET", "/api/cycles/{cycleId}/maps/{map}/snapshots", Observer),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/maps/{map}/snapshots", Member, _ => new { name = "Today" }),
        new(Feature.Understanding, "GET", "/api/map-snapshots/{snapshotId}/compare", Observer),
        new(Feature.Understanding, "GET", "/api/cycles/{cycleId}/process-map", Observer),
        new(Feature.Understanding, "POST", "/api/cycles/{cycleId}/process-steps", Member, _ => new { description = "Waits for a call back", demand = "Failure" }),
        new(Feature.Understanding, "PUT", "/api/process-steps/{stepId}", Member, _ => new { description = "Changed", demand = "Value", version = 1 }),
        new(Feature.Understanding, "DELETE", "/api/process-steps/{stepId}", Member),

        .. DesignCatalogue.Endpoints,
        .. CountermeasureCatalogue.Endpoints,
        .. PodCatalogue.Endpoints,
        .. EvidenceCatalogue.Endpoints,
        .. SessionCatalogue.Endpoints,
        .. BoardCatalogue.Endpoints,
        .. IssueCatalogue.Endpoints,
        .. InfluenceCatalogue.Endpoints,
        .. PeopleCatalogue.Endpoints,
        .. SpendCatalogue.Endpoints,
        .. StoryCatalogue.Endpoints,
        .. Patterns.PatternsCatalogue.Endpoints,
        .. Stewardship.ManagingCatalogue.Endpoints,
        .. LearningAccountCatalogue.Endpoints,
        .. AlarmCatalogue.Endpoints,
        .. GovernanceCatalogue.Endpoints,
    ];

    public static ApiEndpoint Get(string key) => All.Single(e => e.Key == key);

    /// <summary>Theory data: the keys of the endpoints that match.</summary>
    public static TheoryData<string> Cases(Func<ApiEndpoint, bool> where)
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in All.Where(where))
        {
            data.Add(endpoint.Key);
        }
        return data;
    }

    /// <summary>Needs a signed-in user.</summary>
    public static bool Protected(ApiEndpoint e) => !e.Anonymous;

    /// <summary>About one network (or a cycle or link in it): outsiders must get 404.</summary>
    public static bool NetworkScoped(ApiEndpoint e) => e.Minimum is not null;

    /// <summary>Changes something in a network: observers must get 403.</summary>
    public static bool NetworkWrite(ApiEndpoint e) => e.Minimum > NetworkRole.Observer;

    /// <summary>For stewards only: members must get 403.</summary>
    public static bool StewardOnly(ApiEndpoint e) => e.Minimum == NetworkRole.Steward;

    /// <summary>Open to every role of the network: observers must get 200.</summary>
    public static bool ObserverRead(ApiEndpoint e) => e.Minimum == NetworkRole.Observer;
}

public static partial class RouteIds
{
    /// <summary>Fills {somethingId} placeholders from the world's extra ids (see <see cref="ExperimentWorld"/>).</summary>
    public static string FillIds(this string route, IReadOnlyDictionary<string, Guid> ids)
    {
        foreach (var (key, id) in ids)
        {
            route = route.Replace("{" + key + "}", id.ToString(), StringComparison.Ordinal);
        }
        return route;
    }

    /// <summary>Fills every remaining {somethingId} placeholder with a made-up id.</summary>
    public static string FillUnknownIds(this string route) => Placeholder().Replace(route, _ => Guid.NewGuid().ToString());

    [GeneratedRegex(@"\{[A-Za-z]+Id\}")]
    private static partial Regex Placeholder();
}
