using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Understanding;

/// <summary>+ : the two factors move in the same direction; − : in opposite directions.</summary>
public enum LinkPolarity
{
    Same,
    Opposite,
}

public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>Something in the system that can rise or fall: stress, trust, waiting time, tests ordered.</summary>
public sealed class Factor : IHistoried, IVersioned, IMapNode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? EvidenceUrl { get; set; }
    public double? X { get; set; }
    public double? Y { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>One factor driving another. Two links between the same factors are allowed and stay distinct.</summary>
public sealed class CausalLink : IHistoried, IVersioned, IMapEdge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public LinkPolarity Polarity { get; set; }
    public bool Delay { get; set; }
    public Confidence Confidence { get; set; } = Confidence.Medium;
    public string? EvidenceNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A feedback loop someone has named and annotated. <see cref="Key"/> is the loop's links in order, starting from the
/// smallest link id, so the same loop always has the same key however it was found.</summary>
public sealed class NamedLoop : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class FactorConfiguration : IEntityTypeConfiguration<Factor>
{
    public void Configure(EntityTypeBuilder<Factor> builder)
    {
        MapConfiguration.Node(builder);
        builder.Property(f => f.EvidenceUrl).HasMaxLength(2000);
    }
}

public sealed class CausalLinkConfiguration : IEntityTypeConfiguration<CausalLink>
{
    public void Configure(EntityTypeBuilder<CausalLink> builder)
    {
        MapConfiguration.Edge<CausalLink, Factor>(builder);
        builder.Property(l => l.Polarity).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Confidence).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.EvidenceNote).HasMaxLength(Limits.LongText);
    }
}

public sealed class NamedLoopConfiguration : IEntityTypeConfiguration<NamedLoop>
{
    public void Configure(EntityTypeBuilder<NamedLoop> builder)
    {
        builder.Property(l => l.Key).HasMaxLength(4000);
        builder.Property(l => l.Name).HasMaxLength(Limits.Name);
        builder.Property(l => l.Notes).HasMaxLength(Limits.LongText);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.CycleId, l.Key }).IsUnique();
        builder.HasOne<Cycle>().WithMany().HasForeignKey(l => l.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
