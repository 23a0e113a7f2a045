using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.People;

/// <summary>A dimension on a scale with words at its ends (a template of the network's library, or one of a person's own).
/// Low and high default to 1 and 10.</summary>
public sealed class DimensionInput
{
    /// <summary>Start from a template of the network's library: its name, scale and words are used where these are left out.</summary>
    public Guid? TemplateId { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    [MaxLength(CaseLimits.Statement, ErrorMessage = "The description can be at most 4,000 characters.")]
    public string? Description { get; set; }

    public int? Low { get; set; }
    public int? High { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The word for the low end can be at most 200 characters.")]
    public string? LowLabel { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "The word for the high end can be at most 200 characters.")]
    public string? HighLabel { get; set; }

    /// <summary>Edits only: stop rating this dimension (its readings stay), or take it up again.</summary>
    public bool? Retired { get; set; }

    public int? Version { get; set; }
}

/// <summary>Readings of several dimensions on one day, by the person, the practitioner or both together.</summary>
public sealed class ReadingsInput
{
    /// <summary>The day of the readings; today when left out.</summary>
    public DateOnly? On { get; set; }

    /// <summary>Person, Practitioner or Together. A person signed in to their own file always rates as Person.</summary>
    public Rater? RatedBy { get; set; }

    [Required(ErrorMessage = "Give at least one reading.")]
    public List<ReadingInput>? Readings { get; set; }
}

public sealed class ReadingInput
{
    public Guid MeasureId { get; set; }
    public int? Value { get; set; }

    /// <summary>When rating together and the practitioner sees it differently: the practitioner's view.</summary>
    public int? PractitionerValue { get; set; }

    [MaxLength(CaseLimits.Statement, ErrorMessage = "A note can be at most 4,000 characters.")]
    public string? Note { get; set; }
}

public sealed record TemplateView(Guid Id, string Name, string? Description, int Low, int High, string LowLabel, string HighLabel, int Version);

public sealed record DimensionView(Guid Id, string Name, int Low, int High, string LowLabel, string HighLabel, bool Retired, Guid? TemplateId, int Version);

public sealed record ReadingView(Guid Id, Guid MeasureId, DateOnly On, int Value, Rater RatedBy, int? PractitionerValue, string? Note, string RecordedByName);

/// <summary>A person's dimensions with every reading, oldest first, and what the file's pages need to draw the star and lines.</summary>
public sealed record MeasureBoard(Guid CaseId, string Reference, CaseRelation Relation, bool CanRate, IReadOnlyList<DimensionView> Dimensions,
    IReadOnlyList<ReadingView> Readings, IReadOnlyList<TemplateView> Templates)
{
    /// <summary>For each dimension, its first and latest reading (null when none).</summary>
    public IEnumerable<(DimensionView Dimension, ReadingView? First, ReadingView? Latest)> Star() => Dimensions.Where(d => !d.Retired).Select(d =>
    {
        var readings = Readings.Where(r => r.MeasureId == d.Id).ToList();
        return (d, readings.FirstOrDefault(), readings.LastOrDefault());
    });
}

public sealed record ReadingImportResult(int Added, int NewDimensions);
