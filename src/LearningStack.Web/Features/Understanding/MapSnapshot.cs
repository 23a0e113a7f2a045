using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Understanding;

public enum MapKind
{
    ActorMap,
    FactorMap,
}

/// <summary>A dated copy of a map, kept so the map of today can be compared with the map of then.</summary>
public sealed class MapSnapshot : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public MapKind Map { get; set; }
    public required string Name { get; set; }
    public required string TakenBy { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public int ElementCount { get; set; }
    public int ConnectionCount { get; set; }

    /// <summary>The map in our own JSON format (lossless).</summary>
    public required string Content { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class MapSnapshotConfiguration : IEntityTypeConfiguration<MapSnapshot>
{
    public void Configure(EntityTypeBuilder<MapSnapshot> builder)
    {
        builder.Property(s => s.Map).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.TakenBy).HasMaxLength(Limits.Name);
        builder.HasIndex(s => new { s.CycleId, s.Map, s.TakenAt });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
