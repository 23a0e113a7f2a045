using LearningStack.Web.Data;
using LearningStack.Web.Features.SenseMaking;

namespace LearningStack.Web.Features.Issues;

/// <summary>The Gateshead team's issue log: the petty-cash issue raised from a session insight (routed to the finance cycle by
/// the influence demo), and a few others at each level.</summary>
public static class IssuesDemo
{
    public static (Issue PettyCash, Issue Furniture) Gateshead(AppDbContext db, Guid networkId, Guid teamCycleId, DateTimeOffset now,
        SenseMakingSession session, InsightCard pettyCashCard, string stewardId)
    {
        var pettyCash = Add(db, networkId, teamCycleId, 1, now.AddDays(-7), pettyCashCard.Text, IssueLevel.System, IssueOwner.Leadership,
            "Two caseworkers hold council credit cards; the team leader signs off each spend the same day.",
            "Principles for autonomous spending that audit can trust, so any caseworker can spend on the day.", ["money", "rules"], stewardId);
        pettyCash.Source = IssueSource.Insight;
        pettyCash.SourceId = pettyCashCard.Id;
        pettyCash.SourceLabel = $"Insight from '{session.Title}' ({session.StartsAt:d MMM yyyy})";
        pettyCashCard.IssueId = pettyCash.Id;

        var furniture = Add(db, networkId, teamCycleId, 2, now.AddDays(-6), "Residents moving into a new tenancy often have no bed, cooker or washing machine, and we buy them one by one.",
            IssueLevel.System, IssueOwner.Team, "Buy on the card when the need is urgent.",
            "Furnished or part-furnished tenancies, worked out with the housing support team and the recycling charity.", ["furniture", "housing"], stewardId);
        Add(db, networkId, teamCycleId, 3, now.AddDays(-20), "Benefit claims closed by mistake leave residents without money for weeks.", IssueLevel.Macro, IssueOwner.Government,
            "Sit with the resident while they call the benefits agency.", "A named contact at the agency for claims closed in error.", ["benefits"], stewardId);
        Add(db, networkId, teamCycleId, 4, now.AddDays(-30), "I sometimes start with the form before asking what matters to the person today.", IssueLevel.Individual, IssueOwner.Team,
            "Ask 'what matters to you today?' first, then the form if it helps.", null, ["trust"], stewardId);
        var forms = Add(db, networkId, teamCycleId, 5, now.AddDays(-40), "We fill in the same details on three forms for one referral.", IssueLevel.System, IssueOwner.Team,
            "Copy from the first form.", "One shared referral form.", ["forms"], stewardId);
        forms.Status = IssueStatus.Closed;
        forms.ClosedAt = now.AddDays(-15);
        forms.StatusReason = "The three forms were merged into one in the case system.";
        return (pettyCash, furniture);
    }

    private static Issue Add(AppDbContext db, Guid networkId, Guid cycleId, int number, DateTimeOffset at, string description, IssueLevel level, IssueOwner owner,
        string? countermeasure, string? systemChange, List<string> tags, string raisedBy)
    {
        var issue = new Issue
        {
            NetworkId = networkId, CycleId = cycleId, Number = number, Description = description, Level = level, Owner = owner, CountermeasureNow = countermeasure,
            SystemChange = systemChange, Tags = tags, Source = IssueSource.Direct, RaisedByUserId = raisedBy, CreatedAt = at, UpdatedAt = at,
        };
        db.Issues.Add(issue);
        return issue;
    }
}
