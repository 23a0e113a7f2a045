using LearningStack.Web.Data;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.SenseMaking;

namespace LearningStack.Web.Features.Influence;

/// <summary>Learning flowing along the Gateshead stack: the petty-cash issue routed to the finance and audit cycle (accepted, in
/// its own log), the furniture issue routed across to housing (waiting), learning about card spending handed on, and one thing
/// the team has already made business as usual.</summary>
public static class InfluenceDemo
{
    public static void Gateshead(AppDbContext db, Guid networkId, Guid teamCycleId, Guid housingCycleId, Guid orgCycleId, DateTimeOffset now,
        Issue pettyCash, Issue furniture, SenseMakingSession session, string stewardId)
    {
        var received = new Issue
        {
            NetworkId = networkId, CycleId = orgCycleId, Number = 1, Description = pettyCash.Description, Level = pettyCash.Level, Owner = pettyCash.Owner,
            Source = IssueSource.Route, SourceLabel = $"Routed from 'Debt and welfare support team' #{pettyCash.Number}", Tags = ["money", "audit"],
            CountermeasureNow = "The team's credit-card experiment, with same-day sign-off.", RaisedByUserId = stewardId,
            CreatedAt = now.AddDays(-4), UpdatedAt = now.AddDays(-4),
        };
        db.Issues.Add(received);
        var route = new IssueRoute
        {
            NetworkId = networkId, IssueId = pettyCash.Id, FromCycleId = teamCycleId, ToCycleId = orgCycleId, RoutedByUserId = stewardId, RoutedAt = now.AddDays(-6),
            Note = "Only finance and audit can change how quickly money reaches caseworkers.",
            Status = RouteStatus.Accepted, RespondedByUserId = stewardId, RespondedAt = now.AddDays(-4), ReceivedIssueId = received.Id,
            Response = "Accepted. Audit's concern is the trail, not the amounts: we will draft principles for spending on the day with the team.",
        };
        received.SourceId = route.Id;
        db.IssueRoutes.Add(route);
        db.IssueRoutes.Add(new IssueRoute
        {
            NetworkId = networkId, IssueId = furniture.Id, FromCycleId = teamCycleId, ToCycleId = housingCycleId, RoutedByUserId = stewardId, RoutedAt = now.AddDays(-2),
            Note = "New tenancies start without basic furniture; housing decides what a tenancy comes with.", Status = RouteStatus.Waiting,
        });

        var cards = db.Experiments.Local.FirstOrDefault(e => e.CycleId == teamCycleId && e.Title.StartsWith("Team credit cards", StringComparison.Ordinal));
        var learning = new InfluenceRecord
        {
            NetworkId = networkId, FromCycleId = teamCycleId, Title = "What we learnt about credit-card spending",
            Learning = "Money on the day turns a crisis back into a need. Most of it went on **furniture**, and once the urgent need was met, people began to talk about their debts. " +
                "Audit could follow a simple log with the reason for each spend more easily than a pile of receipts.",
            ExperimentIds = cards is null ? [] : [cards.Id], SessionIds = [session.Id], SharedByUserId = stewardId, SharedAt = now.AddDays(-5),
        };
        db.InfluenceRecords.Add(learning);
        db.InfluenceRecipients.Add(new InfluenceRecipient
        {
            NetworkId = networkId, InfluenceId = learning.Id, FromCycleId = teamCycleId, ToCycleId = orgCycleId, Response = InfluenceResponse.Adapted,
            ResponseNote = "Used the spend-log columns as the starting point for the audit trail in our draft principles.", RespondedByUserId = stewardId, RespondedAt = now.AddDays(-3),
        });
        db.InfluenceRecipients.Add(new InfluenceRecipient { NetworkId = networkId, InfluenceId = learning.Id, FromCycleId = teamCycleId, ToCycleId = housingCycleId });

        db.Embeddings.Add(new Embedding
        {
            NetworkId = networkId, CycleId = teamCycleId, What = "Home visits start with 'what matters to you today?' before any form.", Kind = EmbeddingKind.Culture,
            Replaced = "Every first visit began with the assessment form.", EmbeddedOn = DateOnly.FromDateTime(now.AddDays(-25).UtcDateTime),
            ExperimentIds = db.Experiments.Local.Where(e => e.Title == Experiments.ExperimentsDemo.GroceriesTitle).Select(e => e.Id).ToList(),
            RecordedByUserId = stewardId, CreatedAt = now.AddDays(-25),
        });
    }
}
