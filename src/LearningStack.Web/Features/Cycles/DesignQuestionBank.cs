namespace LearningStack.Web.Features.Cycles;

/// <summary>
/// A bank of design questions for System Stewards, grouped by Learning Cycle stage and, where it
/// helps, by system scale. The ideas come from the HLS practical guide; the wording is our own.
/// Questions with a null <c>ScaleKind</c> apply at every scale, including custom scales.
/// Keys are stable: answers recorded against a cycle refer to them, so never rename a key.
/// </summary>
public static class DesignQuestionBank
{
    public static IReadOnlyList<DesignQuestion> All { get; } =
    [
        // ---------------------------------------------------------------------------------------
        // Understand the system — any scale
        // ---------------------------------------------------------------------------------------
        new("understand-purpose-who-sets", Stage.UnderstandTheSystem, null,
            "Who gets to put the first version of this system's purpose into words — and how will the people it serves shape it?",
            "Describe a good life for the people you serve, not a change you want inside your own organisation."),
        new("understand-purpose-shared", Stage.UnderstandTheSystem, null,
            "How will you help everyone involved to rework the purpose until it feels like theirs, not just the steward's?",
            "Come back to the purpose once people have started learning together."),
        new("understand-actors-process", Stage.UnderstandTheSystem, null,
            "How will you work out which people and organisations belong in this system?",
            "A map of who is involved and how they connect usually tells you more than a list."),
        new("understand-actors-missing", Stage.UnderstandTheSystem, null,
            "How will you check that nobody who matters has been left out of the picture?",
            null),
        new("understand-relationships-visible", Stage.UnderstandTheSystem, null,
            "How will you help everyone see how strong, or how strained, the relationships between them really are?",
            "Some people will already know each other well; make those existing links visible to all."),
        new("understand-learning-reflection", Stage.UnderstandTheSystem, null,
            "How will you help people look honestly at how well they learn together today — what works and what's missing?",
            "Simply asking 'how do you learn?' can reveal a lot."),
        new("understand-connections-spaces", Stage.UnderstandTheSystem, null,
            "Where do you need to spend time to link up with others pursuing a similar purpose, and who are the people you most need to meet?",
            "This keeps your idea of 'the system' from hardening into a silo."),
        new("understand-factors-knowledge", Stage.UnderstandTheSystem, null,
            "How will you help everyone pool what they know about what helps or holds back the purpose, and make sense of it together?",
            "Draw on research, lived experience and what others are doing elsewhere, not only local knowledge."),
        new("understand-readiness", Stage.UnderstandTheSystem, null,
            "How will you know you understand enough to start experimenting? Can you state a shared purpose and see the patterns you want to shift?",
            "You will never know everything; some things only show up once you act."),

        // Understand the system — Person/Practitioner
        new("understand-person-what-matters", Stage.UnderstandTheSystem, ScaleKind.Person,
            "How will you make room for the person to tell you, in their own time, what really matters to them?",
            "The real story rarely comes out in the first conversation; trust comes first."),
        new("understand-person-own-expertise", Stage.UnderstandTheSystem, ScaleKind.Person,
            "How will you build on the person's own expertise about their life — things nobody else can see?",
            null),
        new("understand-person-not-managed", Stage.UnderstandTheSystem, ScaleKind.Person,
            "How will you keep this work from feeling as if someone is managing the person's life?",
            "For you it is work to organise; for them it is a life to live."),

        // Understand the system — Team
        new("understand-team-patterns", Stage.UnderstandTheSystem, ScaleKind.Team,
            "Looking across all your team's cases, what patterns do you see — and do they call for change in each person's practice, in how the team works, or in other teams?",
            "Spending records and issue logs are good places to look."),
        new("understand-team-purpose-blend", Stage.UnderstandTheSystem, ScaleKind.Team,
            "How will you combine the purpose for the people you serve with the issues practitioners have raised, to give this team cycle its own purpose?",
            null),
        new("understand-team-enablers", Stage.UnderstandTheSystem, ScaleKind.Team,
            "Which processes, resources and rules help your team work as a learning environment, and which get in the way?",
            "Include constraints that come from elsewhere, such as legal duties."),

        // Understand the system — Organisation
        new("understand-org-patterns", Stage.UnderstandTheSystem, ScaleKind.Organisation,
            "What patterns show up across your teams' cycles, and what do they suggest about your organisation's purpose and strategy?",
            null),
        new("understand-org-functions", Stage.UnderstandTheSystem, ScaleKind.Organisation,
            "How do finance, IT, HR and performance management shape the work on the ground — for better or worse?",
            "Mapping a person's journey through your services can expose failure demand."),

        // Understand the system — Place
        new("understand-place-relationships", Stage.UnderstandTheSystem, ScaleKind.Place,
            "What are relationships like between the organisations that help people in this place, and what has shaped them — competition, for example?",
            null),
        new("understand-place-funding", Stage.UnderstandTheSystem, ScaleKind.Place,
            "How are organisations here funded to learn, what performance controls come with the money, and which of those could be changed locally?",
            null),

        // Understand the system — Region/Country
        new("understand-region-cross-place-patterns", Stage.UnderstandTheSystem, ScaleKind.Region,
            "How will you spot patterns across different places that point to a need for change at regional or national level?",
            null),
        new("understand-region-barriers", Stage.UnderstandTheSystem, ScaleKind.Region,
            "What at this level helps or hinders places in learning well — including how they are funded and what strings come attached?",
            null),

        // ---------------------------------------------------------------------------------------
        // Co-design — any scale
        // ---------------------------------------------------------------------------------------
        new("codesign-questions-who-sets", Stage.CoDesign, null,
            "Who gets to decide the inquiry questions your experiments will explore?",
            "Start with the person whose life the outcomes are about."),
        new("codesign-experiment-type", Stage.CoDesign, null,
            "Is this a hypothesis test (trying an idea you expect to help) or a probe (doing something to see how the system reacts)?",
            "You don't need laboratory conditions; keep the experiment in the real, messy work."),
        new("codesign-people-involved", Stage.CoDesign, null,
            "Who shapes opinion here, who could block this, and who has the energy to make it happen?",
            null),
        new("codesign-skills-permissions", Stage.CoDesign, null,
            "What skills, capabilities and permissions do the people designing these experiments need?",
            null),
        new("codesign-countermeasures", Stage.CoDesign, null,
            "Which everyday rules might get in the experiment's way, what countermeasures will shield it, and whose agreement do you need?",
            "Write each countermeasure down so it can be removed later."),
        new("codesign-data-plan", Stage.CoDesign, null,
            "What kinds of data will you gather, who will analyse it, how often will you reflect, and how will you know you've answered your question?",
            "Numbers, notes, stories and pictures can all count as data."),
        new("codesign-data-capability", Stage.CoDesign, null,
            "Do the people involved have the mindset, skills and tools to collect data and make sense of it — and what support will they need?",
            null),
        new("codesign-safe-to-fail", Stage.CoDesign, null,
            "What simple rules will keep failure safe — for example 'stay legal' and 'do no harm'?",
            "If nothing ever fails, you are probably playing it safe rather than exploring."),
        new("codesign-sensemaking-structures", Stage.CoDesign, null,
            "What structures — meetings, groups, IT — will you need to collect data and make sense of it together? Do they exist already or must you create them?",
            null),

        // Co-design — Person/Practitioner
        new("codesign-person-shaped-measures", Stage.CoDesign, ScaleKind.Person,
            "How will you develop and record person-shaped measures — ones unique to each person or group you support?",
            "Choose what to measure with the person, in their words."),
        new("codesign-person-empowering", Stage.CoDesign, ScaleKind.Person,
            "How will you make sure experimenting feels empowering to the person and helps them understand their own life better?",
            null),
        new("codesign-person-light-recording", Stage.CoDesign, ScaleKind.Person,
            "How can practitioners record their experiments systematically without piling on paperwork?",
            "Some teams use short videos on a work phone."),

        // Co-design — Team
        new("codesign-team-enabling", Stage.CoDesign, ScaleKind.Team,
            "What experiment would help your team do its job better — for example, quicker access to money for urgent needs?",
            null),
        new("codesign-team-trust-evidence", Stage.CoDesign, ScaleKind.Team,
            "What information would let the team leader trust the team's own decisions — such as matching each spend to the need it met?",
            null),

        // Co-design — Organisation
        new("codesign-org-grounded", Stage.CoDesign, ScaleKind.Organisation,
            "Does this experiment come from an issue about outcomes for people, or is it really about making managing easier?",
            "Beware experiments with no link back to the ground."),
        new("codesign-org-sense-across", Stage.CoDesign, ScaleKind.Organisation,
            "How will senior leaders make sense of all the organisation's experiments together, so learning doesn't splinter?",
            null),

        // Co-design — Place
        new("codesign-place-all-voices", Stage.CoDesign, ScaleKind.Place,
            "How will you make sure every relevant actor takes part in sense-making, including those you have usually found hard to hear?",
            null),
        new("codesign-place-infrastructure", Stage.CoDesign, ScaleKind.Place,
            "What shared infrastructure will this place need for gathering data and making sense of it, and who will convene it?",
            null),
        new("codesign-place-across-purposes", Stage.CoDesign, ScaleKind.Place,
            "How will you make sense across experiments that are pursuing different purposes?",
            null),

        // Co-design — Region/Country
        new("codesign-region-humble", Stage.CoDesign, ScaleKind.Region,
            "How will you resist designing a single national programme, and instead leave decisions with those who know people's lives best?",
            null),
        new("codesign-region-infrastructure", Stage.CoDesign, ScaleKind.Region,
            "Which parts of the infrastructure for learning — relationships, information systems, skills, funding — could you experiment with so places can learn well?",
            null),

        // ---------------------------------------------------------------------------------------
        // Experiment — any scale
        // ---------------------------------------------------------------------------------------
        new("experiment-record-and-make-sense", Stage.Experiment, null,
            "How will you record what the experiments produce and make sense of it, and what routines will keep this systematic?",
            null),
        new("experiment-sensemaking-spaces", Stage.Experiment, null,
            "Where, in practice, will the sense-making happen?",
            null),
        new("experiment-unplanned-data", Stage.Experiment, null,
            "How will you bring data and voices you didn't plan for into your reflections, and adapt the experiment as the world around it changes?",
            "Expect surprises — they are often the most useful part."),
        new("experiment-new-people", Stage.Experiment, null,
            "How will you bring new people into the experiments — from new starters to contacts you need because of a surprise or a changing world?",
            null),
        new("experiment-spot-disturbances", Stage.Experiment, null,
            "How will you notice when the experiment unsettles business as usual in ways you didn't expect?",
            null),
        new("experiment-countermeasure-owners", Stage.Experiment, null,
            "Who will create and carry out new countermeasures, and do they have the time and authority to do it well?",
            null),
        new("experiment-sort-learning", Stage.Experiment, null,
            "How will you sort what you learn into what you can change yourselves and what needs another cycle or scale?",
            "The issue log's three levels help with this."),
        new("experiment-next-iteration", Stage.Experiment, null,
            "What has this experiment set you up to try next?",
            "Experiments rarely fix things for good; each one should lead to a better one."),

        // Experiment — Person/Practitioner
        new("experiment-person-habits", Stage.Experiment, ScaleKind.Person,
            "What does protecting an experiment look like when 'business as usual' is the person's own daily habits?",
            null),
        new("experiment-person-changed-possibilities", Stage.Experiment, ScaleKind.Person,
            "How will you notice how the exploration itself has changed what the person believes is possible?",
            null),

        // Experiment — Team
        new("experiment-team-meetings", Stage.Experiment, ScaleKind.Team,
            "How will team meetings become the place where everyone lays out the evidence from each experiment and what it is teaching you?",
            null),

        // Experiment — Organisation
        new("experiment-org-many-disciplines", Stage.Experiment, ScaleKind.Organisation,
            "What data will make sense to finance, HR, IT and front-line staff alike, and how will all those views be heard?",
            null),
        new("experiment-org-who-affected", Stage.Experiment, ScaleKind.Organisation,
            "Which other parts of the organisation are most likely to feel the experiment, and how will you talk to them early about countermeasures?",
            null),
        new("experiment-org-leadership-signal", Stage.Experiment, ScaleKind.Organisation,
            "How will leaders show that learning and experimenting matter, and invite staff across the organisation to join in?",
            null),

        // Experiment — Place
        new("experiment-place-coordination", Stage.Experiment, ScaleKind.Place,
            "With many actors experimenting at once, how will you coordinate the work, make sense of it all, and what spaces will that take?",
            null),
        new("experiment-place-cross-org-countermeasures", Stage.Experiment, ScaleKind.Place,
            "When one organisation's experiment needs shielding from another organisation's routines, how will those conversations happen?",
            null),

        // Experiment — Region/Country
        new("experiment-region-coordination", Stage.Experiment, ScaleKind.Region,
            "How will you coordinate and make sense of the many different experiments running across the region or country, and where?",
            null),
        new("experiment-region-variation", Stage.Experiment, ScaleKind.Region,
            "How will you tell which differences between places are fitting and necessary, and which are unacceptable?",
            "Some patterns only show up when you can compare many examples."),

        // ---------------------------------------------------------------------------------------
        // Embed & influence — any scale
        // ---------------------------------------------------------------------------------------
        new("embed-new-normal", Stage.EmbedAndInfluence, null,
            "Which changes have earned a place in 'how we do things round here' — in process, infrastructure or culture?",
            null),
        new("embed-retire-countermeasures", Stage.EmbedAndInfluence, null,
            "Which countermeasures are still in place, and will each one be removed or turned into a lasting change to the rules?",
            null),
        new("embed-eureka-and-slow", Stage.EmbedAndInfluence, null,
            "How will you leave room for both sudden insights and learning that creeps up slowly?",
            null),
        new("embed-failed-experiments", Stage.EmbedAndInfluence, null,
            "What did the experiments that didn't work teach you, and where is that recorded?",
            null),
        new("embed-route-issues", Stage.EmbedAndInfluence, null,
            "Which issues need change by someone else, and which connected cycle will you hand each one to?",
            "Handed-on issues become part of the other cycle's understanding work."),
        new("embed-inform-not-impose", Stage.EmbedAndInfluence, null,
            "How will you share your learning so others can use it to shape their own learning, rather than copy it?",
            "What spreads is the practice of learning, not a fixed solution."),
        new("embed-convene-others", Stage.EmbedAndInfluence, null,
            "Who will cross boundaries and bring together the people in other cycles who need to hear this?",
            null),
        new("embed-keep-cycle-going", Stage.EmbedAndInfluence, null,
            "What now seems possible that didn't before, and what will the next round explore?",
            null),

        // Embed & influence — Person/Practitioner
        new("embed-person-social-support", Stage.EmbedAndInfluence, ScaleKind.Person,
            "Which relationships and routines could help hold new patterns in place in the person's life?",
            null),
        new("embed-person-pass-on", Stage.EmbedAndInfluence, ScaleKind.Person,
            "What from this person's life should change how other services work with them, or how your own service is organised?",
            null),

        // Embed & influence — Team
        new("embed-team-processes", Stage.EmbedAndInfluence, ScaleKind.Team,
            "Which experimental practices will become part of the team's processes, procedures or tools?",
            null),
        new("embed-team-standing-or-ad-hoc", Stage.EmbedAndInfluence, ScaleKind.Team,
            "Would a standing learning group help, or is it better to pull together a cycle around each issue as it arises?",
            null),

        // Embed & influence — Organisation
        new("embed-org-coalitions", Stage.EmbedAndInfluence, ScaleKind.Organisation,
            "Who could you bring together as a coalition to turn results into lasting processes and infrastructure?",
            "New infrastructure takes time and sustained effort from many people."),
        new("embed-org-talk-to-place", Stage.EmbedAndInfluence, ScaleKind.Organisation,
            "Before you make a change permanent, which other organisations in the place should you talk to?",
            null),

        // Embed & influence — Place
        new("embed-place-partnership-infrastructure", Stage.EmbedAndInfluence, ScaleKind.Place,
            "What partnership arrangements or information systems would help organisations share and learn together for the long term?",
            null),
        new("embed-place-commissioning", Stage.EmbedAndInfluence, ScaleKind.Place,
            "How will commissioning and contracts need to change to build trust, honesty and shared learning?",
            null),

        // Embed & influence — Region/Country
        new("embed-region-relationship-resources", Stage.EmbedAndInfluence, ScaleKind.Region,
            "Are there enough resources for front-line workers to build real relationships with the people they serve?",
            null),
        new("embed-region-cross-place", Stage.EmbedAndInfluence, ScaleKind.Region,
            "What lasting arrangements will keep places learning from each other and spotting patterns together?",
            null),
        new("embed-region-across-government", Stage.EmbedAndInfluence, ScaleKind.Region,
            "How will different parts of government keep learning from each other rather than working in separate silos?",
            null),

        // ---------------------------------------------------------------------------------------
        // Stewardship — any scale (managing, then governing)
        // ---------------------------------------------------------------------------------------
        new("stewardship-plan-stages", Stage.Stewardship, null,
            "What is your plan for each stage of this cycle, who will you bring together, and how will you keep track of what's happening and adjust?",
            "Stages overlap; revisit the plan from time to time rather than following it step by step."),
        new("stewardship-resources", Stage.Stewardship, null,
            "How much time and what other resources does this cycle need, where will they come from, and how will you track their use?",
            null),
        new("stewardship-who-connects", Stage.Stewardship, null,
            "Who will act as steward to connect this cycle with others — at the same scale, above and below?",
            null),
        new("stewardship-how-governed", Stage.Stewardship, null,
            "How will this cycle be governed, and who will help the people doing the work to give an account of it?",
            "Think 'helping to account' rather than 'holding to account'."),
        new("stewardship-mutual-accountability", Stage.Stewardship, null,
            "How will everyone in the system help each other to account for taking part in the learning?",
            null),
        new("stewardship-residents-and-elected", Stage.Stewardship, null,
            "What part will residents — especially those being served — and elected members play in accountability?",
            null),
        new("stewardship-boundary", Stage.Stewardship, null,
            "Who is in and who is out of this cycle, and are those boundaries still right?",
            null),
        new("stewardship-learning-integrity", Stage.Stewardship, null,
            "Are people taking part in the learning genuinely, and is it turning into changed practice and then new infrastructure? How do you know?",
            null),
        new("stewardship-scales-in-context", Stage.Stewardship, null,
            "Which system scales matter in your setting, and who are the people, teams, organisations and places at each one?",
            null),

        // Stewardship — Person/Practitioner
        new("stewardship-person-worth-it", Stage.Stewardship, ScaleKind.Person,
            "How will the person come to see that this learning relationship is worth their time?",
            "Meeting an urgent need straight away can be where trust begins."),
        new("stewardship-person-others-involved", Stage.Stewardship, ScaleKind.Person,
            "How will you draw in neighbours, community groups and other services you don't control around a purpose you share?",
            null),

        // Stewardship — Team
        new("stewardship-team-meetings", Stage.Stewardship, ScaleKind.Team,
            "How will you make team meetings the main place for learning — going through cases, spotting issues and patterns?",
            null),

        // Stewardship — Organisation
        new("stewardship-org-issues", Stage.Stewardship, ScaleKind.Organisation,
            "How will you take up the infrastructure, finance and audit, workforce, process and culture issues that teams raise?",
            "Performance management that focuses on learning is often one of them."),
        new("stewardship-org-governance-body", Stage.Stewardship, ScaleKind.Organisation,
            "Which body — a scrutiny committee, a board of trustees, non-executives — will ask whether the learning is happening as intended?",
            null),

        // Stewardship — Place
        new("stewardship-place-diverse-actors", Stage.Stewardship, ScaleKind.Place,
            "How will you build a healthy learning system across very different actors, tackling inequality and mistrust without favouring the ways of learning of the powerful?",
            null),
        new("stewardship-place-funding", Stage.Stewardship, ScaleKind.Place,
            "How will you commission and fund so that learning cycles across the place can work well?",
            null),
        new("stewardship-place-governance-body", Stage.Stewardship, ScaleKind.Place,
            "Which partnership board or steering group will help the place account for its learning?",
            null),

        // Stewardship — Region/Country
        new("stewardship-region-relationship-infrastructure", Stage.Stewardship, ScaleKind.Region,
            "What does the relationship between practitioners and residents need in resources, and how will you sustain it as core public infrastructure?",
            null),
        new("stewardship-region-purpose-silos", Stage.Stewardship, ScaleKind.Region,
            "How will cycles working on different purposes connect so that none of them becomes a silo?",
            null),
        new("stewardship-region-ambition", Stage.Stewardship, ScaleKind.Region,
            "How will you keep ambition high in every place, challenge inward-looking habits, and back people pushed to the margins by local power?",
            "Think about what ombudsman and whistleblowing arrangements you need, and how whistleblowers are treated."),
    ];

    public static IReadOnlyList<DesignQuestion> For(Stage stage, ScaleKind scaleKind) =>
        All.Where(q => q.Stage == stage && (q.ScaleKind is null || q.ScaleKind == scaleKind)).ToList();

    public static DesignQuestion? Find(string key) => All.FirstOrDefault(q => q.Key == key);
}

public sealed record DesignQuestion(string Key, Stage Stage, ScaleKind? ScaleKind, string Text, string? Hint);
