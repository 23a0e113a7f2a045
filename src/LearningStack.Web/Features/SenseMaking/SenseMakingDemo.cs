using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Demo sense-making sessions for the Gateshead story: two team meetings held (without a resident's voice — the
/// cycle page says so) and one planned with the residents' panel. The spend-log meeting's board holds the insight that
/// became the petty-cash issue.</summary>
public static class SenseMakingDemo
{
    /// <summary>Returns the session where the spend log was discussed and its card about petty cash (the issue log's source).</summary>
    public static (SenseMakingSession Session, InsightCard PettyCash) Gateshead(AppDbContext db, Guid networkId, Guid teamCycleId, DateTimeOffset now,
        (string Id, string Name) steward, (string Id, string Name) caseworker)
    {
        var first = Session(db, networkId, teamCycleId, "Team meeting: the credit cards' first fortnight", now.AddDays(-21), SessionState.Ended, steward.Name,
            "What have the first two weeks of on-the-spot spending shown us?");
        Participant(db, first, caseworker.Name, "Caseworker", Voice.Practitioner, caseworker.Id);
        Participant(db, first, "Priya (caseworker)", "Caseworker", Voice.Practitioner);
        Participant(db, first, steward.Name, "Team leader", Voice.Manager, steward.Id);

        var spend = Session(db, networkId, teamCycleId, "Team meeting: what the spend log shows", now.AddDays(-7), SessionState.Ended, steward.Name,
            "Read the spend log and residents' stories together, with finance in the room.");
        Participant(db, spend, caseworker.Name, "Caseworker", Voice.Practitioner, caseworker.Id);
        Participant(db, spend, "Priya (caseworker)", "Caseworker", Voice.Practitioner);
        Participant(db, spend, steward.Name, "Team leader", Voice.Manager, steward.Id);
        Participant(db, spend, "Finance business partner", "Council finance", Voice.Partner);
        var cards = db.Experiments.Local.FirstOrDefault(e => e.CycleId == teamCycleId && e.Title.StartsWith("Team credit cards", StringComparison.Ordinal));
        var materials = new List<Guid>();
        if (cards is not null)
        {
            var material = new SessionMaterial
            {
                NetworkId = networkId, CycleId = teamCycleId, SessionId = spend.Id, Kind = MaterialKind.Experiment, TargetId = cards.Id, Title = cards.Title, AddedAt = spend.CreatedAt,
            };
            db.SessionMaterials.Add(material);
            materials.Add(material.Id);
        }
        var money = Theme(db, spend, "Money on the day", 1);
        var rules = Theme(db, spend, "Rules in the way", 2);
        Card(db, spend, money, 1, "Most of what we buy is furniture: beds, cookers, washing machines.", caseworker, InsightKind.Eureka, false, materials);
        Card(db, spend, money, 2, "Once the urgent need is met, people start talking to us about their rent and debts.", caseworker, InsightKind.SlowReveal, false, materials);
        var pettyCash = Card(db, spend, rules, 1, "Petty cash takes three days to reach a caseworker — by then the need has become a crisis.", steward, InsightKind.None, false, materials);
        Card(db, spend, rules, 2, "Ask the furniture-recycling charity whether they can supply beds within a day.", steward, InsightKind.None, true, []);
        Card(db, spend, null, 1, "Audit worries about the trail, not the amounts.", ("", "Finance business partner"), InsightKind.None, false, []);

        var next = Session(db, networkId, teamCycleId, "Team meeting with the residents' panel", now.AddDays(5), SessionState.Planned, steward.Name,
            "Hear from residents what the card spending changed for them, and what they would change.");
        Participant(db, next, "Two members of the residents' panel", "Residents' panel", Voice.PersonServed);
        Participant(db, next, steward.Name, "Team leader", Voice.Manager, steward.Id);
        return (spend, pettyCash);
    }

    private static SenseMakingSession Session(AppDbContext db, Guid networkId, Guid cycleId, string title, DateTimeOffset at, SessionState state, string facilitator, string purpose)
    {
        var session = new SenseMakingSession
        {
            NetworkId = networkId, CycleId = cycleId, Title = title, StartsAt = at, State = state, FacilitatorName = facilitator, Purpose = purpose,
            Place = "Civic Centre, room 2", CreatedAt = at.AddDays(-7), EndedAt = state == SessionState.Ended ? at.AddHours(2) : null,
        };
        db.SenseMakingSessions.Add(session);
        return session;
    }

    private static void Participant(AppDbContext db, SenseMakingSession session, string name, string role, Voice voice, string? userId = null) =>
        db.SessionParticipants.Add(new SessionParticipant
        {
            NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = session.Id, Name = name, Role = role, Voice = voice, UserId = userId,
        });

    private static InsightTheme Theme(AppDbContext db, SenseMakingSession session, string title, int position)
    {
        var theme = new InsightTheme { NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = session.Id, Title = title, Position = position };
        db.InsightThemes.Add(theme);
        return theme;
    }

    private static InsightCard Card(AppDbContext db, SenseMakingSession session, InsightTheme? theme, int position, string text, (string Id, string Name) author,
        InsightKind kind, bool decision, List<Guid> materials)
    {
        var card = new InsightCard
        {
            NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = session.Id, ClientId = Guid.NewGuid(), Text = text,
            AuthorUserId = author.Id.Length == 0 ? null : author.Id, AuthorName = author.Name, ThemeId = theme?.Id, Position = position,
            Kind = kind, IsDecision = decision, MaterialIds = materials, CreatedAt = session.StartsAt.AddMinutes(10 + position),
        };
        db.InsightCards.Add(card);
        return card;
    }
}
