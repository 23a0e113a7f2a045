using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Planned before it meets; live while people add insight cards; ended once the record is tidy (it can be reopened).</summary>
public enum SessionState
{
    Planned,
    Live,
    Ended,
}

/// <summary>People of a cycle meeting to make sense of evidence together (a team meeting, a senior meeting, a place forum).
/// What they notice becomes insight cards on the session's live board; decisions and issues come out of those.</summary>
public sealed class SenseMakingSession : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Title { get; set; }

    /// <summary>What the group means to make sense of, in a sentence or two.</summary>
    public string? Purpose { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public string? Place { get; set; }
    public string? CallLink { get; set; }

    /// <summary>A member who facilitates, or <see cref="FacilitatorName"/> for someone without an account.</summary>
    public string? FacilitatorUserId { get; set; }

    public string? FacilitatorName { get; set; }
    public SessionState State { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>Someone taking part: a member (<see cref="UserId"/>) or anyone named by name or role, with the voice they bring.</summary>
public sealed class SessionParticipant : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid SessionId { get; set; }
    public string? UserId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
    public Voice Voice { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>What kind of record a session reviews.</summary>
public enum MaterialKind
{
    Experiment,
    Evidence,
    PodReflection,
    Map,
}

/// <summary>One thing under review in a session: an experiment, an evidence entry, a learning-pod reflection or one of the cycle's
/// maps (<see cref="MapKind"/>, with <see cref="TargetId"/> the cycle). The title is copied when added so the record still reads
/// if the thing is later removed.</summary>
public sealed class SessionMaterial : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid SessionId { get; set; }
    public MaterialKind Kind { get; set; }
    public Guid TargetId { get; set; }

    /// <summary>For <see cref="MaterialKind.Map"/>: "actors", "factors" or "process".</summary>
    public string? MapKind { get; set; }

    public required string Title { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class SenseMakingSessionConfiguration : IEntityTypeConfiguration<SenseMakingSession>
{
    public void Configure(EntityTypeBuilder<SenseMakingSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(Limits.Name);
        builder.Property(s => s.Purpose).HasMaxLength(Limits.LongText);
        builder.Property(s => s.Place).HasMaxLength(Limits.Name);
        builder.Property(s => s.CallLink).HasMaxLength(2000);
        builder.Property(s => s.FacilitatorUserId).HasMaxLength(450);
        builder.Property(s => s.FacilitatorName).HasMaxLength(Limits.Name);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.CycleId, s.StartsAt });
        builder.HasIndex(s => new { s.NetworkId, s.StartsAt });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.Role).HasMaxLength(Limits.Name);
        builder.Property(p => p.Voice).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.SessionId);
        builder.HasOne<SenseMakingSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionMaterialConfiguration : IEntityTypeConfiguration<SessionMaterial>
{
    public void Configure(EntityTypeBuilder<SessionMaterial> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.MapKind).HasMaxLength(20);
        builder.Property(m => m.Title).HasMaxLength(Limits.Name);
        builder.HasIndex(m => new { m.SessionId, m.Kind, m.TargetId, m.MapKind }).IsUnique();
        builder.HasOne<SenseMakingSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
