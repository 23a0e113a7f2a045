using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Cycles.Pages;

public partial class CyclePage
{
    private CycleDetail? _cycle;
    private bool _notFound;
    private IReadOnlyList<ReflectionView> _reflections = [];
    private IReadOnlyList<QuestionView> _questions = [];
    private List<string> _errors = [];
    private List<string> _reflectionErrors = [];

    [Inject] private CycleCommands Cycles { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "reflection")]
    private ReflectionInput Reflection { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "created" => "Cycle created. Set its stages, connect it to other cycles, and start answering the design questions.",
        "saved" => "Changes saved.",
        "stages" => "Stage statuses saved.",
        "reflection" => "Reflection added.",
        "archived" => "Cycle archived.",
        "restored" => "Cycle restored.",
        "connected" => "Link created.",
        "unlinked" => "Link removed.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Reflection ??= new ReflectionInput();
        Reflection.Date ??= DateOnly.FromDateTime(DateTime.UtcNow);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Cycles.GetAsync(CycleId);
        _notFound = !result.IsOk;
        _cycle = result.Value;
        if (_cycle is null)
        {
            return;
        }
        _reflections = (await Cycles.ReflectionsAsync(CycleId)).Value ?? [];
        _questions = (await Cycles.QuestionsAsync(CycleId)).Value ?? [];
    }

    private async Task AddReflectionAsync()
    {
        var result = await Cycles.AddReflectionAsync(CycleId, Reflection);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/cycles/{CycleId}?done=reflection#reflections-heading");
            return;
        }
        _reflectionErrors = [result.ErrorText];
        await LoadAsync();
    }

    private async Task SaveStagesAsync()
    {
        var form = Http.HttpContext?.Request.HasFormContentType == true ? Http.HttpContext.Request.Form : null;
        if (form is null || _cycle is null)
        {
            return;
        }
        foreach (var stage in _cycle.Stages)
        {
            var slug = StageText.Slug(stage.Stage);
            if (!Enum.TryParse<StageStatus>(form[$"Stages.{slug}"], out var status) || status == stage.Status)
            {
                continue;
            }
            int? version = int.TryParse(form[$"Stages.{slug}-version"], out var v) ? v : null;
            var result = await Cycles.SetStageStatusAsync(CycleId, stage.Stage, new StageStatusInput { Status = status, Version = version });
            if (!result.IsOk)
            {
                _errors = [$"{StageText.Name(stage.Stage)}: {result.ErrorText}"];
                await LoadAsync();
                return;
            }
        }
        Navigation.NavigateTo($"/cycles/{CycleId}?done=stages");
    }

    private async Task ToggleArchiveAsync()
    {
        if (_cycle is null)
        {
            return;
        }
        var archive = !_cycle.Archived;
        var result = await Cycles.ArchiveAsync(CycleId, archive);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/cycles/{CycleId}?done={(archive ? "archived" : "restored")}");
            return;
        }
        _errors = [result.ErrorText];
    }
}
