using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class SpendTeamPage
{
    private SpendSummary? _summary;

    [Inject] private SpendCommands Spend { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery(Name = "year")] private int? Year { get; set; }

    private string Period => _summary?.Year is { } year ? $"in {year}" : "over all years";

    protected override async Task OnParametersSetAsync() => _summary = (await Spend.SummaryAsync(CycleId, Year)).Value;

    private string ListUrl(Guid? category, string? month)
    {
        var query = new List<string>();
        if (category is { } id)
        {
            query.Add($"category={id}");
        }
        if (month is not null)
        {
            query.Add($"month={month}");
        }
        return $"/cycles/{CycleId}/spend" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The chart's data: month names, and one series per need (largest first), for wwwroot/js/spend.js.</summary>
    private static string ChartJson(CurrencySummary money) => JsonSerializer.Serialize(new
    {
        currency = money.Currency,
        labels = money.Months.Select(m => SpendRules.MonthName(m.Month)),
        series = money.Categories.Select(c => new
        {
            label = c.Category,
            data = money.Months.Select(m => m.ByCategory.FirstOrDefault(b => b.CategoryId == c.CategoryId)?.Amount ?? 0m),
        }),
    });
}
