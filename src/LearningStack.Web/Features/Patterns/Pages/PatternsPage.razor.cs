using System.Text.Json;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.People;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Patterns.Pages;

public sealed partial class PatternsPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private bool _notFound;
    private string? _refused;
    private PatternsSummary? _summary;
    private IssuePatterns? _issues;
    private ProblemPatterns? _problems;
    private SpendPatterns? _spend;
    private ExperimentPatterns? _experiments;
    private WorkPatterns? _work;
    private CommunityMap? _map;
    private string? _mapError;

    [Inject] private PatternsQuery Patterns { get; set; } = default!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery(Name = "tag")] public string? MapTag { get; set; }

    [SupplyParameterFromQuery(Name = "ageBand")] public string? MapAge { get; set; }

    [SupplyParameterFromQuery(Name = "gender")] public string? MapGender { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var summary = await Patterns.SummaryAsync(CycleId);
        if (summary.Status == OutcomeStatus.NotFound)
        {
            _notFound = true;
            return;
        }
        if (!summary.IsOk)
        {
            _refused = summary.Message;
            return;
        }
        _summary = summary.Value;
        _issues = (await Patterns.IssuesAsync(CycleId)).Value;
        _problems = (await Patterns.ProblemsAsync(CycleId)).Value;
        _spend = (await Patterns.SpendAsync(CycleId)).Value;
        _experiments = (await Patterns.ExperimentsAsync(CycleId)).Value;
        _work = (await Patterns.WorkAsync(CycleId)).Value;
        var filter = new MapFilter(string.IsNullOrWhiteSpace(MapTag) ? null : MapTag,
            Enum.TryParse<AgeBand>(MapAge, ignoreCase: true, out var age) ? age : null,
            Enum.TryParse<GenderGroup>(MapGender, ignoreCase: true, out var gender) ? gender : null);
        var map = await Patterns.CommunityMapAsync(CycleId, filter);
        if (!map.IsOk)
        {
            _mapError = map.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? map.Message;
            map = await Patterns.CommunityMapAsync(CycleId);
        }
        _map = map.Value;
    }

    private static string Plural(int count, string what) => $"{count:N0} {what}{(count == 1 ? "" : "s")}";

    /// <summary>A long learning text cut at a word near 280 characters, for the side-by-side cards (the experiment has it all).</summary>
    private static string Shorten(string text)
    {
        const int limit = 280;
        if (text.Length <= limit)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', limit);
        return text[..(cut > limit / 2 ? cut : limit)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    private string IssuesUrl(string? tag = null, IssueLevel? level = null, IssueOwner? owner = null, IssueStatus? status = null)
    {
        var query = new List<string>();
        if (tag is not null) query.Add($"tag={Uri.EscapeDataString(tag)}");
        if (level is not null) query.Add($"level={level}");
        if (owner is not null) query.Add($"owner={owner}");
        if (status is not null) query.Add($"status={status}");
        return $"/cycles/{CycleId}/patterns/issues" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private static string Chart(object spec) => JsonSerializer.Serialize(spec, Json);

    private string IssueChart(IssuePatterns p) => Chart(new
    {
        type = "bar",
        stacked = true,
        labels = p.Months,
        series = Enum.GetValues<IssueLevel>().Select(level => new
        {
            label = IssueLevelText(level),
            data = p.Months.Select(m => p.Cells.Where(c => c.Month == m && c.Level == level).Sum(c => c.Count)).ToArray(),
        }),
    });

    private string ProblemChart(ProblemPatterns p) => Chart(new
    {
        type = "bar",
        stacked = true,
        horizontal = true,
        labels = p.Tags.Select(t => t.Tag),
        series = new object[]
        {
            new { label = "People (what matters)", data = p.Tags.Select(t => t.Cases ?? 0) },
            new { label = "Issues", data = p.Tags.Select(t => t.Issues) },
            new { label = "People (stories)", data = p.Tags.Select(t => t.StoryCases ?? 0) },
        },
        links = p.Tags.Select(t => t.Issues > 0 ? IssuesUrl(tag: t.Tag) : null),
    });

    private static string SpendChart(SpendPatterns p, string currency) => Chart(new
    {
        type = "bar",
        stacked = true,
        labels = p.Months,
        series = p.Cells.Where(c => c.Currency == currency && !c.Suppressed).Select(c => c.Need).Distinct().Order()
            .Select(need => new { label = $"{need} ({currency})", data = p.Months.Select(m => p.Cells.Where(c => c.Month == m && c.Need == need && c.Currency == currency).Sum(c => c.Amount ?? 0)).ToArray() }),
    });

    private static string ExperimentChart(ExperimentPatterns p) => Chart(new
    {
        type = "bar",
        stacked = true,
        labels = DecisionLabels,
        series = Enum.GetValues<ExperimentType>().Select(type => new
        {
            label = TypeText(type),
            data = DecisionKeys.Select(d => p.Cells.Where(c => c.Type == type && c.Decision == d).Sum(c => c.Count)).ToArray(),
        }),
    });

    private static string TypeText(ExperimentType type) => type switch
    {
        ExperimentType.Probe => "Probe",
        ExperimentType.HypothesisTest => "Hypothesis test",
        _ => type.ToString(),
    };

    private static string WorkChart(WorkPatterns p) => Chart(new
    {
        type = "bubble",
        xTitle = "People who needed it",
        yTitle = "Complexity (1–5)",
        labels = p.Tasks.Where(t => !t.Suppressed && t.Cases is not null).Select(t => t.Name),
        series = p.Tasks.Where(t => !t.Suppressed && t.Cases is not null)
            .Select(t => new { label = t.Name, data = new[] { new { x = t.Cases, y = t.Complexity, r = 6 + Math.Min(24, t.Visits ?? 0) } } }),
    });

    private static string MapData(CommunityMap map) => Chart(new
    {
        factors = map.Factors.Select(f => new { theme = f.Theme, cases = f.Cases }),
        links = map.Links.Select(l => new { from = l.From, to = l.To, polarity = l.Polarity?.ToString(), cases = l.Cases }),
    });

    private static readonly ExperimentDecision?[] DecisionKeys = [ExperimentDecision.Iterate, ExperimentDecision.Embed, ExperimentDecision.Stop, null];

    private static readonly string[] DecisionLabels = ["Iterate", "Embed", "Stop", "Not decided yet"];

    private static string DecisionText(ExperimentDecision? d) => d?.ToString() ?? "Not decided yet";

    private static string IssueLevelText(IssueLevel level) => level switch
    {
        IssueLevel.Individual => "What I or others do",
        IssueLevel.System => "How this system works",
        IssueLevel.Macro => "How other systems affect this one",
        _ => level.ToString(),
    };

    private static string PlaceText(WorkPlace place) => place switch
    {
        WorkPlace.FrontLine => "Front-line teams: needed often enough and learnt in the work",
        WorkPlace.Central => "Held centrally, ready when a team pulls for it",
        _ => "Not enough people yet to say",
    };
}
