using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.People;

public enum StatementKind
{
    /// <summary>What matters to me: in the person's own words.</summary>
    WhatMatters,

    /// <summary>What the person is good at, who and what they can draw on.</summary>
    Strength,
}

/// <summary>Who wrote an entry in the file.</summary>
public enum StatementAuthor
{
    /// <summary>The person themselves, signed in to their own file.</summary>
    Person,

    /// <summary>A practitioner, writing down the person's words.</summary>
    Practitioner,
}

/// <summary>Something the person said matters to them, or a strength: dated, editable over time; every version is kept in history.</summary>
public sealed class CaseStatement : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public StatementKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>Short labels for what matters ("housing", "money"), lower case: counted across cases on larger cycles' Patterns
    /// pages (never the words themselves). Empty for strengths.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The day it was said.</summary>
    public DateOnly SaidOn { get; set; }

    public StatementAuthor WrittenBy { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

public enum NoteKind
{
    Visit,
    Call,
    Note,
}

/// <summary>A visit, call or note: when, who, what happened, next steps. <see cref="PractitionerOnly"/> notes are never shown to the person.</summary>
public sealed class CaseNote : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public NoteKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }

    /// <summary>Who was there (free text: "Sam and Mrs P at home").</summary>
    public string? Who { get; set; }

    public required string WhatHappened { get; set; }
    public string? NextSteps { get; set; }
    public bool PractitionerOnly { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

public enum ConsentPurpose
{
    /// <summary>Counting the record, without anything identifying, in figures other cycles see.</summary>
    Aggregates,

    /// <summary>Using the person's stories in sense-making sessions.</summary>
    Stories,

    /// <summary>Sharing the file with a named organisation.</summary>
    Sharing,
}

/// <summary>One recorded consent decision. The latest decision per purpose (and organisation) is the one that holds; earlier ones stay as history.</summary>
public sealed class CaseConsent : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public ConsentPurpose Purpose { get; set; }

    /// <summary>The organisation, for <see cref="ConsentPurpose.Sharing"/>.</summary>
    public string? Organisation { get; set; }

    public bool Given { get; set; }

    /// <summary>How it was given or withdrawn ("in person at a visit", "by the person online").</summary>
    public required string How { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

public sealed class CaseStatementConfiguration : IEntityTypeConfiguration<CaseStatement>
{
    public void Configure(EntityTypeBuilder<CaseStatement> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.WrittenBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Text).HasMaxLength(CaseLimits.Statement);
        builder.Property(s => s.AuthorUserId).HasMaxLength(450);
        builder.Property(s => s.AuthorName).HasMaxLength(Limits.Name);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.CaseFileId, s.Kind });
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(s => s.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Who).HasMaxLength(Limits.Name);
        builder.Property(n => n.WhatHappened).HasMaxLength(Limits.LongText);
        builder.Property(n => n.NextSteps).HasMaxLength(Limits.LongText);
        builder.Property(n => n.AuthorUserId).HasMaxLength(450);
        builder.Property(n => n.AuthorName).HasMaxLength(Limits.Name);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.CaseFileId, n.OccurredOn });
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(n => n.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CaseConsentConfiguration : IEntityTypeConfiguration<CaseConsent>
{
    public void Configure(EntityTypeBuilder<CaseConsent> builder)
    {
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Organisation).HasMaxLength(Limits.Name);
        builder.Property(c => c.How).HasMaxLength(Limits.Name);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.Property(c => c.RecordedByName).HasMaxLength(Limits.Name);
        // Ordered as the "latest decision" lookup reads it (CaseAggregates.CountedFiles): the newest row per file and purpose
        // is found in the index without sorting the file's consents.
        builder.HasIndex(c => new { c.CaseFileId, c.Purpose, c.RecordedAt, c.Id });
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(c => c.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class CaseLimits
{
    public const int Statement = 4000;
}
