using System.Globalization;
using LearningStack.Web.Features.Influence;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Planned and used in one month of a time allocation, with the difference in words.</summary>
public sealed record MonthFigure(DateOnly Month, decimal Planned, decimal Used, string Words);

/// <summary>The rules of managing a cycle that need no database: figures for time and money, and when a barrier may be routed.
/// Figures are stated plainly — a month with more hours than planned is a fact to talk about, not a failure to colour.</summary>
public static class ManagingRules
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateOnly MonthStart(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>Hours planned and used per month, from the month the allocation starts (or the first use, if earlier) to this month
    /// (or the last use, if later), oldest first.</summary>
    public static IReadOnlyList<MonthFigure> TimeByMonth(decimal hoursPerMonth, DateOnly startsOn, IEnumerable<(DateOnly On, decimal Hours)> uses, DateOnly today)
    {
        var used = uses.GroupBy(u => MonthStart(u.On)).ToDictionary(g => g.Key, g => g.Sum(u => u.Hours));
        var start = MonthStart(startsOn);
        var first = used.Count == 0 ? start : new[] { start, used.Keys.Min() }.Min();
        var last = used.Count == 0 ? MonthStart(today) : new[] { MonthStart(today), used.Keys.Max() }.Max();
        var months = new List<MonthFigure>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var planned = month >= start ? hoursPerMonth : 0m;
            var hours = used.GetValueOrDefault(month);
            months.Add(new MonthFigure(month, planned, hours, TimeWords(planned, hours, month == MonthStart(today))));
        }
        return months;
    }

    /// <summary>"12 hours more than planned this month", "8 of 20 hours not used", "as planned".</summary>
    public static string TimeWords(decimal planned, decimal used, bool thisMonth)
    {
        var when = thisMonth ? "this month" : "that month";
        if (used > planned)
        {
            return planned == 0 ? $"{Hours(used)} used, none planned {when}" : $"{Hours(used - planned)} more than planned {when}";
        }
        if (used < planned)
        {
            return thisMonth ? $"{Hours(planned - used)} of {Number(planned)} planned still to use {when}" : $"{Hours(planned - used)} of {Number(planned)} planned not used {when}";
        }
        return planned == 0 ? "none planned, none used" : $"as planned {when}";
    }

    /// <summary>"£120.00 of £1,500.00 used; £1,380.00 left", or "£80.00 more than planned".</summary>
    public static string MoneyWords(decimal allocated, decimal used, string currency)
    {
        if (used > allocated)
        {
            return $"{Money(used, currency)} used: {Money(used - allocated, currency)} more than planned";
        }
        return $"{Money(used, currency)} of {Money(allocated, currency)} used; {Money(allocated - used, currency)} left";
    }

    public static string Hours(decimal hours) => hours == 1 ? "1 hour" : $"{Number(hours)} hours";

    public static string Number(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", English);

    public static string Money(decimal amount, string currency) => currency switch
    {
        "GBP" => "£" + amount.ToString("#,0.00", English),
        "EUR" => "€" + amount.ToString("#,0.00", English),
        "USD" => "$" + amount.ToString("#,0.00", English),
        _ => $"{amount.ToString("#,0.00", English)} {currency}",
    };

    /// <summary>A currency as ISO 4217 writes it: three letters, in capitals.</summary>
    public static bool IsCurrency(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>Whether an enabler-or-barrier entry may become a routed issue (the target cycle is checked by
    /// <see cref="RoutingRules.CheckTarget"/> afterwards). Null when it may.</summary>
    public static RouteRefusal? CheckBarrier(EnablerKind kind, EnablerStatus status, bool alreadyRouted, string? routedTo)
    {
        if (kind != EnablerKind.Barrier)
        {
            return new("kind", "Only a barrier can be routed: an enabler is something that already helps.");
        }
        if (alreadyRouted)
        {
            return new("toCycleId", routedTo is null
                ? "This barrier has already been turned into an issue. Follow that issue instead."
                : $"This barrier has already been routed to '{routedTo}'. Follow that route instead.", IsConflict: true);
        }
        if (status == EnablerStatus.Addressed)
        {
            return new("status", "This barrier is marked as addressed. Open it again first, then route it.", IsConflict: true);
        }
        return null;
    }

    /// <summary>Who may change plans and resources: a steward of the network, or a member who stewards this cycle.</summary>
    public static bool CanSteward(Networks.NetworkRole? role, bool stewardsCycle) =>
        role == Networks.NetworkRole.Steward || (role >= Networks.NetworkRole.Member && stewardsCycle);
}
