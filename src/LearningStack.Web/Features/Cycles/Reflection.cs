using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Cycles;

/// <summary>A dated reflection on one stage, or (with no stage) a review of the whole cycle.</summary>
public sealed class Reflection : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CycleId { get; set; }
    public Guid NetworkId { get; set; }

    /// <summary>The stage reflected on; null for a whole-cycle review.</summary>
    public Stage? Stage { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;

    public bool IsReview => Stage is null;
}

public sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> builder)
    {
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Text).HasMaxLength(Limits.LongText);
        builder.Property(r => r.AuthorName).HasMaxLength(Limits.Name);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CycleId, r.Date });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One dated answer to a design question. Answers are never overwritten: the latest is shown, earlier ones are the history.</summary>
public sealed class DesignAnswer : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CycleId { get; set; }
    public Guid NetworkId { get; set; }
    public required string QuestionKey { get; set; }
    public required string Text { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class DesignAnswerConfiguration : IEntityTypeConfiguration<DesignAnswer>
{
    public void Configure(EntityTypeBuilder<DesignAnswer> builder)
    {
        builder.Property(a => a.QuestionKey).HasMaxLength(100);
        builder.Property(a => a.Text).HasMaxLength(Limits.LongText);
        builder.Property(a => a.AuthorName).HasMaxLength(Limits.Name);
        builder.HasIndex(a => new { a.CycleId, a.QuestionKey, a.AnsweredAt });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
