using System.ComponentModel.DataAnnotations;

namespace LearningStack.Web.Features.People;

/// <summary>The age band a person chose to share, for counting only (never shown beside their reference).</summary>
public enum AgeBand
{
    Under18,
    From18To24,
    From25To34,
    From35To49,
    From50To64,
    From65,
}

/// <summary>How a person describes their gender, if they choose to: a short list, so it can be counted without free text.</summary>
public enum GenderGroup
{
    Woman,
    Man,
    NonBinary,
    AnotherWay,
}

/// <summary>What the person chooses to share about themselves so they can be counted in groups (the community map's filters).
/// Leaving a field empty means "not said". Send the file's version read last.</summary>
public sealed class AboutInput
{
    public AgeBand? AgeBand { get; set; }

    public GenderGroup? Gender { get; set; }

    [Required(ErrorMessage = "Send the version of the file you read last, so a change made meanwhile is not overwritten.")]
    public int? Version { get; set; }
}

/// <summary>Words for the groups, one place for pages, exports and the patterns that filter by them.</summary>
public static class AboutText
{
    public static string Age(AgeBand band) => band switch
    {
        AgeBand.Under18 => "Under 18",
        AgeBand.From18To24 => "18–24",
        AgeBand.From25To34 => "25–34",
        AgeBand.From35To49 => "35–49",
        AgeBand.From50To64 => "50–64",
        _ => "65 and over",
    };

    public static string Gender(GenderGroup gender) => gender switch
    {
        GenderGroup.Woman => "Woman",
        GenderGroup.Man => "Man",
        GenderGroup.NonBinary => "Non-binary",
        _ => "In another way",
    };

    public static string Age(AgeBand? band) => band is { } b ? Age(b) : "Not said";

    public static string Gender(GenderGroup? gender) => gender is { } g ? Gender(g) : "Not said";
}
