using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.SenseMaking.Pages;

public partial class SessionPeople
{
    private IReadOnlyList<MemberChoice> _members = [];
    private Guid? _editId;
    private List<string> _summary = [], _editSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors, _editErrors;

    [Inject] private SessionCommands Sessions { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter, EditorRequired] public SessionPageView View { get; set; } = null!;
    [Parameter] public Guid? EditId { get; set; }

    [SupplyParameterFromForm(FormName = "participant-add")] private ParticipantForm Add { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "participant-edit")] private ParticipantForm Edit { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "participant-remove")] private RemoveForm Remove { get; set; } = default!;

    private SessionView Session => View.Session;

    protected override async Task OnInitializedAsync()
    {
        Add ??= new();
        Edit ??= new();
        Remove ??= new();
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        if (!isPost && Session.Participants.FirstOrDefault(p => p.Id == EditId) is { } editing)
        {
            Edit = new ParticipantForm { Id = editing.Id, Name = editing.Name, Role = editing.Role, Voice = editing.Voice, Version = editing.Version };
        }
        Add.Voice ??= isPost ? null : Voice.Practitioner;
        _editId = isPost ? Edit.Id ?? EditId : EditId;
        _members = View.CanEdit ? (await Sessions.ChoicesAsync(View.Cycle.CycleId, View.Cycle.NetworkId)).Members : [];
    }

    private async Task AddAsync()
    {
        var result = await Sessions.AddParticipantAsync(Session.Id, Add.ToInput());
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/sessions/{Session.Id}?done=participant-added#participants-heading");
    }

    private async Task SaveAsync()
    {
        var result = Edit.Id is { } id ? await Sessions.UpdateParticipantAsync(id, Edit.ToInput()) : Platform.Failure.NotFound;
        (_editSummary, _editErrors) = Navigation.AfterSubmit(result, $"/sessions/{Session.Id}?done=participant-saved#participants-heading");
    }

    private async Task RemoveAsync()
    {
        var result = Remove.Id is { } id ? await Sessions.RemoveParticipantAsync(id) : Platform.Failure.NotFound;
        (_editSummary, _) = Navigation.AfterSubmit(result, $"/sessions/{Session.Id}?done=participant-removed#participants-heading");
    }
}

/// <summary>What the participant forms post.</summary>
public sealed class ParticipantForm
{
    public Guid? Id { get; set; }
    public string? UserId { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public Voice? Voice { get; set; }
    public int? Version { get; set; }

    public ParticipantInput ToInput() => new()
    {
        UserId = string.IsNullOrWhiteSpace(UserId) ? null : UserId, Name = Name, Role = Role, Voice = Voice, Version = Version,
    };
}
