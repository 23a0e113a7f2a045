using System.Globalization;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Experiments.Pages;

/// <summary>The design form, for a new experiment and for changing one. Lists are typed one per line; the commands clean them.</summary>
public partial class ExperimentDesignPage
{
    private CycleScope? _cycle;
    private string? _title;
    private bool _notFound;
    private HashSet<string> _suggested = [];
    private HashSet<EvidenceKinds> _kinds = [];
    private List<string> _reviewSlots = ["", ""];
    private IReadOnlyList<CaseLinkChoice> _caseChoices = [];
    private string? _caseReference;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private ExperimentCommands Experiments { get; set; } = null!;
    [Inject] private MapScope Scope { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }
    [Parameter] public Guid ExperimentId { get; set; }

    /// <summary>A new experiment started from a person's case file ("Try something with this person").</summary>
    [SupplyParameterFromQuery(Name = "case")] private Guid? CaseQuery { get; set; }

    [SupplyParameterFromForm(FormName = "design")] private DesignForm Design { get; set; } = default!;

    private bool IsNew => ExperimentId == Guid.Empty;

    /// <summary>Linked to a case the caller does not work on: the link is kept as it is and cannot be changed here.</summary>
    private bool LinkLocked => !IsNew && Design.CaseId is { } id && _caseReference is not null && _caseChoices.All(c => c.Id != id);

    protected override async Task OnInitializedAsync()
    {
        Design ??= new();
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        CycleScope? cycle;
        string? title = null;
        if (IsNew)
        {
            (cycle, _) = await Scope.ForCycleAsync(CycleId, Networks.NetworkRole.Member, default);
            if (cycle is not null && !isPost && CaseQuery is { } caseId && await Experiments.LinkableCaseAsync(CycleId, caseId) is not null)
            {
                Design.CaseId = caseId;
            }
        }
        else
        {
            var detail = (await Experiments.GetAsync(ExperimentId)).Value;
            cycle = detail is { CanEdit: true } ? (await Scope.ForCycleAsync(detail.CycleId, Networks.NetworkRole.Member, default)).Scope : null;
            title = detail?.Title;
            _caseReference = detail?.CaseReference;
            if (detail is not null && !isPost)
            {
                Design = DesignForm.From(detail);
                _suggested = [.. detail.SafeToFailRules.Where(DesignChecklist.SafeToFailSuggestions.Contains)];
                _kinds = [.. detail.EvidenceKinds];
                _reviewSlots = [.. detail.ReviewPoints.Select(Iso), ""];
            }
        }
        if (isPost && Http.HttpContext?.Request.HasFormContentType == true)
        {
            var form = Http.HttpContext.Request.Form;
            _suggested = [.. form["suggestedRules"].Where(v => v is not null).Select(v => v!)];
            _kinds = [.. form["evidenceKinds"].Select(v => Enum.TryParse<EvidenceKinds>(v, out var k) ? k : EvidenceKinds.None).Where(k => k != EvidenceKinds.None)];
            _reviewSlots = [.. form["reviewPoints"].Select(v => v ?? "").Where(v => v.Length > 0), ""];
        }
        while (_reviewSlots.Count < 2)
        {
            _reviewSlots.Add("");
        }
        if (cycle is not null)
        {
            var choices = (await Experiments.CaseChoicesAsync(cycle.CycleId)).ToList();
            if (Design.CaseId is { } linked && choices.All(c => c.Id != linked) && await Experiments.LinkableCaseAsync(cycle.CycleId, linked) is { } reference)
            {
                choices.Add(new CaseLinkChoice(linked, reference)); // a colleague the file was shared with
            }
            _caseChoices = choices;
        }
        (_cycle, _title, _notFound) = (cycle, title, cycle is null);
    }

    private async Task SaveAsync()
    {
        var reviews = new List<DateOnly>();
        foreach (var slot in _reviewSlots.Where(s => s.Length > 0))
        {
            if (!DateOnly.TryParseExact(slot, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                _summary = ["Enter each review point as a date."];
                _errors = new Dictionary<string, string[]> { ["reviewPoints"] = ["Enter each review point as a date."] };
                return;
            }
            reviews.Add(day);
        }
        var input = Design.ToInput([.. DesignChecklist.SafeToFailSuggestions.Where(_suggested.Contains)], [.. _kinds], reviews);
        var result = IsNew ? await Experiments.CreateAsync(CycleId, input) : await Experiments.UpdateAsync(ExperimentId, input);
        var id = result.Value?.Id ?? ExperimentId;
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/experiments/{id}?done={(IsNew ? "created" : "saved")}");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PermissionLabel(PermissionStatus s) => ExperimentLifecycle.Label(s);

    public sealed class DesignForm
    {
        public string? Title { get; set; }
        public ExperimentType? Type { get; set; }
        public string? ResearchQuestion { get; set; }
        public string? Hypothesis { get; set; }
        public string? InquiryQuestions { get; set; }
        public string? Tags { get; set; }
        public string? OwnRules { get; set; }
        public string? Permissions { get; set; }
        public PermissionStatus PermissionStatus { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? PlannedEndOn { get; set; }
        public string? GatheredBy { get; set; }
        public string? AnalysedBy { get; set; }
        public int? ReflectionEveryDays { get; set; }
        public string? HowWeWillKnow { get; set; }
        public string? SharedWith { get; set; }
        public Guid? CaseId { get; set; }
        public int? Version { get; set; }

        public ExperimentInput ToInput(List<string> suggestedRules, List<EvidenceKinds> kinds, List<DateOnly> reviews) => new()
        {
            Title = Title, Type = Type, ResearchQuestion = ResearchQuestion, Hypothesis = Hypothesis,
            InquiryQuestions = [.. Lines(InquiryQuestions)], Tags = [Tags ?? ""], SafeToFailRules = [.. suggestedRules, .. Lines(OwnRules)],
            Permissions = Permissions, PermissionStatus = PermissionStatus, StartsOn = StartsOn, ReviewPoints = reviews, PlannedEndOn = PlannedEndOn,
            EvidenceKinds = kinds, GatheredBy = GatheredBy, AnalysedBy = AnalysedBy, ReflectionEveryDays = ReflectionEveryDays,
            HowWeWillKnow = HowWeWillKnow, SharedWith = SharedWith, CaseId = CaseId, Version = Version,
        };

        public static DesignForm From(ExperimentDetail e) => new()
        {
            Title = e.Title, Type = e.Type, ResearchQuestion = e.ResearchQuestion, Hypothesis = e.Hypothesis,
            InquiryQuestions = string.Join("\n", e.InquiryQuestions), Tags = string.Join(", ", e.Tags),
            OwnRules = string.Join("\n", e.SafeToFailRules.Where(r => !DesignChecklist.SafeToFailSuggestions.Contains(r))),
            Permissions = e.Permissions, PermissionStatus = e.PermissionStatus, StartsOn = e.StartsOn, PlannedEndOn = e.PlannedEndOn,
            GatheredBy = e.GatheredBy, AnalysedBy = e.AnalysedBy, ReflectionEveryDays = e.ReflectionEveryDays, HowWeWillKnow = e.HowWeWillKnow,
            SharedWith = e.SharedWith, CaseId = e.CaseId, Version = e.Version,
        };

        private static IEnumerable<string?> Lines(string? text) => (text ?? "").Split('\n');
    }
}
