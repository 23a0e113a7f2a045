using LearningStack.Web.Data;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Networks;

/// <summary>What a member may do in a network. Higher values include the lower ones.</summary>
public enum NetworkRole
{
    /// <summary>Reads everything in the network, changes nothing.</summary>
    Observer = 0,

    /// <summary>Creates and edits cycles, links, reflections and answers.</summary>
    Member = 1,

    /// <summary>Manages everything: scales, members, invitations, archiving.</summary>
    Steward = 2,
}

public sealed class NetworkMember : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public NetworkRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>The network's named safeguarding role: may open any case file in an emergency ("break glass"), always with a
    /// reason, always logged. Stewards give it; it adds nothing else.</summary>
    public bool Safeguarding { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

public sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> builder)
    {
        builder.HasIndex(m => new { m.NetworkId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
