using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Understanding;

/// <summary>Value demand is what the person needs; failure demand is caused by not doing something, or not doing it right, before.</summary>
public enum DemandKind
{
    Value,
    Failure,
}

/// <summary>One step of a person's journey through a service, in order.</summary>
public sealed class ProcessStep : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public int Position { get; set; }
    public required string Description { get; set; }
    public string? Responsible { get; set; }
    public DemandKind Demand { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class ProcessStepConfiguration : IEntityTypeConfiguration<ProcessStep>
{
    public void Configure(EntityTypeBuilder<ProcessStep> builder)
    {
        builder.Property(s => s.Description).HasMaxLength(Limits.LongText);
        builder.Property(s => s.Responsible).HasMaxLength(Limits.Name);
        builder.Property(s => s.Notes).HasMaxLength(Limits.LongText);
        builder.Property(s => s.Demand).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.CycleId, s.Position });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
