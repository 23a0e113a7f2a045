using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stories.Pages;

public partial class StoriesPage
{
    private NetworkSummary? _network;
    private IReadOnlyList<StoryCollectionSummary> _collections = [];
    private bool _notFound, _isSteward;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private StoryCommands Stories { get; set; } = null!;
    [Inject] private NetworkCommands Networks { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid NetworkId { get; set; }

    [SupplyParameterFromForm(FormName = "new-collection")] private NewCollectionForm Form { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        var list = await Stories.ListAsync(NetworkId);
        if (!list.IsOk)
        {
            _notFound = true;
            return;
        }
        _collections = list.Value!;
        _network = (await Networks.GetAsync(NetworkId)).Value;
        _isSteward = _network?.Role == NetworkRole.Steward;
        _notFound = _network is null;
    }

    private async Task CreateAsync()
    {
        var result = await Stories.CreateAsync(NetworkId, new StoryCollectionInput { Template = Form.Template, Title = Form.Title, Prompt = Form.Prompt });
        (_summary, _errors) = Navigation.AfterSubmit(result, result.Value is { } v ? $"/story-collections/{v.Id}/edit?done=created" : "");
    }

    public sealed class NewCollectionForm
    {
        public string? Template { get; set; }
        public string? Title { get; set; }
        public string? Prompt { get; set; }
    }
}
