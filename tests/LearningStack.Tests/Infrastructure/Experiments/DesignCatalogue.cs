using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Experiments;

/// <summary>Experiment design endpoints for the access matrix, and the ids they need.</summary>
public static class DesignCatalogue
{
    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } = [];

    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, MapIds maps)
    {
        // Until the design endpoints exist, the experiment is put straight into the database.
        var experiment = new Experiment { Title = "Shopping together", NetworkId = network.Id, CycleId = team.Id, CreatedAt = DateTimeOffset.UtcNow };
        await app.WithDbAsync(async db =>
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync();
        });
        _ = maps;
        _ = NetworkRole.Member;
        return new Dictionary<string, Guid> { ["experimentId"] = experiment.Id };
    }
}
