namespace LearningStack.Web.Features.Networks;

public static class RoleText
{
    public static string Name(NetworkRole role) => role switch
    {
        NetworkRole.Observer => "Observer",
        NetworkRole.Member => "Member",
        NetworkRole.Steward => "Steward",
    };

    /// <summary>"a steward", "a member", "an observer".</summary>
    public static string WithArticle(NetworkRole role) => role switch
    {
        NetworkRole.Observer => "an observer",
        NetworkRole.Member => "a member",
        NetworkRole.Steward => "a steward",
    };

    public static string Explain(NetworkRole role) => role switch
    {
        NetworkRole.Observer => "reads everything, changes nothing",
        NetworkRole.Member => "creates and edits cycles, links, reflections and answers",
        NetworkRole.Steward => "manages everything, including scales and members",
    };
}
