using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.People;

public enum GrantKind
{
    /// <summary>A practitioner of the case shared the file with a colleague until a date.</summary>
    Granted,

    /// <summary>A safeguarding lead opened the file in an emergency, with a reason; short-lived and prominently logged.</summary>
    BreakGlass,
}

/// <summary>Access to one case file for someone who is not its practitioner or the person: until <see cref="ExpiresAt"/>,
/// unless revoked first.</summary>
public sealed class CaseAccessGrant : IHistoried
{
    public static readonly TimeSpan BreakGlassLifetime = TimeSpan.FromHours(2);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public required string UserId { get; set; }
    public GrantKind Kind { get; set; }
    public required string Reason { get; set; }
    public string? GrantedByUserId { get; set; }
    public required string GrantedByName { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>One read of a case file: who, when, what they read and (when asked) why. Written for every page view, API call
/// and export that shows anything from the file; never changed or deleted except by erasure of the whole file.</summary>
public sealed class CaseAccessLogEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseFileId { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>What was read, e.g. "Case file page" or "API: notes".</summary>
    public required string What { get; set; }

    /// <summary>On what footing: practitioner, person, granted, break-glass.</summary>
    public CaseRelation Relation { get; set; }

    public string? Why { get; set; }
}

/// <summary>An invitation for the person to see their own file. Only a hash of the link's token is stored.</summary>
public sealed class CaseInvitation : IHistoried
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public required string TokenHash { get; set; }
    public required string InvitedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && ExpiresAt > now;
}

public sealed class CaseAccessGrantConfiguration : IEntityTypeConfiguration<CaseAccessGrant>
{
    public void Configure(EntityTypeBuilder<CaseAccessGrant> builder)
    {
        builder.Property(g => g.UserId).HasMaxLength(450);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Reason).HasMaxLength(Limits.LongText);
        builder.Property(g => g.GrantedByUserId).HasMaxLength(450);
        builder.Property(g => g.GrantedByName).HasMaxLength(Limits.Name);
        builder.HasIndex(g => new { g.CaseFileId, g.UserId });
        builder.HasIndex(g => g.UserId);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(g => g.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CaseAccessLogEntryConfiguration : IEntityTypeConfiguration<CaseAccessLogEntry>
{
    public void Configure(EntityTypeBuilder<CaseAccessLogEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(Limits.Name);
        builder.Property(e => e.What).HasMaxLength(Limits.Name);
        builder.Property(e => e.Relation).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Why).HasMaxLength(Limits.LongText);
        builder.HasIndex(e => new { e.CaseFileId, e.At });
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(e => e.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CaseInvitationConfiguration : IEntityTypeConfiguration<CaseInvitation>
{
    public void Configure(EntityTypeBuilder<CaseInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedByName).HasMaxLength(Limits.Name);
        builder.Property(i => i.AcceptedByUserId).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.CaseFileId);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(i => i.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
