using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Experiments.Pages;

public partial class ExperimentPage
{
    private ExperimentDetail? _experiment;
    private CycleScope? _cycle;
    private bool _notFound;
    private DesignChoices _choices = new([], [], []);
    private HashSet<ParticipantRoles> _roles = [];
    private string? _failedForm;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private ExperimentCommands Experiments { get; set; } = null!;
    [Inject] private MapScope Scope { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid ExperimentId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }

    /// <summary>The action being changed in the "What we will try" form, if any (?edit-action={id}).</summary>
    [SupplyParameterFromQuery(Name = "edit-action")] private Guid? EditActionId { get; set; }

    /// <summary>The participant being changed in the "Who is involved" form, if any (?edit-participant={id}).</summary>
    [SupplyParameterFromQuery(Name = "edit-participant")] private Guid? EditParticipantId { get; set; }

    [SupplyParameterFromForm(FormName = "action")] private ActionInputForm ActionForm { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "participant")] private ParticipantForm PersonForm { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "comment")] private CommentInputForm CommentForm { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "state")] private StateInputForm StateForm { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "iterate")] private IterateInputForm IterateForm { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-part")] private RemovePartForm Remove { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "created" => "Experiment saved. Next: add what you will try and who is involved.",
        "saved" => "Design saved.",
        "action" => "Added to what you will try.",
        "participant" => "Added to who is involved.",
        "action-saved" => "Changes saved to what you will try.",
        "participant-saved" => "Changes saved to who is involved.",
        "comment" => "Comment added.",
        "removed" => "Removed.",
        "moved" => "State changed.",
        "iteration" => "New experiment started from the earlier one. Its design is carried over for you to rework.",
        _ => null,
    };

    private string Url => $"/experiments/{ExperimentId}";

    protected override async Task OnInitializedAsync()
    {
        ActionForm ??= new();
        PersonForm ??= new();
        CommentForm ??= new() { Section = ExperimentSections.General };
        StateForm ??= new();
        IterateForm ??= new();
        Remove ??= new();
        var result = await Experiments.GetAsync(ExperimentId);
        var experiment = result.Value;
        var (cycle, _) = experiment is null ? (null, null) : await Scope.ForCycleAsync(experiment.CycleId, NetworkRole.Observer, default);
        var choices = experiment is { CanEdit: true } ? await Experiments.ChoicesAsync(experiment.CycleId, experiment.NetworkId) : _choices;
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        if (!isPost && experiment is not null)
        {
            StateForm = new StateInputForm
            {
                State = experiment.State, Decision = experiment.Decision, LearningAboutWork = experiment.LearningAboutWork,
                LearningAboutOrganising = experiment.LearningAboutOrganising,
            };
        }
        if (isPost && Http.HttpContext?.Request.HasFormContentType == true)
        {
            _roles = [.. Http.HttpContext.Request.Form["roles"].Select(v => Enum.TryParse<ParticipantRoles>(v, out var r) ? r : ParticipantRoles.None).Where(r => r != ParticipantRoles.None)];
        }
        if (!isPost && experiment is { CanEdit: true })
        {
            // Editing opens the same form as adding, filled in with what is there now and the version it was read at.
            if (experiment.Actions.FirstOrDefault(a => a.Id == EditActionId) is { } action)
            {
                ActionForm = new ActionInputForm
                {
                    Id = action.Id, Version = action.Version, What = action.What, Why = action.Why, FactorId = action.FactorId, ActorId = action.ActorId,
                };
            }
            if (experiment.Participants.FirstOrDefault(p => p.Id == EditParticipantId) is { } person)
            {
                PersonForm = new ParticipantForm
                {
                    Id = person.Id, Version = person.Version, Name = person.Name, UserId = person.UserId, ActorId = person.ActorId, How = person.How,
                };
                _roles = [.. person.Roles];
            }
        }
        (_experiment, _cycle, _choices, _notFound) = (experiment, cycle, choices, cycle is null);
    }

    private string? ChangeUrl(string section) => _experiment is { CanEdit: true } ? $"/experiments/{ExperimentId}/design#{section}" : null;

    private string SectionLink(string section) => section is "actions" or "people" ? Here(section) : ChangeUrl(section) ?? Here(section);

    /// <summary>A link to a part of this page. Written out in full: the app's base address is "/", so a bare "#part" would lead home.</summary>
    private string Here(string part) => $"/experiments/{ExperimentId}#{part}";

    private IReadOnlyList<ExperimentCommentView> CommentsOf(string section) =>
        _experiment?.Comments.FirstOrDefault(s => s.Section == section)?.Comments ?? [];

    private List<string> Summary(string form) => _failedForm == form ? _summary : [];

    private IReadOnlyDictionary<string, string[]>? Errors(string form) => _failedForm == form ? _errors : null;

    private void After<T>(string form, Outcome<T> result, string done, string anchor)
    {
        (_summary, _errors) = Navigation.AfterSubmit(result, $"{Url}?done={done}#{anchor}");
        _failedForm = result.IsOk ? null : form;
    }

    private async Task SaveActionAsync()
    {
        var input = new ExperimentActionInput
        {
            What = ActionForm.What, Why = ActionForm.Why, FactorId = ActionForm.FactorId, ActorId = ActionForm.ActorId, Version = ActionForm.Version,
        };
        if (ActionForm.Id is not { } id)
        {
            After("action", await Experiments.AddActionAsync(ExperimentId, input), "action", "actions");
            return;
        }
        var result = await Experiments.UpdateActionAsync(id, input);
        After("action", result, "action-saved", "actions");
        if (result.Status == OutcomeStatus.Conflict && _experiment?.Actions.FirstOrDefault(a => a.Id == id) is { } current)
        {
            // Keep what was typed; the list above shows the other change. Saving again (at the current version) replaces it.
            ActionForm.Version = current.Version;
            _summary = [ConflictText];
        }
    }

    private async Task SaveParticipantAsync()
    {
        var input = new ExperimentParticipantInput
        {
            Name = PersonForm.Name, UserId = string.IsNullOrEmpty(PersonForm.UserId) ? null : PersonForm.UserId, ActorId = PersonForm.ActorId,
            Roles = [.. _roles], How = PersonForm.How, Version = PersonForm.Version,
        };
        if (PersonForm.Id is not { } id)
        {
            After("participant", await Experiments.AddParticipantAsync(ExperimentId, input), "participant", "people");
            return;
        }
        var result = await Experiments.UpdateParticipantAsync(id, input);
        After("participant", result, "participant-saved", "people");
        if (result.Status == OutcomeStatus.Conflict && _experiment?.Participants.FirstOrDefault(p => p.Id == id) is { } current)
        {
            PersonForm.Version = current.Version;
            _summary = [ConflictText];
        }
    }

    private const string ConflictText = "Someone else changed this while you were editing. The list above shows their version; what you typed is still in the form below. Save again to replace theirs with yours, or cancel to keep theirs.";

    /// <summary>The page with one action or participant open for editing, landing on its form.</summary>
    private string EditLink(string kind, Guid id) => $"{Url}?edit-{kind}={id}#{kind}-form";

    private async Task AddCommentAsync() => After("comment",
        await Experiments.AddCommentAsync(ExperimentId, new ExperimentCommentInput { Section = CommentForm.Section, Text = CommentForm.Text }),
        "comment", CommentForm.Section ?? "general");

    private async Task MoveAsync() => After("state",
        await Experiments.ChangeStateAsync(ExperimentId, new ExperimentStateInput
        {
            State = StateForm.State, Decision = StateForm.Decision, LearningAboutWork = StateForm.LearningAboutWork,
            LearningAboutOrganising = StateForm.LearningAboutOrganising, Version = StateForm.Version,
        }),
        "moved", "lifecycle");

    private async Task IterateAsync()
    {
        var result = await Experiments.IterateAsync(ExperimentId, new IterationInput { Title = IterateForm.Title });
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/experiments/{result.Value?.Id}?done=iteration");
        _failedForm = result.IsOk ? null : "iterate";
    }

    private async Task RemoveAsync()
    {
        var parts = (Remove.Target ?? "").Split(':');
        Outcome<bool> result = Failure.NotFound;
        if (parts.Length == 2 && Guid.TryParse(parts[1], out var id))
        {
            result = parts[0] switch
            {
                "action" => await Experiments.DeleteActionAsync(id),
                "participant" => await Experiments.DeleteParticipantAsync(id),
                "comment" => await Experiments.DeleteCommentAsync(id),
                _ => Failure.NotFound,
            };
        }
        Navigation.NavigateTo($"{Url}?done={(result.IsOk ? "removed" : "")}");
    }

    public static string RoleLabel(ParticipantRoles role) => role switch
    {
        ParticipantRoles.CoDesigner => "Designed it with us",
        ParticipantRoles.OpinionLeader => "Others listen to them",
        ParticipantRoles.CouldStopIt => "Could stop it",
        ParticipantRoles.HasEnergy => "Has energy for it",
        _ => role.ToString(),
    };

    private static string PermissionLabel(PermissionStatus s) => ExperimentLifecycle.Label(s).ToLowerInvariant();

    public sealed class ActionInputForm
    {
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public string? What { get; set; }
        public string? Why { get; set; }
        public Guid? FactorId { get; set; }
        public Guid? ActorId { get; set; }
    }

    public sealed class ParticipantForm
    {
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public string? Name { get; set; }
        public string? UserId { get; set; }
        public Guid? ActorId { get; set; }
        public string? How { get; set; }
    }

    public sealed class CommentInputForm
    {
        public string? Section { get; set; }
        public string? Text { get; set; }
    }

    public sealed class StateInputForm
    {
        public ExperimentState? State { get; set; }
        public ExperimentDecision? Decision { get; set; }
        public string? LearningAboutWork { get; set; }
        public string? LearningAboutOrganising { get; set; }
        public int? Version { get; set; }
    }

    public sealed class IterateInputForm
    {
        public string? Title { get; set; }
    }

    public sealed class RemovePartForm
    {
        public string? Target { get; set; }
    }
}
