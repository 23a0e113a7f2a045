namespace LearningStack.Web.Features.Stewardship;

/// <summary>Whether a governance question is for setting up how a cycle is governed, or for the body to ask as it governs.</summary>
public enum GovernanceQuestionGroup
{
    /// <summary>Planning how the cycle will be governed.</summary>
    Arrangements,

    /// <summary>Questions the body keeps asking while the cycle runs.</summary>
    Asking,
}

/// <summary>
/// The governance questions a body comes back to, with dated reflections on each (<see cref="GovernanceReflection"/>). The ideas come
/// from the HLS practical guide's section on governing a Learning Cycle; the wording is our own. Shaped like
/// <see cref="Cycles.DesignQuestionBank"/>: keys are stable because reflections refer to them, so never rename a key.
/// </summary>
public static class GovernanceQuestionBank
{
    public static IReadOnlyList<GovernanceQuestion> All { get; } =
    [
        // How the cycle is governed
        new("govern-who-helps-account", GovernanceQuestionGroup.Arrangements,
            "Which group helps the people running this cycle to give an account of their learning, and how often does it meet them?",
            "Helping to account, not holding to account: the body asks so that the cycle can see itself clearly."),
        new("govern-sideways", GovernanceQuestionGroup.Arrangements,
            "How do the people and organisations in this cycle ask one another whether each is really playing its part in the learning?",
            "Accountability can run sideways between partners as well as upwards to a board."),
        new("govern-residents", GovernanceQuestionGroup.Arrangements,
            "What part do residents — above all the people this cycle serves — play in asking how well it is learning?",
            null),
        new("govern-elected", GovernanceQuestionGroup.Arrangements,
            "Where do elected members come into these conversations, and what do they bring?",
            null),
        new("govern-steward-account", GovernanceQuestionGroup.Arrangements,
            "Who stewards this cycle, and how do they bring an account of its learning to this body?",
            "A learning account of the cycle is one way to start the conversation."),

        // What the body keeps asking
        new("govern-as-intended", GovernanceQuestionGroup.Asking,
            "Is this cycle working the way we meant it to? Where has it drifted from what was planned, and does the drift matter?",
            null),
        new("govern-integrity", GovernanceQuestionGroup.Asking,
            "How sound are the ways this cycle learns and adapts — would they convince someone who is not part of it?",
            null),
        new("govern-authentic", GovernanceQuestionGroup.Asking,
            "Are people genuinely taking part in the learning, or going through the motions?",
            "Look for who speaks in sense-making sessions, and whose words reach the records."),
        new("govern-lessons", GovernanceQuestionGroup.Asking,
            "Which lessons have really been learnt here — and which keep having to be learnt again?",
            "Stopped experiments and failures count: what did they teach?"),
        new("govern-into-practice", GovernanceQuestionGroup.Asking,
            "Where has learning changed what people actually do from day to day?",
            null),
        new("govern-into-infrastructure", GovernanceQuestionGroup.Asking,
            "Where has changed practice become part of how things are set up — budgets, systems, rules and roles?",
            "The embedding register records what became business as usual."),
        new("govern-purpose", GovernanceQuestionGroup.Asking,
            "Is what this cycle learns taking it closer to its purpose?",
            null),
        new("govern-how-we-know", GovernanceQuestionGroup.Asking,
            "How do we know all this? Which evidence, and whose voices, are we relying on?",
            null),
        new("govern-evaluation", GovernanceQuestionGroup.Asking,
            "What ways of evaluating the learning does this cycle need, and who should help shape them?",
            null),
        new("govern-account-to-whom", GovernanceQuestionGroup.Asking,
            "How should this cycle give an account of its learning, and who needs to hear it?",
            null),
        new("govern-boundary", GovernanceQuestionGroup.Asking,
            "Who is part of this cycle and who is left out? Are those lines drawn in the right place?",
            null),
        new("govern-safe-to-speak", GovernanceQuestionGroup.Asking,
            "Can people tell this body safely when they think the learning is not real — and what happens when they do?",
            "Anyone in the network can raise a concern with this body, with or without their name."),
    ];

    public static GovernanceQuestion? Find(string? key) => All.FirstOrDefault(q => q.Key == key);
}

public sealed record GovernanceQuestion(string Key, GovernanceQuestionGroup Group, string Text, string? Hint);
