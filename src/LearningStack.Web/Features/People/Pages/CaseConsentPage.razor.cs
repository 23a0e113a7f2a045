using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class CaseConsentPage
{
    private CaseFileView? _file;
    private bool _canDecide;
    private List<string> _summary = [], _consentSummary = [], _eraseSummary = [], _aboutSummary = [];
    private IReadOnlyDictionary<string, string[]>? _consentErrors, _restrictErrors, _eraseErrors;

    [Inject] private CaseCommands Cases { get; set; } = null!;
    [Inject] private CaseAccess Access { get; set; } = null!;
    [Inject] private CaseRights Rights { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid CaseId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [SupplyParameterFromForm(FormName = "consent")] private ConsentInput Consent { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "restriction")] private RestrictionInput Restriction { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "erase")] private ErasureInput Erase { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "about")] private AboutInput About { get; set; } = default!;

    // After a failed save the form shows what was sent; otherwise what the file holds.
    private AgeBand? AboutAge => _aboutSummary.Count > 0 ? About.AgeBand : _file?.AgeBand;
    private GenderGroup? AboutGender => _aboutSummary.Count > 0 ? About.Gender : _file?.Gender;

    private string? DoneText => Done switch
    {
        "recorded" => "Decision recorded.",
        "withdrawn" => "Consent withdrawn. It takes effect now.",
        "restricted" => "Processing restricted. Nothing in the file can change until the restriction is lifted.",
        "lifted" => "Restriction lifted.",
        "erased" => "The person's data was erased. The file keeps only its reference.",
        "about" => "Saved. It is used only in counts of groups of 5 or more people.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Consent ??= new();
        Restriction ??= new();
        Erase ??= new();
        About ??= new();
        // Consent and rights are for the person and their practitioners: anyone else who may open the file goes to it, and
        // nothing is read (or logged) on the way.
        if ((await Access.ResolveAsync(CaseId, CancellationToken.None)).Scope is { Relation: not (CaseRelation.Practitioner or CaseRelation.Person) })
        {
            Navigation.NavigateTo($"/cases/{CaseId}");
            return;
        }
        _file = (await Cases.GetAsync(CaseId, "Consent and rights page")).Value;
        _canDecide = _file is { Relation: not CaseRelation.BreakGlass, ErasedAt: null };
    }

    private async Task RecordAsync()
    {
        var result = await Cases.RecordConsentAsync(CaseId, Consent);
        (_consentSummary, _consentErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/consent?done=recorded");
        _consentErrors ??= result.IsOk ? null : new Dictionary<string, string[]>();
    }

    private async Task WithdrawAsync(ConsentView consent)
    {
        var how = _file!.Relation == CaseRelation.Person ? null : "Withdrawn, recorded by a practitioner";
        var result = await Cases.RecordConsentAsync(CaseId, new ConsentInput { Purpose = consent.Purpose, Organisation = consent.Organisation, Given = false, How = how });
        (_summary, _) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/consent?done=withdrawn");
    }

    private async Task SaveAboutAsync()
    {
        var result = await Cases.SetAboutAsync(CaseId, About);
        (_aboutSummary, _) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/consent?done=about");
    }

    private async Task RestrictAsync()
    {
        var result = await Cases.SetRestrictionAsync(CaseId, Restriction);
        (_summary, _restrictErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/consent?done={(Restriction.Restricted ? "restricted" : "lifted")}");
    }

    private async Task EraseAsync()
    {
        var result = await Rights.EraseAsync(CaseId, Erase);
        (_eraseSummary, _eraseErrors) = Navigation.AfterSubmit(result, $"/cases/{CaseId}/consent?done=erased");
    }
}
