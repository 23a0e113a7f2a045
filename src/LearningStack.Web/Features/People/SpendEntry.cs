using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.People;

/// <summary>One purchase made on the spot by a practitioner (a team credit card, petty cash): what was bought, the need it met, and,
/// optionally, the case it was for and who signed it off. Entries belong to a cycle, usually at the team scale, so the team can
/// see what people's needs cost and learn from the pattern.
/// <para>Privacy: an entry linked to a case shows the case only by its pseudonymous reference, and only to people who can open
/// that case; its history is kept with no cycle (so the cycle's history page never shows it). Others count it in the totals.</para></summary>
public sealed class SpendEntry : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public DateOnly SpentOn { get; set; }

    /// <summary>In the currency's major unit (pounds, euros), two decimal places at most.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO 4217 code in capitals, e.g. "GBP".</summary>
    public required string Currency { get; set; }

    public required string WhatWasBought { get; set; }
    public Guid NeedCategoryId { get; set; }
    public NeedCategory? NeedCategory { get; set; }

    /// <summary>The case file the spend was for, if any. Shown only as the file's reference, to people who can open it.</summary>
    public Guid? CaseFileId { get; set; }

    public string? SpentById { get; set; }
    public required string SpentByName { get; set; }

    public string? ApprovedById { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The receipt's file in the media store (unguessable name), its checked type, the uploader's file name and its size.</summary>
    public string? ReceiptStoredName { get; set; }
    public string? ReceiptContentType { get; set; }
    public string? ReceiptFileName { get; set; }
    public long? ReceiptSize { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CaseFileId is null ? CycleId : null;
}

/// <summary>A need a spend can meet ("furniture", "food", "travel to appointments"): a network's own list, grown as people log spend.
/// Names are unique in a network whatever their capitals.</summary>
public sealed class NeedCategory : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public required string Name { get; set; }

    /// <summary>The name trimmed, single-spaced and in capitals: what uniqueness is checked on.</summary>
    public required string NormalisedName { get; set; }

    public string? CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;

    public static string Normalise(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    public static string Tidy(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

public static class SpendLimits
{
    public const int What = 1000;
    public const int Category = 100;
    public const decimal MaxAmount = 100_000m;
}

public sealed class SpendEntryConfiguration : IEntityTypeConfiguration<SpendEntry>
{
    public void Configure(EntityTypeBuilder<SpendEntry> builder)
    {
        builder.Property(e => e.Amount).HasPrecision(12, 2);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.WhatWasBought).HasMaxLength(SpendLimits.What);
        builder.Property(e => e.SpentById).HasMaxLength(450);
        builder.Property(e => e.SpentByName).HasMaxLength(Limits.Name);
        builder.Property(e => e.ApprovedById).HasMaxLength(450);
        builder.Property(e => e.ApprovedByName).HasMaxLength(Limits.Name);
        builder.Property(e => e.ReceiptStoredName).HasMaxLength(64);
        builder.Property(e => e.ReceiptContentType).HasMaxLength(100);
        builder.Property(e => e.ReceiptFileName).HasMaxLength(255);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.CycleId, e.SpentOn });
        builder.HasIndex(e => e.CaseFileId);
        builder.HasIndex(e => e.NeedCategoryId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.NeedCategory).WithMany().HasForeignKey(e => e.NeedCategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(e => e.CaseFileId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class NeedCategoryConfiguration : IEntityTypeConfiguration<NeedCategory>
{
    public void Configure(EntityTypeBuilder<NeedCategory> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(SpendLimits.Category);
        builder.Property(c => c.NormalisedName).HasMaxLength(SpendLimits.Category);
        builder.Property(c => c.CreatedByName).HasMaxLength(Limits.Name);
        builder.HasIndex(c => new { c.NetworkId, c.NormalisedName }).IsUnique();
        builder.HasOne<Network>().WithMany().HasForeignKey(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
