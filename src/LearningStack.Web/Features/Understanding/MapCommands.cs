using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Understanding;

/// <summary>Everything people do to a cycle's actor map and factor map. Used by the pages, the map editor and the JSON API.
/// Every change is kept in history by the interceptor and announced live to others looking at the same map.</summary>
public sealed class MapCommands(AppDbContext db, MapScope scope, CurrentUser currentUser, TimeProvider clock, MapChangeFeed feed, IHttpContextAccessor http)
{
    // ---- reading ----------------------------------------------------------------------------------------------------

    public async Task<Outcome<ActorMapView>> ActorMapAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var actors = await db.Actors.AsNoTracking().Where(a => a.CycleId == cycleId).OrderBy(a => a.Name).ToListAsync(ct);
        var relationships = await db.ActorRelationships.AsNoTracking().Where(r => r.CycleId == cycleId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return new ActorMapView(cycle, [.. actors.Select(View)], [.. relationships.Select(View)]);
    }

    public async Task<Outcome<FactorMapView>> FactorMapAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var factors = await db.Factors.AsNoTracking().Where(f => f.CycleId == cycleId).OrderBy(f => f.Name).ToListAsync(ct);
        var links = await db.CausalLinks.AsNoTracking().Where(l => l.CycleId == cycleId).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var loops = await db.NamedLoops.AsNoTracking().Where(l => l.CycleId == cycleId).OrderBy(l => l.Name).ToListAsync(ct);
        return new FactorMapView(cycle, [.. factors.Select(View)], [.. links.Select(View)],
            [.. loops.Select(View)]);
    }

    // ---- actors -----------------------------------------------------------------------------------------------------

    public Task<Outcome<ActorView>> CreateActorAsync(Guid cycleId, ActorInput input, CancellationToken ct = default) =>
        AddAsync(cycleId, c => new Actor { Name = "", NetworkId = c.NetworkId, CycleId = cycleId, CreatedAt = clock.GetUtcNow(), X = input.X, Y = input.Y },
            db.Actors, a => Task.FromResult(Apply(a, input)), View, MapKind.ActorMap, "actor", ct);

    public async Task<Outcome<ActorView>> UpdateActorAsync(Guid actorId, ActorInput input, CancellationToken ct = default) =>
        await EditAsync(await db.Actors.FirstOrDefaultAsync(a => a.Id == actorId, ct), input.Version, a => Task.FromResult(Apply(a, input)), View, MapKind.ActorMap, "actor", ct);

    public async Task<Outcome<bool>> DeleteActorAsync(Guid actorId, CancellationToken ct = default)
    {
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Id == actorId, ct);
        if (await CheckEditAsync(actor, actor?.Version, ct) is { } failure)
        {
            return failure;
        }
        // Loaded and removed one by one (not left to the database's cascade) so that history keeps every relationship removed.
        var relationships = await db.ActorRelationships.Where(r => r.FromId == actorId || r.ToId == actorId).ToListAsync(ct);
        db.ActorRelationships.RemoveRange(relationships);
        db.Actors.Remove(actor!);
        await db.SaveChangesAsync(ct);
        foreach (var r in relationships)
        {
            AnnounceDeleted(r.CycleId, MapKind.ActorMap, "relationship", r.Id);
        }
        AnnounceDeleted(actor!.CycleId, MapKind.ActorMap, "actor", actorId);
        return true;
    }

    public Task<Outcome<bool>> MoveActorAsync(Guid actorId, PositionInput input, CancellationToken ct = default) =>
        MoveAsync(db.Actors, actorId, input, MapKind.ActorMap, "actor", ct);

    // ---- relationships ----------------------------------------------------------------------------------------------

    public Task<Outcome<RelationshipView>> CreateRelationshipAsync(Guid cycleId, RelationshipInput input, CancellationToken ct = default) =>
        AddAsync(cycleId, c => new ActorRelationship { Kind = "", NetworkId = c.NetworkId, CycleId = cycleId, CreatedAt = clock.GetUtcNow() },
            db.ActorRelationships, r => ApplyAsync(r, input, ct), View, MapKind.ActorMap, "relationship", ct);

    public async Task<Outcome<RelationshipView>> UpdateRelationshipAsync(Guid relationshipId, RelationshipInput input, CancellationToken ct = default) =>
        await EditAsync(await db.ActorRelationships.FirstOrDefaultAsync(r => r.Id == relationshipId, ct), input.Version, r => ApplyAsync(r, input, ct), View,
            MapKind.ActorMap, "relationship", ct);

    public Task<Outcome<bool>> DeleteRelationshipAsync(Guid relationshipId, CancellationToken ct = default) =>
        DeleteEdgeAsync(db.ActorRelationships, relationshipId, MapKind.ActorMap, "relationship", ct);

    // ---- factors ----------------------------------------------------------------------------------------------------

    public Task<Outcome<FactorView>> CreateFactorAsync(Guid cycleId, FactorInput input, CancellationToken ct = default) =>
        AddAsync(cycleId, c => new Factor { Name = "", NetworkId = c.NetworkId, CycleId = cycleId, CreatedAt = clock.GetUtcNow(), X = input.X, Y = input.Y },
            db.Factors, f => Task.FromResult(Apply(f, input)), View, MapKind.FactorMap, "factor", ct);

    public async Task<Outcome<FactorView>> UpdateFactorAsync(Guid factorId, FactorInput input, CancellationToken ct = default) =>
        await EditAsync(await db.Factors.FirstOrDefaultAsync(f => f.Id == factorId, ct), input.Version, f => Task.FromResult(Apply(f, input)), View, MapKind.FactorMap, "factor", ct);

    public async Task<Outcome<bool>> DeleteFactorAsync(Guid factorId, CancellationToken ct = default)
    {
        var factor = await db.Factors.FirstOrDefaultAsync(f => f.Id == factorId, ct);
        if (await CheckEditAsync(factor, factor?.Version, ct) is { } failure)
        {
            return failure;
        }
        var links = await db.CausalLinks.Where(l => l.FromId == factorId || l.ToId == factorId).ToListAsync(ct);
        db.CausalLinks.RemoveRange(links);
        db.Factors.Remove(factor!);
        await db.SaveChangesAsync(ct);
        foreach (var l in links)
        {
            AnnounceDeleted(l.CycleId, MapKind.FactorMap, "causal-link", l.Id);
        }
        AnnounceDeleted(factor!.CycleId, MapKind.FactorMap, "factor", factorId);
        return true;
    }

    public Task<Outcome<bool>> MoveFactorAsync(Guid factorId, PositionInput input, CancellationToken ct = default) =>
        MoveAsync(db.Factors, factorId, input, MapKind.FactorMap, "factor", ct);

    // ---- causal links -----------------------------------------------------------------------------------------------

    public Task<Outcome<CausalLinkView>> CreateLinkAsync(Guid cycleId, CausalLinkInput input, CancellationToken ct = default) =>
        AddAsync(cycleId, c => new CausalLink { NetworkId = c.NetworkId, CycleId = cycleId, CreatedAt = clock.GetUtcNow() },
            db.CausalLinks, l => ApplyAsync(l, input, ct), View, MapKind.FactorMap, "causal-link", ct);

    public async Task<Outcome<CausalLinkView>> UpdateLinkAsync(Guid linkId, CausalLinkInput input, CancellationToken ct = default) =>
        await EditAsync(await db.CausalLinks.FirstOrDefaultAsync(l => l.Id == linkId, ct), input.Version, l => ApplyAsync(l, input, ct), View,
            MapKind.FactorMap, "causal-link", ct);

    public Task<Outcome<bool>> DeleteLinkAsync(Guid linkId, CancellationToken ct = default) =>
        DeleteEdgeAsync(db.CausalLinks, linkId, MapKind.FactorMap, "causal-link", ct);

    // ---- rules ------------------------------------------------------------------------------------------------------

    private static Failure? Apply(Actor actor, ActorInput input)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var (tags, tagError) = MapText.Tags(input.Tags);
        if (tagError is not null)
        {
            return tagError;
        }
        actor.Name = input.Name!.Trim();
        actor.Kind = input.Kind!.Value;
        actor.Description = MapText.Clean(input.Description);
        actor.Tags = tags;
        actor.Roles = RoleFlags.Combine(input.Roles);
        return null;
    }

    private static Failure? Apply(Factor factor, FactorInput input)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var (tags, tagError) = MapText.Tags(input.Tags);
        if ((tagError ?? MapText.CheckUrl(input.EvidenceUrl, "evidenceUrl")) is { } error)
        {
            return error;
        }
        factor.Name = input.Name!.Trim();
        factor.Description = MapText.Clean(input.Description);
        factor.Tags = tags;
        factor.EvidenceUrl = MapText.Clean(input.EvidenceUrl);
        return null;
    }

    private async Task<Failure?> ApplyAsync(ActorRelationship relationship, RelationshipInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (input.FromId == input.ToId)
        {
            return Failure.Invalid("toId", "A relationship needs two different actors.");
        }
        if (await CheckEndsAsync(db.Actors, relationship.CycleId, input.FromId!.Value, input.ToId!.Value, "actor", ct) is { } missing)
        {
            return missing;
        }
        relationship.FromId = input.FromId.Value;
        relationship.ToId = input.ToId.Value;
        relationship.Kind = input.Kind!.Trim();
        relationship.Direction = input.Direction ?? RelationshipDirection.Directed;
        relationship.Strength = input.Strength ?? 3;
        relationship.Trust = input.Trust ?? TrustQuality.Unknown;
        relationship.Notes = MapText.Clean(input.Notes);
        relationship.Since = input.Since;
        return null;
    }

    private async Task<Failure?> ApplyAsync(CausalLink link, CausalLinkInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (await CheckEndsAsync(db.Factors, link.CycleId, input.FromId!.Value, input.ToId!.Value, "factor", ct) is { } missing)
        {
            return missing;
        }
        link.FromId = input.FromId.Value;
        link.ToId = input.ToId.Value;
        link.Polarity = input.Polarity!.Value;
        link.Delay = input.Delay;
        link.Confidence = input.Confidence ?? Confidence.Medium;
        link.EvidenceNote = MapText.Clean(input.EvidenceNote);
        return null;
    }

    /// <summary>Both ends must be elements of this cycle's map.</summary>
    private static async Task<Failure?> CheckEndsAsync<TNode>(IQueryable<TNode> nodes, Guid cycleId, Guid fromId, Guid toId, string what, CancellationToken ct)
        where TNode : class, IMapNode
    {
        var found = await nodes.AsNoTracking().Where(n => n.CycleId == cycleId && (n.Id == fromId || n.Id == toId)).Select(n => n.Id).ToListAsync(ct);
        return !found.Contains(fromId) ? Failure.Invalid("fromId", $"Choose an {what} on this cycle's map.")
            : !found.Contains(toId) ? Failure.Invalid("toId", $"Choose an {what} on this cycle's map.")
            : null;
    }

    /// <summary>Creating an element or connection: the caller must be a member; the rules run, then it is saved and announced.</summary>
    private async Task<Outcome<TView>> AddAsync<T, TView>(Guid cycleId, Func<CycleScope, T> create, DbSet<T> set, Func<T, Task<Failure?>> apply,
        Func<T, TView> view, MapKind map, string entity, CancellationToken ct) where T : class where TView : notnull
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var item = create(cycle);
        if (await apply(item) is { } invalid)
        {
            return invalid;
        }
        set.Add(item);
        await db.SaveChangesAsync(ct);
        return Announce(map, entity, view(item));
    }

    /// <summary>Editing a whole element or connection: access, the version the client saw, the rules, then save and announce.</summary>
    private async Task<Outcome<TView>> EditAsync<T, TView>(T? item, int? version, Func<T, Task<Failure?>> apply, Func<T, TView> view, MapKind map, string entity,
        CancellationToken ct) where T : class, IVersioned, IHistoried where TView : notnull
    {
        if (await CheckEditAsync(item, version, ct) is { } failure)
        {
            return failure;
        }
        if (await apply(item!) is { } invalid)
        {
            return invalid;
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return Announce(map, entity, view(item!));
    }

    /// <summary>Not found, forbidden, missing or stale version — or null when the edit may go ahead.</summary>
    private async Task<Failure?> CheckEditAsync<T>(T? entity, int? version, CancellationToken ct) where T : class, IVersioned, IHistoried
    {
        if (entity is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(entity.HistoryNetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        return Concurrency.Check(db, entity, version);
    }

    private async Task<Outcome<bool>> DeleteEdgeAsync<T>(DbSet<T> set, Guid id, MapKind map, string entity, CancellationToken ct) where T : class, IMapEdge, IVersioned, IHistoried
    {
        var edge = await set.FirstOrDefaultAsync(e => ((IMapEdge)e).Id == id, ct);
        if (await CheckEditAsync(edge, edge?.Version, ct) is { } failure)
        {
            return failure;
        }
        set.Remove(edge!);
        await db.SaveChangesAsync(ct);
        AnnounceDeleted(edge!.CycleId, map, entity, id);
        return true;
    }

    /// <summary>Positions are layout, not content: the last move wins, without a version check, and a move is not a history entry.</summary>
    private async Task<Outcome<bool>> MoveAsync<T>(DbSet<T> set, Guid id, PositionInput input, MapKind map, string entity, CancellationToken ct) where T : class, IMapNode
    {
        var node = await set.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.NetworkId, n.CycleId }).FirstOrDefaultAsync(ct);
        if (node is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(node.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        double x = Math.Round(input.X!.Value, 1), y = Math.Round(input.Y!.Value, 1);
        await set.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.X, x).SetProperty(n => n.Y, y), ct);
        // Others' editors get the whole element, as for any other change.
        object? moved = await set.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) switch
        {
            Actor a => View(a),
            Factor f => View(f),
            _ => null,
        };
        feed.Publish(node.CycleId, map, new MapChange(entity, moved is null ? "deleted" : "upserted", id, moved, currentUser.DisplayName, ClientId));
        return true;
    }

    private string? ClientId => http.HttpContext?.Request.Headers["X-Client-Id"].FirstOrDefault() is { Length: > 0 and <= 64 } id ? id : null;

    private T Announce<T>(MapKind map, string entity, T view) where T : notnull
    {
        var (id, cycleId) = view switch
        {
            ActorView a => (a.Id, a.CycleId),
            RelationshipView r => (r.Id, r.CycleId),
            FactorView f => (f.Id, f.CycleId),
            CausalLinkView l => (l.Id, l.CycleId),
            _ => throw new ArgumentException("Not a map element.", nameof(view)),
        };
        feed.Publish(cycleId, map, new MapChange(entity, "upserted", id, view, currentUser.DisplayName, ClientId));
        return view;
    }

    private void AnnounceDeleted(Guid cycleId, MapKind map, string entity, Guid id) =>
        feed.Publish(cycleId, map, new MapChange(entity, "deleted", id, null, currentUser.DisplayName, ClientId));

    // ---- views ------------------------------------------------------------------------------------------------------

    public static ActorView View(Actor a) => new(a.Id, a.CycleId, a.Name, a.Kind, a.Description, a.Tags, RoleFlags.List(a.Roles), a.X, a.Y, a.Version);

    public static RelationshipView View(ActorRelationship r) =>
        new(r.Id, r.CycleId, r.FromId, r.ToId, r.Kind, r.Direction, r.Strength, r.Trust, r.Notes, r.Since, r.Version);

    public static FactorView View(Factor f) => new(f.Id, f.CycleId, f.Name, f.Description, f.Tags, f.EvidenceUrl, f.X, f.Y, f.Version);

    public static CausalLinkView View(CausalLink l) => new(l.Id, l.CycleId, l.FromId, l.ToId, l.Polarity, l.Delay, l.Confidence, l.EvidenceNote, l.Version);

    public static NamedLoopView View(NamedLoop l) =>
        new(l.Id, l.Key, l.Name, l.Notes, [.. l.Key.Split('.').Select(Guid.Parse)], l.Version);
}
