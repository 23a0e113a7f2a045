using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class CaseFilePage
{
    private CaseFileView? _file;
    private IReadOnlyList<CaseTaskView> _tasks = [];
    private bool _breakGlass;
    private List<string> _summary = [], _noteSummary = [], _detailSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors, _noteErrors, _detailErrors;

    [Inject] private CaseCommands Cases { get; set; } = null!;
    [Inject] private CaseTaskCommands TaskList { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CaseId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "note")] private NoteForm Note { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "details")] private CaseInput Details { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "break-glass")] private BreakGlassInput BreakGlass { get; set; } = default!;

    private bool CanWork => _file is { Relation: CaseRelation.Practitioner or CaseRelation.Granted, Restricted: false, ErasedAt: null };

    private bool CanAddOwnWords => _file is { Relation: not CaseRelation.BreakGlass, Restricted: false, ErasedAt: null };

    private string? DoneText => Done switch
    {
        "matters" => "Added to what matters.",
        "strength" => "Strength added.",
        "statement-saved" => "Saved. The earlier words are kept in its history.",
        "note" => "Added to the file.",
        "details" => "Details saved.",
        "created" => "Case file opened. Start with what matters to them, in their words.",
        "welcome" => "Welcome to your file. Start by adding what matters to you.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Note ??= new();
        Details ??= new();
        BreakGlass ??= new();
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        if (isPost && Http.HttpContext?.Request.Form["_handler"].ToString() == "break-glass")
        {
            return; // the break-glass handler opens the file itself (and logs why)
        }
        var result = await Cases.GetAsync(CaseId, "Case file page");
        if (result.Status == OutcomeStatus.Forbidden && result.Message == CaseAccess.BreakGlassNeeded.Message)
        {
            _breakGlass = true;
            if (Http.HttpContext is { Response.HasStarted: false } context)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            return;
        }
        _file = result.Value;
        if (CanWork)
        {
            _tasks = (await TaskList.ListAsync(_file!.NetworkId)).Value ?? [];
        }
        if (_file is not null && !isPost)
        {
            Details = new CaseInput { DisplayName = _file.DisplayName, Contact = _file.Contact, Version = _file.Version };
            Note = new NoteForm { OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow) };
        }
    }

    private async Task BreakGlassAsync()
    {
        var result = await Cases.BreakGlassAsync(CaseId, BreakGlass);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/cases/{CaseId}");
            return;
        }
        (_breakGlass, _summary, _errors) = (true, FormErrors.Summary(result), result.Errors);
    }

    private async Task AddNoteAsync()
    {
        var result = await Cases.AddNoteAsync(CaseId, Note.ToInput());
        (_noteSummary, _noteErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}?done=note#notes-heading");
        _noteErrors ??= result.IsOk ? null : new Dictionary<string, string[]>();
    }

    private async Task SaveDetailsAsync()
    {
        var result = await Cases.UpdateAsync(CaseId, Details);
        (_detailSummary, _detailErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}?done=details");
        _detailErrors ??= result.IsOk ? null : new Dictionary<string, string[]>();
    }
}

/// <summary>What the note form posts (a checkbox posts "true" or nothing).</summary>
public sealed class NoteForm
{
    public NoteKind? Kind { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public string? Who { get; set; }
    public string? WhatHappened { get; set; }
    public string? NextSteps { get; set; }
    public bool PractitionerOnly { get; set; }
    public List<Guid> TaskTypeIds { get; set; } = [];

    public NoteInput ToInput() => new()
    {
        Kind = Kind, OccurredOn = OccurredOn, Who = Who, WhatHappened = WhatHappened, NextSteps = NextSteps, PractitionerOnly = PractitionerOnly,
        TaskTypeIds = TaskTypeIds,
    };
}
