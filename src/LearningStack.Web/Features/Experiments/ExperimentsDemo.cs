using LearningStack.Web.Data;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Demo experiments that follow the two stories of the product brief: Gateshead's grocery probe, which led to a benefits
/// experiment, and the debt team's credit cards shielded by a countermeasure; North Devon's practices trying test sets.</summary>
public static class ExperimentsDemo
{
    /// <summary>The person-scale probe tried with Pat (linked to her case file by <see cref="TriedWithPat"/>).</summary>
    public const string GroceriesTitle = "What happens if we go grocery shopping together?";

    public static void Gateshead(AppDbContext db, Guid networkId, Guid personCycleId, Guid teamCycleId, DateTimeOffset now, string caseworker, string steward)
    {
        var seed = new Seeder(db, networkId, now);

        // Person scale: a trust-building probe, concluded, and the experiment it led to.
        var groceries = seed.Experiment(personCycleId, GroceriesTitle, ExperimentType.Probe, -45, e =>
        {
            e.InquiryQuestions = ["What happens if we help with the most pressing need first, before any forms?"];
            e.SafeToFailRules = ["Do no harm to the person we are working with", "Keep within the money agreed"];
            e.EvidenceKinds = EvidenceKinds.Narrative | EvidenceKinds.Experiential;
            e.GatheredBy = "The caseworker, in notes after each visit";
            e.ReflectionEveryDays = 7;
            e.HowWeWillKnow = "The resident tells us what matters to her, in her own words.";
            e.Tags = ["trust", "food"];
            e.State = ExperimentState.Concluded;
            e.Decision = ExperimentDecision.Iterate;
            e.LearningAboutWork = "Helping with the immediate need first built trust quickly. On the way back she told us about a benefits problem nobody had picked up.";
            e.LearningAboutOrganising = "Caseworkers need money they can spend on the spot, and time that is not counted in visits per day.";
            e.ConcludedAt = now.AddDays(-30);
        });
        seed.Participant(groceries, "The resident", ParticipantRoles.CoDesigner, "Chose the shop and what mattered most");
        seed.Participant(groceries, caseworker, ParticipantRoles.CoDesigner | ParticipantRoles.HasEnergy, "Went shopping with her");
        seed.Evidence(groceries, EvidenceKind.Narrative, -40, "The shopping trip", "We walked to the shop together and talked about her grandchildren. On the bus back she said the money had stopped in March and she did not know why.", Voice.Practitioner);
        seed.Evidence(groceries, EvidenceKind.Narrative, -38, "In her words", "It was the first time someone asked what I needed today rather than what form I had filled in.", Voice.PersonServed);

        var benefits = seed.Experiment(personCycleId, "Sort out the stopped benefits together", ExperimentType.Probe, -30, e =>
        {
            e.ParentId = groceries.Id;
            e.InquiryQuestions = ["What happens if we sit with her while she calls the benefits agency, instead of referring her on?"];
            e.SafeToFailRules = ["Do no harm to the person we are working with", "She decides what is shared"];
            e.EvidenceKinds = EvidenceKinds.Narrative | EvidenceKinds.Quantitative;
            e.GatheredBy = "The caseworker";
            e.ReflectionEveryDays = 14;
            e.StartsOn = DateOnly.FromDateTime(now.AddDays(-28).UtcDateTime);
            e.PlannedEndOn = DateOnly.FromDateTime(now.AddDays(20).UtcDateTime);
            e.State = ExperimentState.Running;
            e.Tags = ["benefits"];
        });
        seed.Evidence(benefits, EvidenceKind.Note, -12, "Call with the benefits agency", "Two hours on hold; the claim had been closed by mistake. Reopened on the call.", null);

        // Team scale: credit cards for on-the-spot spending, with the team leader's sign-off as a countermeasure.
        var cards = seed.Experiment(teamCycleId, "Team credit cards for on-the-spot spending", ExperimentType.HypothesisTest, -35, e =>
        {
            e.ResearchQuestion = "Does money in caseworkers' hands on the day change what residents can do next?";
            e.Hypothesis = "If caseworkers can spend small sums on the spot, residents' urgent needs are met days sooner and fewer come back in crisis.";
            e.InquiryQuestions = ["What do caseworkers buy when they can?", "What does it change for the resident?", "What would audit need to trust it?"];
            e.SafeToFailRules = ["Stay within the law and the council's financial rules, or a countermeasure agreed for them", "Do no harm to the people we serve", "Keep within the money agreed"];
            e.Permissions = "Head of finance agreed two cards for three months.";
            e.PermissionStatus = PermissionStatus.Granted;
            e.StartsOn = DateOnly.FromDateTime(now.AddDays(-28).UtcDateTime);
            e.ReviewPoints = [DateOnly.FromDateTime(now.AddDays(-7).UtcDateTime), DateOnly.FromDateTime(now.AddDays(21).UtcDateTime)];
            e.PlannedEndOn = DateOnly.FromDateTime(now.AddDays(60).UtcDateTime);
            e.EvidenceKinds = EvidenceKinds.Quantitative | EvidenceKinds.Narrative | EvidenceKinds.Qualitative;
            e.GatheredBy = "Caseworkers keep the spend log; residents' stories at home visits";
            e.AnalysedBy = "The team, at the fortnightly team meeting, with finance invited";
            e.ReflectionEveryDays = 14;
            e.HowWeWillKnow = "We can say what was bought and why, what it changed for residents, and finance can follow the trail.";
            e.SharedWith = "Council finance and audit cycle; the housing support team";
            e.State = ExperimentState.Running;
            e.Tags = ["money", "rules"];
        });
        var factor = db.Factors.Local.FirstOrDefault(f => f.CycleId == teamCycleId && f.Name == "Petty-cash delay");
        var leader = db.Actors.Local.FirstOrDefault(a => a.CycleId == teamCycleId && a.Name == "Team leader");
        var audit = db.Actors.Local.FirstOrDefault(a => a.CycleId == teamCycleId && a.Name == "Internal audit");
        db.ExperimentActions.Add(new ExperimentAction
        {
            NetworkId = networkId, CycleId = teamCycleId, ExperimentId = cards.Id, Position = 1, CreatedAt = cards.CreatedAt, FactorId = factor?.Id,
            What = "Give two caseworkers a council credit card with a monthly limit", Why = "Petty cash takes three days; needs are urgent today.",
        });
        db.ExperimentActions.Add(new ExperimentAction
        {
            NetworkId = networkId, CycleId = teamCycleId, ExperimentId = cards.Id, Position = 2, CreatedAt = cards.CreatedAt,
            What = "Log every spend with what it was for and what it changed", Why = "So the team and audit can learn from the pattern, not just the receipts.",
        });
        seed.Participant(cards, "Team leader", ParticipantRoles.CoDesigner | ParticipantRoles.OpinionLeader, "Signs off each spend while the experiment runs", leader?.Id);
        seed.Participant(cards, "Internal audit", ParticipantRoles.CouldStopIt, "Invited to every review point", audit?.Id);
        seed.Participant(cards, caseworker, ParticipantRoles.CoDesigner | ParticipantRoles.HasEnergy, "Holds one of the cards");
        seed.Participant(cards, "Two members of the residents' panel", ParticipantRoles.CoDesigner, "Helped decide what the cards may be used for");
        db.ExperimentComments.Add(new ExperimentComment
        {
            NetworkId = networkId, CycleId = teamCycleId, ExperimentId = cards.Id, Section = "data-plan", AuthorName = steward, CreatedAt = now.AddDays(-30),
            Text = "Could the spend log have a column for 'what it changed'? The amounts alone will not tell audit much.",
        });
        db.Countermeasures.Add(new Countermeasure
        {
            NetworkId = networkId, CycleId = teamCycleId, ExperimentId = cards.Id, CreatedAt = now.AddDays(-28),
            Rule = "Spending over the petty-cash limit needs a purchase order approved by finance (about three days).",
            Instead = "The team leader signs off each card spend on the same day, by message, and it goes in the spend log.",
            AgreedByActorId = leader?.Id, AgreedByName = "Team leader, with the head of finance",
            From = DateOnly.FromDateTime(now.AddDays(-28).UtcDateTime), ReviewOn = DateOnly.FromDateTime(now.AddDays(21).UtcDateTime),
        });
        db.Countermeasures.Add(new Countermeasure
        {
            NetworkId = networkId, CycleId = teamCycleId, ExperimentId = cards.Id, CreatedAt = now.AddDays(-10),
            Rule = "Every card receipt is coded to the team's single cost centre.",
            Instead = "Furniture bought for residents is coded to the household-support budget, so the pattern shows up in finance's reports.",
            AgreedByName = "Finance business partner",
            Disturbed = "Finance's month-end report showed the team overspent, though the money came from a different budget.",
            NoticedOn = DateOnly.FromDateTime(now.AddDays(-12).UtcDateTime),
            From = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime), ReviewOn = DateOnly.FromDateTime(now.AddDays(-2).UtcDateTime),
        });
        double[] days = [3, 2.5, 1, 0.5, 0.5, 0.2];
        for (var week = 0; week < days.Length; week++)
        {
            seed.Measurement(cards, -27 + week * 5, "Days from need to money", (decimal)days[week], "days", week == 2 ? "A family with no beds: bought the same afternoon" : null);
        }
        seed.Evidence(cards, EvidenceKind.Note, -17, "Spend log so far", "Most of the spending is furniture: beds, a cooker, a washing machine. A furniture-recycling charity might help.", null);
        seed.Evidence(cards, EvidenceKind.Narrative, -16, "A bed the same day", "I could buy the bed while I was with them. The kids slept in it that night — the next week their mum rang about her rent for the first time.", Voice.Practitioner);

