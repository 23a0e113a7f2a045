using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.SenseMaking.Pages;

public partial class SessionMaterials
{
    private IReadOnlyList<MaterialChoice> _choices = [];
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private SessionCommands Sessions { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired] public SessionPageView View { get; set; } = null!;
    [Parameter] public Guid? RemoveId { get; set; }

    [SupplyParameterFromForm(FormName = "material-add")] private MaterialForm Add { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "material-remove")] private RemoveForm Remove { get; set; } = default!;

    private SessionView Session => View.Session;

    private static string GroupLabel(MaterialKind kind) => kind switch
    {
        MaterialKind.Experiment => "Experiments",
        MaterialKind.Evidence => "Evidence",
        MaterialKind.PodReflection => "Learning-pod reflections",
        _ => "Maps",
    };

    protected override async Task OnInitializedAsync()
    {
        Add ??= new();
        Remove ??= new();
        _choices = View.CanEdit ? (await Sessions.ChoicesAsync(View.Cycle.CycleId, View.Cycle.NetworkId)).Materials : [];
    }

    private async Task AddAsync()
    {
        var result = await Sessions.AddMaterialAsync(Session.Id, Add.ToInput());
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/sessions/{Session.Id}?done=material-added#materials-heading");
    }

    private async Task RemoveAsync()
    {
        var result = Remove.Id is { } id ? await Sessions.RemoveMaterialAsync(id) : Platform.Failure.NotFound;
        (_summary, _) = Navigation.AfterSubmit(result, $"/sessions/{Session.Id}?done=material-removed#materials-heading");
    }
}

/// <summary>The material form posts one value: "Experiment:{id}", "Evidence:{id}", "PodReflection:{id}" or "Map:actors".</summary>
public sealed class MaterialForm
{
    public string? Choice { get; set; }

    public MaterialInput ToInput()
    {
        var parts = (Choice ?? "").Split(':', 2);
        if (parts.Length != 2 || !Enum.TryParse<MaterialKind>(parts[0], out var kind))
        {
            return new MaterialInput();
        }
        return kind == MaterialKind.Map
            ? new MaterialInput { Kind = kind, MapKind = parts[1] }
            : new MaterialInput { Kind = kind, TargetId = Guid.TryParse(parts[1], out var id) ? id : null };
    }
}
