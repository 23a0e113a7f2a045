using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Issues.Pages;

public partial class IssueEditorPage
{
    private CycleScope? _cycle;
    private IssuePrefill? _prefill;
    private IssueView? _saved;
    private bool _notFound, _conflict;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private IssueCommands Issues { get; set; } = null!;
    [Inject] private MapScope Scope { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid? CycleId { get; set; }
    [Parameter] public Guid? IssueId { get; set; }

    [SupplyParameterFromQuery(Name = "insight")] private Guid? InsightId { get; set; }
    [SupplyParameterFromQuery(Name = "experiment")] private Guid? ExperimentId { get; set; }
    [SupplyParameterFromQuery(Name = "case")] private Guid? CaseId { get; set; }

    [SupplyParameterFromForm(FormName = "issue")] private IssueForm Form { get; set; } = default!;

    private string Title => IssueId is null ? "Add an issue" : $"Edit issue #{_saved?.Number}";

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        IssueView? saved = null;
        var cycleId = CycleId;
        if (IssueId is { } issueId)
        {
            saved = (await Issues.GetAsync(issueId)).Value;
            cycleId = saved?.CycleId;
        }
        if (cycleId is null)
        {
            _notFound = true;
            return;
        }
        var (cycle, _) = await Scope.ForCycleAsync(cycleId.Value, Networks.NetworkRole.Observer, default);
        IssuePrefill? prefill = null;
        if (IssueId is null && cycle is not null)
        {
            prefill = await Issues.PrefillAsync(cycle.CycleId, InsightId, ExperimentId, CaseId);
            if (!isPost && prefill is not null)
            {
                (Form.Source, Form.SourceId, Form.Description) = (prefill.Source, prefill.SourceId, prefill.Text);
            }
        }
        if (!isPost && saved is not null)
        {
            Form = IssueForm.Of(saved);
        }
        (_cycle, _saved, _prefill, _notFound) = (cycle, saved, prefill, cycle is null);
    }

    private async Task SaveAsync()
    {
        var input = Form.ToInput();
        if (IssueId is { } issueId)
        {
            var result = await Issues.UpdateAsync(issueId, input);
            if (result.Status == Platform.OutcomeStatus.Conflict)
            {
                (_conflict, _summary) = (true, [result.ErrorText]);
                Form.Version = _saved?.Version;
                return;
            }
            (_summary, _errors) = Navigation.AfterSubmit(result, $"/issues/{issueId}?done=saved");
            return;
        }
        var created = await Issues.CreateAsync(_cycle!.CycleId, input);
        (_summary, _errors) = Navigation.AfterSubmit(created, created.Value is { } v ? $"/issues/{v.Id}?done=added" : "");
    }
}

/// <summary>What the issue form posts; the commands check everything.</summary>
public sealed class IssueForm
{
    public string? Description { get; set; }
    public IssueLevel? Level { get; set; }
    public IssueOwner? Owner { get; set; }
    public string? CountermeasureNow { get; set; }
    public string? SystemChange { get; set; }
    public string? Tags { get; set; }
    public IssueSource? Source { get; set; }
    public Guid? SourceId { get; set; }
    public int? Version { get; set; }

    public static IssueForm Of(IssueView issue) => new()
    {
        Description = issue.Description, Level = issue.Level, Owner = issue.Owner, CountermeasureNow = issue.CountermeasureNow,
        SystemChange = issue.SystemChange, Tags = IssueText.JoinTags(issue.Tags), Version = issue.Version,
    };

    public IssueInput ToInput() => new()
    {
        Description = Description, Level = Level, Owner = Owner, CountermeasureNow = CountermeasureNow, SystemChange = SystemChange,
        Tags = Tags is null ? null : [Tags], Source = Source, SourceId = SourceId, Version = Version,
    };
}
