namespace LearningStack.Web.Features.Networks;

public static class RoleText
{
    public static string Name(NetworkRole role) => role switch
    {
        NetworkRole.Observer => "Observer",
        NetworkRole.Member => "Member",
        NetworkRole.Steward => "Steward",
    };

    public static string Explain(NetworkRole role) => role switch
    {
        NetworkRole.Observer => "reads everything, changes nothing",
        NetworkRole.Member => "creates and edits cycles, links, reflections and answers",
        NetworkRole.Steward => "manages everything, including scales and members",
    };
}
