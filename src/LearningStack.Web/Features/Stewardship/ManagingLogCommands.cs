using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The enablers and barriers log, routing a barrier to a connected cycle (through the issue log and the routing rules of
/// <see cref="IssueCommands"/> and <see cref="RouteCommands"/>, never a copy of them), and the connections to make per experiment.
/// Any member may write; everyone in the network may read.</summary>
public sealed class ManagingLogCommands(AppDbContext db, ManagingAccess access, CurrentUser currentUser, TimeProvider clock, IssueCommands issues, RouteCommands routes)
{
    // ---- enablers and barriers ------------------------------------------------------------------------------------

    public async Task<Outcome<EnablersBarriersView>> LogAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        return new EnablersBarriersView(scope, await ItemViewsAsync(db.EnablersBarriers.Where(e => e.CycleId == cycleId), ct), await RouteOptionsAsync(cycleId, ct));
    }

    public async Task<Outcome<EnablerBarrierView>> ItemAsync(Guid itemId, CancellationToken ct = default)
    {
        var cycleId = await db.EnablersBarriers.AsNoTracking().Where(e => e.Id == itemId).Select(e => (Guid?)e.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(cycleId.Value, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        return (await ItemViewsAsync(db.EnablersBarriers.Where(e => e.Id == itemId), ct))[0];
    }

    public async Task<Outcome<EnablerBarrierView>> AddItemAsync(Guid cycleId, EnablerBarrierInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (CheckItem(input, null) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var item = new EnablerBarrier
        {
            NetworkId = scope.NetworkId, CycleId = cycleId, Kind = input.Kind!.Value, Text = input.Text!.Trim(), Status = EnablerStatus.Open,
            NoticedOn = input.NoticedOn ?? DateOnly.FromDateTime(now.UtcDateTime), NoticedById = currentUser.UserId, NoticedByName = currentUser.DisplayName,
            CreatedAt = now, UpdatedAt = now,
        };
        db.EnablersBarriers.Add(item);
        await db.SaveChangesAsync(ct);
        return (await ItemViewsAsync(db.EnablersBarriers.Where(e => e.Id == item.Id), ct))[0];
    }

    /// <summary>Edits an entry as a whole. Changing its status (Open ↔ Addressed) needs a note saying how it was addressed, or why it is back.</summary>
    public async Task<Outcome<EnablerBarrierView>> UpdateItemAsync(Guid itemId, EnablerBarrierInput input, CancellationToken ct = default)
    {
        var item = await db.EnablersBarriers.FirstOrDefaultAsync(e => e.Id == itemId, ct);
        if (item is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(item.CycleId, NetworkRole.Member, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (CheckItem(input, item) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, item, input.Version) is { } stale)
        {
            return stale;
        }
        item.Kind = input.Kind!.Value;
        item.Text = input.Text!.Trim();
        item.NoticedOn = input.NoticedOn ?? item.NoticedOn;
        var status = input.Status ?? item.Status;
        if (status != item.Status)
        {
            item.Status = status;
            item.StatusNote = MapText.Clean(input.StatusNote);
        }
        else if (input.StatusNote is not null)
        {
            item.StatusNote = MapText.Clean(input.StatusNote);
        }
        item.UpdatedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await ItemViewsAsync(db.EnablersBarriers.Where(e => e.Id == itemId), ct))[0];
    }

    /// <summary>One step: the barrier becomes an issue of this cycle's log and the issue is routed to the chosen connected cycle.
    /// Both happen or neither does. The barrier keeps the issue and the route.</summary>
    public async Task<Outcome<EnablerBarrierView>> RouteBarrierAsync(Guid itemId, BarrierRouteInput input, CancellationToken ct = default)
    {
        var item = await db.EnablersBarriers.FirstOrDefaultAsync(e => e.Id == itemId, ct);
        if (item is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(item.CycleId, NetworkRole.Member, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, item, input.Version) is { } stale)
        {
            return stale;
        }
        var routedTo = item.RouteId is { } routeId
            ? await db.IssueRoutes.Where(r => r.Id == routeId).Join(db.Cycles, r => r.ToCycleId, c => c.Id, (r, c) => c.Name).FirstOrDefaultAsync(ct)
            : null;
        if (ManagingRules.CheckBarrier(item.Kind, item.Status, item.IssueId is not null || item.RouteId is not null, routedTo) is { } refusal)
        {
            return RouteCommands.Refused(refusal);
        }
        var toId = input.ToCycleId!.Value;
        var target = await db.Cycles.AsNoTracking().Where(c => c.Id == toId)
            .Select(c => new RouteTarget(c.Id, c.NetworkId, c.Name, c.ArchivedAt != null)).FirstOrDefaultAsync(ct);
        if (RoutingRules.CheckTarget(item.CycleId, item.NetworkId, scope.CycleName, target.CycleId == Guid.Empty ? null : target,
                await routes.LinksOfAsync(item.CycleId, ct)) is { } wrongTarget)
        {
            return RouteCommands.Refused(wrongTarget);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var issue = await issues.CreateAsync(item.CycleId, new IssueInput
        {
            Description = item.Text, Level = input.Level ?? IssueLevel.System, Owner = input.Owner ?? IssueOwner.Leadership, Tags = ["barrier"],
            Source = IssueSource.Direct,
        }, ct);
        if (issue.Value is not { } raised)
        {
            return new Failure(issue.Status, issue.Errors, issue.Message);
        }
        var route = await routes.RouteAsync(raised.Id, new RouteInput { ToCycleId = toId, Note = input.Note }, ct);
        if (route.Value is not { } made)
        {
            return new Failure(route.Status, route.Errors, route.Message);
        }
        // The route commands may have cleared the change tracker; load the barrier again, checking nobody changed it meanwhile.
        var fresh = await db.EnablersBarriers.FirstAsync(e => e.Id == itemId, ct);
        if (fresh.Version != item.Version || fresh.IssueId is not null)
        {
            return Failure.Conflict;
        }
        fresh.IssueId = raised.Id;
        fresh.RouteId = made.Id;
        fresh.UpdatedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        await transaction.CommitAsync(ct);
        return (await ItemViewsAsync(db.EnablersBarriers.Where(e => e.Id == itemId), ct))[0];
    }

    private static Failure? CheckItem(EnablerBarrierInput input, EnablerBarrier? existing)
    {
        var errors = InputValidation.Check(input)?.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [];
        if (input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors["kind"] = ["Choose Enabler or Barrier."];
        }
        else if (existing is { RouteId: not null } && input.Kind is EnablerKind.Enabler)
        {
            errors["kind"] = ["This barrier has been routed to another cycle, so it stays a barrier."];
        }
        if (input.Text is not null && string.IsNullOrWhiteSpace(input.Text) && !errors.ContainsKey("text"))
        {
            errors["text"] = ["Say what helps, or what gets in the way."];
        }
        if (input.Status is { } status)
        {
            if (!Enum.IsDefined(status))
            {
                errors["status"] = ["Use Open or Addressed."];
            }
            else if (existing is null && status != EnablerStatus.Open)
            {
                errors["status"] = ["A new entry starts open; mark it addressed once it is."];
            }
            else if (existing is not null && status != existing.Status && string.IsNullOrWhiteSpace(input.StatusNote))
            {
                errors["statusNote"] = [status == EnablerStatus.Addressed ? "Say how it was addressed." : "Say why it is open again."];
            }
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    /// <summary>Entries with their issue and route (status, receiving cycle, response) and history, in a fixed number of queries.</summary>
    private async Task<List<EnablerBarrierView>> ItemViewsAsync(IQueryable<EnablerBarrier> query, CancellationToken ct)
    {
        var items = await query.AsNoTracking().ToListAsync(ct);
        var issueIds = items.Select(i => i.IssueId).OfType<Guid>().ToList();
        var numbers = issueIds.Count == 0 ? [] : await db.Issues.AsNoTracking().Where(i => issueIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        var routeIds = items.Select(i => i.RouteId).OfType<Guid>().ToList();
        var routed = routeIds.Count == 0 ? [] : await db.IssueRoutes.AsNoTracking().Where(r => routeIds.Contains(r.Id))
            .Join(db.Cycles, r => r.ToCycleId, c => c.Id, (r, c) => new { r.Id, r.ToCycleId, c.Name, r.Status, r.Response }).ToDictionaryAsync(r => r.Id, ct);
        var history = await access.HistoryAsync(nameof(EnablerBarrier), items.Select(i => i.Id).ToList(), ct);
        return items.OrderBy(i => i.Status).ThenByDescending(i => i.NoticedOn).ThenByDescending(i => i.CreatedAt).Select(i =>
        {
            var route = i.RouteId is { } r && routed.TryGetValue(r, out var found) ? found : null;
            return new EnablerBarrierView(i.Id, i.CycleId, i.Kind, i.Text, i.NoticedOn, i.NoticedByName, i.Status, i.StatusNote,
                i.IssueId, i.IssueId is { } n && numbers.TryGetValue(n, out var number) ? number : null,
                i.RouteId, route?.ToCycleId, route?.Name, route?.Status, route?.Response, i.Version, history.GetValueOrDefault(i.Id) ?? []);
        }).ToList();
    }

    /// <summary>The live cycles linked to this one, larger scales first: where a barrier could go.</summary>
    private async Task<List<BarrierRouteOption>> RouteOptionsAsync(Guid cycleId, CancellationToken ct)
    {
        var links = await db.CycleLinks.AsNoTracking().Where(l => l.FromCycleId == cycleId || l.ToCycleId == cycleId)
            .Select(l => new { l.FromCycleId, l.ToCycleId, l.Direction }).ToListAsync(ct);
        var otherIds = links.Select(l => l.FromCycleId == cycleId ? l.ToCycleId : l.FromCycleId).Distinct().ToList();
        var cycles = await db.Cycles.AsNoTracking().Where(c => otherIds.Contains(c.Id) && c.ArchivedAt == null)
            .Select(c => new { c.Id, c.Name, ScaleName = c.Scale!.Name, c.Scale.Position }).ToListAsync(ct);
        return cycles.Select(c =>
            {
                var link = links.First(l => l.FromCycleId == c.Id || l.ToCycleId == c.Id);
                var direction = link.Direction == LinkDirection.Horizontal ? "alongside" : link.FromCycleId == cycleId ? "learns from this cycle" : "this cycle learns from it";
                return (c.Position, Option: new BarrierRouteOption(c.Id, c.Name, c.ScaleName, direction));
            })
            .OrderByDescending(o => o.Position).ThenBy(o => o.Option.Name, StringComparer.CurrentCultureIgnoreCase).Select(o => o.Option).ToList();
    }

    // ---- connections to make --------------------------------------------------------------------------------------

    public async Task<Outcome<ExperimentConnectionsView>> ForExperimentAsync(Guid experimentId, CancellationToken ct = default)
    {
        var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId).Select(e => new { e.Id, e.CycleId, e.NetworkId, e.Title }).FirstOrDefaultAsync(ct);
        if (experiment is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(experiment.CycleId, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        var connections = await ConnectionViewsAsync(db.ConnectionsToMake.Where(c => c.ExperimentId == experimentId), ct);
        List<ConnectionChoice> cycles = [], members = [];
        if (scope.CanRecord)
        {
            cycles = (await db.Cycles.AsNoTracking().Where(c => c.NetworkId == experiment.NetworkId && c.ArchivedAt == null && c.Id != experiment.CycleId)
                    .Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                .Select(c => new ConnectionChoice(c.Id.ToString(), c.Name)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
            members = (await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == experiment.NetworkId)
                    .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, Name = u.DisplayName ?? u.UserName ?? u.Id }).ToListAsync(ct))
                .Select(m => new ConnectionChoice(m.Id, m.Name)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        }
        return new ExperimentConnectionsView(experiment.Id, experiment.Title, experiment.CycleId, scope.CanRecord, connections, cycles, members);
    }

    /// <summary>Every connection to make across the cycle's experiments, those still to have first.</summary>
    public async Task<Outcome<CycleConnectionsView>> ForCycleAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        return new CycleConnectionsView(scope, await ConnectionViewsAsync(db.ConnectionsToMake.Where(c => c.CycleId == cycleId), ct));
    }

    public async Task<Outcome<ConnectionView>> ConnectionAsync(Guid connectionId, CancellationToken ct = default)
    {
        var cycleId = await db.ConnectionsToMake.AsNoTracking().Where(c => c.Id == connectionId).Select(c => (Guid?)c.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(cycleId.Value, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        return (await ConnectionViewsAsync(db.ConnectionsToMake.Where(c => c.Id == connectionId), ct))[0];
    }

    public async Task<Outcome<ConnectionView>> AddConnectionAsync(Guid experimentId, ConnectionInput input, CancellationToken ct = default)
    {
        var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId).Select(e => new { e.Id, e.CycleId, e.NetworkId }).FirstOrDefaultAsync(ct);
        if (experiment is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(experiment.CycleId, NetworkRole.Member, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (await CheckConnectionAsync(input, experiment.NetworkId, ct) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var connection = new ConnectionToMake { NetworkId = experiment.NetworkId, CycleId = experiment.CycleId, ExperimentId = experimentId, Name = "", CreatedAt = now };
        Apply(connection, input, now);
        db.ConnectionsToMake.Add(connection);
        await db.SaveChangesAsync(ct);
        return (await ConnectionViewsAsync(db.ConnectionsToMake.Where(c => c.Id == connection.Id), ct))[0];
    }

    /// <summary>Edits a connection as a whole; giving a date records that the conversation happened.</summary>
    public async Task<Outcome<ConnectionView>> UpdateConnectionAsync(Guid connectionId, ConnectionInput input, CancellationToken ct = default)
    {
        var connection = await db.ConnectionsToMake.FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(connection.CycleId, NetworkRole.Member, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (await CheckConnectionAsync(input, connection.NetworkId, ct) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, connection, input.Version) is { } stale)
        {
            return stale;
        }
        Apply(connection, input, clock.GetUtcNow());
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await ConnectionViewsAsync(db.ConnectionsToMake.Where(c => c.Id == connectionId), ct))[0];
    }

    private async Task<Failure?> CheckConnectionAsync(ConnectionInput input, Guid networkId, CancellationToken ct)
    {
        var errors = InputValidation.Check(input)?.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [];
        if (input.Name is not null && string.IsNullOrWhiteSpace(input.Name) && !errors.ContainsKey("name"))
        {
            errors["name"] = ["Say who: a person's role, a team or an organisation."];
        }
        if (input.LinkedCycleId is { } cycleId && !await db.Cycles.AnyAsync(c => c.Id == cycleId && c.NetworkId == networkId, ct))
        {
            errors["linkedCycleId"] = ["Choose a cycle of this network, or none."];
        }
        if (!string.IsNullOrWhiteSpace(input.LinkedUserId) && !await db.NetworkMembers.AnyAsync(m => m.NetworkId == networkId && m.UserId == input.LinkedUserId, ct))
        {
            errors["linkedUserId"] = ["Choose a member of this network, or none."];
        }
        if (input.TalkedOn is null && !string.IsNullOrWhiteSpace(input.ConversationNote))
        {
            errors["talkedOn"] = ["Give the date of the conversation, so the note has a day."];
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    private static void Apply(ConnectionToMake connection, ConnectionInput input, DateTimeOffset now)
    {
        connection.Name = input.Name!.Trim();
        connection.Why = MapText.Clean(input.Why);
        connection.LinkedCycleId = input.LinkedCycleId;
        connection.LinkedUserId = string.IsNullOrWhiteSpace(input.LinkedUserId) ? null : input.LinkedUserId.Trim();
        connection.TalkedOn = input.TalkedOn;
        connection.ConversationNote = MapText.Clean(input.ConversationNote);
        connection.UpdatedAt = now;
    }

    private async Task<List<ConnectionView>> ConnectionViewsAsync(IQueryable<ConnectionToMake> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Join(db.Experiments, c => c.ExperimentId, e => e.Id, (c, e) => new { C = c, e.Title }).ToListAsync(ct);
        var cycleIds = rows.Select(r => r.C.LinkedCycleId).OfType<Guid>().Distinct().ToList();
        var cycles = cycleIds.Count == 0 ? [] : await db.Cycles.AsNoTracking().Where(c => cycleIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var userIds = rows.Select(r => r.C.LinkedUserId).OfType<string>().Distinct().ToList();
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.UserName ?? u.Id }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.OrderBy(r => r.C.TalkedOn is null ? 0 : 1).ThenBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.C.CreatedAt)
            .Select(r => new ConnectionView(r.C.Id, r.C.ExperimentId, r.Title, r.C.Name, r.C.Why, r.C.LinkedCycleId,
                r.C.LinkedCycleId is { } c ? cycles.GetValueOrDefault(c) : null, r.C.LinkedUserId,
                r.C.LinkedUserId is { } u ? users.GetValueOrDefault(u) : null, r.C.TalkedOn, r.C.ConversationNote, r.C.Version))
            .ToList();
    }
}
