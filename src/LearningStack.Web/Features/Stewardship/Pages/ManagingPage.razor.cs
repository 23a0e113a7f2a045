using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class ManagingPage
{
    private ManagingScope? _scope;
    private bool _notFound;
    private IReadOnlyList<StagePlanView> _plans = [];
    private IReadOnlyList<ResourceView> _resources = [];
    private EnablersBarriersView? _log;
    private IReadOnlyList<ConnectionView> _connections = [];
    private List<string> _itemSummary = [];
    private IReadOnlyDictionary<string, string[]>? _itemErrors;

    [Inject] private ManagingCommands Managing { get; set; } = null!;
    [Inject] private ManagingLogCommands Log { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }
    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromForm(FormName = "managing-item")] private EnablerBarrierInput Item { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "item" => "Added to the enablers and barriers log.",
        "plan" => "Plan saved. Its earlier versions are kept.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Item ??= new();
        var plans = await Managing.PlansAsync(CycleId);
        if (plans.Value is not { } view)
        {
            _notFound = true;
            return;
        }
        _scope = view.Cycle;
        _plans = view.Plans;
        _resources = (await Managing.ResourcesAsync(CycleId)).Value?.Resources ?? [];
        _log = (await Log.LogAsync(CycleId)).Value;
        _connections = (await Log.ForCycleAsync(CycleId)).Value?.Connections ?? [];
    }

    private async Task AddItemAsync()
    {
        Item.Kind ??= EnablerKind.Barrier;
        var result = await Log.AddItemAsync(CycleId, Item);
        (_itemSummary, _itemErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/managing?done=item#log-heading");
    }
}
