using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Issues;

/// <summary>The issue log (the Gateshead template): issues per cycle, their status changes, views, and CSV/XLSX export and import.
/// Mapped under /api (bearer tokens) and /api/ui (the app's own scripts).</summary>
public static class IssuesModule
{
    public static IServiceCollection AddIssueLog(this IServiceCollection services) => services
        .AddScoped<IssueCommands>()
        .AddScoped<IssueExchangeCommands>();

    public static RouteGroupBuilder MapIssueLog(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("/cycles/{cycleId:guid}/issues").WithTags("Issues");
        log.MapGet("/", async (Guid cycleId, int? level, string? owner, string? status, string? tag, string? sort, string? dir, int? page, int? pageSize,
                    IssueCommands c, CancellationToken ct) =>
                (await c.ListAsync(cycleId, new IssueQuery(level, owner, status, tag, sort, dir, page, pageSize), ct)).ToHttpResult())
            .WithSummary("The cycle's issue log: filter by level (1, 2, 3), owner (Team, Leadership, Government), status (Open, Closed) and tag; " +
                "sort by number, level, owner, status or updated (dir asc or desc); page (from 1) and pageSize (up to 200, default 50).");
        log.MapPost("/", async (Guid cycleId, IssueInput input, IssueCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(i => TypedResults.Created($"/api/issues/{i.Id}", i)))
            .WithSummary("Adds an issue with the next number of the cycle. Source Direct (default), Insight (sourceId = an insight card of a session of " +
                "this cycle, which is then linked to the issue), Experiment (sourceId = an experiment of this cycle) or Case (sourceId = a case file you work on, " +
                "in this cycle or a person-scale cycle linked up to it; the log shows only its pseudonymous reference).");
        log.MapGet("/summary", async (Guid cycleId, IssueCommands c, CancellationToken ct) => (await c.SummaryAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("How many issues the log holds by level, owner and status.");
        log.MapGet("/export", async (Guid cycleId, string? format, IssueExchangeCommands c, CancellationToken ct) =>
                (await c.ExportAsync(cycleId, format, ct)).ToHttpResult(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .WithSummary("Downloads the whole log as format = csv or xlsx with the template's columns: #, Issue, Level, Status, Owner, Countermeasure (now), " +
                "System change (new normal), Tags, Source, Raised on, Closed on.");
        log.MapPost("/import", async (Guid cycleId, HttpRequest request, IssueExchangeCommands c, CancellationToken ct) =>
            {
                // Read by hand (not bound) so that access is checked before anything is said about the request's shape.
                var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                return (await c.ImportAsync(cycleId, stream, file?.FileName ?? "", ct)).ToHttpResult();
            })
            .DisableAntiforgery()
            .WithSummary("Imports a CSV or XLSX file (multipart field file, up to 5 MB and 5,000 rows) with the export's columns, all or nothing. " +
                "A row with the # of an issue of this cycle updates it; a row without # adds one. Problems are reported per row and column.");

        var one = api.MapGroup("/issues/{issueId:guid}").WithTags("Issues");
        one.MapGet("/", async (Guid issueId, IssueCommands c, CancellationToken ct) => (await c.GetAsync(issueId, ct)).ToHttpResult())
            .WithSummary("One issue.");
        one.MapPut("/", async (Guid issueId, IssueInput input, IssueCommands c, CancellationToken ct) => (await c.UpdateAsync(issueId, input, ct)).ToHttpResult())
            .WithSummary("Edits an issue's description, level, owner, countermeasure, system change and tags (send its version). Status changes by close and reopen.");
        one.MapPost("/close", async (Guid issueId, IssueStatusInput input, IssueCommands c, CancellationToken ct) => (await c.CloseAsync(issueId, input, ct)).ToHttpResult())
            .WithSummary("Closes an open issue, with a reason (send its version).");
        one.MapPost("/reopen", async (Guid issueId, IssueStatusInput input, IssueCommands c, CancellationToken ct) => (await c.ReopenAsync(issueId, input, ct)).ToHttpResult())
            .WithSummary("Opens a closed issue again, with a reason (send its version).");
        return api;
    }
}
