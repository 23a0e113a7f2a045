using LearningStack.Web.Data;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments.Pages;

public partial class PodPage
{
    private PodDetailView? _view;
    private bool _notFound;
    private List<(Guid Id, string Title)> _experiments = [];
    private List<string> _summary = [], _podSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors, _podErrors;

    [Inject] private PodCommands Pods { get; set; } = null!;
    [Inject] private AppDbContext Db { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid PodId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromQuery] private int? Weeks { get; set; }
    [SupplyParameterFromQuery(Name = "edit")] private Guid? EditId { get; set; }

    [SupplyParameterFromForm(FormName = "pod-week")] private WeekForm Week { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "pod-edit")] private PodForm PodEdit { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "started" => "Pod started. Reflect on your first week below.",
        "saved" => "Reflection saved. Compare it with earlier weeks below.",
        "pod-saved" => "Pod saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Week ??= new();
        Week.WeekOf ??= DateOnly.FromDateTime(Clock.GetLocalNow().Date);
        var result = await Pods.GetAsync(PodId, Weeks);
        var experiments = result.Value is { } view
            ? (await Db.Experiments.AsNoTracking().Where(e => e.CycleId == view.Pod.CycleId && e.State != ExperimentState.Concluded)
                .OrderBy(e => e.Title).Select(e => new { e.Id, e.Title }).ToListAsync()).Select(e => (e.Id, e.Title)).ToList()
            : [];
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        PodEdit ??= result.Value is { } found ? PodForm.Of(found.Pod) : new();
        if (!isPost && EditId is { } id && result.Value?.RecentWeeks.SelectMany(w => w.Reflections).FirstOrDefault(r => r.Id == id) is { } editing)
        {
            Week = new WeekForm
            {
                Id = editing.Id, Version = editing.Version, WeekOf = editing.WeekOf, ExperimentId = editing.ExperimentId, DidDifferently = editing.DidDifferently,
                Learnt = editing.Learnt, EnabledLearning = editing.EnabledLearning, WentWrong = editing.WentWrong,
            };
            if (editing.ExperimentId is { } experimentId && editing.ExperimentTitle is { } title && experiments.All(e => e.Id != experimentId))
            {
                experiments.Add((experimentId, title));
            }
        }
        (_notFound, _view, _experiments) = (!result.IsOk, result.Value, experiments);
    }

    private async Task SaveAsync()
    {
        var input = new PodReflectionInput
        {
            WeekOf = Week.WeekOf, ExperimentId = Week.ExperimentId, DidDifferently = Week.DidDifferently, Learnt = Week.Learnt,
            EnabledLearning = Week.EnabledLearning, WentWrong = Week.WentWrong, Version = Week.Version,
        };
        var result = Week.Id is { } id ? await Pods.UpdateReflectionAsync(id, input) : await Pods.AddReflectionAsync(PodId, input);
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/pods/{PodId}?done=saved#weeks-heading");
    }

    private async Task SavePodAsync()
    {
        var result = await Pods.UpdateAsync(PodId, PodEdit.ToInput());
        (_podSummary, _podErrors) = Navigation.AfterSubmit(result, $"/pods/{PodId}?done=pod-saved");
    }

    public sealed class WeekForm
    {
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public DateOnly? WeekOf { get; set; }
        public Guid? ExperimentId { get; set; }
        public string? DidDifferently { get; set; }
        public string? Learnt { get; set; }
        public string? EnabledLearning { get; set; }
        public string? WentWrong { get; set; }

        public string? Answer(string field) => field switch
        {
            "didDifferently" => DidDifferently,
            "learnt" => Learnt,
            "enabledLearning" => EnabledLearning,
            "wentWrong" => WentWrong,
            _ => null,
        };
    }
}
