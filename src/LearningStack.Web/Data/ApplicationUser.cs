using Microsoft.AspNetCore.Identity;

namespace LearningStack.Web.Data;

public class ApplicationUser : IdentityUser
{
    /// <summary>The name shown to other members, e.g. "Sam Okafor (caseworker)".</summary>
    [PersonalData]
    public string? DisplayName { get; set; }

    public string ShownName => string.IsNullOrWhiteSpace(DisplayName) ? UserName ?? Email ?? Id : DisplayName;
}
