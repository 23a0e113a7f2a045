using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>A draft is being written by the cycle's stewards; a published account is frozen for good.</summary>
public enum LearningAccountStatus
{
    Draft,
    Published,
}

/// <summary>A learning account ("helping to account"): what a cycle tried, learnt, changed and passed on over a period, assembled from
/// its records, edited by its stewards section by section, then published as a dated, numbered version that never changes again.
/// A later edit starts a new draft from a published version (<see cref="RevisedFromId"/>); earlier versions stay readable.</summary>
public sealed class LearningAccount : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Title { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public LearningAccountStatus Status { get; set; }

    /// <summary>Set when published: 1, 2, 3… per cycle, in the order the cycle's accounts were published.</summary>
    public int? Number { get; set; }

    /// <summary>The published version this draft started from, if any.</summary>
    public Guid? RevisedFromId { get; set; }

    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When anything in the draft last changed (a section edit moves it on, so publishing with an older version is a 409).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public string? PublishedByUserId { get; set; }
    public string? PublishedByName { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>One section of an account, as Markdown the stewards can edit while the account is a draft.</summary>
public sealed class LearningAccountSection : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid AccountId { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public required string Markdown { get; set; }
    public string? UpdatedByName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A question someone in the network asked about a published account, about one section or the whole of it.</summary>
public sealed class LearningAccountQuestion : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid AccountId { get; set; }

    /// <summary>The section it is about; null for the account as a whole.</summary>
    public string? SectionKey { get; set; }

    public required string Text { get; set; }
    public string? AskedByUserId { get; set; }
    public required string AskedByName { get; set; }
    public DateTimeOffset AskedAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A steward's answer to a question on an account; a question can be answered more than once, as the dialogue goes on.</summary>
public sealed class LearningAccountAnswer : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid AccountId { get; set; }
    public Guid QuestionId { get; set; }
    public required string Text { get; set; }
    public string? AnsweredByUserId { get; set; }
    public required string AnsweredByName { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class LearningAccountConfiguration : IEntityTypeConfiguration<LearningAccount>
{
    public void Configure(EntityTypeBuilder<LearningAccount> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Limits.Name);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.Property(a => a.CreatedByName).HasMaxLength(Limits.Name);
        builder.Property(a => a.PublishedByUserId).HasMaxLength(450);
        builder.Property(a => a.PublishedByName).HasMaxLength(Limits.Name);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.CycleId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.CycleId, a.CreatedAt });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LearningAccount>().WithMany().HasForeignKey(a => a.RevisedFromId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class LearningAccountSectionConfiguration : IEntityTypeConfiguration<LearningAccountSection>
{
    public void Configure(EntityTypeBuilder<LearningAccountSection> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(40);
        builder.Property(s => s.Title).HasMaxLength(Limits.Name);
        builder.Property(s => s.Markdown).HasMaxLength(LearningAccountRules.MaxSectionLength);
        builder.Property(s => s.UpdatedByName).HasMaxLength(Limits.Name);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.AccountId, s.Key }).IsUnique();
        builder.HasOne<LearningAccount>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LearningAccountQuestionConfiguration : IEntityTypeConfiguration<LearningAccountQuestion>
{
    public void Configure(EntityTypeBuilder<LearningAccountQuestion> builder)
    {
        builder.Property(q => q.SectionKey).HasMaxLength(40);
        builder.Property(q => q.Text).HasMaxLength(LearningAccountRules.MaxDialogueLength);
        builder.Property(q => q.AskedByUserId).HasMaxLength(450);
        builder.Property(q => q.AskedByName).HasMaxLength(Limits.Name);
        builder.HasIndex(q => new { q.AccountId, q.AskedAt });
        builder.HasOne<LearningAccount>().WithMany().HasForeignKey(q => q.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LearningAccountAnswerConfiguration : IEntityTypeConfiguration<LearningAccountAnswer>
{
    public void Configure(EntityTypeBuilder<LearningAccountAnswer> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(LearningAccountRules.MaxDialogueLength);
        builder.Property(a => a.AnsweredByUserId).HasMaxLength(450);
        builder.Property(a => a.AnsweredByName).HasMaxLength(Limits.Name);
        builder.HasIndex(a => new { a.QuestionId, a.AnsweredAt });
        builder.HasIndex(a => a.AccountId);
        builder.HasOne<LearningAccountQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
