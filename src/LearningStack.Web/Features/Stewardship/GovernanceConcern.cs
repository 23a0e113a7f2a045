using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Where the governance body has got to with a concern. No colours, no grades: only what the body has done.</summary>
public enum ConcernStatus
{
    Received,
    LookingIntoIt,
    Responded,
}

/// <summary>A concern raised in confidence with a cycle's governance body: someone in the network thinks the learning is not
/// happening authentically. Read only by the body's members with accounts (<see cref="GovernanceMembership"/>), and by its sender
/// when they gave their name.
/// <para>Deliberately <b>not</b> <see cref="IHistoried"/>: the history interceptor records the acting user, which for an anonymous
/// concern would be its sender, and the cycle's history page is open to the whole network. The concern keeps its own trail in
/// <see cref="GovernanceConcernResponse"/> instead. When <see cref="Anonymous"/> is true the sender is not stored anywhere; the id is
/// a random (version 4) GUID and only the day is kept, so neither carries a time that could be matched to other records.</para></summary>
public sealed class GovernanceConcern : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public bool Anonymous { get; set; }

    /// <summary>The sender's account; null for an anonymous concern (and then it is nowhere).</summary>
    public string? SenderId { get; set; }
    public string? SenderName { get; set; }
    public required string Text { get; set; }

    /// <summary>The day it was raised, no time of day.</summary>
    public DateOnly RaisedOn { get; set; }
    public ConcernStatus Status { get; set; } = ConcernStatus.Received;

    /// <summary>For an anonymous concern: the SHA-256 of the follow-up code its sender was shown once (<see cref="ConcernFollowUp"/>),
    /// so whoever holds the code can read the body's response and nobody else can tell who that is. Null for named concerns.</summary>
    public string? FollowUpHash { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>One step of the body's answer to a concern: the status it moved to and what the body said, by whom, when. Appended, never
/// changed, so the concern's trail is complete without the general history.</summary>
public sealed class GovernanceConcernResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConcernId { get; set; }
    public Guid NetworkId { get; set; }
    public ConcernStatus Status { get; set; }
    public required string Text { get; set; }
    public string? ResponderId { get; set; }
    public required string ResponderName { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class GovernanceConcernConfiguration : IEntityTypeConfiguration<GovernanceConcern>
{
    public void Configure(EntityTypeBuilder<GovernanceConcern> builder)
    {
        builder.Property(c => c.SenderId).HasMaxLength(450);
        builder.Property(c => c.SenderName).HasMaxLength(Limits.Name);
        builder.Property(c => c.Text).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.CycleId, c.RaisedOn });
        builder.HasIndex(c => c.SenderId);
        builder.Property(c => c.FollowUpHash).HasMaxLength(64);
        builder.HasIndex(c => c.FollowUpHash).IsUnique();
        builder.HasOne<Cycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GovernanceConcernResponseConfiguration : IEntityTypeConfiguration<GovernanceConcernResponse>
{
    public void Configure(EntityTypeBuilder<GovernanceConcernResponse> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Text).HasMaxLength(Limits.LongText);
        builder.Property(r => r.ResponderId).HasMaxLength(450);
        builder.Property(r => r.ResponderName).HasMaxLength(Limits.Name);
        builder.HasIndex(r => new { r.ConcernId, r.At });
        builder.HasOne<GovernanceConcern>().WithMany().HasForeignKey(r => r.ConcernId).OnDelete(DeleteBehavior.Cascade);
    }
}
