namespace LearningStack.Web.Features.Understanding;

/// <summary>How the maps' choices read to people.</summary>
public static class UnderstandingText
{
    public static string Name(ActorKind kind) => kind switch
    {
        ActorKind.Person => "Person",
        ActorKind.Organisation => "Organisation",
        ActorKind.Team => "Team",
        ActorKind.Community => "Group or community",
        _ => kind.ToString(),
    };

    public static string Name(ActorRoles role) => role switch
    {
        ActorRoles.Steward => "Steward",
        ActorRoles.LearningPartner => "Learning partner",
        ActorRoles.PersonServed => "Person served / expert by experience",
        ActorRoles.OpinionLeader => "Opinion leader",
        ActorRoles.CouldStopChange => "Could stop change",
        ActorRoles.HasEnergyForChange => "Has energy for change",
        _ => role.ToString(),
    };

    public static string Name(TrustQuality trust) => trust switch
    {
        TrustQuality.Unknown => "Not known",
        TrustQuality.Low => "Low",
        TrustQuality.Mixed => "Mixed",
        TrustQuality.Good => "Good",
        _ => trust.ToString(),
    };

    public static string Name(RelationshipDirection direction) => direction == RelationshipDirection.Mutual ? "Both ways" : "One way";

    public static string Sign(LinkPolarity polarity) => polarity == LinkPolarity.Same ? "+" : "−";

    public static string Name(LinkPolarity polarity) => polarity == LinkPolarity.Same ? "+ same direction" : "− opposite direction";

    public static string Name(DemandKind demand) => demand == DemandKind.Value ? "Value demand" : "Failure demand";

    public static readonly string[] RelationshipKinds = ["works with", "refers to", "funds", "learns with", "reports to", "commissions", "supports", "informs"];

    public static string Tags(IEnumerable<string> tags) => string.Join(" | ", tags);
}
