using LearningStack.Web.Features.Experiments;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>The words for each voice someone brings to a session.</summary>
public static class VoiceWords
{
    public static IReadOnlyList<Voice> All { get; } = [Voice.PersonServed, Voice.Practitioner, Voice.Manager, Voice.Partner, Voice.Other];

    public static string Label(Voice voice) => voice switch
    {
        Voice.PersonServed => "Person served / expert by experience",
        Voice.Practitioner => "Practitioner",
        Voice.Manager => "Manager",
        Voice.Partner => "Partner organisation",
        _ => "Other",
    };

    /// <summary>A short form for table headings.</summary>
    public static string Brief(Voice voice) => voice switch
    {
        Voice.PersonServed => "Person served",
        Voice.Partner => "Partner",
        _ => Label(voice),
    };
}

/// <summary>Which voices were present in a cycle's recent sessions, and a plain prompt when the people served were not among them.
/// Not an alarm and not a score: a question to ask when planning the next session.</summary>
public static class VoiceGaps
{
    /// <summary>How many of the latest sessions the voices strip looks at.</summary>
    public const int Window = 5;

    /// <summary>The prompt to show, or null when someone took part as a person served in at least one of the sessions (or there are
    /// no sessions yet, when there is nothing to say).</summary>
    public static string? Prompt(IReadOnlyList<IReadOnlyCollection<Voice>> voicesPerSession)
    {
        var recent = voicesPerSession.Take(Window).ToList();
        if (recent.Count == 0 || recent.Any(v => v.Contains(Voice.PersonServed)))
        {
            return null;
        }
        var span = recent.Count == 1 ? "the last session" : $"the last {recent.Count} sessions";
        return $"No one has taken part as a person served or expert by experience in {span}. Who could you invite next time?";
    }
}
