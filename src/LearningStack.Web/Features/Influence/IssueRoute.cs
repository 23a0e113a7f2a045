using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Influence;

/// <summary>Waiting for the receiving stewards; accepted (they work on it); declined (with a reason); or closed at the receiving end.</summary>
public enum RouteStatus
{
    Waiting,
    Accepted,
    Declined,
    Closed,
}

/// <summary>An issue handed from the cycle that logged it to a connected cycle (across, up or down the stack) that can do something
/// about it. It arrives in the receiving cycle's Understand-the-system inbox with its source trail; the receivers accept or decline
/// with a response, and the sender sees it. One route per issue and receiving cycle.</summary>
public sealed class IssueRoute : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid IssueId { get; set; }
    public Guid FromCycleId { get; set; }
    public Guid ToCycleId { get; set; }

    /// <summary>Why the sender thinks the receiving cycle can act on it.</summary>
    public string? Note { get; set; }

    public string? RoutedByUserId { get; set; }
    public DateTimeOffset RoutedAt { get; set; }
    public RouteStatus Status { get; set; }

    /// <summary>The receivers' words: why they accept, why they decline, or what they did when closing.</summary>
    public string? Response { get; set; }

    public string? RespondedByUserId { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>Set when accepting spawned an experiment in the receiving cycle.</summary>
    public Guid? SpawnedExperimentId { get; set; }

    /// <summary>Set when accepting convened a new issue-based cycle around it.</summary>
    public Guid? SpawnedCycleId { get; set; }

    /// <summary>Set when accepting put the issue into the receiving cycle's own issue log.</summary>
    public Guid? ReceivedIssueId { get; set; }

    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => FromCycleId;
    Guid? IHistoried.HistoryRelatedCycleId => ToCycleId;
}

public sealed class IssueRouteConfiguration : IEntityTypeConfiguration<IssueRoute>
{
    public void Configure(EntityTypeBuilder<IssueRoute> builder)
    {
        builder.Property(r => r.Note).HasMaxLength(Limits.LongText);
        builder.Property(r => r.RoutedByUserId).HasMaxLength(450);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Response).HasMaxLength(Limits.LongText);
        builder.Property(r => r.RespondedByUserId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.IssueId, r.ToCycleId }).IsUnique();
        builder.HasIndex(r => new { r.ToCycleId, r.Status });
        builder.HasIndex(r => new { r.FromCycleId, r.Status });
        builder.HasOne<Issue>().WithMany().HasForeignKey(r => r.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(r => r.ToCycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
