namespace LearningStack.Web.Features.Issues;

/// <summary>The issue log (the Gateshead template): issues per cycle, their status changes, views, and CSV/XLSX export and import.
/// Mapped under /api (bearer tokens) and /api/ui (the app's own scripts).</summary>
public static class IssuesModule
{
    public static IServiceCollection AddIssueLog(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapIssueLog(this RouteGroupBuilder api) => api;
}
