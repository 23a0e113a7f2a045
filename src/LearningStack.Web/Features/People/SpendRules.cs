using System.Globalization;

namespace LearningStack.Web.Features.People;

/// <summary>One entry as the totals need it.</summary>
public sealed record SpendFigure(DateOnly SpentOn, decimal Amount, string Currency, Guid CategoryId, string Category);

/// <summary>How the spend log's totals are worked out, and how money is written. Pure, so it is tested without a database.
/// <para>Totals are added up here, in decimal, after the entries of one cycle are read (a projection of five columns): SQLite
/// cannot sum a decimal column in SQL, and a cycle's spend is hundreds of rows a year, not millions.</para></summary>
public static class SpendRules
{
    /// <summary>Totals by currency, need (largest first, then by name) and month (oldest first, every month from the first to the
    /// last with spend). Shares are whole percentages of the currency's total, so they are honest rather than summing to 100.</summary>
    public static IReadOnlyList<CurrencySummary> Summarise(IEnumerable<SpendFigure> figures) =>
    [
        .. figures.GroupBy(f => f.Currency).Select(byCurrency =>
        {
            var total = byCurrency.Sum(f => f.Amount);
            var categories = byCurrency.GroupBy(f => f.CategoryId)
                .Select(g => new CategoryTotal(g.Key, g.First().Category, g.Sum(f => f.Amount), g.Count(), Share(g.Sum(f => f.Amount), total)))
                .OrderByDescending(c => c.Amount).ThenBy(c => c.Category, StringComparer.CurrentCultureIgnoreCase)
                .ToList();
            var first = byCurrency.Min(f => MonthStart(f.SpentOn));
            var last = byCurrency.Max(f => MonthStart(f.SpentOn));
            var months = new List<MonthTotal>();
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                var inMonth = byCurrency.Where(f => MonthStart(f.SpentOn) == month).ToList();
                months.Add(new MonthTotal(MonthKey(month), inMonth.Sum(f => f.Amount),
                    [.. inMonth.GroupBy(f => f.CategoryId).Select(g => new CategoryMonth(g.Key, g.Sum(f => f.Amount), g.Count()))]));
            }
            return new CurrencySummary(byCurrency.Key, total, byCurrency.Count(), categories, months);
        })
        .OrderByDescending(c => c.Count).ThenBy(c => c.Currency, StringComparer.Ordinal),
    ];

    public static int Share(decimal part, decimal whole) => whole <= 0 ? 0 : (int)Math.Round(part * 100m / whole, MidpointRounding.AwayFromZero);

    public static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first and last day of a month written "2026-03", or null if it is not one.</summary>
    public static (DateOnly From, DateOnly To)? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? (start, start.AddMonths(1).AddDays(-1))
            : null;

    /// <summary>"March 2026".</summary>
    public static string MonthName(string month) =>
        ParseMonth(month) is { } range ? range.From.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : month;

    /// <summary>"£1,240.00" for the currencies people here use most, "1,240.00 CHF" for others.</summary>
    public static string Money(decimal amount, string currency)
    {
        var number = amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return currency switch
        {
            "GBP" => "£" + number,
            "EUR" => "€" + number,
            "USD" => "US$" + number,
            _ => number + " " + currency,
        };
    }

    /// <summary>"furniture: £1,240.00, 31% of spend in 2026" — a need's share in plain words.</summary>
    public static string ShareText(CategoryTotal category, string currency, string period) =>
        $"{category.Category}: {Money(category.Amount, currency)}, {category.SharePercent}% of spend {period}";

    /// <summary>Whether the amount has at most two decimal places.</summary>
    public static bool IsWholePence(decimal amount) => decimal.Round(amount, 2) == amount;
}
