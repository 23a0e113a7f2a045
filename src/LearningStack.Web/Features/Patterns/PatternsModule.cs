using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.People;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Patterns;

/// <summary>Patterns across scales: what a larger cycle learns from the cycles connected below it.</summary>
public static class PatternsModule
{
    public static IServiceCollection AddPatterns(this IServiceCollection services) =>
        services.AddScoped<PatternsQuery>().AddScoped<CaseTaskCommands>();

    public static RouteGroupBuilder MapPatterns(this RouteGroupBuilder api)
    {
        const string below = " Counted in the database over every cycle connected below (each once); person-scale figures only from people who agreed, " +
            "no group of fewer than 5 people, no free text from case files. 404 for a cycle the caller cannot see, 409 for a person-scale cycle.";
        var patterns = api.MapGroup("/cycles/{cycleId:guid}/patterns").WithTags("Patterns");
        patterns.MapGet("/", async (Guid cycleId, PatternsQuery q, CancellationToken ct) => (await q.SummaryAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("What the cycle learns from below: how many cycles, person-scale cycles and people are counted, and the cycles directly below side by side (alphabetical, never ranked)." + below);
        patterns.MapGet("/issues", async (Guid cycleId, PatternsQuery q, CancellationToken ct) => (await q.IssuesAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Issues by level, owner, status and month (last 24 months, older as \"earlier\"), their tags, and routed issues by what became of them." + below);
        patterns.MapGet("/issues/list", async (Guid cycleId, string? tag, IssueLevel? level, IssueOwner? owner, IssueStatus? status, PatternsQuery q, CancellationToken ct) =>
                (await q.IssueListAsync(cycleId, tag, level, owner, status, ct)).ToHttpResult())
            .WithSummary($"The issues behind a figure: issues of the cycles below filtered by tag, level, owner and status, newest first (at most {PatternsQuery.IssuesShown}, with the total)." + below);
        patterns.MapGet("/problems", async (Guid cycleId, PatternsQuery q, CancellationToken ct) => (await q.ProblemsAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Problems and aspirations in common: tags from what matters (distinct people), issues and stories told with people, most frequent first (the long tail)." + below);
        patterns.MapGet("/spend", async (Guid cycleId, PatternsQuery q, CancellationToken ct) => (await q.SpendAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Spend by need and month over the last 24 months, per currency." + below);
        patterns.MapGet("/experiments", async (Guid cycleId, PatternsQuery q, CancellationToken ct) => (await q.ExperimentsAsync(cycleId, ct)).ToHttpResult())
            .WithSummary($"Experiments by type, state and decision, and the latest {PatternsQuery.LearningShown} learning records (experiments tried with one person are left out)." + below);
        patterns.MapGet("/work", async (Guid cycleId, PatternsQuery q, CancellationToken ct) => (await q.WorkAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The work complexity matrix: each task on the network's list with its judged complexity and how many people and visits needed it." + below);
        patterns.MapGet("/community-map", async (Guid cycleId, string? tag, AgeBand? ageBand, GenderGroup? gender, PatternsQuery q, CancellationToken ct) =>
                (await q.CommunityMapAsync(cycleId, new MapFilter(tag, ageBand, gender), ct)).ToHttpResult())
            .WithSummary("People's life maps layered into one factor map (themes and links weighted by how many maps have them), with its feedback loops. " +
                "tag = only people with that what-matters tag; ageBand, gender = only people who shared that about themselves (each offered only for groups of 5 or more)." + below);

        var tasks = api.MapGroup("/networks/{networkId:guid}/tasks").WithTags("Patterns");
        tasks.MapGet("/", async (Guid networkId, CaseTaskCommands c, CancellationToken ct) => (await c.ListAsync(networkId, ct)).ToHttpResult())
            .WithSummary("The network's task list for visits, with the complexity the team judged each task to have (1 to 5).");
        tasks.MapPost("/", async (Guid networkId, CaseTaskInput input, CaseTaskCommands c, CancellationToken ct) =>
                (await c.AddAsync(networkId, input, ct)).ToHttpResult(t => TypedResults.Created($"/api/tasks/{t.Id}", t)))
            .WithSummary("Adds a task (members): name, complexity 1–5, and optionally why the team judged it so.");
        tasks.MapPost("/suggested", async (Guid networkId, CaseTaskCommands c, CancellationToken ct) => (await c.AddSuggestedAsync(networkId, ct)).ToHttpResult())
            .WithSummary("Adds the suggested starting tasks that are not on the list yet (members).");
        api.MapPut("/tasks/{taskId:guid}", async (Guid taskId, CaseTaskInput input, CaseTaskCommands c, CancellationToken ct) => (await c.UpdateAsync(taskId, input, ct)).ToHttpResult())
            .WithTags("Patterns")
            .WithSummary("Renames a task or changes its complexity (members; send the version, a stale one is 409).");
        return api;
    }
}
