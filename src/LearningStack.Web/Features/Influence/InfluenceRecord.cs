using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Influence;

/// <summary>What a receiving cycle did with learning handed to it: not yet answered, used, adapted, or not relevant here.</summary>
public enum InfluenceResponse
{
    Pending,
    Used,
    Adapted,
    NotRelevant,
}

/// <summary>Learning one cycle hands to others without an issue attached ("what we learnt about credit-card spending"), for them to
/// use in their own learning — an offer, never an instruction. Links to the experiments, evidence and sessions it rests on.</summary>
public sealed class InfluenceRecord : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid FromCycleId { get; set; }
    public required string Title { get; set; }
    public required string Learning { get; set; }
    public List<Guid> ExperimentIds { get; set; } = [];
    public List<Guid> EvidenceIds { get; set; } = [];
    public List<Guid> SessionIds { get; set; } = [];
    public string? SharedByUserId { get; set; }
    public DateTimeOffset SharedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => FromCycleId;
}

/// <summary>One receiving cycle of an influence record, and its response.</summary>
public sealed class InfluenceRecipient : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid InfluenceId { get; set; }
    public Guid FromCycleId { get; set; }
    public Guid ToCycleId { get; set; }
    public InfluenceResponse Response { get; set; }
    public string? ResponseNote { get; set; }
    public string? RespondedByUserId { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => ToCycleId;
    Guid? IHistoried.HistoryRelatedCycleId => FromCycleId;
}

public sealed class InfluenceRecordConfiguration : IEntityTypeConfiguration<InfluenceRecord>
{
    public void Configure(EntityTypeBuilder<InfluenceRecord> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Limits.Name);
        builder.Property(r => r.Learning).HasMaxLength(Limits.LongText);
        builder.Property(r => r.SharedByUserId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.FromCycleId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(r => r.FromCycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InfluenceRecipientConfiguration : IEntityTypeConfiguration<InfluenceRecipient>
{
    public void Configure(EntityTypeBuilder<InfluenceRecipient> builder)
    {
        builder.Property(r => r.Response).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ResponseNote).HasMaxLength(Limits.LongText);
        builder.Property(r => r.RespondedByUserId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.InfluenceId, r.ToCycleId }).IsUnique();
        builder.HasIndex(r => new { r.ToCycleId, r.Response });
        builder.HasOne<InfluenceRecord>().WithMany().HasForeignKey(r => r.InfluenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(r => r.ToCycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
