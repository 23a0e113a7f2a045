using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Experiments.Pages;

public partial class PodsPanel
{
    private CyclePodsView? _view;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private PodCommands Pods { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired] public Guid CycleId { get; set; }

    [SupplyParameterFromForm(FormName = "pod-start")] private PodForm Start { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Start ??= new();
        _view = (await Pods.ForCycleAsync(CycleId)).Value;
    }

    private async Task StartAsync()
    {
        var result = await Pods.CreateAsync(CycleId, Start.ToInput());
        (_summary, _errors) = Navigation.AfterSubmit(result, result.IsOk ? $"/pods/{result.Value!.Id}?done=started" : "");
    }
}

/// <summary>A pod as its forms post it: people one per line.</summary>
public sealed class PodForm
{
    public string? Name { get; set; }
    public string? People { get; set; }
    public int? Version { get; set; }

    public PodInput ToInput() => new() { Name = Name, People = [.. (People ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], Version = Version };

    public static PodForm Of(PodView pod) => new() { Name = pod.Name, People = string.Join("\n", pod.People), Version = pod.Version };
}

public static class PodViewExtensions
{
    public static bool CanEdit(this CyclePodsView view) => view.Cycle.CanEdit;
}
