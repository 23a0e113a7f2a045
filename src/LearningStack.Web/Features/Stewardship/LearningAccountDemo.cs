using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The Gateshead debt and welfare team's first published learning account, written from the demo records after they are saved,
/// with one question from the scrutiny board member (Jo) answered by the system steward (Alex).</summary>
public static class LearningAccountDemo
{
    public const string TeamCycleName = "Debt and welfare support team";

    public const string Question = "The account says the credit-card countermeasures are still in place. What would you need to see before audit agrees to retire the team-leader sign-off?";

    public static async Task GatesheadAsync(AppDbContext db, DateTimeOffset now, (string Id, string Name) steward, (string Id, string Name) board, CancellationToken ct)
    {
        var team = await db.Cycles.Where(c => c.Name == TeamCycleName).Select(c => new { c.Id, c.NetworkId }).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            return;
        }
        var to = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var from = to.AddDays(-89);
        var sources = await LearningAccountRecords.LoadAsync(db, team.Id, from, to, ct);
        var account = new LearningAccount
        {
            NetworkId = team.NetworkId, CycleId = team.Id, Title = $"Learning account: {TeamCycleName}, the last three months", PeriodFrom = from, PeriodTo = to,
            Status = LearningAccountStatus.Published, Number = 1, CreatedByUserId = steward.Id, CreatedByName = steward.Name, CreatedAt = now.AddDays(-1),
            UpdatedAt = now.AddDays(-1), PublishedByUserId = steward.Id, PublishedByName = steward.Name, PublishedAt = now.AddHours(-20),
        };
        db.LearningAccounts.Add(account);
        var position = 0;
        foreach (var s in LearningAccountBuilder.Build(sources))
        {
            db.LearningAccountSections.Add(new LearningAccountSection
            {
                NetworkId = team.NetworkId, CycleId = team.Id, AccountId = account.Id, Key = s.Key, Title = s.Title, Position = position++, Markdown = s.Markdown,
                UpdatedAt = account.CreatedAt, UpdatedByName = steward.Name,
            });
        }
        var question = new LearningAccountQuestion
        {
            NetworkId = team.NetworkId, CycleId = team.Id, AccountId = account.Id, SectionKey = "what-changed", Text = Question,
            AskedByUserId = board.Id, AskedByName = board.Name, AskedAt = now.AddHours(-6),
        };
        db.LearningAccountQuestions.Add(question);
        db.LearningAccountAnswers.Add(new LearningAccountAnswer
        {
            NetworkId = team.NetworkId, CycleId = team.Id, AccountId = account.Id, QuestionId = question.Id, AnsweredByUserId = steward.Id, AnsweredByName = steward.Name,
            AnsweredAt = now.AddHours(-2),
            Text = "A simple log audit can follow from purchase to receipt, and principles the finance cycle has agreed. We are working on both with them; " +
                "until then the sign-off stays, and we will say so in the next account.",
        });
        await db.SaveChangesAsync(ct);
    }
}
