using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Connections;

public enum LinkDirection
{
    /// <summary>Between adjacent scales: the larger cycle learns from the smaller and enables it.</summary>
    Vertical,

    /// <summary>Between cycles at the same scale.</summary>
    Horizontal,
}

/// <summary>A connection between two cycles. For a vertical link, <see cref="FromCycleId"/> is the smaller-scale cycle and
/// <see cref="ToCycleId"/> the larger; a horizontal link has no order.</summary>
public sealed class CycleLink : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid FromCycleId { get; set; }
    public Guid ToCycleId { get; set; }
    public LinkDirection Direction { get; set; }

    /// <summary>Vertical: what the larger cycle learns from the smaller one.</summary>
    public string? LearnsFrom { get; set; }

    /// <summary>Vertical: how the larger cycle enables the smaller one (enablers to nurture, barriers to remove).</summary>
    public string? Enables { get; set; }

    /// <summary>Horizontal: what the two cycles share.</summary>
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => FromCycleId;
    Guid? IHistoried.HistoryRelatedCycleId => ToCycleId;
}

public sealed class CycleLinkConfiguration : IEntityTypeConfiguration<CycleLink>
{
    public void Configure(EntityTypeBuilder<CycleLink> builder)
    {
        builder.Property(l => l.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.LearnsFrom).HasMaxLength(Limits.LongText);
        builder.Property(l => l.Enables).HasMaxLength(Limits.LongText);
        builder.Property(l => l.Notes).HasMaxLength(Limits.LongText);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.FromCycleId, l.ToCycleId }).IsUnique();
        builder.HasIndex(l => l.ToCycleId);
        builder.HasIndex(l => l.NetworkId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(l => l.FromCycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(l => l.ToCycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
