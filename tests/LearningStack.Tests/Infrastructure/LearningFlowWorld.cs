using LearningStack.Tests.Infrastructure.Influence;
using LearningStack.Tests.Infrastructure.Issues;
using LearningStack.Tests.Infrastructure.People;
using LearningStack.Tests.Infrastructure.SenseMaking;
using LearningStack.Tests.Infrastructure.Stewardship;
using LearningStack.Tests.Infrastructure.Stories;
using LearningStack.Web.Features.Cycles;

namespace LearningStack.Tests.Infrastructure;

/// <summary>The sense-making, issue-log and influence part of the shared <see cref="World"/>, built after the experiments part:
/// each area adds the ids its endpoints need, and sees those made before it.</summary>
public static class LearningFlowWorld
{
    public static async Task<IReadOnlyDictionary<string, Guid>> BuildAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> experimentIds)
    {
        var ids = new Dictionary<string, Guid>(experimentIds);
        foreach (var area in new Func<IReadOnlyDictionary<string, Guid>, Task<IReadOnlyDictionary<string, Guid>>>[]
                 {
                     soFar => SessionCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => BoardCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => IssueCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => InfluenceCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => SpendCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => StoryCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => Patterns.PatternsCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => Stewardship.ManagingCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => LearningAccountCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => AlarmCatalogue.IdsAsync(app, network, team, organisation, soFar),
                     soFar => GovernanceCatalogue.IdsAsync(app, network, team, organisation, soFar),
                 })
        {
            foreach (var (key, id) in await area(ids))
            {
                ids[key] = id;
            }
        }
        return ids;
    }
}
