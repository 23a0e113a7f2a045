using LearningStack.Web.Features.Networks;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Cycles.Pages;

public partial class EditCycle
{
    private IReadOnlyList<ScaleView>? _scales;
    private IReadOnlyList<MemberView> _members = [];
    private List<string> _errors = [];
    private bool _notFound;
    private bool _canEdit;
    private Guid _networkId;
    private string _networkName = "";
    private string _name = "";

    [Inject] private CycleCommands Cycles { get; set; } = null!;
    [Inject] private NetworkCommands Networks { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid? NetworkId { get; set; }
    [Parameter] public Guid? CycleId { get; set; }

    [SupplyParameterFromQuery(Name = "scale")] private Guid? ScaleFromQuery { get; set; }

    [SupplyParameterFromForm(FormName = "cycle")]
    private CycleInput Input { get; set; } = default!;

    private bool IsNew => CycleId is null;

    protected override async Task OnInitializedAsync()
    {
        var posted = Input is not null;
        Input ??= new CycleInput();
        if (CycleId is { } cycleId)
        {
            var cycle = await Cycles.GetAsync(cycleId);
            if (!cycle.IsOk)
            {
                _notFound = true;
                return;
            }
            var c = cycle.Value!;
            (_networkId, _networkName, _name, _canEdit) = (c.NetworkId, c.NetworkName, c.Name, c.CanEdit);
            if (!posted)
            {
                Input = new CycleInput
                {
                    Name = c.Name, ScaleId = c.Scale.Id, Purpose = c.Purpose, Boundary = c.Boundary, Kind = c.Kind,
                    StewardIds = [.. c.Stewards.Select(s => s.UserId)], Version = c.Version,
                };
            }
        }
        else
        {
            var network = await Networks.GetAsync(NetworkId!.Value);
            if (!network.IsOk)
            {
                _notFound = true;
                return;
            }
            (_networkId, _networkName, _canEdit) = (network.Value!.Id, network.Value.Name, network.Value.Role >= NetworkRole.Member);
            if (!posted)
            {
                Input.ScaleId = ScaleFromQuery;
            }
        }
        _scales = (await Networks.ScalesAsync(_networkId)).Value ?? [];
        _members = (await Networks.MembersAsync(_networkId)).Value ?? [];
    }

    private async Task SaveAsync()
    {
        if (Http.HttpContext?.Request is { HasFormContentType: true } request)
        {
            Input.StewardIds = [.. request.Form["stewards"].OfType<string>()];
        }
        var result = IsNew ? await Cycles.CreateAsync(_networkId, Input) : await Cycles.UpdateAsync(CycleId!.Value, Input);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/cycles/{result.Value!.Id}?done={(IsNew ? "created" : "saved")}");
            return;
        }
        _errors = [result.ErrorText];
    }
}
