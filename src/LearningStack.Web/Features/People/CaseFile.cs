using System.Security.Cryptography;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.People;

/// <summary>One person's case file in a person-scale cycle: the shared record of a person and the practitioners working with
/// them. Outside the file the person is only ever shown by <see cref="Reference"/>. History of case records is kept with no
/// cycle (so no cycle history page shows it); the case file shows its own.</summary>
public sealed class CaseFile : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }

    /// <summary>The pseudonymous reference shown everywhere outside the file (e.g. "P-7KQ3M9"); unique in its network.</summary>
    public required string Reference { get; set; }

    /// <summary>How the person wants to be called in the file: a name or initials. Emptied by erasure.</summary>
    public string? DisplayName { get; set; }

    public string? Contact { get; set; }

    /// <summary>The person's own account, once they have accepted an invitation to their file.</summary>
    public string? PersonUserId { get; set; }

    /// <summary>Processing is frozen (a restriction request): the file can be read but not changed until it is lifted.</summary>
    public bool Restricted { get; set; }
    public string? RestrictedReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the person's data was erased: the file keeps only its reference and counts.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>The person's latest decision about being counted in aggregates is "given". Derived from the consent rows and
    /// written with each new decision in the same transaction (<see cref="CaseAggregates.RefreshCountedAsync"/>), so the roll-ups
    /// read one column instead of finding every file's latest decision; never edited on its own, never versioned or historied
    /// apart from the consent it mirrors.</summary>
    public bool Counted { get; set; }

    /// <summary>What the person chose to share about themselves for counting in groups (<see cref="AboutInput"/>); null is "not said".
    /// Used only in counts of people who agreed to be counted, never beside the reference. Emptied by erasure.</summary>
    public AgeBand? AgeBand { get; set; }

    public GenderGroup? Gender { get; set; }

    public int Version { get; set; } = 1;
    public List<CasePractitioner> Practitioners { get; set; } = [];

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random reference: "P-" and six letters or digits that cannot be confused (no 0/O, 1/I/L, U).</summary>
    public static string NewReference() =>
        "P-" + string.Create(6, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
}

/// <summary>A practitioner working with the person: may open, edit and share the file.</summary>
public sealed class CasePractitioner : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

public sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.DisplayName).HasMaxLength(Limits.Name);
        builder.Property(c => c.Contact).HasMaxLength(1000);
        builder.Property(c => c.PersonUserId).HasMaxLength(450);
        builder.Property(c => c.RestrictedReason).HasMaxLength(Limits.LongText);
        builder.Property(c => c.AgeBand).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.NetworkId, c.Reference }).IsUnique();
        builder.HasIndex(c => c.CycleId);
        builder.HasIndex(c => new { c.CycleId, c.Counted });
        builder.HasIndex(c => c.PersonUserId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Practitioners).WithOne().HasForeignKey(p => p.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CasePractitionerConfiguration : IEntityTypeConfiguration<CasePractitioner>
{
    public void Configure(EntityTypeBuilder<CasePractitioner> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasIndex(p => new { p.CaseFileId, p.UserId }).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
