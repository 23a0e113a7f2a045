using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class CaseAccessPage
{
    private CaseFileView? _file;
    private bool _forbidden;
    private string? _link;
    private IReadOnlyList<AccessLogView> _log = [];
    private List<PersonRef> _candidates = [];
    private List<string> _summary = [], _grantSummary = [];
    private IReadOnlyDictionary<string, string[]>? _grantErrors;

    [Inject] private CaseCommands Cases { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid CaseId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [SupplyParameterFromForm(FormName = "practitioner")] private PractitionerInput Practitioner { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "grant")] private GrantInput Grant { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "added" => "Practitioner added.",
        "removed" => "Practitioner taken off the file.",
        "shared" => "File shared. It ends on the day you chose.",
        "ended" => "Sharing ended.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Practitioner ??= new();
        Grant ??= new() { Until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14) };
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _file = (await Cases.GetAsync(CaseId, "Who can see it page")).Value;
        if (_file is null)
        {
            return;
        }
        var log = await Cases.AccessLogAsync(CaseId);
        (_log, _forbidden) = (log.Value ?? [], !log.IsOk);
        if (_file.Relation == CaseRelation.Practitioner)
        {
            var onFile = _file.Practitioners.Select(p => p.UserId).ToHashSet();
            _candidates = [.. ((await Cases.ColleaguesAsync(CaseId)).Value ?? []).Where(c => !onFile.Contains(c.UserId))];
        }
    }

    private async Task AddPractitionerAsync()
    {
        var result = await Cases.AddPractitionerAsync(CaseId, Practitioner);
        (_summary, _) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/access?done=added");
    }

    private async Task RemoveAsync(string userId)
    {
        var result = await Cases.RemovePractitionerAsync(CaseId, userId);
        (_summary, _) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/access?done=removed");
    }

    private async Task GrantAsync()
    {
        var result = await Cases.GrantAsync(CaseId, Grant);
        (_grantSummary, _grantErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/access?done=shared");
        _grantErrors ??= result.IsOk ? null : new Dictionary<string, string[]>();
    }

    private async Task RevokeAsync(Guid grantId)
    {
        var result = await Cases.RevokeGrantAsync(grantId);
        (_summary, _) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/access?done=ended");
    }

    private async Task InviteAsync()
    {
        var result = await Cases.InviteAsync(CaseId);
        if (result.Value is { } invitation)
        {
            _link = Navigation.ToAbsoluteUri($"/case-invitations/{invitation.Token}").ToString();
        }
        else
        {
            _summary = FormErrors.Summary(result);
        }
    }
}
