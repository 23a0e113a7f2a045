using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments.Pages;

public partial class ExperimentPage
{
    private Experiment? _experiment;
    private CycleScope? _cycle;
    private bool _notFound;

    [Inject] private AppDbContext Db { get; set; } = null!;
    [Inject] private MapScope Scope { get; set; } = null!;

    [Parameter] public Guid ExperimentId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var experiment = await Db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == ExperimentId);
        var (cycle, _) = experiment is null ? (null, null) : await Scope.ForCycleAsync(experiment.CycleId, NetworkRole.Observer, default);
        _notFound = cycle is null;
        (_experiment, _cycle) = (experiment, cycle);
    }
}
