using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.People;

/// <summary>A dimension a network offers to start from when a person and practitioner choose what to measure (our own wording,
/// never a licensed tool's scale).</summary>
public sealed class MeasureTemplate : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Low { get; set; } = 1;
    public int High { get; set; } = 10;
    public required string LowLabel { get; set; }
    public required string HighLabel { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

/// <summary>A dimension that matters to this person, on a scale with words at its ends.</summary>
public sealed class PersonMeasure : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public Guid? TemplateId { get; set; }
    public required string Name { get; set; }
    public int Low { get; set; } = 1;
    public int High { get; set; } = 10;
    public required string LowLabel { get; set; }
    public required string HighLabel { get; set; }
    public int Position { get; set; }

    /// <summary>No longer rated (readings are kept).</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

/// <summary>Who gave a reading.</summary>
public enum Rater
{
    Person,
    Practitioner,
    Together,
}

/// <summary>One dated reading of one dimension. When person and practitioner see it differently, <see cref="Value"/> is the
/// person's view and <see cref="PractitionerValue"/> the practitioner's, with a note.</summary>
public sealed class MeasureReading : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public Guid MeasureId { get; set; }
    public DateOnly On { get; set; }
    public int Value { get; set; }
    public Rater RatedBy { get; set; }
    public int? PractitionerValue { get; set; }
    public string? Note { get; set; }
    public string? RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

public sealed class MeasureTemplateConfiguration : IEntityTypeConfiguration<MeasureTemplate>
{
    public void Configure(EntityTypeBuilder<MeasureTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Limits.Name);
        builder.Property(t => t.Description).HasMaxLength(CaseLimits.Statement);
        builder.Property(t => t.LowLabel).HasMaxLength(Limits.Name);
        builder.Property(t => t.HighLabel).HasMaxLength(Limits.Name);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.NetworkId);
    }
}

public sealed class PersonMeasureConfiguration : IEntityTypeConfiguration<PersonMeasure>
{
    public void Configure(EntityTypeBuilder<PersonMeasure> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Limits.Name);
        builder.Property(m => m.LowLabel).HasMaxLength(Limits.Name);
        builder.Property(m => m.HighLabel).HasMaxLength(Limits.Name);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.CaseFileId, m.Position });
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(m => m.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeasureReadingConfiguration : IEntityTypeConfiguration<MeasureReading>
{
    public void Configure(EntityTypeBuilder<MeasureReading> builder)
    {
        builder.Property(r => r.RatedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Note).HasMaxLength(CaseLimits.Statement);
        builder.Property(r => r.RecordedByUserId).HasMaxLength(450);
        builder.Property(r => r.RecordedByName).HasMaxLength(Limits.Name);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CaseFileId, r.On });
        builder.HasIndex(r => new { r.MeasureId, r.On });
        builder.HasOne<PersonMeasure>().WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
