using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Time (hours a month for a person or role), money (an amount for the cycle) or anything else (a room, a van, a licence).</summary>
public enum ResourceKind
{
    Time,
    Money,
    Other,
}

/// <summary>Something a cycle has been given to learn with, and what it was given: <see cref="HoursPerMonth"/> for time,
/// <see cref="Amount"/> in <see cref="Currency"/> for money, words for anything else. What is actually used is logged as it happens
/// (<see cref="ResourceUse"/>), so the figures compare the plan with what happened — as figures, never as a colour.</summary>
public sealed class CycleResource : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public ResourceKind Kind { get; set; }

    /// <summary>What it is, or whose time: "Caseworkers (two, part-time)", "Experiment fund", "Meeting room at the library".</summary>
    public required string Name { get; set; }

    public decimal? HoursPerMonth { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }

    /// <summary>For other resources, what was given; for any kind, a note on where it comes from.</summary>
    public string? Details { get; set; }

    /// <summary>The first day of the month the allocation starts (time), so months before it are not counted.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Money only: the cycle's spend log draws on it, so every purchase logged in the cycle in its currency from
    /// <see cref="StartsOn"/> on counts as used, with no second entry here. At most one resource of a cycle does this per
    /// currency, so no purchase is counted twice (a filtered unique index keeps it so when two stewards save at once).</summary>
    public bool CountsSpendLog { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>Some of a resource used, written down when it happens: hours, money, or (for other resources) an optional quantity.</summary>
public sealed class ResourceUse : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid ResourceId { get; set; }
    public DateOnly UsedOn { get; set; }
    public decimal? Amount { get; set; }
    public string? Note { get; set; }
    public string? RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public static class ManagingLimits
{
    public const decimal MaxHoursPerMonth = 10_000m;
    public const decimal MaxAmount = 100_000_000m;
}

public sealed class CycleResourceConfiguration : IEntityTypeConfiguration<CycleResource>
{
    public void Configure(EntityTypeBuilder<CycleResource> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Name).HasMaxLength(Limits.Name);
        builder.Property(r => r.HoursPerMonth).HasPrecision(9, 2);
        builder.Property(r => r.Amount).HasPrecision(14, 2);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Details).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.CycleId);
        builder.HasIndex(r => new { r.CycleId, r.Currency }).IsUnique().HasFilter("\"CountsSpendLog\"").HasDatabaseName("IX_CycleResources_SpendLog");
        builder.HasOne<Cycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResourceUseConfiguration : IEntityTypeConfiguration<ResourceUse>
{
    public void Configure(EntityTypeBuilder<ResourceUse> builder)
    {
        builder.Property(u => u.Amount).HasPrecision(14, 2);
        builder.Property(u => u.Note).HasMaxLength(Limits.LongText);
        builder.Property(u => u.RecordedById).HasMaxLength(450);
        builder.Property(u => u.RecordedByName).HasMaxLength(Limits.Name);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.ResourceId, u.UsedOn });
        builder.HasIndex(u => u.CycleId);
        builder.HasOne<CycleResource>().WithMany().HasForeignKey(u => u.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
