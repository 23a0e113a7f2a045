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
    private EvidenceView? _editing;
    private EvidenceView? _theirs;
    private IReadOnlyList<CaseLinkChoice> _caseChoices = [];

    [Inject] private EvidenceCommands Evidence { get; set; } = null!;
    [Inject] private ExperimentCommands Experiments { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IOptions<EvidenceOptions> Options { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ExperimentId { get; set; }

    [Parameter, EditorRequired] public Guid CycleId { get; set; }

    [Parameter] public bool CanEdit { get; set; }

    /// <summary>The case file of the person the experiment is tried with, if any: new evidence is linked to it unless the form says no.</summary>
    [Parameter] public Guid? CaseId { get; set; }

    /// <summary>The experiment's case when the caller works on it: what new entries are linked to by default.</summary>
    private Guid? DefaultCaseId => CaseId is { } id && _caseChoices.Any(c => c.Id == id) ? id : null;

    [SupplyParameterFromQuery(Name = "evidence")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "edit-evidence")] private Guid? EditId { get; set; }
    [SupplyParameterFromQuery(Name = "evidence-page")] private int? PageNumber { get; set; }

    [SupplyParameterFromForm(FormName = "evidence-measurement")] private EvidenceForm Measurement { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-note")] private EvidenceForm Note { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-narrative")] private EvidenceForm Narrative { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-edit")] private EvidenceForm Edit { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-delete")] private RemoveForm DeleteEvidence { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "evidence-restore")] private RemoveForm RestoreEvidence { get; set; } = default!;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    private string? DoneText => Done switch
    {
        "added" => "Evidence added.",
        "uploaded" => "Uploaded. It is in the list below.",
        "deleted" => "Deleted. A steward can restore it for 30 days.",
        "restored" => "Restored.",
        "saved" => "Your changes to the evidence are saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        if (CanEdit)
        {
            var choices = (await Experiments.CaseChoicesAsync(CycleId)).ToList();
            if (CaseId is { } linked && choices.All(c => c.Id != linked) && await Experiments.LinkableCaseAsync(CycleId, linked) is { } reference)
            {
                choices.Add(new CaseLinkChoice(linked, reference));
            }
            _caseChoices = choices;
        }
        Measurement ??= new() { OccurredOn = Today, CaseId = DefaultCaseId };
        Note ??= new() { OccurredOn = Today, CaseId = DefaultCaseId };
        Narrative ??= new() { OccurredOn = Today, CaseId = DefaultCaseId };
        DeleteEvidence ??= new();
        RestoreEvidence ??= new();
        var posted = Edit is not null;
        Edit ??= new();
        EvidenceView? editing = null;
        if (CanEdit && (posted ? Edit.Id : EditId) is { } editId && (await Evidence.GetAsync(editId)).Value is { } found && found.ExperimentId == ExperimentId)
        {
            editing = found;
            Edit = posted ? Edit : EvidenceForm.Of(found);
        }
        var list = (await Evidence.ListAsync(ExperimentId, null, false, Math.Max(PageNumber ?? 1, 1), EvidenceCommands.DefaultPageSize)).Value;
        if (list is { Entries.Count: 0, Total: > 0 })
        {
            list = (await Evidence.ListAsync(ExperimentId, null, false, LastPage(list), EvidenceCommands.DefaultPageSize)).Value;
        }
        var measurements = (await Evidence.MeasurementsAsync(ExperimentId)).Value;
        var deleted = CanEdit ? (await Evidence.ListAsync(ExperimentId, null, true, 1, EvidenceCommands.DefaultPageSize)).Value : null;
        (_list, _measurements, _deleted, _editing) = (list, measurements, deleted, editing);
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

    private async Task SaveEditAsync()
    {
        if (_editing is null)
        {
            (_summary, _errors, _failed) = ([Failure.NotFound.Message!], null, "evidence-edit");
            return;
        }
        var input = Edit.ToInput(_editing.Kind);
        input.Version = Edit.Version;
        var result = await Evidence.UpdateAsync(_editing.Id, input);
        if (result.Status == OutcomeStatus.Conflict && (await Evidence.GetAsync(_editing.Id)).Value is { } theirs)
        {
            // Keep what was typed; show what is saved now; the next save (with the newer version) replaces it on purpose.
            (_theirs, Edit.Version, _failed) = (theirs, theirs.Version, "evidence-edit");
            (_summary, _errors) = (["Someone else changed this entry while you were editing it. What is saved now is shown below the form, and your text is kept in it. "
                + "Save again to replace their version with yours, or cancel to keep theirs."], null);
            return;
        }
        (_summary, _errors) = Navigation.AfterSubmit(result, PageUrl(_list?.Page ?? 1, "evidence=saved") + "#evidence-heading");
        _failed = result.IsOk ? null : "evidence-edit";
    }

    /// <summary>This experiment's address with the evidence page (when not the first) and any other query, e.g. "evidence=saved".</summary>
    private string PageUrl(int page, string? query = null)
    {
        var parts = new List<string>();
        if (query is not null)
        {
            parts.Add(query);
        }
        if (page > 1)
        {
            parts.Add($"evidence-page={page}");
        }
        return $"/experiments/{ExperimentId}" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }

    private string EditUrl(EvidenceView entry) => PageUrl(_list?.Page ?? 1, $"edit-evidence={entry.Id}") + "#evidence-edit-heading";

    private string CancelUrl(Guid id) => PageUrl(_list?.Page ?? 1) + $"#evidence-{id}";

    private static int LastPage(EvidenceListView list) => Math.Max(1, (list.Total + list.PageSize - 1) / list.PageSize);

    private bool IsEditing(EvidenceView entry) => _editing?.Id == entry.Id;

    private IReadOnlyDictionary<string, string[]>? EditErrors => ErrorsOf("evidence-edit");

    private static string EntryName(EvidenceView e) =>
        $"{(e.MediaKind is { } media ? EvidenceText.Name(media) : EvidenceText.Name(e.Kind)).ToLowerInvariant()} of {e.OccurredOn.ToString("d MMMM yyyy", Culture)}";

    private static string EditTitle(EvidenceView e) => e.Kind switch
    {
        EvidenceKind.Measurement => "Edit the measurement",
        EvidenceKind.Note => "Edit the note",
        EvidenceKind.Narrative => "Edit the story",
        _ => "Edit the caption",
    };

    private async Task DeleteAsync()
    {
        var result = DeleteEvidence.Id is { } id ? await Evidence.DeleteAsync(id) : Failure.NotFound;
        Navigation.NavigateTo(PageUrl(Math.Max(PageNumber ?? 1, 1), $"evidence={(result.IsOk ? "deleted" : "")}") + "#evidence-heading");
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
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public DateOnly? OccurredOn { get; set; }
        public string? Title { get; set; }
        public string? Text { get; set; }
        public string? WhatMeasured { get; set; }
        public decimal? Value { get; set; }
        public string? Unit { get; set; }
        public string? Context { get; set; }
        public Voice? ToldBy { get; set; }
        public Guid? CaseId { get; set; }

        public EvidenceInput ToInput(EvidenceKind kind) => new()
        {
            Kind = kind, OccurredOn = OccurredOn, Title = Title, Text = Text, WhatMeasured = WhatMeasured, Value = Value, Unit = Unit, Context = Context, ToldBy = ToldBy,
            CaseId = CaseId,
        };

        public static EvidenceForm Of(EvidenceView e) => new()
        {
            Id = e.Id, Version = e.Version, OccurredOn = e.OccurredOn, Title = e.Title, Text = e.Text, WhatMeasured = e.WhatMeasured, Value = e.Value, Unit = e.Unit,
            Context = e.Context, ToldBy = e.ToldBy, CaseId = e.CaseId,
        };
    }
}
