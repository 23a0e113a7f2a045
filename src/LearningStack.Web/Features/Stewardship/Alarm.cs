using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>A governance alarm: a situation in a cycle's records that suggests learning may have stalled (see <see cref="AlarmRules"/>).
/// One row per occurrence of a situation: it is open while the situation lasts (a dismissed alarm stays open, quietly, so it does
/// not fire again for the same situation) and resolved once the situation has gone. If the situation comes back later, a new row
/// fires. The evaluation writes <see cref="LastSeenAt"/> and <see cref="ResolvedAt"/> with bulk statements, so they neither bump
/// <see cref="Version"/> nor fill the history; creating and dismissing an alarm are kept in history.</summary>
public sealed class Alarm : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }

    /// <summary>Which rule fired (<see cref="AlarmRuleKeys"/>).</summary>
    public required string Rule { get; set; }

    /// <summary>The situation within the rule, stable while the situation lasts (say, the countermeasure's id).</summary>
    public required string Key { get; set; }

    /// <summary>Why it fired, with the facts, in plain words.</summary>
    public required string Why { get; set; }

    /// <summary>How to resolve it.</summary>
    public required string How { get; set; }

    /// <summary>Where to act (an address in the app) and the words of the link.</summary>
    public required string ActHref { get; set; }
    public required string ActLabel { get; set; }

    /// <summary>The facts behind it, as JSON (ids, dates, thresholds), for the API and for anyone checking how it was computed.</summary>
    public required string Facts { get; set; }

    /// <summary>Since when the situation has been so, as far as the records tell.</summary>
    public DateTimeOffset Since { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
    public string? DismissedByUserId { get; set; }
    public string? DismissedByName { get; set; }
    public string? DismissReason { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class AlarmConfiguration : IEntityTypeConfiguration<Alarm>
{
    public void Configure(EntityTypeBuilder<Alarm> builder)
    {
        builder.Property(a => a.Rule).HasMaxLength(40);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Why).HasMaxLength(Limits.LongText);
        builder.Property(a => a.How).HasMaxLength(Limits.LongText);
        builder.Property(a => a.ActHref).HasMaxLength(500);
        builder.Property(a => a.ActLabel).HasMaxLength(Limits.Name);
        builder.Property(a => a.Facts).HasMaxLength(Limits.LongText);
        builder.Property(a => a.DismissedByUserId).HasMaxLength(450);
        builder.Property(a => a.DismissedByName).HasMaxLength(Limits.Name);
        builder.Property(a => a.DismissReason).HasMaxLength(AlarmDismissInput.ReasonLength);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // One open alarm per situation, whatever number of app instances evaluate at once: a second insert of the same open
        // situation fails on this index and the evaluation treats it as already there. The same filter works on SQLite and PostgreSQL.
        builder.HasIndex(a => new { a.CycleId, a.Rule, a.Key }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL").HasDatabaseName("IX_Alarms_OpenSituation");
        builder.HasIndex(a => new { a.NetworkId, a.ResolvedAt });
        builder.HasIndex(a => new { a.CycleId, a.FirstSeenAt });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
