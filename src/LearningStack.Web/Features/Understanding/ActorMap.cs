using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Understanding;

public enum ActorKind
{
    Person,
    Organisation,
    Team,
    Community,
}

/// <summary>The part an actor plays in the cycle. Stored as flags; shown and sent as a list.</summary>
[Flags]
public enum ActorRoles
{
    None = 0,
    Steward = 1,
    LearningPartner = 2,
    PersonServed = 4,
    OpinionLeader = 8,
    CouldStopChange = 16,
    HasEnergyForChange = 32,
}

public enum RelationshipDirection
{
    Directed,
    Mutual,
}

public enum TrustQuality
{
    Unknown,
    Low,
    Mixed,
    Good,
}

/// <summary>A person, organisation, team or community in a cycle's system.</summary>
public sealed class Actor : IHistoried, IVersioned, IMapNode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Name { get; set; }
    public ActorKind Kind { get; set; }
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];
    public ActorRoles Roles { get; set; }
    public double? X { get; set; }
    public double? Y { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>How two actors relate: who funds, refers to, works or learns with whom, and how much trust there is.</summary>
public sealed class ActorRelationship : IHistoried, IVersioned, IMapEdge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public required string Kind { get; set; }
    public RelationshipDirection Direction { get; set; }
    public int Strength { get; set; } = 3;
    public TrustQuality Trust { get; set; }
    public string? Notes { get; set; }
    public DateOnly? Since { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A dated look at who is inside and outside the cycle's boundary, and who is missing.</summary>
public sealed class BoundaryReview : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Note { get; set; }
    public required string ReviewedBy { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        MapConfiguration.Node(builder);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class ActorRelationshipConfiguration : IEntityTypeConfiguration<ActorRelationship>
{
    public void Configure(EntityTypeBuilder<ActorRelationship> builder)
    {
        MapConfiguration.Edge<ActorRelationship, Actor>(builder);
        builder.Property(r => r.Kind).HasMaxLength(100);
        builder.Property(r => r.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Trust).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Notes).HasMaxLength(Limits.LongText);
    }
}

public sealed class BoundaryReviewConfiguration : IEntityTypeConfiguration<BoundaryReview>
{
    public void Configure(EntityTypeBuilder<BoundaryReview> builder)
    {
        builder.Property(b => b.Note).HasMaxLength(Limits.LongText);
        builder.Property(b => b.ReviewedBy).HasMaxLength(Limits.Name);
        builder.HasIndex(b => new { b.CycleId, b.ReviewedAt });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(b => b.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
