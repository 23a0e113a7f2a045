using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Stewardship;

namespace LearningStack.Tests.Infrastructure.Stewardship;

/// <summary>Governance alarms: endpoints for the access matrix, and the ids they need.</summary>
public static class AlarmCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Stewardship, "GET", "/api/cycles/{cycleId}/alarms", Observer),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/alarms/{alarmId}/dismiss", Steward, _ => new { reason = "We talked it over", version = 1 }),
        new(Feature.Stewardship, "POST", "/api/cycles/{cycleId}/alarms/evaluate", Steward),
        new(Feature.Stewardship, "GET", "/api/networks/{networkId}/alarm-settings", Observer),
        new(Feature.Stewardship, "PUT", "/api/networks/{networkId}/alarm-settings", Steward, _ => Thresholds(version: 0)),
        new(Feature.Stewardship, "GET", "/api/alarms/digest", null),
    ];

    /// <summary>An open alarm on the team cycle, written straight to the database (the rules' own firing is tested elsewhere).</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = organisation;
        _ = ids;
        return new Dictionary<string, Guid> { ["alarmId"] = await InsertAsync(app, network.Id, team.Id) };
    }

    public static async Task<Guid> InsertAsync(AppFactory app, Guid networkId, Guid cycleId, string rule = AlarmRuleKeys.Resting, string key = "resting")
    {
        var now = DateTimeOffset.UtcNow;
        var alarm = new Alarm
        {
            NetworkId = networkId, CycleId = cycleId, Rule = rule, Key = key, Why = "Every stage has been resting.", How = "Take a stage up again.",
            ActHref = $"/cycles/{cycleId}", ActLabel = "Change the stage statuses", Facts = "{}", Since = now.AddDays(-90), FirstSeenAt = now, LastSeenAt = now,
        };
        await app.WithDbAsync(async db =>
        {
            db.Alarms.Add(alarm);
            await db.SaveChangesAsync();
        });
        return alarm.Id;
    }

    public static object Thresholds(int version, int quietDays = 30, int routeWaitDays = 21) => new
    {
        quietDays, playingSafeMonths = 6, voiceSessions = 3, routeWaitDays, boundaryReviewMonths = 6, restingDays = 60, version,
    };
}
