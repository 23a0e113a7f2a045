using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Influence;

public sealed class EmbeddingInput
{
    [Required(ErrorMessage = "Say what became business as usual.")]
    [MaxLength(2000, ErrorMessage = "Keep it to 2,000 characters; put the detail in the evidence.")]
    public string? What { get; set; }

    [Required(ErrorMessage = "Choose the kind: process, infrastructure, culture or policy.")]
    public EmbeddingKind? Kind { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "This can be at most 20,000 characters.")]
    public string? Replaced { get; set; }

    [Required(ErrorMessage = "Enter the date it became business as usual.")]
    public DateOnly? EmbeddedOn { get; set; }

    public List<Guid> ExperimentIds { get; set; } = [];
    public List<Guid> SessionIds { get; set; } = [];

    /// <summary>Active countermeasures of this cycle that this makes unnecessary: they become the new normal.</summary>
    public List<Guid> RetiredCountermeasureIds { get; set; } = [];

    /// <summary>Edits only.</summary>
    public int? Version { get; set; }
}

public sealed record CountermeasureRef(Guid Id, string Rule, string Instead, string ExperimentTitle);

public sealed record EmbeddingView(Guid Id, Guid NetworkId, Guid CycleId, string What, EmbeddingKind Kind, string? Replaced, DateOnly EmbeddedOn,
    IReadOnlyList<EvidenceRef> Experiments, IReadOnlyList<EvidenceRef> Sessions, IReadOnlyList<CountermeasureRef> RetiredCountermeasures,
    string? RecordedByName, int Version);

/// <summary>A cycle's embedding register and what its form can offer.</summary>
public sealed record EmbeddingRegisterView(CycleScopeRef Cycle, IReadOnlyList<EmbeddingView> Embeddings, IReadOnlyList<EvidenceRef> Experiments,
    IReadOnlyList<EvidenceRef> Sessions, IReadOnlyList<CountermeasureRef> ActiveCountermeasures);

public sealed record CycleScopeRef(Guid Id, Guid NetworkId, string Name, string NetworkName, bool CanEdit);
