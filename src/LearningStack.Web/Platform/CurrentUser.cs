using System.Security.Claims;

namespace LearningStack.Web.Platform;

/// <summary>Who is acting in this scope: the signed-in user of the request, or a named system actor (seeding, jobs).</summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor)
{
    private string? _systemName;
    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal? Principal => _systemName is null ? _principal ?? httpContextAccessor.HttpContext?.User : null;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName =>
        _systemName
        ?? Principal?.FindFirstValue("display_name")
        ?? Principal?.Identity?.Name
        ?? "anonymous";

    /// <summary>Acts as a named system process for the rest of this scope (e.g. "demo seed").</summary>
    public void ActAsSystem(string name) => _systemName = name;

    /// <summary>Acts for this signed-in principal for the rest of this scope (a SignalR hub call has no request of its own).</summary>
    public void ActFor(ClaimsPrincipal principal) => _principal = principal;
}
