namespace LearningStack.Web.Features.Stewardship;

/// <summary>Words for governance values, for pages.</summary>
public static class GovernanceText
{
    public static string Name(GovernanceBodyKind kind) => kind switch
    {
        GovernanceBodyKind.ScrutinyCommittee => "Scrutiny committee",
        GovernanceBodyKind.PartnershipBoard => "Partnership board",
        GovernanceBodyKind.ResidentsPanel => "Residents' panel",
        GovernanceBodyKind.BoardOfTrustees => "Board of trustees",
        GovernanceBodyKind.SteeringGroup => "Steering group",
        GovernanceBodyKind.ProgrammeBoard => "Programme board",
        GovernanceBodyKind.Other => "Another kind of body",
        _ => kind.ToString(),
    };

    public static string Name(ConcernStatus status) => status switch
    {
        ConcernStatus.Received => "Received",
        ConcernStatus.LookingIntoIt => "Looking into it",
        ConcernStatus.Responded => "Responded",
        _ => status.ToString(),
    };

    public static string Name(GovernanceQuestionGroup group) => group switch
    {
        GovernanceQuestionGroup.Arrangements => "How this cycle is governed",
        GovernanceQuestionGroup.Asking => "What the body keeps asking",
        _ => group.ToString(),
    };
}
