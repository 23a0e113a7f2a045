using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform.Files;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class SpendEntryPage
{
    private SpendEntryView? _entry;
    private SpendFormContext? _context;
    private List<string> _approveErrors = [], _receiptErrors = [];

    [Inject] private SpendCommands Spend { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid EntryId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "approve")] private SpendApprovalInput Approval { get; set; } = default!;

    private string Heading => _entry is { Hidden: false, WhatWasBought: { } what } ? what : "Spend linked to a case";

    private string ReceiptUrl => $"/api/ui/spend/{EntryId}/receipt?v={_entry?.Version}";

    private string? DoneText => Done switch
    {
        "added" => "Spend logged.",
        "saved" => "Spend saved.",
        "approved" => "Spend signed off.",
        "receipt" => "Receipt added.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Approval ??= new();
        _entry = (await Spend.GetAsync(EntryId)).Value;
        _context = _entry is null ? null : await Spend.FormContextAsync(_entry.CycleId);
    }

    private async Task ApproveAsync()
    {
        var result = await Spend.ApproveAsync(EntryId, Approval);
        (_approveErrors, _) = Navigation.AfterSubmit(result, $"/spend/{EntryId}?done=approved");
    }

    private async Task UploadAsync()
    {
        var file = Http.HttpContext!.Request.HasFormContentType ? Http.HttpContext.Request.Form.Files.GetFile("receipt") : null;
        if (file is not { Length: > 0 })
        {
            _receiptErrors = ["Choose a photo or scan of the receipt to upload."];
            return;
        }
        try
        {
            await using var stream = file.OpenReadStream();
            var prepared = await Spend.PrepareReceiptAsync(stream, file.FileName);
            if (prepared.Value is not { } upload)
            {
                _receiptErrors = FormErrors.Summary(prepared);
                return;
            }
            var result = await Spend.AttachReceiptAsync(EntryId, upload);
            (_receiptErrors, _) = Navigation.AfterSubmit(result, $"/spend/{EntryId}?done=receipt");
        }
        catch (MediaTooLargeException)
        {
            _receiptErrors = [$"The receipt is larger than {SpendText.Size(Spend.MaxReceiptBytes)}. Take the photo at a lower resolution, then try again."];
        }
    }
}
