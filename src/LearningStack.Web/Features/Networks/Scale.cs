using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Networks;

/// <summary>One system scale of a network (e.g. Team). Position 0 is the smallest (Person); higher positions are larger scales.</summary>
public sealed class Scale : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public required string Name { get; set; }

    /// <summary>Which of the guide's scales this one stands for; picks the design questions shown. Custom for scales a network adds.</summary>
    public ScaleKind Kind { get; set; }
    public int Position { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;

    public static IReadOnlyList<(string Name, ScaleKind Kind)> Defaults { get; } =
    [
        ("Person / Practitioner", ScaleKind.Person),
        ("Team", ScaleKind.Team),
        ("Organisation", ScaleKind.Organisation),
        ("Place", ScaleKind.Place),
        ("Region / Country", ScaleKind.Region),
    ];
}

public sealed class ScaleConfiguration : IEntityTypeConfiguration<Scale>
{
    public void Configure(EntityTypeBuilder<Scale> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.NetworkId, s.Position });
    }
}
