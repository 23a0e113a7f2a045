using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Looks up the cycle being managed and what the caller may do there, once per command; and the history of records.</summary>
public sealed class ManagingAccess(AppDbContext db, NetworkAccess access)
{
    public string? UserId => access.UserId;

    public async Task<(ManagingScope? Scope, Failure? Denied)> ForCycleAsync(Guid cycleId, NetworkRole minimum, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.NetworkId, c.Name, NetworkName = n.Name }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return (null, Failure.NotFound);
        }
        if (await access.RequireAsync(cycle.NetworkId, minimum, ct) is { } denied)
        {
            return (null, denied);
        }
        var role = (await access.RoleAsync(cycle.NetworkId, ct))!.Value;
        var userId = access.UserId;
        var stewardsCycle = role != NetworkRole.Steward && userId is not null
            && await db.CycleStewards.AnyAsync(s => s.CycleId == cycleId && s.UserId == userId, ct);
        return (new ManagingScope(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, role, ManagingRules.CanSteward(role, stewardsCycle)), null);
    }

    /// <summary>As <see cref="ForCycleAsync"/>, and refused (403) unless the caller stewards the cycle or the network.</summary>
    public async Task<(ManagingScope? Scope, Failure? Denied)> ForStewardingAsync(Guid cycleId, CancellationToken ct)
    {
        var (scope, denied) = await ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return (null, denied);
        }
        return scope.CanSteward ? (scope, null)
            : (null, new Failure(OutcomeStatus.Forbidden, Message: "Only the cycle's stewards, or a steward of the network, can change its plans and resources."));
    }

    /// <summary>The history of records of one type, newest first, by record.</summary>
    public async Task<Dictionary<Guid, List<HistoryLine>>> HistoryAsync(string entityType, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.History.AsNoTracking().Where(h => h.EntityType == entityType && ids.Contains(h.EntityId))
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new { h.EntityId, h.Action, h.UserName, h.At, h.Before, h.After }).ToListAsync(ct);
        return rows.GroupBy(r => r.EntityId)
            .ToDictionary(g => g.Key, g => g.Select(h => new HistoryLine(h.Action, h.UserName, h.At, HistoryText.Changes(h.Before, h.After))).ToList());
    }
}

/// <summary>Plans per stage and the cycle's resources (time, money, other) with what has been used: every rule, for pages and API alike.
/// Reading is open to everyone in the network; plans and allocations are changed by the cycle's stewards and the network's stewards;
/// any member can write down what was used, as it happens.</summary>
public sealed class ManagingCommands(AppDbContext db, ManagingAccess access, CurrentUser currentUser, TimeProvider clock, IOptions<SpendOptions> spend)
{
    public string DefaultCurrency => spend.Value.DefaultCurrency;

    public Task<(ManagingScope? Scope, Failure? Denied)> ScopeAsync(Guid cycleId, CancellationToken ct = default) =>
        access.ForCycleAsync(cycleId, NetworkRole.Observer, ct);

    // ---- plans per stage ------------------------------------------------------------------------------------------

