using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Understanding;

/// <summary>The process map: a person's journey through a service as ordered steps, each value or failure demand.</summary>
public sealed class ProcessCommands(AppDbContext db, MapScope scope, TimeProvider clock)
{
    public async Task<Outcome<ProcessMapView>> GetAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var steps = await db.ProcessSteps.AsNoTracking().Where(s => s.CycleId == cycleId).OrderBy(s => s.Position)
            .Select(s => new ProcessStepView(s.Id, s.Position, s.Description, s.Responsible, s.Demand, s.Notes, s.Version))
            .ToListAsync(ct);
        return new ProcessMapView(cycle, steps);
    }

    public async Task<Outcome<ProcessStepView>> CreateAsync(Guid cycleId, ProcessStepInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var steps = await StepsAsync(cycleId, ct);
        var step = new ProcessStep { Description = "", NetworkId = cycle.NetworkId, CycleId = cycleId, CreatedAt = clock.GetUtcNow() };
        Apply(step, input);
        db.ProcessSteps.Add(step);
        var at = Math.Clamp((input.Position ?? steps.Count + 1) - 1, 0, steps.Count);
        steps.Insert(at, step);
        Renumber(steps);
        await db.SaveChangesAsync(ct);
        return View(step);
    }

    public async Task<Outcome<ProcessStepView>> UpdateAsync(Guid stepId, ProcessStepInput input, CancellationToken ct = default)
    {
        var step = await db.ProcessSteps.FirstOrDefaultAsync(s => s.Id == stepId, ct);
        if (await CheckAsync(step, input.Version, ct) is { } failure)
        {
            return failure;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        Apply(step!, input);
        if (input.Position is { } position)
        {
            var steps = await StepsAsync(step!.CycleId, ct);
            steps.Remove(step);
            steps.Insert(Math.Clamp(position - 1, 0, steps.Count), step);
            Renumber(steps);
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return View(step!);
    }

    /// <summary>Moves a step one place earlier (-1) or later (+1).</summary>
    public async Task<Outcome<ProcessStepView>> MoveAsync(Guid stepId, int by, CancellationToken ct = default)
    {
        var step = await db.ProcessSteps.FirstOrDefaultAsync(s => s.Id == stepId, ct);
        if (await CheckAsync(step, step?.Version, ct) is { } failure)
        {
            return failure;
        }
        var steps = await StepsAsync(step!.CycleId, ct);
        var from = steps.IndexOf(step);
        var to = Math.Clamp(from + Math.Sign(by), 0, steps.Count - 1);
        steps.RemoveAt(from);
        steps.Insert(to, step);
        Renumber(steps);
        await db.SaveChangesAsync(ct);
        return View(step);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid stepId, CancellationToken ct = default)
    {
        var step = await db.ProcessSteps.FirstOrDefaultAsync(s => s.Id == stepId, ct);
        if (await CheckAsync(step, step?.Version, ct) is { } failure)
        {
            return failure;
        }
        var steps = await StepsAsync(step!.CycleId, ct);
        steps.Remove(step);
        db.ProcessSteps.Remove(step);
        Renumber(steps);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<List<ProcessStep>> StepsAsync(Guid cycleId, CancellationToken ct) =>
        db.ProcessSteps.Where(s => s.CycleId == cycleId).OrderBy(s => s.Position).ToListAsync(ct);

    private async Task<Failure?> CheckAsync(ProcessStep? step, int? version, CancellationToken ct)
    {
        if (step is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(step.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        return Concurrency.Check(db, step, version);
    }

    private static void Apply(ProcessStep step, ProcessStepInput input)
    {
        step.Description = input.Description!.Trim();
        step.Responsible = MapText.Clean(input.Responsible);
        step.Demand = input.Demand!.Value;
        step.Notes = MapText.Clean(input.Notes);
    }

    private static void Renumber(List<ProcessStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Position != i + 1)
            {
                steps[i].Position = i + 1;
            }
        }
    }

    private static ProcessStepView View(ProcessStep s) => new(s.Id, s.Position, s.Description, s.Responsible, s.Demand, s.Notes, s.Version);
}
