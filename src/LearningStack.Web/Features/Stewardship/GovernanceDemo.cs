using LearningStack.Web.Data;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Gateshead's council finance and audit cycle is governed by a scrutiny board: Jo Patel (who has an account) and two
/// people named by their role, with a few dated reflections on the governance questions. No concern is seeded: concerns are
/// confidential, and a demo that showed one would suggest they are something to browse.</summary>
public static class GovernanceDemo
{
    public static void Gateshead(AppDbContext db, Guid networkId, Guid cycleId, DateTimeOffset now, (string Id, string Name) steward, (string Id, string Name) board)
    {
        var body = new GovernanceBody
        {
            NetworkId = networkId, CycleId = cycleId, Name = "Scrutiny board", Kind = GovernanceBodyKind.ScrutinyCommittee, CreatedAt = now.AddDays(-50),
            Description = "Councillors and residents who meet the cycle's stewards every six weeks to talk through how the learning is going. " +
                "They read the learning account before each meeting and ask questions; they do not set targets.",
        };
        db.GovernanceBodies.Add(body);
        (string? UserId, string Name, string Role, int Days)[] members =
        [
            (board.Id, board.Name, "Resident member, reads concerns", -50),
            (null, "Cllr Maureen Aldridge", "Chair of the overview and scrutiny committee", -50),
            (null, "Dev Sharma", "Member of the residents' panel", -45),
        ];
        foreach (var (userId, name, role, days) in members)
        {
            db.GovernanceMembers.Add(new GovernanceMember
            {
                NetworkId = networkId, CycleId = cycleId, BodyId = body.Id, UserId = userId, Name = name, Role = role, AddedAt = now.AddDays(days),
            });
        }
        (string Key, int Days, (string Id, string Name) Author, string Text)[] reflections =
        [
            ("govern-who-helps-account", -48, steward,
                "The scrutiny board meets the stewards every six weeks. We bring the cycle's learning account; the board asks, we answer, and the " +
                "conversation is written up here."),
            ("govern-authentic", -30, board,
                "Finance and audit staff speak freely in the sessions, but the caseworkers who raised the petty-cash issue have only come once. " +
                "We asked the stewards to hold the next session at the team's office."),
            ("govern-authentic", -6, board,
                "Two caseworkers and a resident came to the last session and changed the discussion: the question is now how audit can trust " +
                "spending it cannot see in advance."),
            ("govern-into-infrastructure", -10, steward,
                "Not yet. The principles for autonomous spending are drafted; until they are in the finance procedures, the team leader's sign-off " +
                "stays as a countermeasure."),
        ];
        foreach (var (key, days, author, text) in reflections)
        {
            db.GovernanceReflections.Add(new GovernanceReflection
            {
                NetworkId = networkId, CycleId = cycleId, QuestionKey = key, Text = text, AuthorId = author.Id, AuthorName = author.Name, WrittenAt = now.AddDays(days),
            });
        }
    }
}
