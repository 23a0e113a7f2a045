using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Issues;

/// <summary>The Gateshead template's levels: what I or others do; how this system works; how other systems affect this one.</summary>
public enum IssueLevel
{
    Individual = 1,
    System = 2,
    Macro = 3,
}

public enum IssueStatus
{
    Open,
    Closed,
}

/// <summary>Who can act on it: the team itself, leadership, or government.</summary>
public enum IssueOwner
{
    Team,
    Leadership,
    Government,
}

/// <summary>Where an issue came from. Typed directly, or raised from a session insight, an experiment, a case (person scale),
/// or from an issue another cycle routed here and this cycle accepted.</summary>
public enum IssueSource
{
    Direct,
    Insight,
    Experiment,
    Case,
    Route,
}

/// <summary>One row of a cycle's issue log: something getting in the way that the cycle has noticed, what is done about it now
/// (countermeasure) and what would change the system for good (the new normal). Issues that need others are routed to a
/// connected cycle (<c>Features/Influence</c>). <see cref="Number"/> counts up per cycle and is how people refer to it ("#12").</summary>
public sealed class Issue : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public int Number { get; set; }
    public required string Description { get; set; }
    public IssueLevel Level { get; set; }
    public IssueStatus Status { get; set; }
    public IssueOwner Owner { get; set; }

    /// <summary>What is done about it now.</summary>
    public string? CountermeasureNow { get; set; }

    /// <summary>The change to the system that would make the new normal.</summary>
    public string? SystemChange { get; set; }

    public IssueSource Source { get; set; }

    /// <summary>The insight card, experiment, case or route it came from (none for <see cref="IssueSource.Direct"/>).</summary>
    public Guid? SourceId { get; set; }

    /// <summary>A readable trail of where it came from, kept so the log still reads when the source is gone
    /// (e.g. "Insight from 'Team meeting 3 March'"). Never a person's name: cases are shown by pseudonymous reference.</summary>
    public string? SourceLabel { get; set; }

    public List<string> Tags { get; set; } = [];
    public string? RaisedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why it was closed, or, after a reopen, why it was opened again (both kept in history).</summary>
    public string? StatusReason { get; set; }

    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>Issues are numbered per cycle, counting up from 1. Two people adding at once may pick the same number: the unique
/// index refuses the second save, which retries with the next number (see the issue log's commands).</summary>
public static class IssueNumbering
{
    public static async Task<int> NextAsync(AppDbContext db, Guid cycleId, CancellationToken ct) =>
        (await db.Issues.Where(i => i.CycleId == cycleId).MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;
}

public sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> builder)
    {
        builder.Property(i => i.Description).HasMaxLength(Limits.LongText);
        builder.Property(i => i.Level).HasConversion<int>();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Owner).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CountermeasureNow).HasMaxLength(Limits.LongText);
        builder.Property(i => i.SystemChange).HasMaxLength(Limits.LongText);
        builder.Property(i => i.SourceLabel).HasMaxLength(Limits.Name);
        builder.Property(i => i.RaisedByUserId).HasMaxLength(450);
        builder.Property(i => i.StatusReason).HasMaxLength(Limits.LongText);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.CycleId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.CycleId, i.Status });
        builder.HasIndex(i => new { i.NetworkId, i.Status });
        builder.HasIndex(i => new { i.Source, i.SourceId });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(i => i.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
