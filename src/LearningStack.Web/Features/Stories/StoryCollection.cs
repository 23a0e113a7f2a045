using System.Text.Json;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stories;

/// <summary>How a teller interprets their own story.</summary>
public enum SignifierKind
{
    /// <summary>Three labelled corners; the teller places a point in the triangle (weights a, b, c summing to 1).</summary>
    Triad,

    /// <summary>A slider between two labelled poles (0 at the first, 1 at the second).</summary>
    Dyad,

    /// <summary>A question with options; the teller picks any number.</summary>
    Tags,

    /// <summary>An optional question about the teller with options; one choice, always with "Prefer not to say".</summary>
    Demographic,
}

/// <summary>One signifier of a collection. Stored with the collection as JSON; answers refer to it by <see cref="Id"/>.</summary>
public sealed record Signifier(Guid Id, SignifierKind Kind, string Question, IReadOnlyList<string> Labels)
{
    public const string PreferNotToSay = "Prefer not to say";

    /// <summary>The options a teller may choose (demographics always offer "Prefer not to say").</summary>
    public IReadOnlyList<string> Options => Kind == SignifierKind.Demographic && !Labels.Contains(PreferNotToSay, StringComparer.OrdinalIgnoreCase)
        ? [.. Labels, PreferNotToSay]
        : Labels;
}

/// <summary>A network's collection of micro-narratives: a prompt, and the signifiers tellers use to interpret their own stories.
/// Stories come from members, and from an anonymous link a steward opens (only a hash of its token is kept).</summary>
public sealed class StoryCollection : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public required string Title { get; set; }

    /// <summary>The invitation to tell, e.g. "Tell us about a time when…".</summary>
    public required string Prompt { get; set; }

    public List<Signifier> Signifiers { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

/// <summary>An anonymous link to tell a story in a collection. Only a hash of its token is stored; the link is shown once to the
/// steward who opens it. Closing keeps the row (so the page can say the link is closed); reopening makes a new link.</summary>
public sealed class StoryLink : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CollectionId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string? OpenedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

public sealed class StoryLinkConfiguration : IEntityTypeConfiguration<StoryLink>
{
    public void Configure(EntityTypeBuilder<StoryLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.OpenedBy).HasMaxLength(Limits.Name);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.CollectionId);
        builder.HasOne<StoryCollection>().WithMany().HasForeignKey(l => l.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoryCollectionConfiguration : IEntityTypeConfiguration<StoryCollection>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<StoryCollection> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(Limits.Name);
        builder.Property(c => c.Prompt).HasMaxLength(StoryLimits.Prompt);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Signifiers)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<Signifier>>(v, Json) ?? new List<Signifier>(),
                new ValueComparer<List<Signifier>>(
                    (x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<Signifier>>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasMaxLength(StoryLimits.SignifiersJson);
        builder.HasIndex(c => c.NetworkId);
        builder.HasOne<Network>().WithMany().HasForeignKey(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class StoryLimits
{
    public const int Prompt = 4000;
    public const int Text = 10_000;
    public const int SignifiersJson = 100_000;
    public const int Signifiers = 20;
    public const int Labels = 30;
}