        // A stop is learning too.
        var clinic = seed.Experiment(teamCycleId, "Drop-in debt clinic at the library", ExperimentType.Probe, -70, e =>
        {
            e.InquiryQuestions = ["What happens if we offer debt advice where people already go?"];
            e.SafeToFailRules = ["Do no harm to the people we serve"];
            e.EvidenceKinds = EvidenceKinds.Quantitative | EvidenceKinds.Qualitative;
            e.ReflectionEveryDays = 14;
            e.State = ExperimentState.Concluded;
            e.Decision = ExperimentDecision.Stop;
            e.LearningAboutWork = "Few people came, and those who did wanted help with forms, not debt. People in debt rarely ask in public places.";
            e.LearningAboutOrganising = "We chose the place without asking residents. Next time the residents' panel helps choose before we start.";
            e.ConcludedAt = now.AddDays(-50);
        });

        // ... but its countermeasure was never ended: the governance alarm a steward sees first.
        db.Countermeasures.Add(new Countermeasure
        {
            NetworkId = networkId, CycleId = teamCycleId, ExperimentId = clinic.Id, CreatedAt = now.AddDays(-70),
            Rule = "Debt advice is given only by appointment at the council's offices.",
            Instead = "A caseworker holds a drop-in hour at the central library on Tuesday mornings, with no appointment.",
            AgreedByName = "Head of customer services",
            From = DateOnly.FromDateTime(now.AddDays(-68).UtcDateTime),
        });

