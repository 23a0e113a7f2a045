using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments.Pages;

public partial class NetworkExperimentsPage
{
    private NetworkSummary? _network;
    private ExperimentList? _list;
    private bool _notFound;
    private List<Choice> _scales = [];
    private List<Choice> _cycles = [];

    [Inject] private ExperimentCommands Experiments { get; set; } = null!;
    [Inject] private NetworkCommands Networks { get; set; } = null!;
    [Inject] private AppDbContext Db { get; set; } = null!;

    [Parameter] public Guid NetworkId { get; set; }

    [SupplyParameterFromQuery] private Guid? ScaleId { get; set; }
    [SupplyParameterFromQuery] private Guid? CycleId { get; set; }
    [SupplyParameterFromQuery] private string? Type { get; set; }
    [SupplyParameterFromQuery] private string? State { get; set; }
    [SupplyParameterFromQuery] private string? Tag { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private int? PageNumber { get; set; }

    private int Pages => _list is { } l ? Math.Max(1, (l.Total + l.PageSize - 1) / l.PageSize) : 1;

    protected override async Task OnInitializedAsync()
    {
        var network = await Networks.GetAsync(NetworkId);
        if (!network.IsOk)
        {
            _notFound = true;
            return;
        }
        var filter = new ExperimentFilter(ScaleId, CycleId,
            Enum.TryParse<ExperimentType>(Type, out var type) ? type : null,
            Enum.TryParse<ExperimentState>(State, out var state) ? state : null,
            Tag, PageNumber);
        var list = (await Experiments.NetworkBoardAsync(NetworkId, filter)).Value;
        var scales = await Db.Scales.AsNoTracking().Where(s => s.NetworkId == NetworkId).OrderBy(s => s.Position).Select(s => new Choice(s.Id, s.Name)).ToListAsync();
        var cycles = await Db.Cycles.AsNoTracking().Where(c => c.NetworkId == NetworkId && c.ArchivedAt == null).OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync();
        (_network, _list, _scales, _cycles) = (network.Value, list, scales, cycles);
    }

    private string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["scaleId"] = ScaleId?.ToString(), ["cycleId"] = CycleId?.ToString(), ["type"] = Type, ["state"] = State, ["tag"] = Tag, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/networks/{NetworkId}/experiments", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
