using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.People;

/// <summary>A person, organisation or factor on a life map. Effect defaults to "not sure yet" and closeness to the middle ring;
/// an edit leaves out what it does not change. X and Y are optional (the map editor places elements without them).</summary>
public sealed class LifeElementInput
{
    [Required(ErrorMessage = "Give it a name: who or what is it?")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>Person, Organisation or Factor. Required when adding.</summary>
    public LifeMapElementKind? Kind { get; set; }

    /// <summary>A short word for the area of life (housing, income, health…). Stored lower case.</summary>
    [MaxLength(LifeThemes.MaxLength, ErrorMessage = "Keep the theme to a word or two (at most 60 characters).")]
    public string? Theme { get; set; }

    /// <summary>Helping, GettingInTheWay, Both or NotSure.</summary>
    public LifeEffect? Effect { get; set; }

    /// <summary>1 (closest) to 3 (further out).</summary>
    [Range(1, 3, ErrorMessage = "Closeness is 1 (closest), 2 or 3 (further out).")]
    public int? Closeness { get; set; }

    [MaxLength(CaseLimits.Statement, ErrorMessage = "A note can be at most 4,000 characters.")]
    public string? Note { get; set; }

    [Range(-1_000_000, 1_000_000, ErrorMessage = "x is too far away.")]
    public double? X { get; set; }

    [Range(-1_000_000, 1_000_000, ErrorMessage = "y is too far away.")]
    public double? Y { get; set; }

    /// <summary>Edits only: the version read last.</summary>
    public int? Version { get; set; }
}

/// <summary>A link between two elements of the same life map; polarity Same or Opposite when one drives the other, or none.</summary>
public sealed class LifeLinkInput
{
    [Required(ErrorMessage = "Choose where the link starts.")]
    public Guid? FromId { get; set; }

    [Required(ErrorMessage = "Choose what it links to.")]
    public Guid? ToId { get; set; }

    public LinkPolarity? Polarity { get; set; }

    [MaxLength(CaseLimits.Statement, ErrorMessage = "A note can be at most 4,000 characters.")]
    public string? Note { get; set; }

    /// <summary>Edits only: the version read last.</summary>
    public int? Version { get; set; }
}

public sealed record LifeElementView(Guid Id, LifeMapElementKind Kind, string Name, string? Theme, LifeEffect Effect, int Closeness, string? Note,
    double? X, double? Y, int Version);

public sealed record LifeLinkView(Guid Id, Guid FromId, Guid ToId, LinkPolarity? Polarity, string? Note, int Version);

/// <summary>Who is at the centre of the map: the name the file uses for the person.</summary>
public sealed record LifeMapCentre(string Name);

/// <summary>A person's life map as the caller may see it, with the themes to suggest (the usual ones and any already used here).</summary>
public sealed record LifeMapView(Guid CaseId, string Reference, LifeMapCentre Centre, bool CanEdit, IReadOnlyList<LifeElementView> Elements,
    IReadOnlyList<LifeLinkView> Links, IReadOnlyList<string> Themes);
