using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>How an insight arrived: all at once, or only after living with the evidence for a while.</summary>
public enum InsightKind
{
    None,
    Eureka,
    SlowReveal,
}

/// <summary>A group of insight cards on a session's board, named by the people in the room.</summary>
public sealed class InsightTheme : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid SessionId { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A short insight someone added to a session's live board from their own device. <see cref="ClientId"/> is made by the
/// sender's browser, so a card re-sent after a dropped connection is stored once. A card can be a decision, be linked to the
/// session's materials it rests on (<see cref="MaterialIds"/>), and be turned into an issue (<see cref="IssueId"/>).</summary>
public sealed class InsightCard : IHistoried, IVersioned
{
    public const int MaxTextLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid SessionId { get; set; }
    public Guid ClientId { get; set; }
    public required string Text { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public Guid? ThemeId { get; set; }
    public int Position { get; set; }
    public InsightKind Kind { get; set; }
    public bool IsDecision { get; set; }
    public List<Guid> MaterialIds { get; set; } = [];
    public Guid? IssueId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class InsightThemeConfiguration : IEntityTypeConfiguration<InsightTheme>
{
    public void Configure(EntityTypeBuilder<InsightTheme> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(Limits.Name);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.SessionId);
        builder.HasOne<SenseMakingSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InsightCardConfiguration : IEntityTypeConfiguration<InsightCard>
{
    public void Configure(EntityTypeBuilder<InsightCard> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(InsightCard.MaxTextLength);
        builder.Property(c => c.AuthorUserId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(Limits.Name);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.SessionId, c.ClientId }).IsUnique();
        builder.HasIndex(c => c.IssueId);
        builder.HasOne<SenseMakingSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InsightTheme>().WithMany().HasForeignKey(c => c.ThemeId).OnDelete(DeleteBehavior.SetNull);
    }
}
