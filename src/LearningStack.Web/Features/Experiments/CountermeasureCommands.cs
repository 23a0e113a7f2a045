using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments;

/// <summary>The countermeasures register: temporary shields for experiments against business-as-usual rules, kept visible until they
/// are removed or become the new normal.</summary>
public sealed class CountermeasureCommands(AppDbContext db, MapScope scope, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>An experiment's countermeasures, active first, then by start date.</summary>
    public async Task<Outcome<List<CountermeasureView>>> ForExperimentAsync(Guid experimentId, CancellationToken ct = default)
    {
        var (experiment, _, denied) = await ExperimentAsync(experimentId, NetworkRole.Observer, ct);
        if (experiment is null)
        {
            return denied!;
        }
        return await ViewsAsync(db.Countermeasures.Where(c => c.ExperimentId == experimentId), ct);
    }

    /// <summary>A cycle's register, optionally of one status only.</summary>
    public async Task<Outcome<CountermeasureRegisterView>> ForCycleAsync(Guid cycleId, string? status, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        CountermeasureStatus? only = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CountermeasureStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Failure.Invalid("status", "Use Active, Removed or NewNormal, or leave the status out for all of them.");
            }
            only = parsed;
        }
        var query = db.Countermeasures.Where(c => c.CycleId == cycleId);
        if (only is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        return new CountermeasureRegisterView(cycle, only, await ViewsAsync(query, ct));
    }

    public async Task<Outcome<CountermeasureView>> GetAsync(Guid countermeasureId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.Countermeasures.Where(c => c.Id == countermeasureId).Select(c => c.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return (await ViewsAsync(db.Countermeasures.Where(c => c.Id == countermeasureId), ct))[0];
    }

    public async Task<Outcome<CountermeasureView>> CreateAsync(Guid experimentId, CountermeasureInput input, CancellationToken ct = default)
    {
        var (experiment, _, denied) = await ExperimentAsync(experimentId, NetworkRole.Member, ct);
        if (experiment is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var (actorName, failure) = await CheckAsync(experiment.CycleId, input, CountermeasureStatus.Active, ct);
        if (failure is not null)
        {
            return failure;
        }
        var countermeasure = new Countermeasure
        {
            Rule = "", Instead = "", NetworkId = experiment.NetworkId, CycleId = experiment.CycleId, ExperimentId = experiment.Id,
            Status = CountermeasureStatus.Active, CreatedAt = clock.GetUtcNow(),
        };
        Apply(countermeasure, input, actorName, CountermeasureStatus.Active);
        db.Countermeasures.Add(countermeasure);
        await db.SaveChangesAsync(ct);
        return await GetAsync(countermeasure.Id, ct);
    }

    /// <summary>A whole edit, status included. Leaving Active needs a reason (and sets the end date, today unless given); going back to
    /// Active clears both.</summary>
    public async Task<Outcome<CountermeasureView>> UpdateAsync(Guid countermeasureId, CountermeasureInput input, CancellationToken ct = default)
    {
        var countermeasure = await db.Countermeasures.FirstOrDefaultAsync(c => c.Id == countermeasureId, ct);
        if (countermeasure is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(countermeasure.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var status = input.Status ?? countermeasure.Status;
        var (actorName, failure) = await CheckAsync(countermeasure.CycleId, input, status, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (Concurrency.Check(db, countermeasure, input.Version) is { } stale)
        {
            return stale;
        }
        Apply(countermeasure, input, actorName, status);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await GetAsync(countermeasure.Id, ct);
    }

    /// <summary>Every rule beyond the field annotations, all errors at once. Returns the chosen actor's name.</summary>
    private async Task<(string? ActorName, Failure? Failure)> CheckAsync(Guid cycleId, CountermeasureInput input, CountermeasureStatus status, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        string? actorName = null;
        if (input.AgreedByActorId is { } actorId)
        {
            actorName = await db.Actors.Where(a => a.Id == actorId && a.CycleId == cycleId).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (actorName is null)
            {
                errors["agreedByActorId"] = ["Choose someone from this cycle's actor map, or type the name of who agreed it."];
            }
        }
        else if (string.IsNullOrWhiteSpace(input.AgreedByName))
        {
            errors["agreedByName"] = ["Say who agreed the countermeasure: choose an actor or type a name or role."];
        }
        if (input.ReviewOn is { } review && input.From is { } from && review < from)
        {
            errors["reviewOn"] = ["The review date cannot be before the date the countermeasure starts."];
        }
        if (!string.IsNullOrWhiteSpace(input.Disturbed) && input.NoticedOn is null)
        {
            errors["noticedOn"] = ["Enter the date the disturbance was noticed."];
        }
        if (!Enum.IsDefined(status))
        {
            errors["status"] = ["Use Active, Removed or NewNormal."];
        }
        else if (status != CountermeasureStatus.Active)
        {
            if (string.IsNullOrWhiteSpace(input.WhyEnded))
            {
                errors["whyEnded"] = [status == CountermeasureStatus.Removed
                    ? "Say why the countermeasure is no longer needed."
                    : "Say why this has become the new normal."];
            }
            if (input.EndedOn is { } ended && input.From is { } started && ended < started)
            {
                errors["endedOn"] = ["The end date cannot be before the date the countermeasure started."];
            }
        }
        return (actorName, errors.Count > 0 ? Failure.Invalid(errors) : null);
    }

    private void Apply(Countermeasure c, CountermeasureInput input, string? actorName, CountermeasureStatus status)
    {
        c.Rule = input.Rule!.Trim();
        c.Instead = input.Instead!.Trim();
        c.AgreedByActorId = input.AgreedByActorId;
        c.AgreedByName = actorName ?? MapText.Clean(input.AgreedByName);
        c.From = input.From!.Value;
        c.ReviewOn = input.ReviewOn;
        c.Disturbed = MapText.Clean(input.Disturbed);
        c.NoticedOn = c.Disturbed is null ? null : input.NoticedOn;
        if (status == CountermeasureStatus.Active)
        {
            (c.EndedOn, c.WhyEnded) = (null, null);
        }
        else
        {
            c.WhyEnded = input.WhyEnded!.Trim();
            c.EndedOn = input.EndedOn ?? (c.Status == status ? c.EndedOn : null) ?? Today;
        }
        c.Status = status;
    }

    private async Task<(Experiment? Experiment, CycleScope? Cycle, Failure? Denied)> ExperimentAsync(Guid experimentId, NetworkRole minimum, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, ct);
        if (experiment is null)
        {
            return (null, null, Failure.NotFound);
        }
        var (cycle, denied) = await scope.ForCycleAsync(experiment.CycleId, minimum, ct);
        return cycle is null ? (null, null, denied) : (experiment, cycle, null);
    }

    private async Task<List<CountermeasureView>> ViewsAsync(IQueryable<Countermeasure> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Join(db.Experiments, c => c.ExperimentId, e => e.Id, (c, e) => new { C = c, e.Title, e.State })
            .ToListAsync(ct);
        var today = Today;
        return rows
            .OrderBy(r => r.C.Status != CountermeasureStatus.Active).ThenBy(r => r.C.From).ThenBy(r => r.C.CreatedAt)
            .Select(r => new CountermeasureView(r.C.Id, r.C.CycleId, r.C.ExperimentId, r.Title, r.State, r.C.Rule, r.C.Instead, r.C.AgreedByActorId,
                r.C.AgreedByName, r.C.From, r.C.ReviewOn, r.C.Status, r.C.EndedOn, r.C.WhyEnded, r.C.Disturbed, r.C.NoticedOn,
                CountermeasureFlagRules.For(r.C.Status, r.C.ReviewOn, r.State, today), r.C.Version))
            .ToList();
    }
}
