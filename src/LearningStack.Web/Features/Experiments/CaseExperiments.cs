using LearningStack.Web.Data;
using LearningStack.Web.Features.People;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments;

/// <summary>An experiment tried with the person, as listed in their case file.</summary>
public sealed record CaseExperimentItem(Guid Id, Guid CycleId, string Title, ExperimentType Type, ExperimentState State, ExperimentDecision? Decision,
    DateOnly? StartsOn, DateOnly? PlannedEndOn, DateTimeOffset CreatedAt);

/// <summary>A piece of evidence linked to the case file, with the experiment it was gathered in.</summary>
public sealed record CaseEvidenceItem(EvidenceView Entry, string ExperimentTitle);

/// <summary>Everything tried with one person: the experiments linked to their case file and the evidence entries linked to it.</summary>
public sealed record CaseExperimentsView(Guid CaseId, Guid CycleId, string Reference, CaseRelation Relation, bool CanWork,
    IReadOnlyList<CaseExperimentItem> Experiments, IReadOnlyList<CaseEvidenceItem> Evidence);

/// <summary>The person's side of experiments: what was tried with them and what was gathered, read through the case file
/// (<see cref="CaseAccess"/>), so only people who can open the file see it and the read is logged.</summary>
public sealed class CaseExperiments(AppDbContext db, CaseAccess cases)
{
    /// <summary>The experiments and evidence linked to a case file. Logged as a read of <paramref name="what"/>; null when the caller
    /// has just opened the file on the same page (which logged the read already).</summary>
    public async Task<Outcome<CaseExperimentsView>> ForCaseAsync(Guid caseId, string? what, CancellationToken ct = default)
    {
        var (scope, denied) = what is null ? await cases.ResolveAsync(caseId, ct) : await cases.ReadAsync(caseId, what, ct);
        if (scope is null)
        {
            return denied!;
        }
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.CaseFileId == caseId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new CaseExperimentItem(e.Id, e.CycleId, e.Title, e.Type, e.State, e.Decision, e.StartsOn, e.PlannedEndOn, e.CreatedAt))
            .ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.CaseFileId == caseId && e.DeletedAt == null)
            .Join(db.Experiments, e => e.ExperimentId, x => x.Id, (e, x) => new { Entry = e, Experiment = x.Title })
            .OrderByDescending(x => x.Entry.OccurredOn).ThenByDescending(x => x.Entry.CreatedAt)
            .ToListAsync(ct);
        var reference = new Dictionary<Guid, string> { [caseId] = scope.Reference };
        return new CaseExperimentsView(caseId, scope.CycleId, scope.Reference, scope.Relation, scope.CanWork, experiments,
            [.. evidence.Select(x => new CaseEvidenceItem(EvidenceCommands.View(x.Entry, reference), x.Experiment))]);
    }
}
