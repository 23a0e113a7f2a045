using LearningStack.Web.Features.Understanding.Pages;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class ManagingPlanPage
{
    private ManagingScope? _scope;
    private StagePlanView? _plan;
    private bool _notFound, _conflict;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private ManagingCommands Managing { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }
    [Parameter] public string Stage { get; set; } = "";
    [SupplyParameterFromForm(FormName = "plan")] private StagePlanInput Form { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        var (scope, _) = await Managing.ScopeAsync(CycleId);
        var plan = scope is null ? null : (await Managing.PlanAsync(CycleId, Stage)).Value;
        (_scope, _plan, _notFound) = (scope, plan, plan is null);
        if (plan is not null && !HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? ""))
        {
            Form = new StagePlanInput
            {
                WhatWillHappen = plan.WhatWillHappen, WhoWillBeConvened = plan.WhoWillBeConvened, When = plan.When, StartsOn = plan.StartsOn, EndsOn = plan.EndsOn,
                Version = plan.Version,
            };
        }
    }

    private async Task SaveAsync()
    {
        var result = await Managing.SavePlanAsync(CycleId, Stage, Form);
        if (result.Status == OutcomeStatus.Conflict)
        {
            (_conflict, _summary) = (true, [result.ErrorText]);
            _plan = (await Managing.PlanAsync(CycleId, Stage)).Value;
            Form.Version = _plan?.Version;
            return;
        }
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/managing?done=plan#plans-heading");
    }
}
