using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Influence;

/// <summary>Learning handed to this cycle, with the answer it got.</summary>
public sealed record InboxInfluence(RecipientView Recipient, InfluenceView Record);

/// <summary>A cycle's inbox: issues routed here and learning handed here. <see cref="CanAnswerRoutes"/>: may accept or decline
/// routes; <see cref="CanAnswerLearning"/>: may say what was done with learning.</summary>
public sealed record InboxView(Guid CycleId, Guid NetworkId, string CycleName, string NetworkName, bool CanAnswerRoutes, bool CanAnswerLearning,
    IReadOnlyList<IssueRouteView> Routes, IReadOnlyList<InboxInfluence> Learning);

/// <summary>A cycle's outgoing side for the Embed and influence panel: learning handed on, issues routed out.</summary>
public sealed record OutgoingView(IReadOnlyList<InfluenceView> Learning, IReadOnlyList<IssueRouteView> Routes);

public sealed class InboxQuery(AppDbContext db, MapScope scope, RouteCommands routes, InfluenceCommands influence)
{
    /// <summary>The inbox; only what waits for an answer unless <paramref name="all"/>.</summary>
    public async Task<Outcome<InboxView>> ForCycleAsync(Guid cycleId, bool all, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var routeQuery = db.IssueRoutes.Where(r => r.ToCycleId == cycleId);
        var recipientQuery = db.InfluenceRecipients.Where(r => r.ToCycleId == cycleId);
        if (!all)
        {
            routeQuery = routeQuery.Where(r => r.Status == RouteStatus.Waiting);
            recipientQuery = recipientQuery.Where(r => r.Response == InfluenceResponse.Pending);
        }
        var routeViews = await routes.ViewsAsync(routeQuery, ct);
        var recipients = await influence.RecipientViewsAsync(recipientQuery, ct);
        var recordIds = recipients.Select(r => r.InfluenceId).ToList();
        var records = recordIds.Count == 0 ? [] : await influence.ViewsAsync(db.InfluenceRecords.Where(r => recordIds.Contains(r.Id)), ct);
        var learning = records.Select(r => new InboxInfluence(recipients.First(x => x.InfluenceId == r.Id), r)).ToList();
        return new InboxView(cycleId, cycle.NetworkId, cycle.CycleName, cycle.NetworkName, await routes.CanRespondAsync(cycle.NetworkId, cycleId, ct),
            cycle.Role >= NetworkRole.Member, routeViews, learning);
    }

    public async Task<Outcome<OutgoingView>> OutgoingAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        return new OutgoingView(await influence.ViewsAsync(db.InfluenceRecords.Where(r => r.FromCycleId == cycleId), ct),
            await routes.ViewsAsync(db.IssueRoutes.Where(r => r.FromCycleId == cycleId), ct));
    }
}
