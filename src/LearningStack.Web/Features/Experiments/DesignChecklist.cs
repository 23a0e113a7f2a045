using System.Text.RegularExpressions;

namespace LearningStack.Web.Features.Experiments;

/// <summary>A gap in a design: a key for code, words for people, and the section of the design it is about.</summary>
public sealed record ChecklistGap(string Key, string Message, string Section);

/// <summary>What the checklist looks at, taken from an experiment and its participants.</summary>
public sealed record DesignFacts(
    ExperimentType Type,
    string? ResearchQuestion,
    string? Hypothesis,
    IReadOnlyList<string> InquiryQuestions,
    IReadOnlyList<string> SafeToFailRules,
    EvidenceKinds EvidenceKinds,
    string? GatheredBy,
    int? ReflectionEveryDays,
    IReadOnlyList<ParticipantRoles> ParticipantRoles)
{
    public static DesignFacts Of(Experiment e, IEnumerable<ParticipantRoles> roles) =>
        new(e.Type, e.ResearchQuestion, e.Hypothesis, e.InquiryQuestions, e.SafeToFailRules, e.EvidenceKinds, e.GatheredBy, e.ReflectionEveryDays, [.. roles]);
}

/// <summary>Gentle prompts about a design. It never stops anyone saving: an experiment can start rough and get better.</summary>
public static partial class DesignChecklist
{
    /// <summary>Safe-to-fail rules offered on the design form as a starting point; people edit them or write their own.</summary>
    public static IReadOnlyList<string> SafeToFailSuggestions { get; } =
    [
        "We stay within the law and our duties",
        "Nothing we try harms the people we serve",
        "Anyone who feels unsafe can pause it, and we stop and talk",
        "We keep within the money and time we agreed",
        "The people affected know what we are trying, and why",
    ];

    public static IReadOnlyList<ChecklistGap> Gaps(DesignFacts d)
    {
        var gaps = new List<ChecklistGap>();
        if (d.EvidenceKinds == EvidenceKinds.None && string.IsNullOrWhiteSpace(d.GatheredBy))
        {
            gaps.Add(new("no-data-plan", "There is no data plan yet: say what kinds of evidence you will gather, and who will gather it.", "data-plan"));
        }
        if (d.ReflectionEveryDays is null)
        {
            gaps.Add(new("no-reflection-cadence", "Agree how often you will meet to make sense of the evidence together.", "data-plan"));
        }
        if (d.SafeToFailRules.Count == 0)
        {
            gaps.Add(new("no-safe-to-fail", "Add at least one safe-to-fail rule, so everyone knows the limits of what you are trying.", "safe-to-fail"));
        }
        if (!d.ParticipantRoles.Any(r => r.HasFlag(ParticipantRoles.CouldStopIt)))
        {
            gaps.Add(new("nobody-could-stop-it", "Name someone who could stop this experiment, and talk to them early.", "people"));
        }
        if (!d.ParticipantRoles.Any(r => r.HasFlag(ParticipantRoles.CoDesigner)))
        {
            gaps.Add(new("no-co-designer", "Name who designed this with you, especially the people it affects.", "people"));
        }
        if (d.Type == ExperimentType.Probe)
        {
            if (!string.IsNullOrWhiteSpace(d.Hypothesis))
            {
                gaps.Add(new("probe-with-hypothesis", "This is a probe, but a hypothesis is written in. A probe explores without predicting; make it a hypothesis test, or take the hypothesis out.", "question"));
            }
            else if (d.InquiryQuestions.Any(IsPrediction))
            {
                gaps.Add(new("probe-with-prediction", "Some inquiry questions read like predictions. A probe asks what happens; try phrasing them as open questions.", "question"));
            }
        }
        else if (string.IsNullOrWhiteSpace(d.Hypothesis) || string.IsNullOrWhiteSpace(d.ResearchQuestion))
        {
            gaps.Add(new("hypothesis-test-incomplete", "A hypothesis test needs both a research question and a hypothesis.", "question"));
        }
        return gaps;
    }

    /// <summary>True when a question is phrased as a prediction ("we expect…", "will lead to", "if … then").</summary>
    public static bool IsPrediction(string question) => Prediction().IsMatch(question);

    [GeneratedRegex(@"\bwe\s+(expect|predict|anticipate)\b|\bwill\s+(lead\s+to|result\s+in|cause|increase|reduce|improve)\b|\bif\b.+\bthen\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prediction();
}
