using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Understanding.Pages;

public partial class FactorMapPage
{
    private FactorMapView? _map;
    private bool _notFound;
    private FactorView? _removing;
    private CausalLinkView? _removingLink;
    private LoopAnalysisView? _analysis;
    private FactorTrees? _trees;
    private List<string> _factorSummary = [];
    private IReadOnlyDictionary<string, string[]>? _factorErrors;
    private List<string> _linkSummary = [];
    private IReadOnlyDictionary<string, string[]>? _linkErrors;
    private List<string> _loopErrors = [];

    [Inject] private MapCommands Maps { get; set; } = null!;
    [Inject] private FactorAnalysisCommands Analysis { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromQuery] private Guid? Edit { get; set; }
    [SupplyParameterFromQuery(Name = "remove")] private Guid? RemoveId { get; set; }
    [SupplyParameterFromQuery] private Guid? EditLink { get; set; }
    [SupplyParameterFromQuery(Name = "removeLink")] private Guid? RemoveLinkId { get; set; }
    [SupplyParameterFromQuery(Name = "analysis")] private Guid? AnalysisId { get; set; }
    [SupplyParameterFromQuery] private int? LoopPage { get; set; }
    [SupplyParameterFromQuery] private Guid? Tree { get; set; }
    [SupplyParameterFromQuery] private int? Depth { get; set; }

    [SupplyParameterFromForm(FormName = "factor")] private FactorForm Factor { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "link")] private CausalLinkForm Link { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-factor")] private RemoveForm RemoveFactor { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-link")] private RemoveForm RemoveLink { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "loops")] private LoopAnalysisInput Loops { get; set; } = default!;

    private bool IsPost => HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");

    private string? DoneText => Done switch
    {
        "factor-added" => "Factor added.",
        "factor-saved" => "Factor saved.",
        "factor-removed" => "Factor removed, with its links.",
        "link-added" => "Causal link added.",
        "link-saved" => "Causal link saved.",
        "link-removed" => "Causal link removed.",
        "loop-named" => "Loop name saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Factor ??= new();
        Link ??= new();
        RemoveFactor ??= new();
        RemoveLink ??= new();
        Loops ??= new() { MaxLength = FactorAnalysisCommands.DefaultMaxLength, MaxLoops = FactorAnalysisCommands.DefaultMaxLoops };
        var result = await Maps.FactorMapAsync(CycleId);
        _notFound = !result.IsOk;
        _map = result.Value;
        if (_map is null)
        {
            return;
        }
        if (!IsPost && Edit is { } id && _map.Factors.FirstOrDefault(f => f.Id == id) is { } editing)
        {
            Factor = FactorForm.From(editing);
        }
        if (!IsPost && EditLink is { } lid && _map.Links.FirstOrDefault(l => l.Id == lid) is { } link)
        {
            Link = CausalLinkForm.From(link);
        }
        _removing = _map.Factors.FirstOrDefault(f => f.Id == RemoveId);
        _removingLink = _map.Links.FirstOrDefault(l => l.Id == RemoveLinkId);
        if (AnalysisId is { } analysisId && (await Analysis.GetAsync(analysisId)).Value is { } analysis && analysis.CycleId == CycleId)
        {
            _analysis = analysis;
            if (!IsPost)
            {
                (Loops.MaxLength, Loops.MaxLoops, Loops.ThroughFactorId) = (analysis.MaxLength, analysis.MaxLoops, analysis.ThroughFactorId);
            }
        }
        if (Tree is { } tree)
        {
            _trees = (await Analysis.TreesAsync(tree, Math.Clamp(Depth ?? 2, 1, 4))).Value;
        }
    }

    private string FactorName(Guid id) => _map?.Factors.FirstOrDefault(f => f.Id == id)?.Name ?? "(removed)";

    private string LoopText(IReadOnlyList<Guid> linkIds)
    {
        var names = linkIds.Select(id => _map!.Links.FirstOrDefault(l => l.Id == id)).Select(l => l is null ? "(removed)" : FactorName(l.FromId)).ToList();
        return string.Join(" → ", names.Append(names.FirstOrDefault() ?? ""));
    }

    private async Task StartLoopsAsync()
    {
        var result = await Analysis.StartAsync(CycleId, Loops);
        if (result.Value is { } started)
        {
            Navigation.NavigateTo($"/cycles/{CycleId}/factor-map?analysis={started.Id}#loops-heading");
            return;
        }
        _loopErrors = FormErrors.Summary(result);
    }

    private async Task SaveFactorAsync()
    {
        var input = Factor.ToInput();
        var result = Factor.Id is { } id ? await Maps.UpdateFactorAsync(id, input) : await Maps.CreateFactorAsync(CycleId, input);
        (_factorSummary, _factorErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/factor-map?done={(Factor.Id is null ? "factor-added" : "factor-saved")}#factors-heading");
    }

    private async Task SaveLinkAsync()
    {
        var input = Link.ToInput();
        var result = Link.Id is { } id ? await Maps.UpdateLinkAsync(id, input) : await Maps.CreateLinkAsync(CycleId, input);
        (_linkSummary, _linkErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/factor-map?done={(Link.Id is null ? "link-added" : "link-saved")}#links-heading");
    }

    private async Task RemoveFactorAsync()
    {
        var result = RemoveFactor.Id is { } id ? await Maps.DeleteFactorAsync(id) : Platform.Failure.NotFound;
        Navigation.NavigateTo($"/cycles/{CycleId}/factor-map?done={(result.IsOk ? "factor-removed" : "")}#factors-heading");
    }

    private async Task RemoveLinkAsync()
    {
        var result = RemoveLink.Id is { } id ? await Maps.DeleteLinkAsync(id) : Platform.Failure.NotFound;
        Navigation.NavigateTo($"/cycles/{CycleId}/factor-map?done={(result.IsOk ? "link-removed" : "")}#links-heading");
    }
}
