using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Influence.Pages;

public partial class IssueRoutesPanel
{
    private IssueRoutesView? _view;
    private List<string> _summary = [], _connectSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private RouteCommands Routes { get; set; } = null!;
    [Inject] private LinkCommands Links { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired] public Guid IssueId { get; set; }

    [SupplyParameterFromQuery(Name = "routes")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "route-to")] private Guid? PreselectId { get; set; }

    [SupplyParameterFromForm(FormName = "route")] private RouteForm Form { get; set; } = default!;

    private string Here => $"/issues/{IssueId}";

    private List<RouteOption> Connected => _view?.Options.Where(o => o.Connected && !o.AlreadyRouted).ToList() ?? [];

    private List<RouteOption> Unconnected => _view?.Options.Where(o => !o.Connected).ToList() ?? [];

    private string? DoneText => Done switch
    {
        "routed" => "Issue routed. It is waiting in the other cycle's inbox.",
        "connected" => "Cycles connected. You can route the issue there now.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        var view = (await Routes.ForIssueAsync(IssueId)).Value;
        _view = view;
    }

    private async Task RouteAsync()
    {
        var result = await Routes.RouteAsync(IssueId, new RouteInput { ToCycleId = Form.ToCycleId, Note = Form.Note });
        (_summary, _errors) = Navigation.AfterSubmit(result, $"{Here}?routes=routed#routes-heading");
    }

    private async Task ConnectAsync(Guid cycleId)
    {
        if (_view is not { } view)
        {
            return;
        }
        var result = await Links.CreateAsync(view.NetworkId, new LinkInput { FromCycleId = view.CycleId, ToCycleId = cycleId });
        (_connectSummary, _) = Navigation.AfterSubmit(result, $"{Here}?routes=connected&route-to={cycleId}#route-form-heading");
    }

    public sealed class RouteForm
    {
        public Guid? ToCycleId { get; set; }
        public string? Note { get; set; }
    }
}
