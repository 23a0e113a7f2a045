using LearningStack.Web.Features.Cycles;

namespace LearningStack.Tests.Infrastructure.Experiments;

/// <summary>The experiments part of the shared <see cref="World"/>: one experiment on the team cycle, and one record of each kind
/// on it, by placeholder name ("experimentId", "countermeasureId", …) for the endpoint catalogue.</summary>
public static class ExperimentWorld
{
    public static async Task<IReadOnlyDictionary<string, Guid>> BuildAsync(AppFactory app, TestNetwork network, CycleDetail team, MapIds maps)
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var (key, id) in await DesignCatalogue.IdsAsync(app, network, team, maps))
        {
            ids[key] = id;
        }
        var experimentId = ids["experimentId"];
        foreach (var part in new[]
                 {
                     await CountermeasureCatalogue.IdsAsync(app, network, team, experimentId),
                     await PodCatalogue.IdsAsync(app, network, team, experimentId),
                     await EvidenceCatalogue.IdsAsync(app, network, team, experimentId),
                 })
        {
            foreach (var (key, id) in part)
            {
                ids[key] = id;
            }
        }
        return ids;
    }
}
