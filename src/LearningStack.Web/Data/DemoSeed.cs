using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Data;

/// <summary>Seeds two demo networks on first run in demo mode, inspired by the guide's public case studies
/// (Gateshead's debt and welfare work, North Devon's pathology work), so a newcomer can walk a connected stack in minutes.</summary>
public static class DemoSeed
{
    /// <summary>A well-known password for the demo accounts. Demo mode is for a developer's own machine and never runs in Production.</summary>
    public const string Password = "Learning-demo-2026";

    public static IReadOnlyList<(string Email, string Name, NetworkRole Role)> Accounts { get; } =
    [
        ("steward@demo.learningstack.org", "Alex Rivers (System Steward)", NetworkRole.Steward),
        ("practitioner@demo.learningstack.org", "Sam Okafor (caseworker)", NetworkRole.Member),
        ("board@demo.learningstack.org", "Jo Patel (scrutiny board)", NetworkRole.Observer),
    ];

    /// <summary>A resident with no role in any network: she sees only her own case file, after accepting her caseworker's invitation.</summary>
    public static (string Email, string Name) Resident { get; } = ("resident@demo.learningstack.org", "Pat (resident, Gateshead)");

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Networks.AnyAsync(ct))
        {
            return;
        }
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("demo seed");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var people = new List<(ApplicationUser User, NetworkRole Role)>();
        foreach (var (email, name, role) in Accounts.Append((Resident.Email, Resident.Name, NetworkRole.Observer)))
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Could not create demo account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                }
            }
            people.Add((user, role));
        }
        var now = clock.GetUtcNow();
        var resident = people[^1].User;
        people.RemoveAt(people.Count - 1);
        var builder = new Builder(db, now, people);
        Gateshead(builder, resident.Id);
        NorthDevon(builder);
        await db.SaveChangesAsync(ct);
        await Features.Stewardship.LearningAccountDemo.GatesheadAsync(db, now, (people[0].User.Id, people[0].User.ShownName), (people[2].User.Id, people[2].User.ShownName), ct);
        await services.GetRequiredService<Features.Stewardship.AlarmEvaluation>().EvaluateAllAsync(ct);
    }

    private static void Gateshead(Builder b, string residentId)
    {
        b.Network("Gateshead (demo)", "Council services, the voluntary sector and residents learning together about debt, welfare and thriving lives.");
        var person = b.Cycle(0, "Caseworker and resident conversations", CycleKind.StandingBody,
            "Each person we work with leads a life that is thriving on their own terms.",
            "In: the resident, the people who matter to them, their caseworker. Out: decisions about the resident made without them.",
            (Stage.UnderstandTheSystem, StageStatus.Active), (Stage.Experiment, StageStatus.Active));
        var team = b.Cycle(1, "Debt and welfare support team", CycleKind.StandingBody,
            "People of Gateshead lead thriving lives, free from debt.",
            "In: the team's caseworkers, team leader, residents on the caseload. Out for now: housing repairs (we link to that team instead).",
            (Stage.UnderstandTheSystem, StageStatus.Active), (Stage.CoDesign, StageStatus.Active), (Stage.Experiment, StageStatus.Active), (Stage.Stewardship, StageStatus.Active));
        var housing = b.Cycle(1, "Housing support team", CycleKind.StandingBody,
            "Everyone in Gateshead has a safe, warm home they can afford.",
            null, (Stage.UnderstandTheSystem, StageStatus.Active));
        var org = b.Cycle(2, "Council finance and audit", CycleKind.ConvenedAroundIssue,
            "Frontline teams can spend money quickly on what people need, in ways that can be trusted and audited.",
            "Convened around the petty-cash issue raised by the debt and welfare team. In: finance, internal audit, team leaders.",
            (Stage.UnderstandTheSystem, StageStatus.Active), (Stage.CoDesign, StageStatus.Active));
        var place = b.Cycle(3, "Gateshead place partnership", CycleKind.StandingBody,
            "People of Gateshead lead thriving lives.",
            "Council, NHS, voluntary sector and residents' panel. Asks who is missing at every boundary review.",
            (Stage.Stewardship, StageStatus.Active));
        b.Link(person, team, "Patterns across residents' stories: what keeps people in debt, what helps them trust us.",
            "Gives caseworkers time and permission to follow what matters to each person; removes form-filling that adds nothing.");
        b.Link(team, org, "The team's experiments with on-the-spot spending: what was bought, why, and what it changed.",
            "Agrees principles for autonomous spending that audit can trust; retires the team-leader sign-off once they are embedded.");
        b.Link(housing, org, "Where tenancy rules create failure demand for residents in debt.", null);
        b.Link(org, place, "How the council's rules help or hinder frontline learning.", "Brings partners' budgets and rules into the conversation.");
        b.Across(team, housing, "Shared residents; shared issue log on damp homes and rent arrears.");
        b.Reflect(person, Stage.UnderstandTheSystem, -40, "Went grocery shopping with a resident who had no food. Trust grew; on the way back she told us about a benefits problem nobody had picked up. **Lesson:** help with the immediate need first.");
        b.Reflect(team, Stage.Experiment, -21, "Petty cash takes three days to reach a caseworker. We are trying team credit cards, with the team leader signing off every spend as a countermeasure.");
        b.Reflect(team, Stage.Experiment, -7, "The spend log shows a lot of furniture. A furniture-recycling charity could help — and the audit question needs the finance cycle.");
        b.Reflect(team, null, -3, "Whole-cycle review: Understand and Experiment are feeding each other well. We have not heard enough from residents about the credit cards — invite two to the next team meeting.");
        b.Reflect(org, Stage.UnderstandTheSystem, -2, "Audit's worry is not the amount but the trail. Could principles plus a simple log satisfy both sides?");
        b.Answer(team, "understand-purpose-who-sets", -30, "Residents on our caseload, in their own words, via the 'what matters to me' conversations. We read them back at team meetings.");
        b.Answer(team, "understand-purpose-who-sets", -5, "Still residents first — now also two members of the residents' panel who reviewed our wording.");
        b.Maps(team);
        b.Experiments((db, networkId, now, caseworker, steward) => Features.Experiments.ExperimentsDemo.Gateshead(db, networkId, person.Id, team.Id, now, caseworker, steward));
        b.LearningFlow((db, networkId, now, steward, caseworker) =>
        {
            var (session, card) = Features.SenseMaking.SenseMakingDemo.Gateshead(db, networkId, team.Id, now, steward, caseworker);
            var (pettyCash, furniture) = Features.Issues.IssuesDemo.Gateshead(db, networkId, team.Id, now, session, card, steward.Id);
            Features.Influence.InfluenceDemo.Gateshead(db, networkId, team.Id, housing.Id, org.Id, now, pettyCash, furniture, session, steward.Id);
            Features.People.PeopleDemo.Gateshead(db, networkId, person.Id, now, caseworker, residentId);
            Features.Patterns.PatternsDemo.Gateshead(db, networkId, person.Id, now, caseworker);
            Features.People.SpendDemo.Gateshead(db, networkId, team.Id, now, steward, caseworker);
            Features.Stewardship.ManagingDemo.Gateshead(db, networkId, team.Id, housing.Id, org.Id, now, pettyCash, steward, caseworker);
            Features.Stories.StoriesDemo.Gateshead(db, networkId, now);
        });
        b.Governance((db, networkId, now, steward, board) => Features.Stewardship.GovernanceDemo.Gateshead(db, networkId, org.Id, now, steward, board));
    }

    private static void NorthDevon(Builder b)
    {
        b.Network("North Devon pathology (demo)", "A pathology lab, GP practices and patients learning how testing can help people make good decisions.");
        var consult = b.Cycle(0, "GP and patient conversations about tests", CycleKind.StandingBody,
            "Patients and clinicians make good decisions together about their health.",
            null, (Stage.UnderstandTheSystem, StageStatus.Active));
        var practice = b.Cycle(1, "Practice test-set exploration", CycleKind.ConvenedAroundIssue,
            "Clinicians order the tests that help them and their patients decide what to do next.",
            "Three GP practices; their practice managers; the lab's liaison scientist.",
            (Stage.CoDesign, StageStatus.Active), (Stage.Experiment, StageStatus.Active));
        var lab = b.Cycle(2, "Pathology laboratory", CycleKind.StandingBody,
            "Help clinicians and patients make good decisions.",
            "Reframed from 'process tests cheaply'. In: lab staff, requesting clinicians, patient representatives.",
            (Stage.UnderstandTheSystem, StageStatus.Resting), (Stage.EmbedAndInfluence, StageStatus.Active));
        var forum = b.Cycle(3, "Pathology optimisation forum", CycleKind.StandingBody,
            "Testing across North Devon helps people make good decisions about their health.",
            "A standing body of GPs, hospital clinicians, lab and commissioners.", (Stage.EmbedAndInfluence, StageStatus.Active), (Stage.Stewardship, StageStatus.Active));
        var national = b.Cycle(4, "National pathology influence", CycleKind.ConvenedAroundIssue,
            "The way pathology is judged nationally rewards good decisions, not cheap tests.",
            null, (Stage.EmbedAndInfluence, StageStatus.Active));
        b.Link(consult, practice, "What patients and GPs say a test did (or did not) help them decide.", "Time in consultations to talk about why a test is needed.");
        b.Link(practice, lab, "Which test sets helped, and the ordering data behind them.", "Lab data shared back to practices every month.");
        b.Link(lab, forum, "The lab's new purpose and what changed when practices used it.", "Spreads test sets across practices; settles disagreements between clinicians.");
        b.Link(forum, national, "Why cost-per-test is a misleading measure of a lab.", "Carries the case to national bodies that judge labs.");
        b.Reflect(practice, Stage.Experiment, -14, "Fewer unnecessary tests ordered in two of three practices. Patients' experiences collected alongside the numbers.");
        b.Reflect(lab, Stage.EmbedAndInfluence, -10, "Purpose reframed in the lab's own handbook. Next: how other labs hear about it.");
        b.Experiments((db, networkId, now, _, steward) => Features.Experiments.ExperimentsDemo.NorthDevon(db, networkId, practice.Id, now, steward));
        b.Answer(lab, "understand-purpose-who-sets", -60, "Lab leadership drafted it; clinicians and two patient representatives rewrote it.");
    }

    private sealed class Builder(AppDbContext db, DateTimeOffset now, List<(ApplicationUser User, NetworkRole Role)> people)
    {
        private Network _network = null!;

        public void Network(string name, string description)
        {
            _network = new Network { Name = name, Description = description, CreatedAt = now.AddDays(-90) };
            _network.Scales.AddRange(Scale.Defaults.Select((d, i) => new Scale { NetworkId = _network.Id, Name = d.Name, Kind = d.Kind, Position = i }));
            _network.Members.AddRange(people.Select(p => new NetworkMember { NetworkId = _network.Id, UserId = p.User.Id, Role = p.Role, JoinedAt = now.AddDays(-90) }));
            db.Networks.Add(_network);
        }

        public Cycle Cycle(int scale, string name, CycleKind kind, string purpose, string? boundary, params (Stage Stage, StageStatus Status)[] stages)
        {
            var cycle = Features.Cycles.Cycle.Create(_network.Id, _network.Scales[scale].Id, name, now.AddDays(-80));
            cycle.Kind = kind;
            cycle.Purpose = purpose;
            cycle.Boundary = boundary;
            foreach (var (stage, status) in stages)
            {
                cycle.Stages.Single(s => s.Stage == stage).Status = status;
            }
            cycle.Stewards.Add(new CycleSteward { CycleId = cycle.Id, NetworkId = _network.Id, UserId = people[0].User.Id });
            db.Cycles.Add(cycle);
            return cycle;
        }

        public void Link(Cycle smaller, Cycle larger, string learnsFrom, string? enables) =>
            db.CycleLinks.Add(new CycleLink { NetworkId = _network.Id, Direction = LinkDirection.Vertical, FromCycleId = smaller.Id, ToCycleId = larger.Id, LearnsFrom = learnsFrom, Enables = enables, CreatedAt = now.AddDays(-60) });

        public void Across(Cycle a, Cycle b, string notes) =>
            db.CycleLinks.Add(new CycleLink { NetworkId = _network.Id, Direction = LinkDirection.Horizontal, FromCycleId = a.Id, ToCycleId = b.Id, Notes = notes, CreatedAt = now.AddDays(-60) });

        public void Reflect(Cycle cycle, Stage? stage, int days, string text) =>
            db.Reflections.Add(new Reflection
            {
                CycleId = cycle.Id, NetworkId = _network.Id, Stage = stage, Date = DateOnly.FromDateTime(now.AddDays(days).UtcDateTime),
                Text = text, AuthorId = people[1].User.Id, AuthorName = people[1].User.ShownName, CreatedAt = now.AddDays(days),
            });

        public void Experiments(Action<AppDbContext, Guid, DateTimeOffset, string, string> seed) =>
            seed(db, _network.Id, now, people[1].User.ShownName, people[0].User.ShownName);

        public void LearningFlow(Action<AppDbContext, Guid, DateTimeOffset, (string Id, string Name), (string Id, string Name)> seed) =>
            seed(db, _network.Id, now, (people[0].User.Id, people[0].User.ShownName), (people[1].User.Id, people[1].User.ShownName));

        /// <summary>Seeds with the steward and the scrutiny board member (Jo).</summary>
        public void Governance(Action<AppDbContext, Guid, DateTimeOffset, (string Id, string Name), (string Id, string Name)> seed) =>
            seed(db, _network.Id, now, (people[0].User.Id, people[0].User.ShownName), (people[2].User.Id, people[2].User.ShownName));

        public void Maps(Cycle cycle) => Features.Understanding.UnderstandingDemo.Seed(db, _network.Id, cycle.Id, now, people[0].User.ShownName);

        public void Answer(Cycle cycle, string key, int days, string text) =>
            db.DesignAnswers.Add(new DesignAnswer
            {
                CycleId = cycle.Id, NetworkId = _network.Id, QuestionKey = key, Text = text,
                AuthorId = people[0].User.Id, AuthorName = people[0].User.ShownName, AnsweredAt = now.AddDays(days),
            });
    }
}
