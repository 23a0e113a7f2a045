using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Primitives;

namespace LearningStack.Web.Features.Stories.Pages;

public partial class TellPage
{
    private StoryCollectionView? _collection;
    private IReadOnlyList<(Guid Id, string Reference)> _cases = [];
    private CaseScope? _with;
    private bool _notFound, _canTell;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;
    private IReadOnlyDictionary<string, StringValues>? _posted;

    [Inject] private StoryCommands Stories { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CollectionId { get; set; }

    /// <summary>The case file the story is told with, when started from the file (<c>?case=</c>).</summary>
    [SupplyParameterFromQuery(Name = "case")] private Guid? CaseId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (CaseId is { } caseId)
        {
            // Told with a person, perhaps by the person themselves (who need not be a member of the network).
            if (await Stories.ForTellingWithAsync(CollectionId, caseId) is not { } with)
            {
                _notFound = true;
                return;
            }
            (_collection, _with, _canTell) = (with.Collection, with.File, true);
            return;
        }
        var (collection, role, _) = await Stories.ScopeAsync(CollectionId);
        if (collection is null)
        {
            _notFound = true;
            return;
        }
        (_collection, _canTell) = (collection, role >= NetworkRole.Member);
        if (_canTell)
        {
            _cases = await Stories.MyCasesAsync(collection.NetworkId);
        }
    }

    private async Task SubmitAsync()
    {
        var form = Http.HttpContext!.Request.Form;
        _posted = form.ToDictionary(f => f.Key, f => f.Value);
        var (input, order) = StoryForm.Read(_posted, _collection!.Signifiers);
        input.CaseId = _with?.CaseId ?? (Guid.TryParse(form["CaseId"], out var caseId) ? caseId : null);
        var result = await Stories.TellAsync(CollectionId, input);
        if (result.IsOk)
        {
            Navigation.NavigateTo(_with is { } file ? $"/cases/{file.CaseId}/stories?done=told" : $"/story-collections/{CollectionId}?done=told");
            return;
        }
        _summary = result.Errors is { Count: > 0 } errors ? [.. errors.SelectMany(e => e.Value).Distinct()] : [result.ErrorText];
        _errors = StoryForm.BySignifier(result.Errors, order);
    }
}
