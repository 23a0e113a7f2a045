using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>"Who else is this experiment likely to affect?" — a person, team or organisation to talk to, optionally a cycle of
/// the network or a member, and whether the conversation has happened (when, and what came of it).</summary>
public sealed class ConnectionToMake : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid ExperimentId { get; set; }

    /// <summary>Who: "Housing support team", "The recycling charity", "Internal audit".</summary>
    public required string Name { get; set; }

    /// <summary>How the experiment might affect them.</summary>
    public string? Why { get; set; }

    public Guid? LinkedCycleId { get; set; }
    public string? LinkedUserId { get; set; }

    /// <summary>Set when the conversation has happened.</summary>
    public DateOnly? TalkedOn { get; set; }

    public string? ConversationNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class ConnectionToMakeConfiguration : IEntityTypeConfiguration<ConnectionToMake>
{
    public void Configure(EntityTypeBuilder<ConnectionToMake> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Limits.Name);
        builder.Property(c => c.Why).HasMaxLength(Limits.LongText);
        builder.Property(c => c.LinkedUserId).HasMaxLength(450);
        builder.Property(c => c.ConversationNote).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.ExperimentId);
        builder.HasIndex(c => c.CycleId);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(c => c.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(c => c.LinkedCycleId).OnDelete(DeleteBehavior.SetNull);
    }
}
