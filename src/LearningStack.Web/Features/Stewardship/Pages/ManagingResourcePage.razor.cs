using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class ManagingResourcePage
{
    private ManagingScope? _scope;
    private ResourceView? _resource;
    private bool _notFound, _conflict;
    private List<string> _summary = [], _useSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors, _useErrors;

    [Inject] private ManagingCommands Managing { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid? CycleId { get; set; }
    [Parameter] public Guid? ResourceId { get; set; }
    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromForm(FormName = "resource")] private ResourceInput Form { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "use")] private ResourceUseInput Use { get; set; } = default!;

    private string Title => _resource?.Name ?? "Add a resource";

    private string? DoneText => Done switch
    {
        "added" => "Resource added. Write down what is used as it happens.",
        "saved" => "Saved.",
        "used" => "Written down.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        Use ??= new();
        var cycleId = CycleId;
        if (ResourceId is { } id)
        {
            _resource = (await Managing.ResourceAsync(id)).Value;
            cycleId = _resource?.CycleId;
        }
        _scope = cycleId is { } c ? (await Managing.ScopeAsync(c)).Scope : null;
        _notFound = _scope is null;
        if (_scope is not null && !HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? ""))
        {
            Form = _resource is { } r
                ? new ResourceInput
                {
                    Kind = r.Kind, Name = r.Name, HoursPerMonth = r.HoursPerMonth, Amount = r.Amount, Currency = r.Currency, Details = r.Details, StartsOn = r.StartsOn,
                    CountsSpendLog = r.CountsSpendLog, Version = r.Version,
                }
                : new ResourceInput { Kind = ResourceKind.Time, Currency = Managing.DefaultCurrency };
        }
    }

    private async Task SaveAsync()
    {
        if (ResourceId is { } id)
        {
            var result = await Managing.UpdateResourceAsync(id, Form);
            if (result.Status == OutcomeStatus.Conflict)
            {
                (_conflict, _summary) = (true, [result.ErrorText]);
                _resource = (await Managing.ResourceAsync(id)).Value;
                Form.Version = _resource?.Version;
                return;
            }
            (_summary, _errors) = Navigation.AfterSubmit(result, $"/resources/{id}?done=saved");
            return;
        }
        var created = await Managing.AddResourceAsync(_scope!.CycleId, Form);
        (_summary, _errors) = Navigation.AfterSubmit(created, created.Value is { } r ? $"/resources/{r.Id}?done=added" : "");
    }

    private async Task AddUseAsync()
    {
        var result = await Managing.AddUseAsync(ResourceId!.Value, Use);
        (_useSummary, _useErrors) = Navigation.AfterSubmit(result, $"/resources/{ResourceId}?done=used#uses-heading");
    }

    private static string KindLabel(ResourceKind kind) => kind switch
    {
        ResourceKind.Time => "Time (hours a month)",
        ResourceKind.Money => "Money",
        _ => "Something else",
    };

    private static string AmountLabel(ResourceView r) => r.Kind switch
    {
        ResourceKind.Time => "Hours",
        ResourceKind.Money => $"Amount ({r.Currency})",
        _ => "How much (optional)",
    };
}