    public async Task<Outcome<StagePlansView>> PlansAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        return new StagePlansView(scope, await PlanViewsAsync(cycleId, ct));
    }

    public async Task<Outcome<StagePlanView>> PlanAsync(Guid cycleId, string stage, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (ParseStage(stage) is not { } which)
        {
            return StageUnknown;
        }
        return (await PlanViewsAsync(cycleId, ct)).Single(p => p.Stage == which);
    }

    /// <summary>Writes a stage's plan as a whole (creating it the first time; the version read last is needed after that).</summary>
    public async Task<Outcome<StagePlanView>> SavePlanAsync(Guid cycleId, string stage, StagePlanInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForStewardingAsync(cycleId, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (ParseStage(stage) is not { } which)
        {
            return StageUnknown;
        }
        var errors = InputValidation.Check(input)?.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [];
        if (input is { StartsOn: { } from, EndsOn: { } to } && to < from)
        {
            errors["endsOn"] = ["The end date is before the start date."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var plan = await db.StagePlans.FirstOrDefaultAsync(p => p.CycleId == cycleId && p.Stage == which, ct);
        if (plan is null)
        {
            plan = new StagePlan { NetworkId = scope.NetworkId, CycleId = cycleId, Stage = which };
            db.StagePlans.Add(plan);
        }
        else if (Concurrency.Check(db, plan, input.Version) is { } stale)
        {
            return stale;
        }
        plan.WhatWillHappen = MapText.Clean(input.WhatWillHappen);
        plan.WhoWillBeConvened = MapText.Clean(input.WhoWillBeConvened);
        plan.When = MapText.Clean(input.When);
        plan.StartsOn = input.StartsOn;
        plan.EndsOn = input.EndsOn;
        plan.UpdatedByName = currentUser.DisplayName;
        plan.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or the same stage's first plan saved by someone else at the same moment.
            return Failure.Conflict;
        }
        return (await PlanViewsAsync(cycleId, ct)).Single(p => p.Stage == which);
    }

    private async Task<List<StagePlanView>> PlanViewsAsync(Guid cycleId, CancellationToken ct)
    {
        var plans = await db.StagePlans.AsNoTracking().Where(p => p.CycleId == cycleId).ToListAsync(ct);
        var history = await access.HistoryAsync(nameof(StagePlan), plans.Select(p => p.Id).ToList(), ct);
        return Enum.GetValues<Stage>().Select(stage => plans.FirstOrDefault(p => p.Stage == stage) is { } p
                ? new StagePlanView(p.Id, stage, p.WhatWillHappen, p.WhoWillBeConvened, p.When, p.StartsOn, p.EndsOn, p.UpdatedByName, p.UpdatedAt, p.Version,
                    history.GetValueOrDefault(p.Id) ?? [])
                : new StagePlanView(null, stage, null, null, null, null, null, null, null, null, []))
            .ToList();
    }

    public static Stage? ParseStage(string? text) =>
        Enum.TryParse<Stage>(text?.Trim(), ignoreCase: true, out var stage) && Enum.IsDefined(stage) && !int.TryParse(text, out _) ? stage : null;

    private static Failure StageUnknown => Failure.Invalid("stage", "Use one of the five stages: UnderstandTheSystem, CoDesign, Experiment, EmbedAndInfluence or Stewardship.");

    // ---- resources ------------------------------------------------------------------------------------------------

    public async Task<Outcome<ResourcesView>> ResourcesAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        return new ResourcesView(scope, DefaultCurrency, await ResourceViewsAsync(db.CycleResources.Where(r => r.CycleId == cycleId), ct));
    }

    public async Task<Outcome<ResourceView>> ResourceAsync(Guid resourceId, CancellationToken ct = default)
    {
        var cycleId = await db.CycleResources.AsNoTracking().Where(r => r.Id == resourceId).Select(r => (Guid?)r.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(cycleId.Value, NetworkRole.Observer, ct);
        if (scope is null)
        {
            return denied!;
        }
        return (await ResourceViewsAsync(db.CycleResources.Where(r => r.Id == resourceId), ct))[0];
    }

    public async Task<Outcome<ResourceView>> AddResourceAsync(Guid cycleId, ResourceInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ForStewardingAsync(cycleId, ct);
        if (scope is null)
        {
            return denied!;
        }
        if ((CheckResource(input, hasUses: false, currentKind: null) ?? await SpendLogTakenAsync(cycleId, null, input, ct)) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var resource = new CycleResource { NetworkId = scope.NetworkId, CycleId = cycleId, Name = "", CreatedAt = now };
        Apply(resource, input, now);
        db.CycleResources.Add(resource);
        if (await SaveCountingSpendLogAsync(resource, ct) is { } taken)
        {
            return taken;
        }
        return (await ResourceViewsAsync(db.CycleResources.Where(r => r.Id == resource.Id), ct))[0];
    }

    public async Task<Outcome<ResourceView>> UpdateResourceAsync(Guid resourceId, ResourceInput input, CancellationToken ct = default)
    {
        var resource = await db.CycleResources.FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForStewardingAsync(resource.CycleId, ct);
        if (scope is null)
        {
            return denied!;
        }
        var hasUses = await db.ResourceUses.AnyAsync(u => u.ResourceId == resourceId, ct);
        if ((CheckResource(input, hasUses, resource.Kind) ?? await SpendLogTakenAsync(resource.CycleId, resourceId, input, ct)) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, resource, input.Version) is { } stale)
        {
            return stale;
        }
        Apply(resource, input, clock.GetUtcNow());
        if (await SaveCountingSpendLogAsync(resource, ct) is { } failed)
        {
            return failed;
        }
        return (await ResourceViewsAsync(db.CycleResources.Where(r => r.Id == resourceId), ct))[0];
    }

    /// <summary>Writes down some of a resource used (members): hours or money, or for other resources an optional quantity.</summary>
    public async Task<Outcome<ResourceUseView>> AddUseAsync(Guid resourceId, ResourceUseInput input, CancellationToken ct = default)
    {
        var resource = await db.CycleResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(resource.CycleId, NetworkRole.Member, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (CheckUse(resource.Kind, input) is { } invalid)
        {
            return invalid;
        }
        var use = new ResourceUse
        {
            NetworkId = resource.NetworkId, CycleId = resource.CycleId, ResourceId = resourceId, RecordedById = currentUser.UserId,
            RecordedByName = currentUser.DisplayName, CreatedAt = clock.GetUtcNow(),
        };
        ApplyUse(use, input);
        db.ResourceUses.Add(use);
        await db.SaveChangesAsync(ct);
        return UseView(use);
    }

    public async Task<Outcome<ResourceUseView>> UpdateUseAsync(Guid useId, ResourceUseInput input, CancellationToken ct = default)
    {
        var use = await db.ResourceUses.FirstOrDefaultAsync(u => u.Id == useId, ct);
        if (use is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.ForCycleAsync(use.CycleId, NetworkRole.Member, ct);
        if (scope is null)
        {
            return denied!;
        }
        var kind = await db.CycleResources.Where(r => r.Id == use.ResourceId).Select(r => r.Kind).FirstAsync(ct);
        if (CheckUse(kind, input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, use, input.Version) is { } stale)
        {
            return stale;
        }
        ApplyUse(use, input);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return UseView(use);
    }

    private Failure? CheckResource(ResourceInput input, bool hasUses, ResourceKind? currentKind)
    {
        var errors = InputValidation.Check(input)?.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [];
        if (input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors["kind"] = ["Choose Time, Money or Other."];
        }
        else if (hasUses && currentKind is { } was && input.Kind is { } now && now != was)
        {
            errors["kind"] = ["Uses have been written down against this resource, so its kind cannot change. Add a new resource instead."];
        }
        if (input.Name is not null && string.IsNullOrWhiteSpace(input.Name) && !errors.ContainsKey("name"))
        {
            errors["name"] = ["Say what the resource is, or whose time it is."];
        }
        switch (input.Kind)
        {
            case ResourceKind.Time when input.HoursPerMonth is not ({ } h and > 0 and <= ManagingLimits.MaxHoursPerMonth):
                errors["hoursPerMonth"] = ["Give the hours a month, more than 0 (for example 20)."];
                break;
            case ResourceKind.Money when input.Amount is not ({ } a and > 0 and <= ManagingLimits.MaxAmount) || decimal.Round(input.Amount.Value, 2) != input.Amount.Value:
                errors["amount"] = ["Give the amount, more than 0, with at most two decimal places (for example 1500 or 1500.50)."];
                break;
        }
        if (input.Kind == ResourceKind.Money && !ManagingRules.IsCurrency(Currency(input.Currency)))
        {
            errors["currency"] = ["Use a three-letter currency code, such as GBP or EUR."];
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    /// <summary>Another money resource of the cycle already counts the spend log in this currency: only one may, or each purchase
    /// would be counted twice.</summary>
    private async Task<Failure?> SpendLogTakenAsync(Guid cycleId, Guid? resourceId, ResourceInput input, CancellationToken ct)
    {
        if (!input.CountsSpendLog || input.Kind != ResourceKind.Money)
        {
            return null;
        }
        var currency = Currency(input.Currency);
        return await CountingSpendLogAsync(cycleId, currency, resourceId, ct) is { } other ? SpendLogTaken(other, currency) : null;
    }

    /// <summary>The name of the cycle's resource (other than <paramref name="exceptId"/>) that counts its spend log in this currency.</summary>
    private Task<string?> CountingSpendLogAsync(Guid cycleId, string currency, Guid? exceptId, CancellationToken ct) =>
        db.CycleResources.AsNoTracking()
            .Where(r => r.CycleId == cycleId && r.CountsSpendLog && r.Currency == currency && r.Id != exceptId)
            .Select(r => r.Name).FirstOrDefaultAsync(ct);

    private static Failure SpendLogTaken(string other, string currency) => Failure.Invalid("countsSpendLog",
        $"“{other}” already counts this cycle's spend log in {currency}. Only one resource can, so that no purchase is counted twice: untick it there first.");

    /// <summary>Saves a new or changed resource; if another steward made a second resource count the same spend log at the same
    /// moment, the unique index refuses it and the steward gets the same field error as the check before saving.</summary>
    private async Task<Failure?> SaveCountingSpendLogAsync(CycleResource resource, CancellationToken ct)
    {
        try
        {
            return await Concurrency.TrySaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (resource.CountsSpendLog && AlarmEvaluation.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var other = await CountingSpendLogAsync(resource.CycleId, resource.Currency!, resource.Id, ct);
            return SpendLogTaken(other ?? "Another resource", resource.Currency!);
        }
    }

    private string Currency(string? typed) => string.IsNullOrWhiteSpace(typed) ? DefaultCurrency : typed.Trim().ToUpperInvariant();

    private void Apply(CycleResource resource, ResourceInput input, DateTimeOffset now)
    {
        resource.Kind = input.Kind!.Value;
        resource.Name = input.Name!.Trim();
        resource.HoursPerMonth = resource.Kind == ResourceKind.Time ? input.HoursPerMonth : null;
        resource.Amount = resource.Kind == ResourceKind.Money ? input.Amount : null;
        resource.Currency = resource.Kind == ResourceKind.Money ? Currency(input.Currency) : null;
        resource.Details = MapText.Clean(input.Details);
        resource.StartsOn = ManagingRules.MonthStart(input.StartsOn ?? DateOnly.FromDateTime(now.UtcDateTime));
        resource.CountsSpendLog = resource.Kind == ResourceKind.Money && input.CountsSpendLog;
        resource.UpdatedAt = now;
    }

    private static Failure? CheckUse(ResourceKind kind, ResourceUseInput input)
    {
        var errors = InputValidation.Check(input)?.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [];
        if (input.Amount is { } amount && (amount < 0 || amount > ManagingLimits.MaxAmount || decimal.Round(amount, 2) != amount))
        {
            errors["amount"] = ["Give a number from 0, with at most two decimal places."];
        }
        else if (kind != ResourceKind.Other && input.Amount is not > 0)
        {
            errors["amount"] = [kind == ResourceKind.Time ? "Give the hours used, more than 0 (for example 3.5)." : "Give the amount used, more than 0."];
        }
        else if (kind == ResourceKind.Other && input.Amount is null && string.IsNullOrWhiteSpace(input.Note))
        {
            errors["note"] = ["Say what was used, or give a quantity."];
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    private void ApplyUse(ResourceUse use, ResourceUseInput input)
    {
        use.UsedOn = input.UsedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        use.Amount = input.Amount;
        use.Note = MapText.Clean(input.Note);
    }

    private static ResourceUseView UseView(ResourceUse u) => new(u.Id, u.ResourceId, u.UsedOn, u.Amount, u.Note, u.RecordedByName, u.CreatedAt, u.Version);

    /// <summary>Resources with their uses and figures: two queries, and one more for each resource that counts the spend log.</summary>
    private async Task<List<ResourceView>> ResourceViewsAsync(IQueryable<CycleResource> query, CancellationToken ct)
    {
        var resources = await query.AsNoTracking().ToListAsync(ct);
        var ids = resources.Select(r => r.Id).ToList();
        var uses = ids.Count == 0 ? [] : await db.ResourceUses.AsNoTracking().Where(u => ids.Contains(u.ResourceId)).ToListAsync(ct);
        var spendLog = new Dictionary<Guid, SpendLogFigure>();
        foreach (var r in resources.Where(r => r.CountsSpendLog))
        {
            spendLog[r.Id] = await SpendLogAsync(r, ct);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return resources.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).Select(r =>
        {
            var mine = uses.Where(u => u.ResourceId == r.Id).OrderByDescending(u => u.UsedOn).ThenByDescending(u => u.CreatedAt).ToList();
            var fromLog = spendLog.GetValueOrDefault(r.Id);
            var used = mine.Sum(u => u.Amount ?? 0m) + (fromLog?.Amount ?? 0m);
            var months = r.Kind == ResourceKind.Time
                ? ManagingRules.TimeByMonth(r.HoursPerMonth ?? 0, r.StartsOn, mine.Select(u => (u.UsedOn, u.Amount ?? 0m)), today)
                : [];
            var summary = r.Kind switch
            {
                ResourceKind.Time => months.Count == 0 ? ""
                    : $"{ManagingRules.Hours(months[^1].Used)} used this month, {ManagingRules.Number(months[^1].Planned)} planned: {months[^1].Words}",
                ResourceKind.Money => ManagingRules.MoneyWords(r.Amount ?? 0, used, r.Currency ?? DefaultCurrency),
                _ => mine.Count == 1 ? "Used once so far" : $"Used {mine.Count} times so far",
            };
            return new ResourceView(r.Id, r.CycleId, r.Kind, r.Name, r.HoursPerMonth, r.Amount, r.Currency, r.Details, r.StartsOn, r.CountsSpendLog, used, fromLog,
                summary, months, mine.Select(UseView).ToList(), r.Version);
        }).ToList();
    }

    /// <summary>The purchases logged in the resource's cycle in its currency from its first month on, totalled by the database.
    /// Purchases for a person's case count in the total like any other; which case each was for is not read.</summary>
    private async Task<SpendLogFigure> SpendLogAsync(CycleResource r, CancellationToken ct)
    {
        var figure = await db.SpendEntries
            .Where(e => e.CycleId == r.CycleId && e.Currency == r.Currency && e.SpentOn >= r.StartsOn)
            .GroupBy(e => 1).Select(g => new SpendLogFigure(g.Sum(e => e.Amount), g.Count()))
            .FirstOrDefaultAsync(ct);
        return figure ?? new SpendLogFigure(0m, 0);
    }
}
