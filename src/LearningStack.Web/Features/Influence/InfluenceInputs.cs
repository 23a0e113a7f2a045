using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Influence;

public sealed class InfluenceInput
{
    [Required(ErrorMessage = "Give the learning a short title.")]
    [MaxLength(Limits.Name, ErrorMessage = "The title can be at most 200 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Write what you learnt, so the other cycles can use it in their own learning.")]
    [MaxLength(Limits.LongText, ErrorMessage = "The learning can be at most 20,000 characters.")]
    public string? Learning { get; set; }

    /// <summary>The connected cycles to hand it to (at least one).</summary>
    public List<Guid> ToCycleIds { get; set; } = [];

    public List<Guid> ExperimentIds { get; set; } = [];
    public List<Guid> EvidenceIds { get; set; } = [];
    public List<Guid> SessionIds { get; set; } = [];
}

public sealed class InfluenceResponseInput
{
    [Required(ErrorMessage = "Choose what you did with it: used, adapted, or not relevant here.")]
    public InfluenceResponse? Response { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The note can be at most 20,000 characters.")]
    public string? Note { get; set; }

    public int? Version { get; set; }
}

public sealed record EvidenceRef(Guid Id, string Title);

public sealed record RecipientView(Guid Id, Guid InfluenceId, Guid ToCycleId, string ToCycleName, InfluenceResponse Response, string? Note,
    string? RespondedByName, DateTimeOffset? RespondedAt, int Version);

public sealed record InfluenceView(Guid Id, Guid NetworkId, Guid FromCycleId, string FromCycleName, string Title, string Learning, string? SharedByName,
    DateTimeOffset SharedAt, IReadOnlyList<EvidenceRef> Experiments, IReadOnlyList<EvidenceRef> Evidence, IReadOnlyList<EvidenceRef> Sessions,
    IReadOnlyList<RecipientView> Recipients, int Version);

/// <summary>What a cycle can point to when handing learning on or recording an embedding.</summary>
public sealed record EvidenceChoices(IReadOnlyList<EvidenceRef> Experiments, IReadOnlyList<EvidenceRef> Evidence, IReadOnlyList<EvidenceRef> Sessions,
    IReadOnlyList<RouteOption> Cycles);

public static class InfluenceText
{
    public static string Response(InfluenceResponse response) => response switch
    {
        InfluenceResponse.Pending => "Not answered yet",
        InfluenceResponse.Used => "Used",
        InfluenceResponse.Adapted => "Adapted",
        InfluenceResponse.NotRelevant => "Not relevant here",
        _ => response.ToString(),
    };

    public static string Kind(EmbeddingKind kind) => kind switch
    {
        EmbeddingKind.Process => "Process",
        EmbeddingKind.Infrastructure => "Infrastructure",
        EmbeddingKind.Culture => "Culture",
        EmbeddingKind.Policy => "Policy",
        _ => kind.ToString(),
    };
}
