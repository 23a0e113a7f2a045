using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Understanding.Pages;

public partial class ProcessMapPage
{
    private ProcessMapView? _map;
    private bool _notFound;
    private ProcessStepView? _removing;
    private IReadOnlyList<string> _actorNames = [];
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private ProcessCommands Process { get; set; } = null!;
    [Inject] private MapCommands Maps { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromQuery] private Guid? Edit { get; set; }
    [SupplyParameterFromQuery(Name = "remove")] private Guid? RemoveId { get; set; }

    [SupplyParameterFromForm(FormName = "step")] private StepForm Step { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-step")] private RemoveForm RemoveStep { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "move-step")] private MoveForm Move { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "added" => "Step added.",
        "saved" => "Step saved.",
        "removed" => "Step removed.",
        "moved" => "Step moved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Step ??= new();
        RemoveStep ??= new();
        Move ??= new();
        var result = await Process.GetAsync(CycleId);
        _notFound = !result.IsOk;
        _map = result.Value;
        if (_map is null)
        {
            return;
        }
        _actorNames = (await Maps.ActorMapAsync(CycleId)).Value?.Actors.Select(a => a.Name).ToList() ?? [];
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        if (!isPost && Edit is { } id && _map.Steps.FirstOrDefault(s => s.Id == id) is { } editing)
        {
            Step = new StepForm
            {
                Id = editing.Id, Description = editing.Description, Responsible = editing.Responsible, Demand = editing.Demand, Notes = editing.Notes,
                Position = editing.Position, Version = editing.Version,
            };
        }
        _removing = _map.Steps.FirstOrDefault(s => s.Id == RemoveId);
    }

    private async Task SaveAsync()
    {
        var input = new ProcessStepInput
        {
            Description = Step.Description, Responsible = Step.Responsible, Demand = Step.Demand, Notes = Step.Notes, Position = Step.Position, Version = Step.Version,
        };
        var result = Step.Id is { } id ? await Process.UpdateAsync(id, input) : await Process.CreateAsync(CycleId, input);
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/process-map?done={(Step.Id is null ? "added" : "saved")}#flow-heading");
    }

    private async Task RemoveAsync()
    {
        var result = RemoveStep.Id is { } id ? await Process.DeleteAsync(id) : Platform.Failure.NotFound;
        Navigation.NavigateTo($"/cycles/{CycleId}/process-map?done={(result.IsOk ? "removed" : "")}#flow-heading");
    }

    private async Task MoveAsync()
    {
        var parts = (Move.Target ?? "").Split(':');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var id) && int.TryParse(parts[1], out var by))
        {
            await Process.MoveAsync(id, by);
        }
        Navigation.NavigateTo($"/cycles/{CycleId}/process-map?done=moved#flow-heading");
    }

    public sealed class StepForm
    {
        public Guid? Id { get; set; }
        public string? Description { get; set; }
        public string? Responsible { get; set; }
        public DemandKind? Demand { get; set; }
        public string? Notes { get; set; }
        public int? Position { get; set; }
        public int? Version { get; set; }
    }

    public sealed class MoveForm
    {
        public string? Target { get; set; }
    }
}
