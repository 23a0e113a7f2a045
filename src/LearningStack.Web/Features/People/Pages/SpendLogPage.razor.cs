using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class SpendLogPage
{
    private SpendList? _list;
    private bool _notFound;
    private List<string>? _invalid;

    [Inject] private SpendCommands Spend { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery(Name = "category")] private Guid? Category { get; set; }
    [SupplyParameterFromQuery(Name = "month")] private string? Month { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private int? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    private bool Filtered => Category is not null || !string.IsNullOrEmpty(Month);

    private int Pages => _list is { } l ? Math.Max(1, (l.Total + l.PageSize - 1) / l.PageSize) : 1;

    private string? DoneText => Done switch
    {
        "added" => "Spend logged.",
        _ => null,
    };

    private string FilterText
    {
        get
        {
            var parts = new List<string>();
            if (_list?.Categories.FirstOrDefault(c => c.Id == _list.Category) is { } category)
            {
                parts.Add($"on {category.Name}");
            }
            if (_list?.Month is { } month)
            {
                parts.Add($"in {SpendRules.MonthName(month)}");
            }
            return parts.Count == 0 ? "" : " " + string.Join(" ", parts);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var result = await Spend.ListAsync(CycleId, new SpendQuery(Category, Month, PageNumber));
        _list = result.Value;
        _invalid = result.Status == Platform.OutcomeStatus.Invalid ? Understanding.Pages.FormErrors.Summary(result) : null;
        _notFound = _list is null && _invalid is null;
    }

    private string PageUrl(int page)
    {
        var query = new List<string>();
        if (Category is { } category)
        {
            query.Add($"category={category}");
        }
        if (!string.IsNullOrEmpty(_list?.Month))
        {
            query.Add($"month={_list.Month}");
        }
        query.Add($"page={page}");
        return $"/cycles/{CycleId}/spend?{string.Join("&", query)}";
    }
}
