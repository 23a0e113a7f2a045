using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.Experiments;

/// <summary>A hypothesis test asks a research question and tests a hypothesis; a probe asks "what happens if we try this?" and has no hypothesis.</summary>
public enum ExperimentType
{
    Probe,
    HypothesisTest,
}

/// <summary>Where an experiment is. Any state can go back to an earlier one: messy is normal.</summary>
public enum ExperimentState
{
    Designing,
    Running,
    Reflecting,
    Concluded,
}

/// <summary>What the people running an experiment decided when they concluded it. Stopping is learning too.</summary>
public enum ExperimentDecision
{
    Iterate,
    Embed,
    Stop,
}

/// <summary>Whether the permissions an experiment needs have been given.</summary>
public enum PermissionStatus
{
    NoneNeeded,
    Asked,
    Granted,
    Refused,
}

/// <summary>The kinds of evidence a data plan can promise to gather.</summary>
[Flags]
public enum EvidenceKinds
{
    None = 0,
    Quantitative = 1,
    Qualitative = 2,
    Narrative = 4,
    Visual = 8,
    Experiential = 16,
}

/// <summary>An exploration a cycle designs together (co-design) and then runs (experiment), gathering evidence and iterating.
/// An experiment sprung from an earlier one points to it through <see cref="ParentId"/>, so the lineage can be shown.</summary>
public sealed class Experiment : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>A person-scale experiment tried with one person: their case file, in the experiment's own cycle. Outside the file the
    /// experiment names the person only by the case's reference; its design says what is tried, never who they are.</summary>
    public Guid? CaseFileId { get; set; }

    public required string Title { get; set; }
    public ExperimentType Type { get; set; }

    /// <summary>Hypothesis tests only.</summary>
    public string? ResearchQuestion { get; set; }

    /// <summary>Hypothesis tests only.</summary>
    public string? Hypothesis { get; set; }

    public List<string> InquiryQuestions { get; set; } = [];
    public List<string> SafeToFailRules { get; set; } = [];
    public List<string> Tags { get; set; } = [];

    public string? Permissions { get; set; }
    public PermissionStatus PermissionStatus { get; set; }

    public DateOnly? StartsOn { get; set; }
    public List<DateOnly> ReviewPoints { get; set; } = [];
    public DateOnly? PlannedEndOn { get; set; }

    // The data plan.
    public EvidenceKinds EvidenceKinds { get; set; }
    public string? GatheredBy { get; set; }
    public string? AnalysedBy { get; set; }

    /// <summary>How often, in days, the group means to reflect together on the evidence.</summary>
    public int? ReflectionEveryDays { get; set; }

    public string? HowWeWillKnow { get; set; }
    public string? SharedWith { get; set; }

    public ExperimentState State { get; set; }
    public ExperimentDecision? Decision { get; set; }
    public string? LearningAboutWork { get; set; }
    public string? LearningAboutOrganising { get; set; }
    public DateTimeOffset? ConcludedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>Something the experiment will try, and why; optionally tied to a factor or an actor of the cycle's maps.</summary>
public sealed class ExperimentAction : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid ExperimentId { get; set; }
    public int Position { get; set; }
    public required string What { get; set; }
    public string? Why { get; set; }
    public Guid? FactorId { get; set; }
    public Guid? ActorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>What a person or group brings to an experiment.</summary>
[Flags]
public enum ParticipantRoles
{
    None = 0,

    /// <summary>Helped design it; shown in "who designed this".</summary>
    CoDesigner = 1,
    OpinionLeader = 2,
    CouldStopIt = 4,
    HasEnergy = 8,
}

/// <summary>Someone involved in an experiment: a member, one of the cycle's actors, or anyone named by name or role (a resident, "the duty manager").</summary>
public sealed class ExperimentParticipant : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid ExperimentId { get; set; }
    public required string Name { get; set; }
    public Guid? ActorId { get; set; }
    public string? UserId { get; set; }
    public ParticipantRoles Roles { get; set; }

    /// <summary>How they are involved, in a few words.</summary>
    public string? How { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>A comment on one part of an experiment's design (see <see cref="ExperimentSections"/>), so co-designers can talk it through.</summary>
public sealed class ExperimentComment : IHistoried
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CycleId { get; set; }
    public Guid ExperimentId { get; set; }
    public required string Section { get; set; }
    public required string Text { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => CycleId;
}

/// <summary>The parts of a design that can be commented on, by key.</summary>
public static class ExperimentSections
{
    public const string General = "general";

    public static IReadOnlyList<(string Key, string Title)> All { get; } =
    [
        ("question", "What we want to find out"),
        ("actions", "What we will try, and why"),
        ("people", "Who is involved"),
        ("permissions", "Permissions"),
        ("timescale", "Timescale"),
        ("safe-to-fail", "Safe-to-fail rules"),
        ("data-plan", "Data plan"),
        (General, "The experiment as a whole"),
    ];

    public static bool IsKnown(string? key) => All.Any(s => s.Key == key);
}

public sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(Limits.Name);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.PermissionStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ResearchQuestion).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Hypothesis).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Permissions).HasMaxLength(Limits.LongText);
        builder.Property(e => e.GatheredBy).HasMaxLength(Limits.LongText);
        builder.Property(e => e.AnalysedBy).HasMaxLength(Limits.LongText);
        builder.Property(e => e.HowWeWillKnow).HasMaxLength(Limits.LongText);
        builder.Property(e => e.SharedWith).HasMaxLength(Limits.LongText);
        builder.Property(e => e.LearningAboutWork).HasMaxLength(Limits.LongText);
        builder.Property(e => e.LearningAboutOrganising).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.CycleId, e.State });
        builder.HasIndex(e => new { e.NetworkId, e.State });
        builder.HasIndex(e => e.ParentId);
        builder.HasIndex(e => e.CaseFileId);
        builder.HasOne<Cycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<People.CaseFile>().WithMany().HasForeignKey(e => e.CaseFileId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ExperimentActionConfiguration : IEntityTypeConfiguration<ExperimentAction>
{
    public void Configure(EntityTypeBuilder<ExperimentAction> builder)
    {
        builder.Property(a => a.What).HasMaxLength(Limits.LongText);
        builder.Property(a => a.Why).HasMaxLength(Limits.LongText);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ExperimentId, a.Position });
        builder.HasOne<Experiment>().WithMany().HasForeignKey(a => a.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Factor>().WithMany().HasForeignKey(a => a.FactorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Actor>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ExperimentParticipantConfiguration : IEntityTypeConfiguration<ExperimentParticipant>
{
    public void Configure(EntityTypeBuilder<ExperimentParticipant> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.How).HasMaxLength(Limits.LongText);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.ExperimentId);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(p => p.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Actor>().WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ExperimentCommentConfiguration : IEntityTypeConfiguration<ExperimentComment>
{
    public void Configure(EntityTypeBuilder<ExperimentComment> builder)
    {
        builder.Property(c => c.Section).HasMaxLength(40);
        builder.Property(c => c.Text).HasMaxLength(Limits.LongText);
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(Limits.Name);
        builder.HasIndex(c => new { c.ExperimentId, c.CreatedAt });
        builder.HasOne<Experiment>().WithMany().HasForeignKey(c => c.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
