using System.Globalization;
using System.Text.Json;
using LearningStack.Web.Features.Issues;

namespace LearningStack.Web.Features.Stewardship.Pages;

/// <summary>Words and formats shared by the managing pages.</summary>
public static class ManagingText
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", English);

    public static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", English);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", English);

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    public static string Kind(ResourceKind kind) => kind switch
    {
        ResourceKind.Time => "Time",
        ResourceKind.Money => "Money",
        _ => "Other",
    };

    public static string Kind(EnablerKind kind) => kind == EnablerKind.Enabler ? "Helps" : "Gets in the way";

    public static string Status(EnablerStatus status) => status == EnablerStatus.Open ? "Still there" : "Addressed";

    public static string Level(IssueLevel level) => level switch
    {
        IssueLevel.Individual => "1 — what I or others do",
        IssueLevel.System => "2 — how this system works",
        _ => "3 — how other systems affect this one",
    };

    /// <summary>What the spend log has drawn on a money resource, in words: "£1,045.94 from 10 purchases in the spend log since September 2026".</summary>
    public static string SpendLog(ResourceView r, SpendLogFigure log) => log.Purchases == 0
        ? $"no purchases in {r.Currency} since {Month(r.StartsOn)}"
        : $"{ManagingRules.Money(log.Amount, r.Currency ?? "GBP")} from {(log.Purchases == 1 ? "1 purchase" : $"{log.Purchases:N0} purchases")} in the spend log since {Month(r.StartsOn)}";

    public static string Allocation(ResourceView r) => r.Kind switch
    {
        ResourceKind.Time => $"{ManagingRules.Hours(r.HoursPerMonth ?? 0)} a month from {Month(r.StartsOn)}",
        ResourceKind.Money => ManagingRules.Money(r.Amount ?? 0, r.Currency ?? "GBP"),
        _ => r.Details ?? "",
    };

    public static string UseAmount(ResourceView r, ResourceUseView u) => u.Amount is not { } amount ? ""
        : r.Kind switch
        {
            ResourceKind.Time => ManagingRules.Hours(amount),
            ResourceKind.Money => ManagingRules.Money(amount, r.Currency ?? "GBP"),
            _ => ManagingRules.Number(amount),
        };

    /// <summary>The chart's data for js/managing.js: months, hours planned and used.</summary>
    public static string ChartJson(ResourceView r) => JsonSerializer.Serialize(new
    {
        label = r.Name,
        months = r.Months.Select(m => m.Month.ToString("MMM yyyy", English)),
        planned = r.Months.Select(m => m.Planned),
        used = r.Months.Select(m => m.Used),
    });

    public static string ChartLabel(ResourceView r) =>
        $"Bar chart of hours used each month for {r.Name}, with the {ManagingRules.Number(r.HoursPerMonth ?? 0)} hours planned each month as a line. The same figures are in the table beside it.";
}
