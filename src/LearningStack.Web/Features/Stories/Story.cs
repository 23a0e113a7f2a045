using LearningStack.Web.Features.People;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stories;

/// <summary>Who entered a story.</summary>
public enum StorySource
{
    /// <summary>A signed-in member of the network (perhaps told with a person whose case file it links).</summary>
    Member,

    /// <summary>Someone without an account, through the collection's anonymous link.</summary>
    AnonymousLink,
}

/// <summary>One micro-narrative, in the teller's words, with how they signified it (<see cref="StoryAnswer"/> rows).
/// Stories are kept as told: there is no edit.</summary>
public sealed class Story : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CollectionId { get; set; }
    public required string Text { get; set; }
    public string? Title { get; set; }
    public StorySource Source { get; set; }

    /// <summary>"Told with a person": the case file it belongs to. Outside the file only the case's reference is shown, and the
    /// story counts in sense-making only while the person's consent for stories is not withdrawn.</summary>
    public Guid? CaseFileId { get; set; }
    public string? EnteredByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<StoryAnswer> Answers { get; set; } = [];

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

/// <summary>A story's answer to one signifier: triad weights (A, B, C), a dyad position (X), or one chosen option (one row per
/// option for tags). All null with <see cref="NotApplicable"/> when the teller said it does not apply.</summary>
public sealed class StoryAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StoryId { get; set; }
    public Guid CollectionId { get; set; }
    public Guid SignifierId { get; set; }
    public bool NotApplicable { get; set; }
    public double? A { get; set; }
    public double? B { get; set; }
    public double? C { get; set; }
    public double? X { get; set; }
    public string? Option { get; set; }
}

public sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(StoryLimits.Text);
        builder.Property(s => s.Title).HasMaxLength(Limits.Name);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.EnteredByUserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.CollectionId, s.CreatedAt });
        builder.HasIndex(s => s.CaseFileId);
        builder.HasOne<StoryCollection>().WithMany().HasForeignKey(s => s.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(s => s.CaseFileId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoryAnswerConfiguration : IEntityTypeConfiguration<StoryAnswer>
{
    public void Configure(EntityTypeBuilder<StoryAnswer> builder)
    {
        builder.Property(a => a.Option).HasMaxLength(Limits.Name);
        builder.HasIndex(a => new { a.CollectionId, a.SignifierId, a.Option });
        builder.HasIndex(a => a.StoryId);
    }
}
