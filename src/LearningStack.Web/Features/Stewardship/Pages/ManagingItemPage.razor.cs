using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class ManagingItemPage
{
    private EnablersBarriersView? _log;
    private EnablerBarrierView? _item;
    private bool _notFound, _conflict;
    private List<string> _summary = [], _routeSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors, _routeErrors;

    [Inject] private ManagingLogCommands Log { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid ItemId { get; set; }
    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromForm(FormName = "item")] private EnablerBarrierInput Form { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "route")] private BarrierRouteInput Route { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "routed" => $"Routed. It is now an issue in this cycle's log, waiting for {_item?.RoutedToCycleName} to answer.",
        "saved" => "Saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        Route ??= new();
        await LoadAsync();
        if (_item is { } item && !HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? ""))
        {
            Form = new EnablerBarrierInput { Kind = item.Kind, Text = item.Text, Status = item.Status, StatusNote = item.StatusNote, NoticedOn = item.NoticedOn, Version = item.Version };
        }
    }

    private async Task LoadAsync()
    {
        _item = (await Log.ItemAsync(ItemId)).Value;
        _log = _item is null ? null : (await Log.LogAsync(_item.CycleId)).Value;
        _notFound = _log is null;
    }

    private async Task SaveAsync()
    {
        var result = await Log.UpdateItemAsync(ItemId, Form);
        if (result.Status == OutcomeStatus.Conflict)
        {
            (_conflict, _summary) = (true, [result.ErrorText]);
            await LoadAsync();
            Form.Version = _item?.Version;
            return;
        }
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/enablers-barriers/{ItemId}?done=saved");
    }

    private async Task RouteAsync()
    {
        var result = await Log.RouteBarrierAsync(ItemId, Route);
        if (!result.IsOk)
        {
            await LoadAsync();
        }
        (_routeSummary, _routeErrors) = Navigation.AfterSubmit(result, $"/enablers-barriers/{ItemId}?done=routed");
    }
}
