namespace LearningStack.Web.Features.Understanding;

public sealed record ActorView(Guid Id, Guid CycleId, string Name, ActorKind Kind, string? Description, IReadOnlyList<string> Tags,
    IReadOnlyList<ActorRoles> Roles, double? X, double? Y, int Version);

public sealed record RelationshipView(Guid Id, Guid CycleId, Guid FromId, Guid ToId, string Kind, RelationshipDirection Direction, int Strength,
    TrustQuality Trust, string? Notes, DateOnly? Since, int Version);

public sealed record FactorView(Guid Id, Guid CycleId, string Name, string? Description, IReadOnlyList<string> Tags, string? EvidenceUrl,
    double? X, double? Y, int Version);

public sealed record CausalLinkView(Guid Id, Guid CycleId, Guid FromId, Guid ToId, LinkPolarity Polarity, bool Delay, Confidence Confidence,
    string? EvidenceNote, int Version);

public sealed record NamedLoopView(Guid Id, string Key, string Name, string? Notes, IReadOnlyList<Guid> LinkIds, int Version);

public sealed record BoundaryReviewView(Guid Id, string Note, string ReviewedBy, DateTimeOffset ReviewedAt);

public sealed record ActorMapView(CycleScope Cycle, IReadOnlyList<ActorView> Actors, IReadOnlyList<RelationshipView> Relationships)
{
    public Guid CycleId => Cycle.CycleId;
    public bool CanEdit => Cycle.CanEdit;
}

public sealed record FactorMapView(CycleScope Cycle, IReadOnlyList<FactorView> Factors, IReadOnlyList<CausalLinkView> Links,
    IReadOnlyList<NamedLoopView> NamedLoops)
{
    public Guid CycleId => Cycle.CycleId;
    public bool CanEdit => Cycle.CanEdit;
}

public sealed record ProcessStepView(Guid Id, int Position, string Description, string? Responsible, DemandKind Demand, string? Notes, int Version);

public sealed record ProcessMapView(CycleScope Cycle, IReadOnlyList<ProcessStepView> Steps)
{
    public Guid CycleId => Cycle.CycleId;
    public bool CanEdit => Cycle.CanEdit;
    public int ValueCount => Steps.Count(s => s.Demand == DemandKind.Value);
    public int FailureCount => Steps.Count(s => s.Demand == DemandKind.Failure);
}

/// <summary>A change to a map, sent live to everyone looking at it.</summary>
public sealed record MapChange(string Entity, string Op, Guid Id, object? Item, string By, string? ClientId);

public static class RoleFlags
{
    public static IReadOnlyList<ActorRoles> List(ActorRoles roles) =>
        [.. Enum.GetValues<ActorRoles>().Where(r => r != ActorRoles.None && roles.HasFlag(r))];

    public static ActorRoles Combine(IEnumerable<ActorRoles>? roles) =>
        roles?.Aggregate(ActorRoles.None, (all, r) => all | r) ?? ActorRoles.None;
}
