using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Understanding;

/// <summary>An element of a cycle's map (an actor or a factor).</summary>
public interface IMapNode
{
    Guid Id { get; }
    Guid NetworkId { get; }
    Guid CycleId { get; }
    string Name { get; }
    List<string> Tags { get; }
    double? X { get; set; }
    double? Y { get; set; }
    int Version { get; }
}

/// <summary>A connection between two elements of the same map.</summary>
public interface IMapEdge
{
    Guid Id { get; }
    Guid NetworkId { get; }
    Guid CycleId { get; }
    Guid FromId { get; }
    Guid ToId { get; }
}

/// <summary>The EF configuration actors and factors share, and relationships and causal links share.</summary>
public static class MapConfiguration
{
    public static void Node<T>(EntityTypeBuilder<T> builder) where T : class, IMapNode
    {
        builder.Property(n => n.Name).HasMaxLength(Limits.Name);
        builder.Property("Description").HasMaxLength(Limits.LongText);
        builder.PrimitiveCollection(n => n.Tags);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => n.CycleId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(n => n.CycleId).OnDelete(DeleteBehavior.Cascade);
    }

    public static void Edge<T, TNode>(EntityTypeBuilder<T> builder) where T : class, IMapEdge where TNode : class, IMapNode
    {
        builder.Property("Version").IsConcurrencyToken();
        builder.HasIndex(e => e.CycleId);
        builder.HasOne<TNode>().WithMany().HasForeignKey(e => e.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TNode>().WithMany().HasForeignKey(e => e.ToId).OnDelete(DeleteBehavior.Cascade);
    }
}
