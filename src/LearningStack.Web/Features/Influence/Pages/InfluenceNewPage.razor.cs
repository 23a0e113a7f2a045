using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Influence.Pages;

public partial class InfluenceNewPage
{
    private EvidenceChoices? _choices;
    private CycleScope? _cycle;
    private bool _notFound;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private InfluenceCommands Influence { get; set; } = null!;
    [Inject] private MapScope Scope { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromForm(FormName = "influence")] private InfluenceForm Form { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        // Unticked checkbox groups post nothing, which binds as null.
        (Form.ToCycleIds, Form.ExperimentIds, Form.EvidenceIds, Form.SessionIds) = (Form.ToCycleIds ?? [], Form.ExperimentIds ?? [], Form.EvidenceIds ?? [], Form.SessionIds ?? []);
        var (cycle, _) = await Scope.ForCycleAsync(CycleId, NetworkRole.Observer, default);
        var choices = cycle is null ? null : (await Influence.ChoicesAsync(CycleId)).Value;
        (_notFound, _cycle, _choices) = (cycle is null, cycle, choices);
    }

    private List<Guid> Chosen(string name) => name switch
    {
        "ExperimentIds" => Form.ExperimentIds,
        "EvidenceIds" => Form.EvidenceIds,
        _ => Form.SessionIds,
    };

    private async Task SaveAsync()
    {
        var result = await Influence.CreateAsync(CycleId, new InfluenceInput
        {
            Title = Form.Title, Learning = Form.Learning, ToCycleIds = Form.ToCycleIds, ExperimentIds = Form.ExperimentIds, EvidenceIds = Form.EvidenceIds,
            SessionIds = Form.SessionIds,
        });
        (_summary, _errors) = Navigation.AfterSubmit(result, result.IsOk ? $"/influence/{result.Value!.Id}?done=shared" : "");
    }

    public sealed class InfluenceForm
    {
        public string? Title { get; set; }
        public string? Learning { get; set; }
        public List<Guid> ToCycleIds { get; set; } = [];
        public List<Guid> ExperimentIds { get; set; } = [];
        public List<Guid> EvidenceIds { get; set; } = [];
        public List<Guid> SessionIds { get; set; } = [];
    }
}
