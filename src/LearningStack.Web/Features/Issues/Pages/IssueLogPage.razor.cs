using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Issues.Pages;

public partial class IssueLogPage
{
    private IssuePage? _page;
    private IssueSummary? _summary;
    private List<string>? _invalid;
    private bool _notFound;

    [Inject] private IssueCommands Issues { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private int? Level { get; set; }
    [SupplyParameterFromQuery] private string? Owner { get; set; }
    [SupplyParameterFromQuery] private string? Status { get; set; }
    [SupplyParameterFromQuery] private string? Tag { get; set; }
    [SupplyParameterFromQuery] private string? Sort { get; set; }
    [SupplyParameterFromQuery] private string? Dir { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private int? PageNumber { get; set; }

    private bool Filtered => _page is { } p && (p.Level is not null || p.Owner is not null || p.Status is not null || p.Tag is not null);

    protected override async Task OnInitializedAsync()
    {
        var result = await Issues.ListAsync(CycleId, new IssueQuery(Level is 0 ? null : Level, Owner, Status, Tag, Sort, Dir, PageNumber));
        var summary = result.IsOk ? (await Issues.SummaryAsync(CycleId)).Value : null;
        (_notFound, _invalid, _page, _summary) = (result.Status is Platform.OutcomeStatus.NotFound or Platform.OutcomeStatus.Forbidden,
            result.Status == Platform.OutcomeStatus.Invalid ? Understanding.Pages.FormErrors.Summary(result) : null, result.Value, summary);
    }

    /// <summary>The log's address with the current view, changing what is given (an empty string or 0 clears a filter).</summary>
    private string Url(int? level = null, string? owner = null, string? status = null, string? tag = null, int? pageNumber = null, string? sort = null, string? dir = null)
    {
        var p = _page!;
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        var lv = level ?? (p.Level is { } l ? (int)l : 0);
        Add("level", lv == 0 ? null : lv.ToString(CultureInfo.InvariantCulture));
        Add("owner", owner ?? p.Owner?.ToString());
        Add("status", status ?? p.Status?.ToString());
        Add("tag", tag ?? p.Tag);
        Add("sort", sort ?? p.Sort);
        Add("dir", dir ?? p.Dir);
        var pg = pageNumber ?? p.Page;
        Add("page", pg > 1 ? pg.ToString(CultureInfo.InvariantCulture) : null);
        return $"/cycles/{CycleId}/issues" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>Sorting by a column: ascending first (updated: newest first), the other way when already sorted by it.</summary>
    private string SortUrl(string key)
    {
        var p = _page!;
        var dir = p.Sort == key ? (p.Dir == "asc" ? "desc" : "asc") : key == "updated" ? "desc" : "asc";
        return Url(sort: key, dir: dir, pageNumber: 1);
    }

    private static string SortLabel(string key) => key switch
    {
        "level" => "level",
        "owner" => "owner",
        "status" => "status",
        "updated" => "last change",
        _ => "number",
    };

    private static string? Short(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
