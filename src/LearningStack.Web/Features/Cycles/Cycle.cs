using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Cycles;

/// <summary>The guide's system scales, used to choose the design questions a cycle sees.</summary>
public enum ScaleKind
{
    Person,
    Team,
    Organisation,
    Place,
    Region,
    Custom,
}

/// <summary>The five stages of a Learning Cycle. They overlap: several can be active at once.</summary>
public enum Stage
{
    UnderstandTheSystem,
    CoDesign,
    Experiment,
    EmbedAndInfluence,
    Stewardship,
}

public enum StageStatus
{
    NotStarted,
    Active,
    Paused,
    Resting,
}

public enum CycleKind
{
    /// <summary>A standing body, such as a forum that meets over years.</summary>
    StandingBody,

    /// <summary>Convened around one issue and closed when it has done its work.</summary>
    ConvenedAroundIssue,
}

/// <summary>A Learning Cycle at one scale of a network.</summary>
public sealed class Cycle : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid ScaleId { get; set; }
    public Scale? Scale { get; set; }
    public required string Name { get; set; }
    public string? Purpose { get; set; }
    public string? Boundary { get; set; }
    public CycleKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<CycleStage> Stages { get; set; } = [];
    public List<CycleSteward> Stewards { get; set; } = [];

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => Id;

    /// <summary>A new cycle has all five stages, none started yet.</summary>
    public static Cycle Create(Guid networkId, Guid scaleId, string name, DateTimeOffset now) => new()
    {
        NetworkId = networkId,
        ScaleId = scaleId,
        Name = name,
        CreatedAt = now,
        UpdatedAt = now,
        Stages = [.. Enum.GetValues<Stage>().Select(s => new CycleStage { Stage = s, Status = StageStatus.NotStarted, NetworkId = networkId })],
    };
}

/// <summary>The status of one stage of one cycle.</summary>
public sealed class CycleStage : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CycleId { get; set; }
    public Guid NetworkId { get; set; }
    public Stage Stage { get; set; }
    public StageStatus Status { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A member who stewards a cycle.</summary>
public sealed class CycleSteward : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CycleId { get; set; }
    public Guid NetworkId { get; set; }
    public required string UserId { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class CycleConfiguration : IEntityTypeConfiguration<Cycle>
{
    public void Configure(EntityTypeBuilder<Cycle> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Limits.Name);
        builder.Property(c => c.Purpose).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Boundary).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.NetworkId, c.ScaleId });
        builder.HasOne<Network>().WithMany().HasForeignKey(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Scale).WithMany().HasForeignKey(c => c.ScaleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Stewards).WithOne().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CycleStageConfiguration : IEntityTypeConfiguration<CycleStage>
{
    public void Configure(EntityTypeBuilder<CycleStage> builder)
    {
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.CycleId, s.Stage }).IsUnique();
    }
}

public sealed class CycleStewardConfiguration : IEntityTypeConfiguration<CycleSteward>
{
    public void Configure(EntityTypeBuilder<CycleSteward> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.CycleId, s.UserId }).IsUnique();
    }
}
