using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.SenseMaking.Pages;

public partial class SessionPage
{
    private SessionPageView? _view;
    private bool _notFound;
    private List<string> _stateSummary = [], _deleteSummary = [];

    [Inject] private SessionCommands Sessions { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid SessionId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "delete")] private int? Delete { get; set; }
    [SupplyParameterFromQuery(Name = "edit-participant")] private Guid? EditParticipant { get; set; }
    [SupplyParameterFromQuery(Name = "remove-material")] private Guid? RemoveMaterial { get; set; }

    [SupplyParameterFromForm(FormName = "session-state")] private StateFormModel StateForm { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "session-delete")] private RemoveForm DeleteForm { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "planned" => "Session planned. Now add who takes part and what you will look at together.",
        "saved" => "Session saved.",
        "state-Live" => "The session is live. Open the live board to add insight cards.",
        "state-Ended" => "The session has ended. Its record is below.",
        "state-Planned" => "The session is back to planned.",
        "participant-added" => "Participant added.",
        "participant-saved" => "Participant saved.",
        "participant-removed" => "Participant removed.",
        "material-added" => "Added to what the session reviews.",
        "material-removed" => "Taken off what the session reviews.",
        _ => null,
    };

    protected override async Task OnParametersSetAsync()
    {
        StateForm ??= new();
        DeleteForm ??= new();
        var result = await Sessions.PageAsync(SessionId);
        (_view, _notFound) = (result.Value, !result.IsOk);
    }

    private async Task ChangeStateAsync()
    {
        var target = StateForm.State ?? SessionState.Live;
        var result = await Sessions.ChangeStateAsync(SessionId, new SessionStateInput { State = target, Version = StateForm.Version });
        (_stateSummary, _) = Navigation.AfterSubmit(result, $"/sessions/{SessionId}?done=state-{target}");
    }

    private async Task DeleteAsync()
    {
        var cycleId = _view?.Cycle.CycleId;
        var result = await Sessions.DeleteAsync(SessionId);
        (_deleteSummary, _) = Navigation.AfterSubmit(result, $"/cycles/{cycleId}/sessions?done=deleted");
    }

    public sealed class StateFormModel
    {
        public SessionState? State { get; set; }
        public int? Version { get; set; }
    }
}
