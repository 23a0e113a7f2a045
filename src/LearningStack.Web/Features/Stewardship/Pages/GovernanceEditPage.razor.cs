using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class GovernanceEditPage
{
    private GovernanceView? _view;
    private IReadOnlyList<GovernanceCandidate> _candidates = [];
    private bool _notFound, _conflict;
    private List<string> _bodySummary = [], _accountSummary = [], _namedSummary = [];
    private IReadOnlyDictionary<string, string[]>? _bodyErrors, _accountErrors, _namedErrors;

    [Inject] private GovernanceCommands Governance { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "body")] private GovernanceBodyInput Body { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "account")] private GovernanceMemberInput Account { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "named")] private GovernanceMemberInput Named { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "remove")] private Guid? RemoveId { get; set; }

    private string? DoneText => Done switch
    {
        "added" => "Added to the body.",
        "removed" => "Taken off the body. The change is kept in the cycle's history.",
        "saved" => "Saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Body ??= new();
        Account ??= new();
        Named ??= new();
        await LoadAsync(fillBody: !HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? ""));
    }

    private async Task LoadAsync(bool fillBody)
    {
        var view = await Governance.GetAsync(CycleId);
        _notFound = !view.IsOk;
        _view = view.Value;
        _candidates = await Governance.CandidatesAsync(CycleId);
        if (fillBody && _view?.Body is { } body)
        {
            Body = new GovernanceBodyInput { Name = body.Name, Kind = body.Kind, Description = body.Description, Version = body.Version };
        }
    }

    private async Task SaveBodyAsync()
    {
        var result = _view?.Body is null ? await Governance.CreateBodyAsync(CycleId, Body) : await Governance.UpdateBodyAsync(CycleId, Body);
        if (result.Status == OutcomeStatus.Conflict)
        {
            _conflict = true;
            await LoadAsync(fillBody: true);
            return;
        }
        (_bodySummary, _bodyErrors) = Navigation.AfterSubmit(result, _view?.Body is null ? $"/cycles/{CycleId}/governance/edit?done=saved" : $"/cycles/{CycleId}/governance?done=saved");
    }

    private async Task AddAccountAsync()
    {
        if (string.IsNullOrWhiteSpace(Account.UserId))
        {
            (_accountSummary, _accountErrors) = (["Choose someone from the list."], new Dictionary<string, string[]> { ["userId"] = ["Choose someone from the list."] });
            return;
        }
        var result = await Governance.AddMemberAsync(CycleId, Account);
        (_accountSummary, _accountErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/governance/edit?done=added");
    }

    private async Task AddNamedAsync()
    {
        Named.UserId = null;
        var result = await Governance.AddMemberAsync(CycleId, Named);
        (_namedSummary, _namedErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/governance/edit?done=added");
    }

    private async Task RemoveAsync()
    {
        if (RemoveId is not { } id)
        {
            return;
        }
        var result = await Governance.RemoveMemberAsync(CycleId, id);
        (_bodySummary, _bodyErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/governance/edit?done=removed");
    }
}
