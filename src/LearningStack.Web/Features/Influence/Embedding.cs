using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Influence;

/// <summary>What kind of business as usual the learning became.</summary>
public enum EmbeddingKind
{
    Process,
    Infrastructure,
    Culture,
    Policy,
}

/// <summary>Something a cycle learnt that became how things are done: what it is, what it replaced, the experiments and sessions it
/// rests on, and the countermeasures it retired (those move to "became the new normal" when it is recorded).</summary>
public sealed class Embedding : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string What { get; set; }
    public EmbeddingKind Kind { get; set; }
    public string? Replaced { get; set; }
    public DateOnly EmbeddedOn { get; set; }
    public List<Guid> ExperimentIds { get; set; } = [];
    public List<Guid> SessionIds { get; set; } = [];
    public List<Guid> RetiredCountermeasureIds { get; set; } = [];
    public string? RecordedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class EmbeddingConfiguration : IEntityTypeConfiguration<Embedding>
{
    public void Configure(EntityTypeBuilder<Embedding> builder)
    {
        builder.Property(e => e.What).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Replaced).HasMaxLength(Limits.LongText);
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.CycleId, e.EmbeddedOn });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
