using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Experiments;

/// <summary>A pair or small group in a cycle who reflect together every week on four open questions.</summary>
public sealed class LearningPod : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Name { get; set; }

    /// <summary>Who is in the pod, by name or role (members or not).</summary>
    public List<string> People { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A pod's reflection for one week (the week starting on <see cref="WeekOf"/>, a Monday), optionally about one experiment.</summary>
public sealed class PodReflection : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid PodId { get; set; }
    public Guid? ExperimentId { get; set; }
    public DateOnly WeekOf { get; set; }
    public string? DidDifferently { get; set; }
    public string? Learnt { get; set; }
    public string? EnabledLearning { get; set; }
    public string? WentWrong { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class LearningPodConfiguration : IEntityTypeConfiguration<LearningPod>
{
    public void Configure(EntityTypeBuilder<LearningPod> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.CycleId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PodReflectionConfiguration : IEntityTypeConfiguration<PodReflection>
{
    public void Configure(EntityTypeBuilder<PodReflection> builder)
    {
        builder.Property(r => r.DidDifferently).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Learnt).HasMaxLength(Limits.LongText);
        builder.Property(r => r.EnabledLearning).HasMaxLength(Limits.LongText);
        builder.Property(r => r.WentWrong).HasMaxLength(Limits.LongText);
        builder.Property(r => r.AuthorId).HasMaxLength(450);
        builder.Property(r => r.AuthorName).HasMaxLength(Limits.Name);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.PodId, r.WeekOf });
        builder.HasIndex(r => r.ExperimentId);
        builder.HasOne<LearningPod>().WithMany().HasForeignKey(r => r.PodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.SetNull);
    }
}
