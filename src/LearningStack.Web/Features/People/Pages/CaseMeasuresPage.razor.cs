using System.Text.Json;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class CaseMeasuresPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private CaseFileView? _file;
    private MeasureBoard? _board;
    private List<string> _summary = [], _rateSummary = [], _dimensionSummary = [], _problems = [];
    private IReadOnlyDictionary<string, string[]>? _rateErrors, _dimensionErrors;

    [Inject] private CaseCommands Cases { get; set; } = null!;
    [Inject] private MeasureCommands Measures { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CaseId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "imported")] private int? Imported { get; set; }
    [SupplyParameterFromForm(FormName = "rate")] private ReadingsInput Rate { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "dimension")] private DimensionInput Dimension { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "rated" => "Readings saved. The star shows the first and the latest.",
        "added" => "Added. Rate it whenever you are ready.",
        "imported" => $"Imported {Imported} reading{(Imported == 1 ? "" : "s")}.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Rate ??= new();
        Rate.Readings ??= [];
        Dimension ??= new();
        _file = (await Cases.GetAsync(CaseId, "Measures page")).Value;
        if (_file is not null)
        {
            _board = (await Measures.BoardAsync(CaseId, what: null)).Value;
        }
    }

    private async Task RateAsync()
    {
        var result = await Measures.RateAsync(CaseId, Rate);
        (_rateSummary, _rateErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/measures?done=rated#star-heading");
    }

    private async Task AddDimensionAsync()
    {
        var result = await Measures.AddDimensionAsync(CaseId, Dimension);
        (_dimensionSummary, _dimensionErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/measures?done=added#rate-heading");
    }

    private async Task ImportAsync()
    {
        var form = await Http.HttpContext!.Request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        byte[] bytes = [];
        if (file is { Length: > 0 and <= 5 * 1024 * 1024 })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            bytes = buffer.ToArray();
        }
        else if (file is { Length: > 5 * 1024 * 1024 })
        {
            _problems = ["The file is larger than 5 MB."];
            return;
        }
        var result = await Measures.ImportAsync(CaseId, bytes);
        if (result.Value is { } imported)
        {
            Navigation.NavigateTo($"/cases/{CaseId}/measures?done=imported&imported={imported.Added}");
            return;
        }
        _problems = result.Errors?.SelectMany(e => e.Value).ToList() ?? [result.ErrorText];
    }

    private static string StarJson(List<(DimensionView Dimension, ReadingView? First, ReadingView? Latest)> star) => JsonSerializer.Serialize(new
    {
        labels = star.Select(s => s.Dimension.Name),
        first = star.Select(s => Scaled(s.Dimension, s.First)),
        latest = star.Select(s => Scaled(s.Dimension, s.Latest)),
        firstLabel = "First reading",
        latestLabel = "Latest reading",
    }, Json);

    /// <summary>Each dimension's value as a share of its own scale (0–10), so dimensions with different scales share one star.</summary>
    private static double? Scaled(DimensionView d, ReadingView? r) =>
        r is null ? null : Math.Round(10.0 * (r.Value - d.Low) / (d.High - d.Low), 2);

    private static string StarLabel(List<(DimensionView Dimension, ReadingView? First, ReadingView? Latest)> star) =>
        "Star chart of first and latest readings: " + string.Join("; ", star.Select(s =>
            $"{s.Dimension.Name} from {s.First?.Value.ToString() ?? "none"} to {s.Latest?.Value.ToString() ?? "none"}")) + ". The same figures are in the table below.";

    private static string LineJson(DimensionView d, List<ReadingView> readings) => JsonSerializer.Serialize(new
    {
        label = d.Name,
        low = d.Low,
        high = d.High,
        lowLabel = d.LowLabel,
        highLabel = d.HighLabel,
        points = readings.Select(r => new { date = r.On.ToString("yyyy-MM-dd"), value = r.Value, practitioner = r.PractitionerValue, note = r.Note }),
    }, Json);

    private static string LineLabel(DimensionView d, List<ReadingView> readings) =>
        $"{d.Name} over time: " + string.Join(", ", readings.Select(r => $"{r.Value} on {CaseText.Date(r.On)}")) + ". Each reading is listed beside the chart.";
}
