using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The plan for one stage of a cycle: what will happen, who will be convened, and when (dates and/or words such as
/// "every other Tuesday"). One per stage; edited by the cycle's stewards and the network's stewards; every change kept in history.</summary>
public sealed class StagePlan : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Stage Stage { get; set; }
    public string? WhatWillHappen { get; set; }
    public string? WhoWillBeConvened { get; set; }

    /// <summary>When, in words ("fortnightly, Tuesday mornings"); the dates below are optional.</summary>
    public string? When { get; set; }

    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? UpdatedByName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class StagePlanConfiguration : IEntityTypeConfiguration<StagePlan>
{
    public void Configure(EntityTypeBuilder<StagePlan> builder)
    {
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.WhatWillHappen).HasMaxLength(Limits.LongText);
        builder.Property(p => p.WhoWillBeConvened).HasMaxLength(Limits.LongText);
        builder.Property(p => p.When).HasMaxLength(Limits.Name);
        builder.Property(p => p.UpdatedByName).HasMaxLength(Limits.Name);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.CycleId, p.Stage }).IsUnique();
        builder.HasOne<Cycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
