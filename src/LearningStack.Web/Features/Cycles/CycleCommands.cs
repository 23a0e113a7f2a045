using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Cycles;

/// <summary>Everything people do to Learning Cycles: create, edit, archive, stage statuses, reflections, design answers, history.
/// Used by both the pages and the JSON API.</summary>
public sealed class CycleCommands(AppDbContext db, NetworkAccess access, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<CycleSummary>>> ListAsync(Guid networkId, bool includeArchived = false, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.NetworkId == networkId && (includeArchived || c.ArchivedAt == null))
            .OrderBy(c => c.Scale!.Position).ThenBy(c => c.Name)
            .Select(c => new CycleSummary(c.Id, c.NetworkId, c.ScaleId, c.Name, c.Purpose, c.Kind, c.ArchivedAt != null, c.Version))
            .ToListAsync(ct);
        return cycles;
    }

    public async Task<Outcome<CycleDetail>> GetAsync(Guid cycleId, CancellationToken ct = default)
    {
        var networkId = await NetworkOfAsync(cycleId, ct);
        if (networkId is null || await access.RoleAsync(networkId.Value, ct) is not { } role)
        {
            return Failure.NotFound;
        }
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Select(c => new
            {
                c.Id, c.NetworkId, NetworkName = db.Networks.Where(n => n.Id == c.NetworkId).Select(n => n.Name).First(),
                c.Name, c.Purpose, c.Boundary, c.Kind, c.ArchivedAt, c.CreatedAt, c.UpdatedAt, c.Version,
                Scale = new ScaleRef(c.Scale!.Id, c.Scale.Name, c.Scale.Kind, c.Scale.Position),
                Stages = c.Stages.Select(s => new StageView(s.Stage, s.Status, s.Version)).ToList(),
                Stewards = c.Stewards.Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new PersonRef(u.Id, u.DisplayName ?? u.UserName ?? u.Id)).ToList(),
            })
            .FirstAsync(ct);
        // A join rather than a correlated subquery in the projection: SQLite cannot translate the latter (it needs APPLY).
        var links = await db.CycleLinks.AsNoTracking()
            .Where(l => l.FromCycleId == cycleId || l.ToCycleId == cycleId)
            .Join(db.Cycles, l => l.FromCycleId == cycleId ? l.ToCycleId : l.FromCycleId, c => c.Id,
                (l, c) => new { Link = l, Other = new { c.Id, c.Name, ScaleName = c.Scale!.Name } })
            .ToListAsync(ct);
        List<ConnectedCycle> Views(Func<CycleLink, bool> filter) => links.Where(x => filter(x.Link))
            .Select(x => new ConnectedCycle(x.Link.Id, x.Other.Id, x.Other.Name, x.Other.ScaleName, x.Link.Direction, x.Link.LearnsFrom, x.Link.Enables, x.Link.Notes, x.Link.Version))
            .OrderBy(c => c.Name)
            .ToList();
        var up = Views(l => l.Direction == LinkDirection.Vertical && l.FromCycleId == cycleId);
        var down = Views(l => l.Direction == LinkDirection.Vertical && l.ToCycleId == cycleId);
        var across = Views(l => l.Direction == LinkDirection.Horizontal);
        return new CycleDetail(cycle.Id, cycle.NetworkId, cycle.NetworkName, cycle.Name, cycle.Purpose, cycle.Boundary, cycle.Kind, cycle.Scale,
            cycle.ArchivedAt is not null, cycle.CreatedAt, cycle.UpdatedAt, cycle.Version,
            [.. cycle.Stages.OrderBy(s => s.Stage)], [.. cycle.Stewards.OrderBy(s => s.Name)], up, down, across, role);
    }

    public async Task<Outcome<CycleDetail>> CreateAsync(Guid networkId, CycleInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (await CheckScaleAndStewardsAsync(networkId, input, ct) is { } wrong)
        {
            return wrong;
        }
        var cycle = Cycle.Create(networkId, input.ScaleId!.Value, input.Name.Trim(), clock.GetUtcNow());
        Apply(cycle, input);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        return await GetAsync(cycle.Id, ct);
    }

    public async Task<Outcome<CycleDetail>> UpdateAsync(Guid cycleId, CycleInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await LoadAsync(cycleId, NetworkRole.Member, ct, includeStewards: true);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (await CheckScaleAndStewardsAsync(cycle.NetworkId, input, ct) is { } wrong)
        {
            return wrong;
        }
        if (Concurrency.Check(db, cycle, input.Version) is { } stale)
        {
            return stale;
        }
        if (input.ScaleId != cycle.ScaleId && await db.CycleLinks.AnyAsync(l => l.FromCycleId == cycleId || l.ToCycleId == cycleId, ct))
        {
            return Failure.Invalid("scaleId", "This cycle is connected to other cycles. Remove its connections before moving it to another scale, so no link ends up skipping a scale.");
        }
        cycle.Name = input.Name.Trim();
        cycle.ScaleId = input.ScaleId!.Value;
        Apply(cycle, input);
        cycle.UpdatedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await GetAsync(cycleId, ct);
    }

    private void Apply(Cycle cycle, CycleInput input)
    {
        cycle.Purpose = string.IsNullOrWhiteSpace(input.Purpose) ? null : input.Purpose.Trim();
        cycle.Boundary = string.IsNullOrWhiteSpace(input.Boundary) ? null : input.Boundary.Trim();
        cycle.Kind = input.Kind;
        var wanted = (input.StewardIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToHashSet();
        cycle.Stewards.RemoveAll(s => !wanted.Contains(s.UserId));
        foreach (var userId in wanted.Where(id => cycle.Stewards.All(s => s.UserId != id)))
        {
            var steward = new CycleSteward { CycleId = cycle.Id, NetworkId = cycle.NetworkId, UserId = userId };
            cycle.Stewards.Add(steward);
            // Marked as new explicitly: found only through the navigation of a tracked cycle, an entity whose Guid key is
            // already set is taken for an existing row and UPDATEd, which fails as a concurrency conflict (409).
            db.CycleStewards.Add(steward);
        }
    }

    private async Task<Failure?> CheckScaleAndStewardsAsync(Guid networkId, CycleInput input, CancellationToken ct)
    {
        if (!await db.Scales.AnyAsync(s => s.Id == input.ScaleId && s.NetworkId == networkId, ct))
        {
            return Failure.Invalid("scaleId", "Choose one of this network's scales.");
        }
        var stewardIds = (input.StewardIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        var members = await db.NetworkMembers.CountAsync(m => m.NetworkId == networkId && stewardIds.Contains(m.UserId), ct);
        return members == stewardIds.Count ? null : Failure.Invalid("stewardIds", "Stewards must be members of this network.");
    }

    /// <summary>Archives (or restores) a cycle. Archived cycles leave the stack view but keep their history and links.</summary>
    public async Task<Outcome<CycleDetail>> ArchiveAsync(Guid cycleId, bool archived, CancellationToken ct = default)
    {
        var (cycle, denied) = await LoadAsync(cycleId, NetworkRole.Steward, ct);
        if (cycle is null)
        {
            return denied!;
        }
        cycle.ArchivedAt = archived ? cycle.ArchivedAt ?? clock.GetUtcNow() : null;
        cycle.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await GetAsync(cycleId, ct);
    }

    public async Task<Outcome<StageView>> SetStageStatusAsync(Guid cycleId, Stage stage, StageStatusInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await LoadAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var row = await db.CycleStages.FirstOrDefaultAsync(s => s.CycleId == cycleId && s.Stage == stage, ct);
        if (row is null)
        {
            row = new CycleStage { CycleId = cycleId, NetworkId = cycle.NetworkId, Stage = stage, Status = input.Status };
            db.CycleStages.Add(row);
        }
        else
        {
            if (Concurrency.IsStale(db, row, input.Version))
            {
                return Failure.Conflict;
            }
            row.Status = input.Status;
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return new StageView(row.Stage, row.Status, row.Version);
    }

    public async Task<Outcome<IReadOnlyList<ReflectionView>>> ReflectionsAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (_, denied) = await LoadAsync(cycleId, NetworkRole.Observer, ct, tracked: false);
        if (denied is not null)
        {
            return denied;
        }
        var list = await db.Reflections.AsNoTracking().Where(r => r.CycleId == cycleId)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt)
            .Select(r => new ReflectionView(r.Id, r.Stage, r.Date, r.Text, r.AuthorName, r.CreatedAt))
            .ToListAsync(ct);
        return list;
    }

    public async Task<Outcome<ReflectionView>> AddReflectionAsync(Guid cycleId, ReflectionInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await LoadAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (input.Stage is { } stage && !Enum.IsDefined(stage))
        {
            return Failure.Invalid("stage", "Choose one of the five stages, or none for a whole-cycle review.");
        }
        var now = clock.GetUtcNow();
        var reflection = new Reflection
        {
            CycleId = cycleId,
            NetworkId = cycle.NetworkId,
            Stage = input.Stage,
            Date = input.Date ?? DateOnly.FromDateTime(now.UtcDateTime),
            Text = input.Text.Trim(),
            AuthorId = currentUser.UserId,
            AuthorName = currentUser.DisplayName,
            CreatedAt = now,
        };
        db.Reflections.Add(reflection);
        await db.SaveChangesAsync(ct);
        return new ReflectionView(reflection.Id, reflection.Stage, reflection.Date, reflection.Text, reflection.AuthorName, reflection.CreatedAt);
    }

    /// <summary>The design questions for every stage at this cycle's scale, each with its latest answer.</summary>
    public async Task<Outcome<IReadOnlyList<QuestionView>>> QuestionsAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (_, denied) = await LoadAsync(cycleId, NetworkRole.Observer, ct, tracked: false);
        if (denied is not null)
        {
            return denied;
        }
        var kind = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.Scale!.Kind).FirstAsync(ct);
        var answers = await db.DesignAnswers.AsNoTracking().Where(a => a.CycleId == cycleId)
            .OrderByDescending(a => a.AnsweredAt)
            .Select(a => new { a.QuestionKey, View = new AnswerView(a.Id, a.Text, a.AuthorName, a.AnsweredAt) })
            .ToListAsync(ct);
        var byKey = answers.GroupBy(a => a.QuestionKey).ToDictionary(g => g.Key, g => g.Select(a => a.View).ToList());
        return Enum.GetValues<Stage>()
            .SelectMany(stage => DesignQuestionBank.For(stage, kind))
            .Select(q => new QuestionView(q.Key, q.Stage, q.ScaleKind is not null, q.Text, q.Hint,
                byKey.TryGetValue(q.Key, out var list) ? list[0] : null, byKey.TryGetValue(q.Key, out var all) ? all.Count : 0))
            .ToList();
    }

    public async Task<Outcome<AnswerView>> AnswerAsync(Guid cycleId, string questionKey, AnswerInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await LoadAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (DesignQuestionBank.Find(questionKey) is null)
        {
            return Failure.NotFound;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var answer = new DesignAnswer
        {
            CycleId = cycleId,
            NetworkId = cycle.NetworkId,
            QuestionKey = questionKey,
            Text = input.Text.Trim(),
            AuthorId = currentUser.UserId,
            AuthorName = currentUser.DisplayName,
            AnsweredAt = clock.GetUtcNow(),
        };
        db.DesignAnswers.Add(answer);
        await db.SaveChangesAsync(ct);
        return new AnswerView(answer.Id, answer.Text, answer.AuthorName, answer.AnsweredAt);
    }

    /// <summary>Every answer ever given to one question, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<AnswerView>>> AnswerHistoryAsync(Guid cycleId, string questionKey, CancellationToken ct = default)
    {
        var (_, denied) = await LoadAsync(cycleId, NetworkRole.Observer, ct, tracked: false);
        if (denied is not null)
        {
            return denied;
        }
        if (DesignQuestionBank.Find(questionKey) is null)
        {
            return Failure.NotFound;
        }
        var list = await db.DesignAnswers.AsNoTracking().Where(a => a.CycleId == cycleId && a.QuestionKey == questionKey)
            .OrderByDescending(a => a.AnsweredAt)
            .Select(a => new AnswerView(a.Id, a.Text, a.AuthorName, a.AnsweredAt))
            .ToListAsync(ct);
        return list;
    }

    public async Task<Outcome<IReadOnlyList<HistoryView>>> HistoryAsync(Guid cycleId, int take = 200, CancellationToken ct = default)
    {
        var (_, denied) = await LoadAsync(cycleId, NetworkRole.Observer, ct, tracked: false);
        if (denied is not null)
        {
            return denied;
        }
        var list = await db.History.AsNoTracking()
            .Where(h => h.CycleId == cycleId || h.RelatedCycleId == cycleId)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Take(Math.Clamp(take, 1, 1000))
            .Select(h => new HistoryView(h.Id, h.EntityType, h.EntityId, h.Action, h.UserName, h.At, h.Before, h.After))
            .ToListAsync(ct);
        return list;
    }

    private async Task<Guid?> NetworkOfAsync(Guid cycleId, CancellationToken ct) =>
        await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => (Guid?)c.NetworkId).FirstOrDefaultAsync(ct);

    private async Task<(Cycle? Cycle, Failure? Denied)> LoadAsync(Guid cycleId, NetworkRole minimum, CancellationToken ct, bool tracked = true, bool includeStewards = false)
    {
        IQueryable<Cycle> query = tracked ? db.Cycles : db.Cycles.AsNoTracking();
        if (includeStewards)
        {
            query = query.Include(c => c.Stewards);
        }
        var cycle = await query.FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return (null, Failure.NotFound);
        }
        return await access.RequireAsync(cycle.NetworkId, minimum, ct) is { } denied ? (null, denied) : (cycle, null);
    }
}
