using System.Globalization;
using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using LearningStack.Web.Platform.Files;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class SpendEditorPage
{
    private SpendFormContext? _context;
    private SpendEntryView? _saved;
    private bool _notFound, _conflict;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private SpendCommands Spend { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid? CycleId { get; set; }
    [Parameter] public Guid? EntryId { get; set; }

    [SupplyParameterFromForm(FormName = "spend")] private SpendForm Form { get; set; } = default!;

    private string Title => EntryId is null ? "Log a spend" : "Edit the spend";

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        var cycleId = CycleId;
        if (EntryId is { } entryId)
        {
            _saved = (await Spend.GetAsync(entryId)).Value;
            cycleId = _saved is { Hidden: false } ? _saved.CycleId : null;
        }
        _context = cycleId is { } id ? await Spend.FormContextAsync(id) : null;
        _notFound = _context is null;
        if (!isPost && _context is not null)
        {
            Form = _saved is { } saved ? SpendForm.Of(saved) : new SpendForm { Currency = _context.DefaultCurrency };
        }
    }

    private async Task SaveAsync()
    {
        if (Form.Parse() is { } unreadable)
        {
            (_summary, _errors) = (FormErrors.Summary<bool>(unreadable), unreadable.Errors);
            return;
        }
        var input = Form.ToInput();
        if (EntryId is { } entryId)
        {
            var result = await Spend.UpdateAsync(entryId, input);
            if (result.Status == OutcomeStatus.Conflict)
            {
                (_conflict, _summary) = (true, [result.ErrorText]);
                _saved = (await Spend.GetAsync(entryId)).Value;
                Form.Version = _saved?.Version;
                return;
            }
            (_summary, _errors) = Navigation.AfterSubmit(result, $"/spend/{entryId}?done=saved");
            return;
        }
        ReceiptUpload? receipt = null;
        var file = Http.HttpContext!.Request.HasFormContentType ? Http.HttpContext.Request.Form.Files.GetFile("receipt") : null;
        if (file is { Length: > 0 })
        {
            var prepared = await ReadReceiptAsync(file);
            if (prepared.Value is null)
            {
                (_summary, _errors) = (FormErrors.Summary(prepared), prepared.Errors);
                return;
            }
            receipt = prepared.Value;
        }
        var created = await Spend.CreateAsync(_context!.CycleId, input);
        if (created.Value is not { } entry)
        {
            if (receipt is not null)
            {
                Spend.DiscardReceipt(receipt);
            }
            (_summary, _errors) = (FormErrors.Summary(created), created.Errors);
            return;
        }
        if (receipt is not null)
        {
            var attached = await Spend.AttachReceiptAsync(entry.Id, receipt);
            if (!attached.IsOk)
            {
                Navigation.NavigateTo($"/spend/{entry.Id}?done=receipt-refused");
                return;
            }
        }
        Navigation.NavigateTo($"/spend/{entry.Id}?done=added");
    }

    private async Task<Outcome<ReceiptUpload>> ReadReceiptAsync(IFormFile file)
    {
        try
        {
            await using var stream = file.OpenReadStream();
            return await Spend.PrepareReceiptAsync(stream, file.FileName);
        }
        catch (MediaTooLargeException)
        {
            return Failure.Invalid("file", $"The receipt is larger than {SpendText.Size(Spend.MaxReceiptBytes)}. Take the photo at a lower resolution, then try again.");
        }
    }
}

/// <summary>What the spend form posts, as typed; the commands check everything.</summary>
public sealed class SpendForm
{
    public string? WhatWasBought { get; set; }
    public string? Amount { get; set; }
    public string? Currency { get; set; }
    public DateOnly? SpentOn { get; set; }
    public Guid? NeedCategoryId { get; set; }
    public string? NewCategory { get; set; }
    public Guid? CaseId { get; set; }
    public int? Version { get; set; }

    private decimal? _amount;

    public static SpendForm Of(SpendEntryView entry) => new()
    {
        WhatWasBought = entry.WhatWasBought, Amount = entry.Amount.ToString("0.00", CultureInfo.InvariantCulture), Currency = entry.Currency,
        SpentOn = entry.SpentOn, NeedCategoryId = entry.NeedCategoryId, CaseId = entry.CaseId, Version = entry.Version,
    };

    /// <summary>Reads the amount as typed ("£1,240.50" or "1240.5"); a failure when it is not a number.</summary>
    public Failure? Parse()
    {
        _amount = null;
        var text = Amount?.Trim().TrimStart('£', '€', '$').Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            _amount = amount;
            return null;
        }
        return Failure.Invalid("amount", "Give the amount as a number, for example 42.50.");
    }

    public SpendInput ToInput() => new()
    {
        WhatWasBought = WhatWasBought, Amount = _amount, Currency = Currency, SpentOn = SpentOn, NeedCategoryId = NeedCategoryId,
        NewCategory = NewCategory, CaseId = CaseId, Version = Version,
    };
}
