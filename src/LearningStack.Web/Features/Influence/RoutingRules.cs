using System.Globalization;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Web.Features.Influence;

/// <summary>A cycle an issue or learning might be handed to: its network, name and whether it is archived.</summary>
public readonly record struct RouteTarget(Guid CycleId, Guid NetworkId, string Name, bool Archived);

/// <summary>A route already made for the same issue and receiving cycle.</summary>
public readonly record struct ExistingRoute(DateTimeOffset RoutedAt, RouteStatus Status);

/// <summary>Why a route (or a hand-over of learning) is refused: a field error (400) or a conflict with what exists (409).</summary>
public sealed record RouteRefusal(string Field, string Message, bool IsConflict = false);

/// <summary>The rules for handing an issue, or learning, from one cycle to another. Pure: the callers load the facts.</summary>
public static class RoutingRules
{
    /// <summary>True when the two cycles are joined by a link in either direction, vertical or horizontal.</summary>
    public static bool Connected(Guid a, Guid b, IEnumerable<(Guid From, Guid To)> links) =>
        links.Any(l => (l.From == a && l.To == b) || (l.From == b && l.To == a));

    /// <summary>Whether learning or an issue may go from <paramref name="fromCycleId"/> to <paramref name="to"/>: a different, live
    /// cycle of the same network, connected by a link. Null when it may.</summary>
    public static RouteRefusal? CheckTarget(Guid fromCycleId, Guid networkId, string fromName, RouteTarget? to, IEnumerable<(Guid From, Guid To)> links, string field = "toCycleId")
    {
        if (to is not { } target || target.NetworkId != networkId)
        {
            return new(field, "Choose a cycle of this network.");
        }
        if (target.CycleId == fromCycleId)
        {
            return new(field, "This is the cycle it comes from. Choose another cycle that can act on it.");
        }
        if (target.Archived)
        {
            return new(field, $"'{target.Name}' is archived, so nobody there would see it. Choose a cycle that is still learning.");
        }
        if (!Connected(fromCycleId, target.CycleId, links))
        {
            return new(field, $"'{target.Name}' is not connected to '{fromName}'. Connect the two cycles first (a steward can do it from here), then hand it over.");
        }
        return null;
    }

    /// <summary>Every rule for routing an issue. Null when it may be routed.</summary>
    public static RouteRefusal? CheckRoute(IssueStatus issueStatus, Guid fromCycleId, Guid networkId, string fromName, RouteTarget? to,
        IEnumerable<(Guid From, Guid To)> links, ExistingRoute? existing)
    {
        if (issueStatus == IssueStatus.Closed)
        {
            return new("issueId", "This issue is closed. Reopen it first, then route it.", IsConflict: true);
        }
        if (CheckTarget(fromCycleId, networkId, fromName, to, links) is { } refused)
        {
            return refused;
        }
        if (existing is { } already)
        {
            var on = already.RoutedAt.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
            return new("toCycleId", $"Already routed to '{to!.Value.Name}' on {on} — status {StatusText(already.Status)}. Follow that route instead.", IsConflict: true);
        }
        return null;
    }

    /// <summary>Who may accept, decline or close a route at the receiving end: a steward of the network, or a member who stewards
    /// the receiving cycle.</summary>
    public static bool CanRespond(NetworkRole? role, bool stewardsReceivingCycle) =>
        role == NetworkRole.Steward || (role >= NetworkRole.Member && stewardsReceivingCycle);

    /// <summary>Whether a route in this status can be answered (accepted or declined), or closed.</summary>
    public static string? CheckTransition(RouteStatus current, RouteStatus wanted) => (current, wanted) switch
    {
        (RouteStatus.Waiting, RouteStatus.Accepted or RouteStatus.Declined) => null,
        (RouteStatus.Accepted, RouteStatus.Closed) => null,
        (_, RouteStatus.Closed) => $"Only an accepted route can be closed; this one is {StatusText(current).ToLowerInvariant()}.",
        _ => $"This route has already been answered — it is {StatusText(current).ToLowerInvariant()}.",
    };

    public static string StatusText(RouteStatus status) => status switch
    {
        RouteStatus.Waiting => "Waiting",
        RouteStatus.Accepted => "Accepted",
        RouteStatus.Declined => "Declined",
        RouteStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
