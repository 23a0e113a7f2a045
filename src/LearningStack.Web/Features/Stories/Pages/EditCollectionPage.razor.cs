using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stories.Pages;

public partial class EditCollectionPage
{
    private StoryCollectionView? _collection;
    private bool _notFound, _isSteward;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;
    private List<int> _kept = [];

    [Inject] private StoryCommands Stories { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CollectionId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "collection")] private CollectionForm Form { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        var (collection, role, _) = await Stories.ScopeAsync(CollectionId);
        if (collection is null)
        {
            _notFound = true;
            return;
        }
        (_collection, _isSteward) = (collection, role == NetworkRole.Steward);
        if (!HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? ""))
        {
            Form = CollectionForm.Of(collection);
        }
    }

    /// <summary>The index a row has in the input sent to the command (rows with an empty question are left out).</summary>
    private int Index(int row) => _kept.IndexOf(row);

    private async Task SaveAsync()
    {
        _kept = [.. Form.Signifiers.Select((s, i) => (s, i)).Where(x => !string.IsNullOrWhiteSpace(x.s.Question)).Select(x => x.i)];
        var input = new StoryCollectionInput
        {
            Title = Form.Title,
            Prompt = Form.Prompt,
            Version = Form.Version,
            Signifiers = [.. _kept.Select(i => Form.Signifiers[i]).Select(s => new SignifierInput
            {
                Id = s.Id, Kind = s.Kind, Question = s.Question, Labels = [.. (s.Labels ?? "").Split('\n')],
            })],
        };
        var result = await Stories.UpdateAsync(CollectionId, input);
        if (result.Status == OutcomeStatus.Conflict)
        {
            _summary = [result.ErrorText];
            return;
        }
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/story-collections/{CollectionId}?done=saved");
        while (Form.Signifiers.Count(s => s.Id is null && string.IsNullOrWhiteSpace(s.Question)) < 2)
        {
            Form.Signifiers.Add(new());
        }
    }

    public sealed class CollectionForm
    {
        public string? Title { get; set; }
        public string? Prompt { get; set; }
        public int? Version { get; set; }
        public List<SignifierRow> Signifiers { get; set; } = [];

        public static CollectionForm Of(StoryCollectionView c) => new()
        {
            Title = c.Title,
            Prompt = c.Prompt,
            Version = c.Version,
            Signifiers = [.. c.Signifiers.Select(s => new SignifierRow { Id = s.Id, Kind = s.Kind, Question = s.Question, Labels = string.Join("\n", s.Labels) }), new(), new()],
        };
    }

    public sealed class SignifierRow
    {
        public Guid? Id { get; set; }
        public SignifierKind? Kind { get; set; }
        public string? Question { get; set; }
        public string? Labels { get; set; }
    }
}
