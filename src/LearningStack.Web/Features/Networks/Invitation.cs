using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Networks;

/// <summary>An invitation to join a network. Only a hash of the link's token is stored; the link itself is shown once to the inviter.</summary>
public sealed class Invitation : IHistoried, IVersioned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public required string Email { get; set; }
    public NetworkRole Role { get; set; }
    public required string TokenHash { get; set; }
    public required string InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedBy).HasMaxLength(Limits.Name);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.NetworkId);
    }
}
