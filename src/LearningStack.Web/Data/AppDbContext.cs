using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.SenseMaking;
using LearningStack.Web.Features.Stewardship;
using LearningStack.Web.Features.Stories;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LearningStack.Web.Data;

/// <summary>The one DbContext. Each provider has a thin subclass so that each keeps its own migrations
/// (see docs/adr/0002-migrations-per-provider.md).</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<NetworkMember> NetworkMembers => Set<NetworkMember>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Scale> Scales => Set<Scale>();
    public DbSet<Cycle> Cycles => Set<Cycle>();
    public DbSet<CycleStage> CycleStages => Set<CycleStage>();
    public DbSet<CycleSteward> CycleStewards => Set<CycleSteward>();
    public DbSet<Reflection> Reflections => Set<Reflection>();
    public DbSet<DesignAnswer> DesignAnswers => Set<DesignAnswer>();
    public DbSet<CycleLink> CycleLinks => Set<CycleLink>();
    public DbSet<Features.Patterns.CycleDescendant> CycleDescendants => Set<Features.Patterns.CycleDescendant>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ActorRelationship> ActorRelationships => Set<ActorRelationship>();
    public DbSet<BoundaryReview> BoundaryReviews => Set<BoundaryReview>();
    public DbSet<Factor> Factors => Set<Factor>();
    public DbSet<CausalLink> CausalLinks => Set<CausalLink>();
    public DbSet<NamedLoop> NamedLoops => Set<NamedLoop>();
    public DbSet<ProcessStep> ProcessSteps => Set<ProcessStep>();
    public DbSet<MapSnapshot> MapSnapshots => Set<MapSnapshot>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<ExperimentAction> ExperimentActions => Set<ExperimentAction>();
    public DbSet<ExperimentParticipant> ExperimentParticipants => Set<ExperimentParticipant>();
    public DbSet<ExperimentComment> ExperimentComments => Set<ExperimentComment>();
    public DbSet<Countermeasure> Countermeasures => Set<Countermeasure>();
    public DbSet<EvidenceEntry> Evidence => Set<EvidenceEntry>();
    public DbSet<LearningPod> LearningPods => Set<LearningPod>();
    public DbSet<PodReflection> PodReflections => Set<PodReflection>();
    public DbSet<SenseMakingSession> SenseMakingSessions => Set<SenseMakingSession>();
    public DbSet<SessionParticipant> SessionParticipants => Set<SessionParticipant>();
    public DbSet<SessionMaterial> SessionMaterials => Set<SessionMaterial>();
    public DbSet<InsightTheme> InsightThemes => Set<InsightTheme>();
    public DbSet<InsightCard> InsightCards => Set<InsightCard>();
    public DbSet<Issue> Issues => Set<Issue>();
    public DbSet<IssueRoute> IssueRoutes => Set<IssueRoute>();
    public DbSet<InfluenceRecord> InfluenceRecords => Set<InfluenceRecord>();
    public DbSet<InfluenceRecipient> InfluenceRecipients => Set<InfluenceRecipient>();
    public DbSet<Embedding> Embeddings => Set<Embedding>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<CasePractitioner> CasePractitioners => Set<CasePractitioner>();
    public DbSet<CaseAccessGrant> CaseAccessGrants => Set<CaseAccessGrant>();
    public DbSet<CaseAccessLogEntry> CaseAccessLog => Set<CaseAccessLogEntry>();
    public DbSet<CaseInvitation> CaseInvitations => Set<CaseInvitation>();
    public DbSet<CaseStatement> CaseStatements => Set<CaseStatement>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseConsent> CaseConsents => Set<CaseConsent>();
    public DbSet<MeasureTemplate> MeasureTemplates => Set<MeasureTemplate>();
    public DbSet<PersonMeasure> PersonMeasures => Set<PersonMeasure>();
    public DbSet<MeasureReading> MeasureReadings => Set<MeasureReading>();
    public DbSet<LifeMapElement> LifeMapElements => Set<LifeMapElement>();
    public DbSet<LifeMapLink> LifeMapLinks => Set<LifeMapLink>();
    public DbSet<CaseTaskType> CaseTaskTypes => Set<CaseTaskType>();
    public DbSet<CaseNoteTask> CaseNoteTasks => Set<CaseNoteTask>();
    public DbSet<SpendEntry> SpendEntries => Set<SpendEntry>();
    public DbSet<NeedCategory> NeedCategories => Set<NeedCategory>();
    public DbSet<StoryCollection> StoryCollections => Set<StoryCollection>();
    public DbSet<StoryLink> StoryLinks => Set<StoryLink>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<StoryAnswer> StoryAnswers => Set<StoryAnswer>();
    public DbSet<Features.Stewardship.StagePlan> StagePlans => Set<Features.Stewardship.StagePlan>();
    public DbSet<Features.Stewardship.CycleResource> CycleResources => Set<Features.Stewardship.CycleResource>();
    public DbSet<Features.Stewardship.ResourceUse> ResourceUses => Set<Features.Stewardship.ResourceUse>();
    public DbSet<Features.Stewardship.EnablerBarrier> EnablersBarriers => Set<Features.Stewardship.EnablerBarrier>();
    public DbSet<Features.Stewardship.ConnectionToMake> ConnectionsToMake => Set<Features.Stewardship.ConnectionToMake>();
    public DbSet<LearningAccount> LearningAccounts => Set<LearningAccount>();
    public DbSet<LearningAccountSection> LearningAccountSections => Set<LearningAccountSection>();
    public DbSet<LearningAccountQuestion> LearningAccountQuestions => Set<LearningAccountQuestion>();
    public DbSet<LearningAccountAnswer> LearningAccountAnswers => Set<LearningAccountAnswer>();
    public DbSet<Alarm> Alarms => Set<Alarm>();
    public DbSet<AlarmSettings> AlarmSettings => Set<AlarmSettings>();
    public DbSet<GovernanceBody> GovernanceBodies => Set<GovernanceBody>();
    public DbSet<GovernanceMember> GovernanceMembers => Set<GovernanceMember>();
    public DbSet<GovernanceReflection> GovernanceReflections => Set<GovernanceReflection>();
    public DbSet<GovernanceConcern> GovernanceConcerns => Set<GovernanceConcern>();
    public DbSet<GovernanceConcernResponse> GovernanceConcernResponses => Set<GovernanceConcernResponse>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<ApplicationUser>().Property(u => u.DisplayName).HasMaxLength(Limits.Name);
        builder.Entity<HistoryEntry>(h =>
        {
            h.Property(e => e.EntityType).HasMaxLength(100);
            h.Property(e => e.Action).HasMaxLength(20);
            h.Property(e => e.UserName).HasMaxLength(Limits.Name);
            h.HasIndex(e => new { e.CycleId, e.At });
            h.HasIndex(e => new { e.RelatedCycleId, e.At });
            h.HasIndex(e => new { e.NetworkId, e.At });
            h.HasIndex(e => e.EntityId);
        });
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type; stored as sortable binary so ORDER BY and comparisons run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
