using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Learning pods: small groups in a cycle reflecting together every week, so learning from experiments is not left to the end.</summary>
public sealed class PodCommands(AppDbContext db, MapScope scope, CurrentUser user, TimeProvider clock)
{
    public const int MaxPeople = 50;
    public const int DefaultWeeks = 6;
    public const int MaxWeeks = 52;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Outcome<CyclePodsView>> ForCycleAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var pods = await db.LearningPods.AsNoTracking().Where(p => p.CycleId == cycleId).OrderBy(p => p.Name).ToListAsync(ct);
        var latest = await db.PodReflections.AsNoTracking().Where(r => r.CycleId == cycleId)
            .GroupBy(r => r.PodId).Select(g => new { PodId = g.Key, Latest = g.Max(r => r.WeekOf) })
            .ToDictionaryAsync(x => x.PodId, x => x.Latest, ct);
        return new CyclePodsView(cycle, [.. pods.Select(p => View(p, latest.TryGetValue(p.Id, out var week) ? week : null))]);
    }

    public async Task<Outcome<PodView>> CreateAsync(Guid cycleId, PodInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var (people, invalid) = Check(input);
        if (invalid is not null)
        {
            return invalid;
        }
        var pod = new LearningPod { Name = input.Name!.Trim(), People = people, NetworkId = cycle.NetworkId, CycleId = cycleId, CreatedAt = clock.GetUtcNow() };
        db.LearningPods.Add(pod);
        await db.SaveChangesAsync(ct);
        return View(pod, null);
    }

    public async Task<Outcome<PodView>> UpdateAsync(Guid podId, PodInput input, CancellationToken ct = default)
    {
        var pod = await db.LearningPods.FirstOrDefaultAsync(p => p.Id == podId, ct);
        if (pod is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(pod.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        var (people, invalid) = Check(input);
        if (invalid is not null)
        {
            return invalid;
        }
        if (Concurrency.Check(db, pod, input.Version) is { } stale)
        {
            return stale;
        }
        pod.Name = input.Name!.Trim();
        if (!pod.People.SequenceEqual(people))
        {
            pod.People = people;
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        var latest = await db.PodReflections.Where(r => r.PodId == podId).MaxAsync(r => (DateOnly?)r.WeekOf, ct);
        return View(pod, latest);
    }

    /// <summary>The pod with its reflections of the last <paramref name="weeks"/> weeks (this week included), grouped by week, newest first.</summary>
    public async Task<Outcome<PodDetailView>> GetAsync(Guid podId, int? weeks, CancellationToken ct = default)
    {
        var pod = await db.LearningPods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == podId, ct);
        if (pod is null)
        {
            return Failure.NotFound;
        }
        var (cycle, denied) = await scope.ForCycleAsync(pod.CycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var count = Math.Clamp(weeks ?? DefaultWeeks, 1, MaxWeeks);
        var thisWeek = PodQuestions.Monday(Today);
        var since = thisWeek.AddDays(-7 * (count - 1));
        var reflections = await ReflectionsAsync(db.PodReflections.Where(r => r.PodId == podId && r.WeekOf >= since), ct);
        var grouped = reflections.GroupBy(r => r.WeekOf).OrderByDescending(g => g.Key)
            .Select(g => new PodWeekView(g.Key, [.. g.OrderBy(r => r.CreatedAt)])).ToList();
        var latest = await db.PodReflections.Where(r => r.PodId == podId).MaxAsync(r => (DateOnly?)r.WeekOf, ct);
        return new PodDetailView(cycle, View(pod, latest), count, thisWeek, grouped);
    }

    public async Task<Outcome<PodReflectionView>> AddReflectionAsync(Guid podId, PodReflectionInput input, CancellationToken ct = default)
    {
        var pod = await db.LearningPods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == podId, ct);
        if (pod is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(pod.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (await CheckAsync(pod, input, ct) is { } invalid)
        {
            return invalid;
        }
        var reflection = new PodReflection
        {
            NetworkId = pod.NetworkId, CycleId = pod.CycleId, PodId = pod.Id, AuthorId = user.UserId, AuthorName = user.DisplayName, CreatedAt = clock.GetUtcNow(),
        };
        Apply(reflection, input);
        db.PodReflections.Add(reflection);
        await db.SaveChangesAsync(ct);
        return (await ReflectionsAsync(db.PodReflections.Where(r => r.Id == reflection.Id), ct))[0];
    }

    public async Task<Outcome<PodReflectionView>> GetReflectionAsync(Guid reflectionId, CancellationToken ct = default)
    {
        if (await scope.RequireRecordAsync(db.PodReflections.Where(r => r.Id == reflectionId).Select(r => r.NetworkId), NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return (await ReflectionsAsync(db.PodReflections.Where(r => r.Id == reflectionId), ct))[0];
    }

    public async Task<Outcome<PodReflectionView>> UpdateReflectionAsync(Guid reflectionId, PodReflectionInput input, CancellationToken ct = default)
    {
        var reflection = await db.PodReflections.FirstOrDefaultAsync(r => r.Id == reflectionId, ct);
        if (reflection is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(reflection.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        var pod = await db.LearningPods.AsNoTracking().FirstAsync(p => p.Id == reflection.PodId, ct);
        if (await CheckAsync(pod, input, ct) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, reflection, input.Version) is { } stale)
        {
            return stale;
        }
        Apply(reflection, input);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await ReflectionsAsync(db.PodReflections.Where(r => r.Id == reflection.Id), ct))[0];
    }

    /// <summary>Every pod reflection about one experiment, newest week first.</summary>
    public async Task<Outcome<List<PodReflectionView>>> ForExperimentAsync(Guid experimentId, CancellationToken ct = default)
    {
        var cycleId = await db.Experiments.Where(e => e.Id == experimentId).Select(e => (Guid?)e.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var (cycle, denied) = await scope.ForCycleAsync(cycleId.Value, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var reflections = await ReflectionsAsync(db.PodReflections.Where(r => r.ExperimentId == experimentId), ct);
        return reflections.OrderByDescending(r => r.WeekOf).ThenBy(r => r.CreatedAt).ToList();
    }

    private static (List<string> People, Failure? Invalid) Check(PodInput input)
    {
        var people = (input.People ?? []).Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (InputValidation.Check(input) is { } invalid)
        {
            return (people, invalid);
        }
        if (people.Count > MaxPeople)
        {
            return (people, Failure.Invalid("people", $"A pod can name at most {MaxPeople} people; a pod works best as a pair or a small group."));
        }
        if (people.FirstOrDefault(p => p.Length > Limits.Name) is { } tooLong)
        {
            return (people, Failure.Invalid("people", $"\"{tooLong[..20]}…\" is too long: a name or role can be at most {Limits.Name} characters."));
        }
        return (people, null);
    }

    private async Task<Failure?> CheckAsync(LearningPod pod, PodReflectionInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var errors = new Dictionary<string, string[]>();
        if (input.WeekOf > Today)
        {
            errors["weekOf"] = ["The week cannot be in the future: reflect on this week or an earlier one."];
        }
        if (new[] { input.DidDifferently, input.Learnt, input.EnabledLearning, input.WentWrong }.All(string.IsNullOrWhiteSpace))
        {
            errors["didDifferently"] = ["Answer at least one of the four questions; the others can stay empty."];
        }
        if (input.ExperimentId is { } experimentId && !await db.Experiments.AnyAsync(e => e.Id == experimentId && e.CycleId == pod.CycleId, ct))
        {
            errors["experimentId"] = ["Choose an experiment of this pod's cycle, or none."];
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    private static void Apply(PodReflection r, PodReflectionInput input)
    {
        r.WeekOf = PodQuestions.Monday(input.WeekOf!.Value);
        r.ExperimentId = input.ExperimentId;
        r.DidDifferently = MapText.Clean(input.DidDifferently);
        r.Learnt = MapText.Clean(input.Learnt);
        r.EnabledLearning = MapText.Clean(input.EnabledLearning);
        r.WentWrong = MapText.Clean(input.WentWrong);
    }

    private Task<List<PodReflectionView>> ReflectionsAsync(IQueryable<PodReflection> query, CancellationToken ct) => query.AsNoTracking()
        .Join(db.LearningPods, r => r.PodId, p => p.Id, (r, p) => new { R = r, PodName = p.Name })
        .Select(x => new PodReflectionView(x.R.Id, x.R.PodId, x.PodName, x.R.WeekOf, x.R.ExperimentId,
            db.Experiments.Where(e => e.Id == x.R.ExperimentId).Select(e => e.Title).FirstOrDefault(),
            x.R.DidDifferently, x.R.Learnt, x.R.EnabledLearning, x.R.WentWrong, x.R.AuthorName, x.R.CreatedAt, x.R.Version))
        .ToListAsync(ct);

    private static PodView View(LearningPod p, DateOnly? latest) => new(p.Id, p.CycleId, p.Name, p.People, latest, p.Version);
}