        var pod = new LearningPod { NetworkId = networkId, CycleId = teamCycleId, Name = "Caseworker pair", People = [caseworker, "Priya (caseworker)"], CreatedAt = now.AddDays(-30) };
        db.LearningPods.Add(pod);
        (int Days, string Differently, string Learnt, string Enabled, string Wrong)[] weeks =
        [
            (-21, "Bought a cooker on the card during the visit.", "Acting on the day changes the conversation that follows.", "The team leader answered within the hour.", "I forgot the receipt and had to go back."),
            (-14, "Asked 'what would help today?' before anything else.", "People tell us more once something has changed for them.", "Time in the diary that was not booked.", "A resident felt rushed when I had to leave for the next visit."),
            (-7, "Rang the furniture charity with the resident.", "The charity can collect and deliver faster than we can buy.", "The spend log made the furniture pattern visible.", "Nothing went wrong this week — or we did not notice."),
        ];
        foreach (var w in weeks)
        {
            var day = DateOnly.FromDateTime(now.AddDays(w.Days).UtcDateTime);
            db.PodReflections.Add(new PodReflection
            {
                NetworkId = networkId, CycleId = teamCycleId, PodId = pod.Id, ExperimentId = cards.Id, WeekOf = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
                DidDifferently = w.Differently, Learnt = w.Learnt, EnabledLearning = w.Enabled, WentWrong = w.Wrong, AuthorName = caseworker, CreatedAt = now.AddDays(w.Days),
            });
        }
    }

    public static void NorthDevon(AppDbContext db, Guid networkId, Guid practiceCycleId, DateTimeOffset now, string author)
    {
        var seed = new Seeder(db, networkId, now);
        var data = seed.Experiment(practiceCycleId, "Show each practice its own test ordering", ExperimentType.Probe, -80, e =>
        {
            e.InquiryQuestions = ["What happens when GPs see how their ordering compares with what helped patients decide?"];
            e.SafeToFailRules = ["No practice is named to another", "Do no harm: no test a patient needs is withheld"];
            e.EvidenceKinds = EvidenceKinds.Quantitative | EvidenceKinds.Qualitative;
            e.ReflectionEveryDays = 30;
            e.State = ExperimentState.Concluded;
            e.Decision = ExperimentDecision.Embed;
            e.LearningAboutWork = "GPs changed what they ordered once they could see which results had changed a decision.";
            e.LearningAboutOrganising = "Monthly data from the lab, discussed at the practice meeting, works better than a report sent by email.";
            e.ConcludedAt = now.AddDays(-40);
        });
        var sets = seed.Experiment(practiceCycleId, "Test sets for tiredness", ExperimentType.HypothesisTest, -40, e =>
        {
            e.ParentId = data.Id;
            e.ResearchQuestion = "Which blood tests help a GP and patient decide what to do about tiredness?";
            e.Hypothesis = "A shorter, agreed test set for tiredness helps decisions as well as the usual long list, with fewer tests.";
            e.InquiryQuestions = ["Which results changed what the GP and patient did next?", "How did patients experience the conversation?"];
            e.SafeToFailRules = ["Do no harm: any clinician can add a test they judge necessary", "Stay within clinical guidance"];
            e.StartsOn = DateOnly.FromDateTime(now.AddDays(-35).UtcDateTime);
            e.ReviewPoints = [DateOnly.FromDateTime(now.AddDays(10).UtcDateTime)];
            e.PlannedEndOn = DateOnly.FromDateTime(now.AddDays(55).UtcDateTime);
            e.EvidenceKinds = EvidenceKinds.Quantitative | EvidenceKinds.Narrative;
            e.GatheredBy = "The lab (orders); practice managers (patients' experiences)";
            e.AnalysedBy = "The lab's liaison scientist with the three practices";
            e.ReflectionEveryDays = 30;
            e.HowWeWillKnow = "Fewer tests ordered without patients or GPs saying a decision was harder to make.";
            e.State = ExperimentState.Running;
            e.Tags = ["test sets"];
        });
        seed.Participant(sets, "Lab liaison scientist", ParticipantRoles.CoDesigner | ParticipantRoles.HasEnergy, "Prepares the monthly data");
        seed.Participant(sets, "Practice partners", ParticipantRoles.CouldStopIt | ParticipantRoles.OpinionLeader, "Agree the set for their practice");
        seed.Participant(sets, "Two patient representatives", ParticipantRoles.CoDesigner, "Wrote the questions about experience");
        int[] perThousand = [42, 39, 33, 29];
        for (var month = 0; month < perThousand.Length; month++)
        {
            seed.Measurement(sets, -34 + month * 10, "Tiredness test requests per 1,000 patients", perThousand[month], "per 1,000", null);
        }
        seed.Evidence(sets, EvidenceKind.Narrative, -15, "A patient's view", "The doctor explained why two tests were enough. I felt listened to, not fobbed off.", Voice.PersonServed);
        seed.Evidence(sets, EvidenceKind.Note, -9, "Practice meeting", "One practice added a thyroid test back for older patients; the set is now agreed per practice.", null);
        _ = author;
    }

    /// <summary>Links the grocery probe to Pat's case file (it was tried with her), with one note about her kept in her file: the
    /// experiment stays the team's learning and names her only by reference; the note is seen only by the people working with her.
    /// Runs after <see cref="Gateshead"/>, once Pat's file exists.</summary>
    public static void TriedWithPat(AppDbContext db, People.CaseFile pat, string caseworker, DateTimeOffset now)
    {
        var groceries = db.Experiments.Local.Single(e => e.CycleId == pat.CycleId && e.Title == GroceriesTitle);
        groceries.CaseFileId = pat.Id;
        db.Evidence.Add(new EvidenceEntry
        {
            NetworkId = pat.NetworkId, CycleId = pat.CycleId, ExperimentId = groceries.Id, CaseFileId = pat.Id, Kind = EvidenceKind.Note,
            Title = "Pat chose the shop",
            Text = "Pat chose the corner shop on Elm Street because the staff know her. She paid for the bread and milk herself and let me pay the rest from the team card. " +
                "She asked if we could go again on Thursday, when her pension comes in.",
            OccurredOn = DateOnly.FromDateTime(now.AddDays(-45).UtcDateTime), CreatedByName = caseworker, CreatedAt = now.AddDays(-45),
        });
    }

    private sealed class Seeder(AppDbContext db, Guid networkId, DateTimeOffset now)
    {
        public Experiment Experiment(Guid cycleId, string title, ExperimentType type, int createdDays, Action<Experiment> fill)
        {
            var experiment = new Experiment { NetworkId = networkId, CycleId = cycleId, Title = title, Type = type, CreatedAt = now.AddDays(createdDays) };
            fill(experiment);
            db.Experiments.Add(experiment);
            return experiment;
        }

        public void Participant(Experiment e, string name, ParticipantRoles roles, string how, Guid? actorId = null) =>
            db.ExperimentParticipants.Add(new ExperimentParticipant
            {
                NetworkId = networkId, CycleId = e.CycleId, ExperimentId = e.Id, Name = name, Roles = roles, How = how, ActorId = actorId, CreatedAt = e.CreatedAt,
            });

        public void Evidence(Experiment e, EvidenceKind kind, int days, string title, string text, Voice? toldBy) =>
            db.Evidence.Add(new EvidenceEntry
            {
                NetworkId = networkId, CycleId = e.CycleId, ExperimentId = e.Id, Kind = kind, Title = title, Text = text, ToldBy = toldBy,
                OccurredOn = DateOnly.FromDateTime(now.AddDays(days).UtcDateTime), CreatedByName = "Demo", CreatedAt = now.AddDays(days),
            });

        public void Measurement(Experiment e, int days, string what, decimal value, string unit, string? context) =>
            db.Evidence.Add(new EvidenceEntry
            {
                NetworkId = networkId, CycleId = e.CycleId, ExperimentId = e.Id, Kind = EvidenceKind.Measurement, WhatMeasured = what, Value = value, Unit = unit,
                Context = context, OccurredOn = DateOnly.FromDateTime(now.AddDays(days).UtcDateTime), CreatedByName = "Demo", CreatedAt = now.AddDays(days),
            });
    }
}
