using LearningStack.Graphs.Centrality;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Understanding;

public sealed record ActorMeasure(Guid ActorId, string Name, int In, int Out, int Connections, double Betweenness, bool Isolated, bool Bridge, string? OnlyThrough);

/// <summary>What the shape of the actor map says, and what it does not: measures in plain words, and the boundary questions.</summary>
public sealed record ActorMeasuresView(IReadOnlyList<ActorMeasure> Actors, IReadOnlyList<string> MissingVoices, IReadOnlyList<BoundaryReviewView> Reviews)
{
    public IEnumerable<ActorMeasure> IsolatedActors => Actors.Where(a => a.Isolated);
    public IEnumerable<ActorMeasure> Bridges => Actors.Where(a => a.Bridge);
    public IEnumerable<ActorMeasure> OnlyThrough => Actors.Where(a => a.OnlyThrough is not null);
    public DateTimeOffset? LastReviewed => Reviews.Count == 0 ? null : Reviews.Max(r => r.ReviewedAt);
}

/// <summary>Measures of the actor map (degree, betweenness, bridges) and the boundary reflection.</summary>
public sealed class ActorMeasureCommands(AppDbContext db, MapScope scope, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<ActorMeasuresView>> GetAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var actors = await db.Actors.AsNoTracking().Where(a => a.CycleId == cycleId).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Kind, a.Roles }).ToListAsync(ct);
        var relationships = await db.ActorRelationships.AsNoTracking().Where(r => r.CycleId == cycleId)
            .Select(r => new { r.FromId, r.ToId, r.Direction }).ToListAsync(ct);
        var reviews = await db.BoundaryReviews.AsNoTracking().Where(b => b.CycleId == cycleId).OrderByDescending(b => b.ReviewedAt)
            .Select(b => new BoundaryReviewView(b.Id, b.Note, b.ReviewedBy, b.ReviewedAt)).ToListAsync(ct);

        var index = actors.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var arcs = relationships
            .SelectMany(r => r.Direction == RelationshipDirection.Mutual
                ? new[] { (index[r.FromId], index[r.ToId]), (index[r.ToId], index[r.FromId]) }
                : [(index[r.FromId], index[r.ToId])])
            .ToList();
        var n = actors.Count;
        var degrees = Structure.Degrees(n, arcs);
        var betweenness = Betweenness.Compute(n, arcs, normalized: true, ct);
        var isolated = Structure.Isolated(n, arcs).ToHashSet();
        var bridges = Structure.CutVertices(n, arcs).ToHashSet();
        var through = Structure.ReachableOnlyThrough(n, arcs).ToDictionary(x => x.Node, x => x.Via);
        var measures = actors.Select((a, i) => new ActorMeasure(a.Id, a.Name, degrees[i].In, degrees[i].Out, degrees[i].Total,
            Math.Round(betweenness[i], 3), isolated.Contains(i), bridges.Contains(i), through.TryGetValue(i, out var via) ? actors[via].Name : null)).ToList();

        var missing = new List<string>();
        if (!actors.Any(a => a.Roles.HasFlag(ActorRoles.PersonServed)))
        {
            missing.Add("Nobody is marked as a person served or an expert by experience. Whose life is this system meant to help?");
        }
        if (!actors.Any(a => a.Kind == ActorKind.Community))
        {
            missing.Add("No community group is on the map. Which groups do people turn to outside services?");
        }
        if (!actors.Any(a => a.Kind == ActorKind.Person))
        {
            missing.Add("No individual people are on the map — only organisations and teams.");
        }
        if (!actors.Any(a => a.Roles.HasFlag(ActorRoles.CouldStopChange)))
        {
            missing.Add("Nobody is marked as someone who could stop change. Who holds the rules, the money or the sign-off?");
        }
        if (!actors.Any(a => a.Roles.HasFlag(ActorRoles.HasEnergyForChange)))
        {
            missing.Add("Nobody is marked as having energy for change. Who is already trying things?");
        }
        return new ActorMeasuresView(measures, missing, reviews);
    }

    public async Task<Outcome<BoundaryReviewView>> AddReviewAsync(Guid cycleId, BoundaryReviewInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var review = new BoundaryReview
        {
            NetworkId = cycle.NetworkId, CycleId = cycleId, Note = input.Note!.Trim(), ReviewedBy = currentUser.DisplayName, ReviewedAt = clock.GetUtcNow(),
        };
        db.BoundaryReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return new BoundaryReviewView(review.Id, review.Note, review.ReviewedBy, review.ReviewedAt);
    }
}
