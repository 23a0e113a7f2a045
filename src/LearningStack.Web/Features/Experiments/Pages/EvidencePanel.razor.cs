using System.Globalization;
using System.Text.Json;
using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace LearningStack.Web.Features.Experiments.Pages;

public partial class EvidencePanel
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    private EvidenceListView? _list;
    private EvidenceListView? _deleted;
    private MeasurementsView? _measurements;
    private string? _failed;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private EvidenceCommands Evidence { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IOptions<EvidenceOptions> Options { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ExperimentId { get; set; }

    [Parameter, EditorRequired] public Guid CycleId { get; set; }

    [Parameter] public bool CanEdit { get; set; }

    [SupplyParameterFromQuery(Name = "evidence")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "evidence-measurement")] private EvidenceForm Measurement { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-note")] private EvidenceForm Note { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-narrative")] private EvidenceForm Narrative { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-delete")] private RemoveForm DeleteEvidence { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-restore")] private RemoveForm RestoreEvidence { get; set; } = default!;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    private string? DoneText => Done switch
    {
        "added" => "Evidence added.",
        "uploaded" => "Uploaded. It is in the list below.",
        "deleted" => "Deleted. A steward can restore it for 30 days.",
        "restored" => "Restored.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Measurement ??= new() { OccurredOn = Today };
        Note ??= new() { OccurredOn = Today };
        Narrative ??= new() { OccurredOn = Today };
        DeleteEvidence ??= new();
        RestoreEvidence ??= new();
        var list = (await Evidence.ListAsync(ExperimentId, null, false, 1, EvidenceCommands.DefaultPageSize)).Value;
        var measurements = (await Evidence.MeasurementsAsync(ExperimentId)).Value;
        var deleted = CanEdit ? (await Evidence.ListAsync(ExperimentId, null, true, 1, EvidenceCommands.DefaultPageSize)).Value : null;
        (_list, _measurements, _deleted) = (list, measurements, deleted);
    }

    private Task AddMeasurementAsync() => AddAsync("evidence-measurement", Measurement, EvidenceKind.Measurement);

    private Task AddNoteAsync() => AddAsync("evidence-note", Note, EvidenceKind.Note);

    private Task AddNarrativeAsync() => AddAsync("evidence-narrative", Narrative, EvidenceKind.Narrative);

    private async Task AddAsync(string form, EvidenceForm values, EvidenceKind kind)
    {
        var result = await Evidence.CreateAsync(ExperimentId, values.ToInput(kind));
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/experiments/{ExperimentId}?evidence=added#evidence-heading");
        _failed = result.IsOk ? null : form;
    }

    private async Task DeleteAsync()
    {
        var result = DeleteEvidence.Id is { } id ? await Evidence.DeleteAsync(id) : Failure.NotFound;
        Navigation.NavigateTo($"/experiments/{ExperimentId}?evidence={(result.IsOk ? "deleted" : "")}#evidence-heading");
    }

    private async Task RestoreAsync()
    {
        var result = RestoreEvidence.Id is { } id ? await Evidence.RestoreAsync(id) : Failure.NotFound;
        Navigation.NavigateTo($"/experiments/{ExperimentId}?evidence={(result.IsOk ? "restored" : "")}#evidence-heading");
    }

    private IReadOnlyDictionary<string, string[]>? MeasurementErrors => ErrorsOf("evidence-measurement");
    private IReadOnlyDictionary<string, string[]>? NoteErrors => ErrorsOf("evidence-note");
    private IReadOnlyDictionary<string, string[]>? NarrativeErrors => ErrorsOf("evidence-narrative");
    private string TodayText => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IReadOnlyDictionary<string, string[]>? ErrorsOf(string form) => _failed == form ? _errors ?? new Dictionary<string, string[]>() : null;

    private static string MediaLabel(EvidenceView e) => $"{EvidenceText.Name(e.MediaKind ?? MediaKind.Video)}: {e.Text ?? e.FileName}";

    /// <summary>The browser's copy of the file address (sign-in cookie).</summary>
    private static string FileUrl(EvidenceView entry) => $"/api/ui/evidence/{entry.Id}/file";

    private static string EntryMeta(EvidenceView e) =>
        $"{e.OccurredOn.ToString("d MMM yyyy", Culture)} · {(e.MediaKind is { } media ? EvidenceText.Name(media) : EvidenceText.Name(e.Kind))}"
        + (e.ToldBy is { } voice ? $" · told by: {EvidenceText.Name(voice).ToLowerInvariant()}" : "")
        + $" · added by {e.CreatedByName}";

    private static string Excerpt(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..80] + "…";

    private static string ChartJson(MeasurementSeries series) => JsonSerializer.Serialize(new
    {
        label = series.WhatMeasured,
        unit = series.Unit,
        points = series.Points.Select(p => new { date = p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value = p.Value, context = p.Context }),
    });

    private static string ChartLabel(MeasurementSeries s) =>
        $"Line chart of {s.WhatMeasured}: {s.Points.Count} values from {s.From.ToString("d MMM yyyy", Culture)} to {s.To.ToString("d MMM yyyy", Culture)}, "
        + $"first {s.Points[0].Value.ToString("0.####", Culture)}, latest {s.Points[^1].Value.ToString("0.####", Culture)}{(s.Unit is { } u ? " " + u : "")}. The numbers are also in the table below.";

    public sealed class EvidenceForm
    {
        public DateOnly? OccurredOn { get; set; }
        public string? Title { get; set; }
        public string? Text { get; set; }
        public string? WhatMeasured { get; set; }
        public decimal? Value { get; set; }
        public string? Unit { get; set; }
        public string? Context { get; set; }
        public Voice? ToldBy { get; set; }

        public EvidenceInput ToInput(EvidenceKind kind) => new()
        {
            Kind = kind, OccurredOn = OccurredOn, Title = Title, Text = Text, WhatMeasured = WhatMeasured, Value = Value, Unit = Unit, Context = Context, ToldBy = ToldBy,
        };
    }
}
