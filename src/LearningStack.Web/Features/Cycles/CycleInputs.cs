using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Cycles;

public sealed class CycleInput
{
    [Required(ErrorMessage = "Choose the scale this cycle works at.")]
    public Guid? ScaleId { get; set; }

    [Required(ErrorMessage = "Give the cycle a name, e.g. \"Gateshead debt advice team\".")]
    [MaxLength(Limits.Name, ErrorMessage = "The name can be at most 200 characters.")]
    public string Name { get; set; } = "";

    [MaxLength(Limits.LongText, ErrorMessage = "The purpose can be at most 20,000 characters.")]
    public string? Purpose { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The boundary notes can be at most 20,000 characters.")]
    public string? Boundary { get; set; }

    [EnumDataType(typeof(CycleKind), ErrorMessage = "Choose a standing body or convened around an issue.")]
    public CycleKind Kind { get; set; } = CycleKind.StandingBody;

    /// <summary>User ids of the members who steward this cycle.</summary>
    public List<string> StewardIds { get; set; } = [];

    public int? Version { get; set; }
}

public sealed class StageStatusInput
{
    [EnumDataType(typeof(StageStatus), ErrorMessage = "Choose not started, active, paused or resting.")]
    public StageStatus Status { get; set; }

    public int? Version { get; set; }
}

public sealed class ReflectionInput
{
    /// <summary>The stage reflected on; leave empty for a review of the whole cycle.</summary>
    public Stage? Stage { get; set; }

    /// <summary>The day the reflection is about; today when left empty.</summary>
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Write the reflection before saving it.")]
    [MaxLength(Limits.LongText, ErrorMessage = "A reflection can be at most 20,000 characters.")]
    public string Text { get; set; } = "";
}

public sealed class AnswerInput
{
    [Required(ErrorMessage = "Write an answer before saving it.")]
    [MaxLength(Limits.LongText, ErrorMessage = "An answer can be at most 20,000 characters.")]
    public string Text { get; set; } = "";
}

public sealed class ArchiveInput
{
    public bool Archived { get; set; } = true;
}
