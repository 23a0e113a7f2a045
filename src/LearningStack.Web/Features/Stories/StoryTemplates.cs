namespace LearningStack.Web.Features.Stories;

/// <summary>A starting point for a collection, in our own words. Creating a collection from a template copies it; the steward
/// can change everything afterwards.</summary>
public sealed record StoryTemplate(string Key, string Name, string Description, string Prompt, IReadOnlyList<(SignifierKind Kind, string Question, string[] Labels)> Signifiers)
{
    public StoryCollectionInput ToInput() => new()
    {
        Title = Name,
        Prompt = Prompt,
        Signifiers = [.. Signifiers.Select(s => new SignifierInput { Kind = s.Kind, Question = s.Question, Labels = [.. s.Labels] })],
    };
}

public static class StoryTemplates
{
    public static IReadOnlyList<StoryTemplate> All { get; } =
    [
        new("appreciative-inquiry", "Appreciative inquiry",
            "Stories of times when things went well, to find what made them possible and do more of it.",
            "Tell us about a time when things worked well for you or for someone you were with. What happened, and what made it possible?",
            [
                (SignifierKind.Triad, "What made it work was mostly…", ["the people involved", "the way things were organised", "luck or timing"]),
                (SignifierKind.Dyad, "How much was this down to you?", ["hardly at all", "almost entirely"]),
                (SignifierKind.Tags, "What was it about?", ["money", "housing", "health", "family and friends", "work or learning", "feeling safe"]),
                (SignifierKind.Demographic, "How long have you lived in the area?", ["less than a year", "1 to 5 years", "more than 5 years"]),
            ]),
        new("systems-change", "Storytelling for systems change",
            "Stories of something that changed, and what helped or got in the way, to see where a system is shifting.",
            "Tell us about a change you have seen or been part of. What changed, for whom, and what helped it happen?",
            [
                (SignifierKind.Triad, "The change came mainly from…", ["people on the ground", "leaders and decision makers", "outside pressure"]),
                (SignifierKind.Triad, "What helped most was…", ["relationships and trust", "money or resources", "permission to try something new"]),
                (SignifierKind.Dyad, "How lasting does the change feel?", ["it could easily slip back", "it is here to stay"]),
                (SignifierKind.Tags, "Which parts of the system were involved?", ["a public service", "a charity or community group", "a business", "family or neighbours", "rules or funding"]),
            ]),
        new("service-experience", "Experience of a service",
            "Stories of using a service, in people's own words, to learn what it is like from the inside.",
            "Tell us about a recent time you used this service. What happened, and how did it leave you feeling?",
            [
                (SignifierKind.Triad, "In this story I felt…", ["listened to", "in control", "safe"]),
                (SignifierKind.Dyad, "The help fitted what I needed…", ["not at all", "completely"]),
                (SignifierKind.Dyad, "Getting help was…", ["a struggle", "easy"]),
                (SignifierKind.Tags, "What was it about?", ["first contact", "waiting", "being passed between services", "the people I met", "the outcome"]),
                (SignifierKind.Demographic, "Your age", ["under 25", "25 to 44", "45 to 64", "65 or over"]),
            ]),
    ];

    public static StoryTemplate? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
}
