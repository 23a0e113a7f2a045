using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Primitives;

namespace LearningStack.Web.Features.Stories.Pages;

public partial class TellPage
{
    private StoryCollectionView? _collection;
    private IReadOnlyList<(Guid Id, string Reference)> _cases = [];
    private bool _notFound, _canTell;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;
    private IReadOnlyDictionary<string, StringValues>? _posted;

    [Inject] private StoryCommands Stories { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CollectionId { get; set; }

    protected override async Task OnInitializedAsync()
    {
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
        input.CaseId = Guid.TryParse(form["CaseId"], out var caseId) ? caseId : null;
        var result = await Stories.TellAsync(CollectionId, input);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/story-collections/{CollectionId}?done=told");
            return;
        }
        _summary = result.Errors is { Count: > 0 } errors ? [.. errors.SelectMany(e => e.Value).Distinct()] : [result.ErrorText];
        _errors = StoryForm.BySignifier(result.Errors, order);
    }
}
