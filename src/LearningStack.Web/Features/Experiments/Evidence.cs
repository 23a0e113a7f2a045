using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Experiments;

public enum EvidenceKind
{
    Measurement,
    Note,
    Narrative,
    Media,
}

/// <summary>Who told a story, by the voice they bring.</summary>
public enum Voice
{
    PersonServed,
    Practitioner,
    Manager,
    Partner,
    Other,
}

public enum MediaKind
{
    Photo,
    Audio,
    Video,
}

/// <summary>One piece of evidence gathered while an experiment runs: a measurement, a note, a narrative (a longer story), or a media
/// file (photo, audio, video). Deleting is soft: a steward can restore it for 30 days, after which it (and its file) is purged.
/// An entry linked to a case file (<see cref="CaseFileId"/>) is part of that person's record: only people who can open the file see
/// what it says, every read is logged, and its history is kept off the cycle's history page.</summary>
public sealed class EvidenceEntry : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid ExperimentId { get; set; }

    /// <summary>The person's case file this entry belongs to (the experiment's case, or another case of the same cycle).</summary>
    public Guid? CaseFileId { get; set; }

    public EvidenceKind Kind { get; set; }

    /// <summary>The day it happened or was observed (not when it was typed in).</summary>
    public DateOnly OccurredOn { get; set; }

    public string? Title { get; set; }

    /// <summary>The note, the story, or a caption for a media file.</summary>
    public string? Text { get; set; }

    // Measurements.
    public string? WhatMeasured { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }

    /// <summary>Person-shaped context for a number: whose life it is about and what was going on, in a few words.</summary>
    public string? Context { get; set; }

    // Narratives.
    public Voice? ToldBy { get; set; }

    // Media: the file lives on disk (or another store) under an unguessable name; never served without an access check.
    public MediaKind? MediaKind { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    public string? StoredName { get; set; }

    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByName { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CaseFileId is null ? CycleId : null;
}

public sealed class EvidenceEntryConfiguration : IEntityTypeConfiguration<EvidenceEntry>
{
    public void Configure(EntityTypeBuilder<EvidenceEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToldBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.MediaKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(Limits.Name);
        builder.Property(e => e.Text).HasMaxLength(Limits.LongText);
        builder.Property(e => e.WhatMeasured).HasMaxLength(Limits.Name);
        builder.Property(e => e.Unit).HasMaxLength(50);
        builder.Property(e => e.Value).HasPrecision(18, 4);
        builder.Property(e => e.Context).HasMaxLength(Limits.LongText);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.StoredName).HasMaxLength(100);
        builder.Property(e => e.CreatedById).HasMaxLength(450);
        builder.Property(e => e.CreatedByName).HasMaxLength(Limits.Name);
        builder.Property(e => e.DeletedByName).HasMaxLength(Limits.Name);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.ExperimentId, e.OccurredOn });
        builder.HasIndex(e => e.StoredName).IsUnique();
        builder.HasIndex(e => e.DeletedAt);
        builder.HasIndex(e => e.CaseFileId);
        builder.HasOne<People.CaseFile>().WithMany().HasForeignKey(e => e.CaseFileId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(e => e.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
