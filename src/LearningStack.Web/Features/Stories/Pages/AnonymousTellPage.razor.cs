using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Primitives;

namespace LearningStack.Web.Features.Stories.Pages;

public partial class AnonymousTellPage
{
    private StoryCollectionView? _collection;
    private bool _closed, _thanks;
    private string? _message;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;
    private IReadOnlyDictionary<string, StringValues>? _posted;

    [Inject] private StoryCommands Stories { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public string Token { get; set; } = "";

    protected override async Task OnInitializedAsync()
    {
        var found = await Stories.ForLinkAsync(Token);
        if (found.IsOk)
        {
            _collection = found.Value;
            return;
        }
        (_closed, _message) = (found.Status == OutcomeStatus.Conflict, found.ErrorText);
        if (!_closed && Http.HttpContext is { } http)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task SubmitAsync()
    {
        var form = Http.HttpContext!.Request.Form;
        _posted = form.ToDictionary(f => f.Key, f => f.Value);
        var (input, order) = StoryForm.Read(_posted, _collection!.Signifiers);
        var honeypot = !string.IsNullOrWhiteSpace(form[StoryForm.Honeypot]);
        var result = await Stories.TellAnonymouslyAsync(Token, input, honeypot);
        if (result.IsOk)
        {
            _thanks = true;
            return;
        }
        if (result.Status == OutcomeStatus.Invalid)
        {
            _summary = result.Errors is { Count: > 0 } errors ? [.. errors.SelectMany(e => e.Value).Distinct()] : [result.ErrorText];
            _errors = StoryForm.BySignifier(result.Errors, order);
            return;
        }
        (_collection, _closed, _message) = (null, result.Status == OutcomeStatus.Conflict, result.ErrorText);
    }
}
