using System.Text.RegularExpressions;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.People;

/// <summary>What something on a person's life map is.</summary>
public enum LifeMapElementKind
{
    Person,
    Organisation,

    /// <summary>Something acting on the person's life that is not a person or an organisation: housing, income, health…</summary>
    Factor,
}

/// <summary>How something acts on the person's life, as they see it.</summary>
public enum LifeEffect
{
    NotSure,
    Helping,
    GettingInTheWay,
    Both,
}

/// <summary>One person, organisation or factor on the map of a person's life ("my life as a system"). The person is not an
/// element: they are the centre of every life map, drawn from the file's name, so nothing about them is stored twice and erasure
/// of the name empties the centre too. <see cref="Closeness"/> is the ring (1 closest); X and Y are where it was last put,
/// relative to the person at (0, 0).</summary>
public sealed class LifeMapElement : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public LifeMapElementKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>A short word for the area of life (housing, income…), trimmed, single-spaced and lower case so that many maps
    /// can later be counted by theme.</summary>
    public string? Theme { get; set; }

    public LifeEffect Effect { get; set; }

    /// <summary>1 (closest, inner ring) to 3 (further out).</summary>
    public int Closeness { get; set; } = 2;

    public string? Note { get; set; }
    public double? X { get; set; }
    public double? Y { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

/// <summary>A link between two elements of the same life map, with an optional direction of effect (as on a factor map: more of
/// one brings more, or less, of the other).</summary>
public sealed class LifeMapLink : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public LinkPolarity? Polarity { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

/// <summary>Themes offered when naming what a factor is about (anyone may type another), and how a theme is normalised.</summary>
public static partial class LifeThemes
{
    public const int MaxLength = 60;

    public static IReadOnlyList<string> Suggested { get; } =
        ["housing", "income", "benefits", "debt", "work", "health", "family", "friends", "safety", "mobility", "food", "learning"];

    /// <summary>Trimmed, single-spaced, lower case; null when empty. "  Mental   Health " → "mental health".</summary>
    public static string? Normalise(string? theme) =>
        string.IsNullOrWhiteSpace(theme) ? null : Spaces().Replace(theme.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class LifeMapElementConfiguration : IEntityTypeConfiguration<LifeMapElement>
{
    public void Configure(EntityTypeBuilder<LifeMapElement> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Effect).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(Limits.Name);
        builder.Property(e => e.Theme).HasMaxLength(LifeThemes.MaxLength);
        builder.Property(e => e.Note).HasMaxLength(CaseLimits.Statement);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.CaseFileId);
        builder.HasIndex(e => e.Theme);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(e => e.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LifeMapLinkConfiguration : IEntityTypeConfiguration<LifeMapLink>
{
    public void Configure(EntityTypeBuilder<LifeMapLink> builder)
    {
        builder.Property(l => l.Polarity).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Note).HasMaxLength(CaseLimits.Statement);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => l.CaseFileId);
        builder.HasOne<LifeMapElement>().WithMany().HasForeignKey(l => l.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LifeMapElement>().WithMany().HasForeignKey(l => l.ToId).OnDelete(DeleteBehavior.Cascade);
    }
}
