using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class GovernancePage
{
    private GovernanceView? _view;
    private bool _notFound;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private GovernanceCommands Governance { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }

    /// <summary>A question to choose in the reflection form (links from elsewhere).</summary>
    [SupplyParameterFromQuery] private string? Question { get; set; }

    [SupplyParameterFromForm(FormName = "reflection")] private GovernanceReflectionInput Reflection { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "reflected" => "Reflection saved. Earlier reflections stay below it.",
        "saved" => "The governance body is saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Reflection ??= new();
        var view = await Governance.GetAsync(CycleId);
        _notFound = !view.IsOk;
        _view = view.Value;
    }

    private async Task ReflectAsync()
    {
        var result = await Governance.ReflectAsync(CycleId, Reflection);
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/governance?done=reflected#q-{Reflection.QuestionKey}");
    }
}
