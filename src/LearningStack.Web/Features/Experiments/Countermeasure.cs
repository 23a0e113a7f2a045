using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Active while it shields the experiment; removed when no longer needed; or the new normal when the rule itself changed.</summary>
public enum CountermeasureStatus
{
    Active,
    Removed,
    NewNormal,
}

/// <summary>A temporary shield for an experiment against a business-as-usual rule or process: what the rule is, what is done
/// instead, who agreed it, and when it will be looked at again. Recorded so that it is removed, or made the new normal, when the
/// experiment ends. One added while the experiment runs, because something unexpected was disturbed, says what and when.</summary>
public sealed class Countermeasure : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid ExperimentId { get; set; }

    /// <summary>The business-as-usual rule or process it shields the experiment from.</summary>
    public required string Rule { get; set; }

    /// <summary>What is done instead.</summary>
    public required string Instead { get; set; }

    public Guid? AgreedByActorId { get; set; }
    public string? AgreedByName { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public CountermeasureStatus Status { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? WhyEnded { get; set; }

    /// <summary>Set for a countermeasure added because the running experiment disturbed something unexpectedly: what or who was disturbed.</summary>
    public string? Disturbed { get; set; }

    public DateOnly? NoticedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class CountermeasureConfiguration : IEntityTypeConfiguration<Countermeasure>
{
    public void Configure(EntityTypeBuilder<Countermeasure> builder)
    {
        builder.Property(c => c.Rule).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Instead).HasMaxLength(Limits.LongText);
        builder.Property(c => c.AgreedByName).HasMaxLength(Limits.Name);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.WhyEnded).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Disturbed).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.CycleId, c.Status });
        builder.HasIndex(c => c.ExperimentId);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(c => c.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Actor>().WithMany().HasForeignKey(c => c.AgreedByActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
