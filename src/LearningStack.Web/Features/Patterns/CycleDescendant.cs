using LearningStack.Web.Features.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Patterns;

/// <summary>One row of the closure table of the cycle tree: <see cref="DescendantId"/> is connected below
/// <see cref="AncestorId"/> by vertical learns-from links, <see cref="Depth"/> steps down by the shortest way (1 = directly).
/// Cycles may form a diamond (a team feeding two organisations of one place): a pair is stored once. A cycle is not its own
/// descendant. Kept in step with the links by <see cref="CycleClosure"/>; derived data, so not historied.</summary>
public sealed class CycleDescendant
{
    public Guid NetworkId { get; set; }
    public Guid AncestorId { get; set; }
    public Guid DescendantId { get; set; }
    public int Depth { get; set; }
}

public sealed class CycleDescendantConfiguration : IEntityTypeConfiguration<CycleDescendant>
{
    public void Configure(EntityTypeBuilder<CycleDescendant> builder)
    {
        builder.HasKey(d => new { d.AncestorId, d.DescendantId });
        builder.HasIndex(d => new { d.DescendantId, d.AncestorId });
        builder.HasIndex(d => d.NetworkId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(d => d.AncestorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(d => d.DescendantId).OnDelete(DeleteBehavior.Cascade);
    }
}
