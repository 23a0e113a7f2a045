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

    private async Task AddActionAsync() => After("action",
        await Experiments.AddActionAsync(ExperimentId, new ExperimentActionInput { What = ActionForm.What, Why = ActionForm.Why, FactorId = ActionForm.FactorId, ActorId = ActionForm.ActorId }),
        "action", "actions");

    private async Task AddParticipantAsync() => After("participant",
        await Experiments.AddParticipantAsync(ExperimentId, new ExperimentParticipantInput
        {
            Name = PersonForm.Name, UserId = string.IsNullOrEmpty(PersonForm.UserId) ? null : PersonForm.UserId, ActorId = PersonForm.ActorId,
            Roles = [.. _roles], How = PersonForm.How,
        }),
        "participant", "people");

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
        public string? What { get; set; }
        public string? Why { get; set; }
        public Guid? FactorId { get; set; }
        public Guid? ActorId { get; set; }
    }

    public sealed class ParticipantForm
    {
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
