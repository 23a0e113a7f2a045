using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments;

/// <summary>What a dated item of the experiment calendar marks.</summary>
public enum CalendarItemKind
{
    Start,
    ReviewPoint,
    PlannedEnd,
    CountermeasureReview,
}

/// <summary>One dated item: an experiment's start, review point or planned end, or an active countermeasure's review date.</summary>
public sealed record CalendarItem(DateOnly Date, CalendarItemKind Kind, Guid ExperimentId, string ExperimentTitle, ExperimentState ExperimentState,
    Guid CycleId, string CycleName, Guid? CountermeasureId, string? Text);

public sealed record ExperimentCalendarView(Guid NetworkId, string NetworkName, Guid? CycleId, string? CycleName, DateOnly From, DateOnly To,
    IReadOnlyList<CalendarItem> Items);

/// <summary>The experiment calendar of a network or a cycle: when experiments start, are reviewed and are planned to end, and when
/// countermeasures are due to be looked at again. A list of dates, never a schedule to be measured against.</summary>
public sealed class CalendarCommands(AppDbContext db, MapScope scope, TimeProvider clock)
{
    public const int MaxDays = 366;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>The default range: the first of this month to the end of the month after next.</summary>
    public static (DateOnly From, DateOnly To) DefaultRange(DateOnly today)
    {
        var from = new DateOnly(today.Year, today.Month, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }

    public async Task<Outcome<ExperimentCalendarView>> ForNetworkAsync(Guid networkId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        if (await scope.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        if (Range(from, to) is not ({ } start, { } end))
        {
            return RangeError(from, to);
        }
        var name = await db.Networks.Where(n => n.Id == networkId).Select(n => n.Name).FirstAsync(ct);
        var items = await ItemsAsync(db.Experiments.Where(e => e.NetworkId == networkId), db.Countermeasures.Where(c => c.NetworkId == networkId), start, end, ct);
        return new ExperimentCalendarView(networkId, name, null, null, start, end, items);
    }

    public async Task<Outcome<ExperimentCalendarView>> ForCycleAsync(Guid cycleId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (Range(from, to) is not ({ } start, { } end))
        {
            return RangeError(from, to);
        }
        var items = await ItemsAsync(db.Experiments.Where(e => e.CycleId == cycleId), db.Countermeasures.Where(c => c.CycleId == cycleId), start, end, ct);
        return new ExperimentCalendarView(cycle.NetworkId, cycle.NetworkName, cycleId, cycle.CycleName, start, end, items);
    }

    private (DateOnly? From, DateOnly? To) Range(DateOnly? from, DateOnly? to)
    {
        var (defaultFrom, defaultTo) = DefaultRange(Today);
        var start = from ?? (to is { } t ? new DateOnly(t.Year, t.Month, 1).AddMonths(-2) : defaultFrom);
        var end = to ?? (from is { } f ? f.AddMonths(3).AddDays(-1) : defaultTo);
        return end < start || end.DayNumber - start.DayNumber >= MaxDays ? (null, null) : (start, end);
    }

    private static Failure RangeError(DateOnly? from, DateOnly? to) => from is { } f && to is { } t && t < f
        ? Failure.Invalid("to", "The end of the range cannot be before its start.")
        : Failure.Invalid("to", $"Ask for at most {MaxDays} days at a time.");

    private async Task<List<CalendarItem>> ItemsAsync(IQueryable<Experiment> experiments, IQueryable<Countermeasure> countermeasures, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Review points are a list stored with the experiment, so experiments are read with their dates and filtered here.
        var rows = await experiments.AsNoTracking()
            .Where(e => e.StartsOn != null || e.PlannedEndOn != null || e.ReviewPoints.Count > 0)
            .Join(db.Cycles, e => e.CycleId, c => c.Id, (e, c) => new { e.Id, e.Title, e.State, e.CycleId, CycleName = c.Name, e.StartsOn, e.ReviewPoints, e.PlannedEndOn })
            .ToListAsync(ct);
        var items = new List<CalendarItem>();
        foreach (var e in rows)
        {
            void Add(DateOnly? date, CalendarItemKind kind)
            {
                if (date is { } d && d >= from && d <= to)
                {
                    items.Add(new CalendarItem(d, kind, e.Id, e.Title, e.State, e.CycleId, e.CycleName, null, null));
                }
            }
            Add(e.StartsOn, CalendarItemKind.Start);
            foreach (var point in e.ReviewPoints.Distinct())
            {
                Add(point, CalendarItemKind.ReviewPoint);
            }
            Add(e.PlannedEndOn, CalendarItemKind.PlannedEnd);
        }
        var reviews = await countermeasures.AsNoTracking()
            .Where(c => c.Status == CountermeasureStatus.Active && c.ReviewOn >= from && c.ReviewOn <= to)
            .Join(db.Experiments, c => c.ExperimentId, e => e.Id, (c, e) => new { c.Id, c.ReviewOn, c.Rule, c.ExperimentId, e.Title, e.State, c.CycleId })
            .Join(db.Cycles, x => x.CycleId, c => c.Id, (x, c) => new { x.Id, x.ReviewOn, x.Rule, x.ExperimentId, x.Title, x.State, x.CycleId, CycleName = c.Name })
            .ToListAsync(ct);
        items.AddRange(reviews.Select(r => new CalendarItem(r.ReviewOn!.Value, CalendarItemKind.CountermeasureReview, r.ExperimentId, r.Title, r.State,
            r.CycleId, r.CycleName, r.Id, r.Rule)));
        return [.. items.OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.ExperimentTitle, StringComparer.CurrentCultureIgnoreCase)];
    }
}

public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapExperimentCalendar(this RouteGroupBuilder api)
    {
        api.MapGet("/networks/{networkId:guid}/experiment-calendar", async (Guid networkId, DateOnly? from, DateOnly? to, CalendarCommands c, CancellationToken ct) =>
                (await c.ForNetworkAsync(networkId, from, to, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("The network's experiment calendar from from to to (default: this month and the next two; at most 366 days): experiment starts, " +
                "review points, planned ends and countermeasure review dates, in date order.");
        api.MapGet("/cycles/{cycleId:guid}/experiment-calendar", async (Guid cycleId, DateOnly? from, DateOnly? to, CalendarCommands c, CancellationToken ct) =>
                (await c.ForCycleAsync(cycleId, from, to, ct)).ToHttpResult())
            .WithTags("Experiments")
            .WithSummary("The same calendar for one cycle's experiments.");
        return api;
    }
}
