using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Networks;

/// <summary>One learning stack: the members, scales and cycles of, say, a council and its partners.</summary>
public sealed class Network : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<Scale> Scales { get; set; } = [];
    public List<NetworkMember> Members { get; set; } = [];

    Guid IHistoried.HistoryNetworkId => Id;
    Guid? IHistoried.HistoryCycleId => null;
}

public sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(Limits.Name);
        builder.Property(n => n.Description).HasMaxLength(Limits.LongText);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasMany(n => n.Scales).WithOne().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Members).WithOne().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
