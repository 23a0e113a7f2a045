using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Something that helps the cycle learn, or something that gets in its way.</summary>
public enum EnablerKind
{
    Enabler,
    Barrier,
}

/// <summary>Still there, or dealt with (with a note saying how).</summary>
public enum EnablerStatus
{
    Open,
    Addressed,
}

/// <summary>One entry of a cycle's enablers and barriers log: what was noticed, when, by whom, and whether it is still there.
/// A barrier that this cycle cannot remove can be turned into an issue of the cycle's own issue log routed to a connected
/// cycle that can; the entry keeps the issue and the route so their fate shows here.</summary>
public sealed class EnablerBarrier : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public EnablerKind Kind { get; set; }
    public required string Text { get; set; }
    public DateOnly NoticedOn { get; set; }
    public string? NoticedById { get; set; }
    public required string NoticedByName { get; set; }
    public EnablerStatus Status { get; set; }

    /// <summary>How it was addressed, or why it was opened again.</summary>
    public string? StatusNote { get; set; }

    public Guid? IssueId { get; set; }
    public Guid? RouteId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class EnablerBarrierConfiguration : IEntityTypeConfiguration<EnablerBarrier>
{
    public void Configure(EntityTypeBuilder<EnablerBarrier> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Text).HasMaxLength(Limits.LongText);
        builder.Property(e => e.NoticedById).HasMaxLength(450);
        builder.Property(e => e.NoticedByName).HasMaxLength(Limits.Name);
        builder.Property(e => e.StatusNote).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.CycleId, e.NoticedOn });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Issue>().WithMany().HasForeignKey(e => e.IssueId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<IssueRoute>().WithMany().HasForeignKey(e => e.RouteId).OnDelete(DeleteBehavior.SetNull);
    }
}
