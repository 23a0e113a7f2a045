using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Influence;

/// <summary>Routing issues to connected cycles, and the receiving end's answers: accept (optionally starting something), decline
/// with a reason, close with what was done.</summary>
public sealed class RouteCommands(AppDbContext db, MapScope scope, NetworkAccess access, TimeProvider clock)
{
    /// <summary>An issue's routes, and the cycles its route form can offer this user.</summary>
    public async Task<Outcome<IssueRoutesView>> ForIssueAsync(Guid issueId, CancellationToken ct = default)
    {
        var issue = await db.Issues.AsNoTracking().Where(i => i.Id == issueId)
            .Select(i => new { i.Id, i.CycleId, i.NetworkId, i.Number, i.Status }).FirstOrDefaultAsync(ct);
        if (issue is null)
        {
            return Failure.NotFound;
        }
        var (cycle, denied) = await scope.ForCycleAsync(issue.CycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var routes = await ViewsAsync(db.IssueRoutes.Where(r => r.IssueId == issueId), ct);
        var cycles = await db.Cycles.AsNoTracking().Where(c => c.NetworkId == issue.NetworkId && c.ArchivedAt == null && c.Id != issue.CycleId)
            .Select(c => new { c.Id, c.Name, ScaleName = c.Scale!.Name, c.Scale.Position }).ToListAsync(ct);
        var here = await db.Cycles.AsNoTracking().Where(c => c.Id == issue.CycleId).Select(c => c.Scale!.Position).FirstAsync(ct);
        var links = await LinksOfAsync(issue.CycleId, ct);
        var options = cycles
            .Select(c => new RouteOption(c.Id, c.Name, c.ScaleName, RoutingRules.Connected(issue.CycleId, c.Id, links),
                routes.Any(r => r.ToCycleId == c.Id), Math.Abs(c.Position - here) <= 1))
            .OrderByDescending(o => o.Connected).ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new IssueRoutesView(issue.Id, issue.NetworkId, issue.CycleId, cycle.CycleName, issue.Number, issue.Status, cycle.Role >= NetworkRole.Member,
            cycle.Role == NetworkRole.Steward, routes, options);
    }

    public async Task<Outcome<List<IssueRouteView>>> ListAsync(Guid issueId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.Issues.Where(i => i.Id == issueId).Select(i => i.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return await ViewsAsync(db.IssueRoutes.Where(r => r.IssueId == issueId), ct);
    }

    public async Task<Outcome<IssueRouteView>> GetAsync(Guid routeId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.IssueRoutes.Where(r => r.Id == routeId).Select(r => r.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return (await ViewsAsync(db.IssueRoutes.Where(r => r.Id == routeId), ct))[0];
    }

    /// <summary>Routes an issue to a connected cycle. Any member of the network may route.</summary>
    public async Task<Outcome<IssueRouteView>> RouteAsync(Guid issueId, RouteInput input, CancellationToken ct = default)
    {
        var issue = await db.Issues.AsNoTracking().FirstOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null)
        {
            return Failure.NotFound;
        }
        var (cycle, denied) = await scope.ForCycleAsync(issue.CycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var toId = input.ToCycleId!.Value;
        var target = await db.Cycles.AsNoTracking().Where(c => c.Id == toId)
            .Select(c => new RouteTarget(c.Id, c.NetworkId, c.Name, c.ArchivedAt != null)).FirstOrDefaultAsync(ct);
        var existing = await db.IssueRoutes.AsNoTracking().Where(r => r.IssueId == issueId && r.ToCycleId == toId)
            .Select(r => new ExistingRoute(r.RoutedAt, r.Status)).FirstOrDefaultAsync(ct);
        var refusal = RoutingRules.CheckRoute(issue.Status, issue.CycleId, issue.NetworkId, cycle.CycleName,
            target.CycleId == Guid.Empty ? null : target, await LinksOfAsync(issue.CycleId, ct), existing.RoutedAt == default ? null : existing);
        if (refusal is not null)
        {
            return Refused(refusal);
        }
        var route = new IssueRoute
        {
            NetworkId = issue.NetworkId, IssueId = issueId, FromCycleId = issue.CycleId, ToCycleId = toId, Note = MapText.Clean(input.Note),
            RoutedByUserId = access.UserId, RoutedAt = clock.GetUtcNow(), Status = RouteStatus.Waiting,
        };
        db.IssueRoutes.Add(route);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await RoutedAlreadyAsync(issueId, toId, ct) is not { } raced)
            {
                throw;
            }
            // The unique index caught the same route made at the same moment by someone else.
            return Refused(RoutingRules.CheckRoute(issue.Status, issue.CycleId, issue.NetworkId, cycle.CycleName, target, [(issue.CycleId, toId)], raced)!);
        }
        return await GetAsync(route.Id, ct);
    }

    /// <summary>The receiving end takes it on, optionally adding it to its own issue log, starting an experiment, or convening a
    /// cycle around it.</summary>
    public async Task<Outcome<IssueRouteView>> AcceptAsync(Guid routeId, RouteAnswerInput input, CancellationToken ct = default) =>
        await AnswerAsync(routeId, RouteStatus.Accepted, input, ct);

    /// <summary>The receiving end declines, saying why.</summary>
    public async Task<Outcome<IssueRouteView>> DeclineAsync(Guid routeId, RouteAnswerInput input, CancellationToken ct = default) =>
        await AnswerAsync(routeId, RouteStatus.Declined, input, ct);

    /// <summary>The receiving end closes an accepted route, saying what was done.</summary>
    public async Task<Outcome<IssueRouteView>> CloseAsync(Guid routeId, RouteAnswerInput input, CancellationToken ct = default) =>
        await AnswerAsync(routeId, RouteStatus.Closed, input, ct);

    /// <summary>Whether the current user may answer routes arriving at this cycle.</summary>
    public async Task<bool> CanRespondAsync(Guid networkId, Guid toCycleId, CancellationToken ct)
    {
        var role = await access.RoleAsync(networkId, ct);
        if (role == NetworkRole.Steward)
        {
            return true;
        }
        var userId = access.UserId;
        var stewards = role >= NetworkRole.Member && userId is not null
            && await db.CycleStewards.AnyAsync(s => s.CycleId == toCycleId && s.UserId == userId, ct);
        return RoutingRules.CanRespond(role, stewards);
    }

    private async Task<Outcome<IssueRouteView>> AnswerAsync(Guid routeId, RouteStatus wanted, RouteAnswerInput input, CancellationToken ct)
    {
        var route = await db.IssueRoutes.FirstOrDefaultAsync(r => r.Id == routeId, ct);
        if (route is null)
        {
            return Failure.NotFound;
        }
        if (await access.RequireAsync(route.NetworkId, NetworkRole.Observer, ct) is { } hidden)
        {
            return hidden;
        }
        if (!await CanRespondAsync(route.NetworkId, route.ToCycleId, ct))
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "Only a steward of the network, or a steward of the receiving cycle, can answer a routed issue.");
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var response = MapText.Clean(input.Response);
        var errors = new Dictionary<string, string[]>();
        if (response is null && wanted != RouteStatus.Accepted)
        {
            errors["response"] = [wanted == RouteStatus.Declined
                ? "Say why you are declining, so the cycle that sent it knows where to take it next."
                : "Say what was done about it, so the cycle that sent it can see."];
        }
        var spawn = wanted == RouteStatus.Accepted ? input.Spawn ?? RouteSpawn.Nothing : RouteSpawn.Nothing;
        if (!Enum.IsDefined(spawn))
        {
            errors["spawn"] = ["Choose Nothing, Issue, Experiment or Cycle."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (Concurrency.Check(db, route, input.Version) is { } stale)
        {
            return stale;
        }
        if (RoutingRules.CheckTransition(route.Status, wanted) is { } wrong)
        {
            return new Failure(OutcomeStatus.Conflict, Message: wrong);
        }
        var issue = await db.Issues.AsNoTracking().FirstAsync(i => i.Id == route.IssueId, ct);
        var receiving = await db.Cycles.AsNoTracking().Where(c => c.Id == route.ToCycleId).Select(c => new { c.Id, c.ScaleId, c.Name }).FirstAsync(ct);
        var now = clock.GetUtcNow();
        route.Status = wanted;
        route.Response = response;
        route.RespondedByUserId = access.UserId;
        route.RespondedAt = now;
        Issue? received = null;
        switch (spawn)
        {
            case RouteSpawn.Issue:
                var fromName = await db.Cycles.Where(c => c.Id == route.FromCycleId).Select(c => c.Name).FirstAsync(ct);
                received = new Issue
                {
                    Description = issue.Description, NetworkId = route.NetworkId, CycleId = route.ToCycleId, Level = issue.Level, Owner = issue.Owner,
                    Status = IssueStatus.Open, Source = IssueSource.Route, SourceId = route.Id,
                    SourceLabel = Shorten($"Routed from '{fromName}' #{issue.Number}", Limits.Name), Tags = [.. issue.Tags],
                    RaisedByUserId = access.UserId, CreatedAt = now, UpdatedAt = now,
                    Number = await IssueNumbering.NextAsync(db, route.ToCycleId, ct),
                };
                db.Issues.Add(received);
                route.ReceivedIssueId = received.Id;
                break;
            case RouteSpawn.Experiment:
                var experiment = new Experiment
                {
                    Title = Shorten(issue.Description, Limits.Name), NetworkId = route.NetworkId, CycleId = route.ToCycleId,
                    Type = ExperimentType.Probe, State = ExperimentState.Designing, CreatedAt = now,
                };
                db.Experiments.Add(experiment);
                route.SpawnedExperimentId = experiment.Id;
                break;
            case RouteSpawn.Cycle:
                var convened = Cycle.Create(route.NetworkId, receiving.ScaleId, MapText.Clean(input.CycleName) ?? Shorten($"Around: {issue.Description}", Limits.Name), now);
                convened.Kind = CycleKind.ConvenedAroundIssue;
                convened.Purpose = $"Convened by '{receiving.Name}' around issue #{issue.Number}: {issue.Description}";
                if (access.UserId is { } userId)
                {
                    convened.Stewards.Add(new CycleSteward { CycleId = convened.Id, NetworkId = route.NetworkId, UserId = userId });
                }
                db.Cycles.Add(convened);
                // Same scale as the receiving cycle, and new, so the link rules allow a horizontal link.
                var (link, _) = LinkRules.Check(new LinkEnd(receiving.Id, route.NetworkId, 0), new LinkEnd(convened.Id, route.NetworkId, 0), []);
                if (link is { } ok)
                {
                    db.CycleLinks.Add(new CycleLink
                    {
                        NetworkId = route.NetworkId, Direction = ok.Direction, FromCycleId = ok.FromCycleId, ToCycleId = ok.ToCycleId, CreatedAt = now,
                        Notes = $"Convened around issue #{issue.Number} routed from another cycle.",
                    });
                }
                route.SpawnedCycleId = convened.Id;
                break;
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Failure.Conflict;
            }
            catch (DbUpdateException) when (received is not null && attempt < 3)
            {
                // Someone took the same issue number at the same moment: take the next one.
                received.Number++;
            }
        }
        return await GetAsync(route.Id, ct);
    }

    /// <summary>Route views with names, the issue, what was spawned and the fate of the received issue, in a fixed number of queries.</summary>
    internal async Task<List<IssueRouteView>> ViewsAsync(IQueryable<IssueRoute> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Join(db.Issues, r => r.IssueId, i => i.Id, (r, i) => new { R = r, i.Number, i.Description, i.Level, i.Status, i.SourceLabel })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var cycleIds = rows.SelectMany(r => new[] { r.R.FromCycleId, r.R.ToCycleId, r.R.SpawnedCycleId ?? Guid.Empty }).Distinct().ToList();
        var cycles = await db.Cycles.AsNoTracking().Where(c => cycleIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var userIds = rows.SelectMany(r => new[] { r.R.RoutedByUserId, r.R.RespondedByUserId }).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? u.Id, ct);
        var experimentIds = rows.Select(r => r.R.SpawnedExperimentId).OfType<Guid>().ToList();
        var experiments = experimentIds.Count == 0 ? [] : await db.Experiments.AsNoTracking().Where(e => experimentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        var receivedIds = rows.Select(r => r.R.ReceivedIssueId).OfType<Guid>().ToList();
        var received = receivedIds.Count == 0 ? [] : await db.Issues.AsNoTracking().Where(i => receivedIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Status }).ToDictionaryAsync(i => i.Id, ct);
        string? Name(string? id) => id is not null && users.TryGetValue(id, out var n) ? n : null;
        return rows.OrderByDescending(r => r.R.RoutedAt).Select(r =>
        {
            var got = r.R.ReceivedIssueId is { } rid && received.TryGetValue(rid, out var x) ? x : null;
            return new IssueRouteView(r.R.Id, r.R.NetworkId, r.R.IssueId, r.Number, r.Description, r.Level, r.Status, r.SourceLabel,
                r.R.FromCycleId, cycles.GetValueOrDefault(r.R.FromCycleId, "?"), r.R.ToCycleId, cycles.GetValueOrDefault(r.R.ToCycleId, "?"),
                r.R.Note, Name(r.R.RoutedByUserId), r.R.RoutedAt, r.R.Status, r.R.Response, Name(r.R.RespondedByUserId), r.R.RespondedAt,
                r.R.SpawnedExperimentId, r.R.SpawnedExperimentId is { } e ? experiments.GetValueOrDefault(e) : null,
                r.R.SpawnedCycleId, r.R.SpawnedCycleId is { } c ? cycles.GetValueOrDefault(c) : null,
                r.R.ReceivedIssueId, got?.Number, got?.Status == IssueStatus.Closed, r.R.Version);
        }).ToList();
    }

    internal async Task<List<(Guid From, Guid To)>> LinksOfAsync(Guid cycleId, CancellationToken ct) =>
        (await db.CycleLinks.AsNoTracking().Where(l => l.FromCycleId == cycleId || l.ToCycleId == cycleId)
            .Select(l => new { l.FromCycleId, l.ToCycleId }).ToListAsync(ct)).Select(l => (l.FromCycleId, l.ToCycleId)).ToList();

    private async Task<ExistingRoute?> RoutedAlreadyAsync(Guid issueId, Guid toId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var existing = await db.IssueRoutes.AsNoTracking().Where(r => r.IssueId == issueId && r.ToCycleId == toId)
            .Select(r => new ExistingRoute(r.RoutedAt, r.Status)).FirstOrDefaultAsync(ct);
        return existing.RoutedAt == default ? null : existing;
    }

    internal static Failure Refused(RouteRefusal refusal) => refusal.IsConflict
        ? new Failure(OutcomeStatus.Conflict, new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] }, refusal.Message)
        : Failure.Invalid(refusal.Field, refusal.Message);

    internal static string Shorten(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1), "…");
    }
}
