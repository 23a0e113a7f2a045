using LearningStack.Web.Data;

namespace LearningStack.Web.Features.Understanding;

/// <summary>Demo maps for the Gateshead debt and welfare team: who is involved, what drives what, and a resident's journey.</summary>
public static class UnderstandingDemo
{
    public static void Seed(AppDbContext db, Guid networkId, Guid cycleId, DateTimeOffset now, string stewardName)
    {
        var at = now.AddDays(-50);
        Actor A(string name, ActorKind kind, ActorRoles roles, params string[] tags)
        {
            var actor = new Actor { NetworkId = networkId, CycleId = cycleId, Name = name, Kind = kind, Roles = roles, Tags = [.. tags], CreatedAt = at };
            db.Actors.Add(actor);
            return actor;
        }
        void R(Actor from, string kind, Actor to, int strength, TrustQuality trust, bool mutual = false, string? notes = null) =>
            db.ActorRelationships.Add(new ActorRelationship
            {
                NetworkId = networkId, CycleId = cycleId, FromId = from.Id, ToId = to.Id, Kind = kind, Strength = strength, Trust = trust, Notes = notes,
                Direction = mutual ? RelationshipDirection.Mutual : RelationshipDirection.Directed, CreatedAt = at,
            });

        var resident = A("Resident", ActorKind.Person, ActorRoles.PersonServed, "household");
        var caseworker = A("Caseworker", ActorKind.Person, ActorRoles.HasEnergyForChange, "team");
        var leader = A("Team leader", ActorKind.Person, ActorRoles.Steward | ActorRoles.OpinionLeader, "team");
        var finance = A("Council finance", ActorKind.Organisation, ActorRoles.CouldStopChange, "council");
        var audit = A("Internal audit", ActorKind.Team, ActorRoles.CouldStopChange, "council");
        var dwp = A("Benefits agency", ActorKind.Organisation, ActorRoles.None, "national");
        var charity = A("Furniture-recycling charity", ActorKind.Organisation, ActorRoles.HasEnergyForChange, "voluntary sector");
        var foodBank = A("Food bank", ActorKind.Community, ActorRoles.None, "voluntary sector");
        A("Residents' panel", ActorKind.Community, ActorRoles.LearningPartner, "residents");
        R(caseworker, "works with", resident, 4, TrustQuality.Good, mutual: true, notes: "Trust grew after the grocery shop together.");
        R(leader, "supports", caseworker, 4, TrustQuality.Good);
        R(finance, "funds", leader, 3, TrustQuality.Mixed, notes: "Petty cash takes three days to arrive.");
        R(audit, "checks spending of", leader, 2, TrustQuality.Low);
        R(dwp, "pays benefits to", resident, 2, TrustQuality.Low, notes: "A benefits problem nobody had picked up.");
        R(caseworker, "refers to", foodBank, 3, TrustQuality.Good);
        R(caseworker, "refers to", charity, 2, TrustQuality.Unknown);

        Factor F(string name, params string[] tags)
        {
            var factor = new Factor { NetworkId = networkId, CycleId = cycleId, Name = name, Tags = [.. tags], CreatedAt = at };
            db.Factors.Add(factor);
            return factor;
        }
        CausalLink L(Factor from, LinkPolarity polarity, Factor to, bool delay = false, Confidence confidence = Confidence.Medium, string? note = null)
        {
            var link = new CausalLink { NetworkId = networkId, CycleId = cycleId, FromId = from.Id, ToId = to.Id, Polarity = polarity, Delay = delay, Confidence = confidence, EvidenceNote = note, CreatedAt = at };
            db.CausalLinks.Add(link);
            return link;
        }
        var trust = F("Trust between resident and caseworker", "relationship");
        var disclosure = F("Problems disclosed", "relationship");
        var debt = F("Debt", "money");
        var stress = F("Resident's stress", "wellbeing");
        var speed = F("Speed of help on the spot", "money");
        var cashDelay = F("Petty-cash delay", "rules");
        var failureDemand = F("Failure demand (repeat contacts)", "demand");
        var time = F("Caseworker time", "team");
        var caseload = F("Caseload", "team");
        L(speed, LinkPolarity.Same, trust, note: "The grocery shop: help with the immediate need first.", confidence: Confidence.High);
        L(trust, LinkPolarity.Same, disclosure, delay: true);
        var toDebt = L(disclosure, LinkPolarity.Opposite, debt, delay: true, note: "Problems found can be worked on.");
        var toStress = L(debt, LinkPolarity.Same, stress, confidence: Confidence.High);
        var backToDisclosure = L(stress, LinkPolarity.Opposite, disclosure, note: "Stressed people tell us less.");
        L(cashDelay, LinkPolarity.Opposite, speed, confidence: Confidence.High, note: "Three days for petty cash.");
        L(time, LinkPolarity.Same, speed);
        L(speed, LinkPolarity.Opposite, failureDemand);
        L(failureDemand, LinkPolarity.Opposite, time);
        L(stress, LinkPolarity.Same, failureDemand);
        L(time, LinkPolarity.Same, trust);
        L(disclosure, LinkPolarity.Same, caseload);
        L(caseload, LinkPolarity.Opposite, time);
        db.NamedLoops.Add(new NamedLoop
        {
            NetworkId = networkId, CycleId = cycleId, Name = "Relief opens up", Key = FactorGraph.Key([toDebt.Id, toStress.Id, backToDisclosure.Id]),
            Notes = "As debt eases, stress falls and residents tell us more — so more gets sorted.",
        });

        var position = 0;
        void S(string description, DemandKind demand, string? responsible, string? notes = null) =>
            db.ProcessSteps.Add(new ProcessStep
            {
                NetworkId = networkId, CycleId = cycleId, Position = ++position, Description = description, Demand = demand, Responsible = responsible, Notes = notes, CreatedAt = at,
            });
        S("Resident phones the council about rent arrears", DemandKind.Value, "Contact centre");
        S("Told to ring the benefits line instead", DemandKind.Failure, "Contact centre", "Passed on without the problem being understood.");
        S("Phones the benefits line and waits on hold", DemandKind.Failure, "Benefits agency");
        S("Phones the council again to chase", DemandKind.Failure, "Contact centre");
        S("Caseworker visits and asks what matters to her", DemandKind.Value, "Caseworker");
        S("Caseworker asks for petty cash for food", DemandKind.Value, "Caseworker");
        S("Waits three days for the petty cash", DemandKind.Failure, "Council finance");
        S("Caseworker and resident shop for groceries together", DemandKind.Value, "Caseworker");

        db.BoundaryReviews.Add(new BoundaryReview
        {
            NetworkId = networkId, CycleId = cycleId, ReviewedBy = stewardName, ReviewedAt = now.AddDays(-12),
            Note = "Residents are on the map, but only one voice. Landlords and the furniture charity are new. Nobody from the benefits agency has joined a conversation yet.",
        });
    }
}
