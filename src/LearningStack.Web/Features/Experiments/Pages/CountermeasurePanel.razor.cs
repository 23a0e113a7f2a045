using LearningStack.Web.Data;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments.Pages;

public partial class CountermeasurePanel
{
    private List<CountermeasureView> _items = [];
    private List<(Guid Id, string Name)> _actors = [];
    private CountermeasureView? _ending;
    private List<string> _summary = [], _endSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors, _endErrors;

    [Inject] private CountermeasureCommands Countermeasures { get; set; } = null!;
    [Inject] private AppDbContext Db { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ExperimentId { get; set; }
    [Parameter, EditorRequired] public Guid CycleId { get; set; }
    [Parameter] public bool CanEdit { get; set; }

    [SupplyParameterFromQuery(Name = "cm")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "cm-edit")] private Guid? EditId { get; set; }
    [SupplyParameterFromQuery(Name = "cm-end")] private Guid? EndId { get; set; }
    [SupplyParameterFromQuery(Name = "cm-add")] private string? AddVariant { get; set; }

    [SupplyParameterFromForm(FormName = "cm")] private CountermeasureForm Form { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "cm-end")] private EndForm End { get; set; } = default!;

    private string Here => $"/experiments/{ExperimentId}";

    private bool Disturbance => Form.Variant == "disturbed" || Form.Disturbed is not null;

    private string FormTitle => Form.Id is not null ? "Edit the countermeasure"
        : Disturbance ? "Record a disturbance and its countermeasure" : "Add a countermeasure";

    private string? DoneText => Done switch
    {
        "added" => "Countermeasure added.",
        "saved" => "Countermeasure saved.",
        "ended" => "Countermeasure ended. Its story stays in the register.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        End ??= new();
        var items = (await Countermeasures.ForExperimentAsync(ExperimentId)).Value ?? [];
        var actors = CanEdit
            ? (await Db.Actors.AsNoTracking().Where(a => a.CycleId == CycleId).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
                .Select(a => (a.Id, a.Name)).ToList()
            : [];
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        if (!isPost)
        {
            if (EditId is { } id && items.FirstOrDefault(c => c.Id == id) is { } editing)
            {
                Form = CountermeasureForm.Of(editing);
            }
            else
            {
                Form.From = DateOnly.FromDateTime(Clock.GetLocalNow().Date);
                Form.Variant = AddVariant == "disturbed" ? "disturbed" : null;
                Form.NoticedOn = Form.Variant is null ? null : Form.From;
            }
        }
        var ending = items.FirstOrDefault(c => c.Id == (isPost ? End.Id ?? EndId : EndId) && c.Status == CountermeasureStatus.Active);
        (_items, _actors, _ending) = (items, actors, ending);
    }

    private async Task SaveAsync()
    {
        var input = Form.ToInput();
        if (Form.Variant == "disturbed" && string.IsNullOrWhiteSpace(Form.Disturbed))
        {
            (_summary, _errors) = (["Say what or who the experiment disturbed."], new Dictionary<string, string[]> { ["disturbed"] = ["Say what or who the experiment disturbed."] });
            return;
        }
        var result = Form.Id is { } id ? await Countermeasures.UpdateAsync(id, input) : await Countermeasures.CreateAsync(ExperimentId, input);
        (_summary, _errors) = Navigation.AfterSubmit(result, $"{Here}?cm={(Form.Id is null ? "added" : "saved")}#countermeasures-heading");
    }

    private async Task EndAsync()
    {
        var current = _items.FirstOrDefault(c => c.Id == End.Id);
        if (current is null)
        {
            Navigation.NavigateTo($"{Here}#countermeasures-heading");
            return;
        }
        var input = CountermeasureForm.Of(current).ToInput();
        (input.Status, input.WhyEnded, input.EndedOn, input.Version) = (End.Status ?? CountermeasureStatus.Removed, End.WhyEnded, End.EndedOn, End.Version);
        var result = await Countermeasures.UpdateAsync(current.Id, input);
        (_endSummary, _endErrors) = Navigation.AfterSubmit(result, $"{Here}?cm=ended#countermeasures-heading");
    }

    public sealed class EndForm
    {
        public Guid? Id { get; set; }
        public CountermeasureStatus? Status { get; set; }
        public string? WhyEnded { get; set; }
        public DateOnly? EndedOn { get; set; }
        public int? Version { get; set; }
    }
}

/// <summary>What the countermeasure forms post; the commands check everything.</summary>
public sealed class CountermeasureForm
{
    public Guid? Id { get; set; }
    public string? Rule { get; set; }
    public string? Instead { get; set; }
    public Guid? AgreedByActorId { get; set; }
    public string? AgreedByName { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public string? Disturbed { get; set; }
    public DateOnly? NoticedOn { get; set; }
    public CountermeasureStatus? Status { get; set; }
    public string? WhyEnded { get; set; }
    public DateOnly? EndedOn { get; set; }
    public int? Version { get; set; }

    /// <summary>"disturbed" when the form records a disturbance.</summary>
    public string? Variant { get; set; }

    public CountermeasureInput ToInput() => new()
    {
        Rule = Rule, Instead = Instead, AgreedByActorId = AgreedByActorId, AgreedByName = AgreedByActorId is null ? AgreedByName : null, From = From,
        ReviewOn = ReviewOn, Disturbed = Variant == "disturbed" || !string.IsNullOrWhiteSpace(Disturbed) ? Disturbed ?? "" : null, NoticedOn = NoticedOn,
        Status = Status, WhyEnded = WhyEnded, EndedOn = EndedOn, Version = Version,
    };

    public static CountermeasureForm Of(CountermeasureView c) => new()
    {
        Id = c.Id, Rule = c.Rule, Instead = c.Instead, AgreedByActorId = c.AgreedByActorId, AgreedByName = c.AgreedByName, From = c.From, ReviewOn = c.ReviewOn,
        Disturbed = c.Disturbed, NoticedOn = c.NoticedOn, Status = c.Status, WhyEnded = c.WhyEnded, EndedOn = c.EndedOn, Version = c.Version,
        Variant = c.Disturbed is null ? null : "disturbed",
    };
}
