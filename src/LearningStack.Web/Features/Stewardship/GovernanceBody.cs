using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>What sort of group governs a cycle. Only words for people: no kind has more say than another.</summary>
public enum GovernanceBodyKind
{
    ScrutinyCommittee,
    PartnershipBoard,
    ResidentsPanel,
    BoardOfTrustees,
    SteeringGroup,
    ProgrammeBoard,
    Other,
}

/// <summary>The group that helps the people running a cycle give an account of their learning ("helping to account"). One per
/// cycle. Its user members are the only people who read concerns raised about the cycle (see <see cref="GovernanceConcern"/>).</summary>
public sealed class GovernanceBody : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string Name { get; set; }
    public GovernanceBodyKind Kind { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>Someone on a governance body: a member of the network (<see cref="UserId"/> set), or someone without an account named by
/// their role (a councillor, a resident on the panel). <see cref="Name"/> is kept for both, so the history reads well.</summary>
public sealed class GovernanceMember : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid BodyId { get; set; }
    public string? UserId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>One dated reflection on a governance question. Never overwritten: the latest is shown first, the earlier ones stay.</summary>
public sealed class GovernanceReflection : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public required string QuestionKey { get; set; }
    public required string Text { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset WrittenAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

public sealed class GovernanceBodyConfiguration : IEntityTypeConfiguration<GovernanceBody>
{
    public void Configure(EntityTypeBuilder<GovernanceBody> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Limits.Name);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Description).HasMaxLength(Limits.LongText);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => b.CycleId).IsUnique();
        builder.HasOne<Cycle>().WithMany().HasForeignKey(b => b.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GovernanceMemberConfiguration : IEntityTypeConfiguration<GovernanceMember>
{
    public void Configure(EntityTypeBuilder<GovernanceMember> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Name).HasMaxLength(Limits.Name);
        builder.Property(m => m.Role).HasMaxLength(Limits.Name);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.CycleId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<GovernanceBody>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GovernanceReflectionConfiguration : IEntityTypeConfiguration<GovernanceReflection>
{
    public void Configure(EntityTypeBuilder<GovernanceReflection> builder)
    {
        builder.Property(r => r.QuestionKey).HasMaxLength(100);
        builder.Property(r => r.Text).HasMaxLength(Limits.LongText);
        builder.Property(r => r.AuthorName).HasMaxLength(Limits.Name);
        builder.HasIndex(r => new { r.CycleId, r.QuestionKey, r.WrittenAt });
        builder.HasOne<Cycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
