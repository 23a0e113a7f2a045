using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stories;

/// <summary>Micro-narratives with self-signification: story collections (prompt, triads, dyads, tags, demographics), stories from
/// members and from an anonymous link (rate-limited per address, with a honeypot), and the patterns view.</summary>
public static class StoriesModule
{
    /// <summary>The rate-limiting policy on the anonymous telling page: submissions per client address per hour
    /// (<c>Stories:AnonymousPerHour</c>, default 10). Reading the page is not limited.</summary>
    public const string AnonymousPolicy = "stories-anonymous";

    public const int DefaultAnonymousPerHour = 10;

    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AnonymousPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }
                var perHour = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Stories:AnonymousPerHour", DefaultAnonymousPerHour);
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 });
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "3600";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await http.Response.WriteAsJsonAsync(new ProblemDetails
                    {
                        Status = 429, Title = "Too many stories at once", Detail = TooManyText,
                    }, options: null, contentType: "application/problem+json", cancellationToken: ct);
                    return;
                }
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(TooManyPage, ct);
            };
        });
        return services
            .AddScoped<StoryCommands>()
            .AddScoped<PatternQuery>();
    }

    public const string TooManyText = "Thank you: a lot of stories have been sent from this connection in the last hour, so we cannot take another one just now. " +
        "Please try again in an hour. If you share a connection (at a library or a community centre), that may be why.";

    private static readonly string TooManyPage = $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>Please try again later — LearningStack</title><link rel="stylesheet" href="/app.css" /></head>
        <body><main id="main" class="container-xl app-main" style="max-width:36rem;padding:1rem">
        <h1>Please try again later</h1><p>{{TooManyText}}</p></main></body></html>
        """;

    public static RouteGroupBuilder MapStories(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/networks/{networkId:guid}/story-collections").WithTags("Stories");
        network.MapGet("/", async (Guid networkId, StoryCommands c, CancellationToken ct) => (await c.ListAsync(networkId, ct)).ToHttpResult())
            .WithSummary("The network's story collections, with how many stories each holds and whether its anonymous link is open.");
        network.MapPost("/", async (Guid networkId, StoryCollectionInput input, StoryCommands c, CancellationToken ct) =>
                (await c.CreateAsync(networkId, input, ct)).ToHttpResult(v => TypedResults.Created($"/api/story-collections/{v.Id}", v)))
            .WithSummary("Creates a collection (stewards): title, prompt and signifiers (Triad: three labels; Dyad: two; Tags or Demographic: options). " +
                "Give template (appreciative-inquiry, systems-change, service-experience) to start from one; what you leave out is copied from it.");

        api.MapGet("/cases/{caseId:guid}/stories", async (Guid caseId, StoryCommands c, CancellationToken ct) =>
                (await c.ForCaseAsync(caseId, ct: ct)).ToHttpResult())
            .WithTags("Stories")
            .WithSummary("The stories told with a person, in full, for those who can open their case file (a logged read), and the collections " +
                "a story can be added to. The person may add one with POST /api/story-collections/{id}/stories and caseId.");

        var collection = api.MapGroup("/story-collections/{collectionId:guid}").WithTags("Stories");
        collection.MapGet("/", async (Guid collectionId, StoryCommands c, CancellationToken ct) => (await c.GetAsync(collectionId, ct)).ToHttpResult())
            .WithSummary("A collection: prompt, signifiers (with ids for answers), whether its anonymous link is open.");
        collection.MapPut("/", async (Guid collectionId, StoryCollectionInput input, StoryCommands c, CancellationToken ct) =>
                (await c.UpdateAsync(collectionId, input, ct)).ToHttpResult())
            .WithSummary("Edits a collection (stewards; send the version). A signifier sent with its id and kind keeps its answers.");
        collection.MapDelete("/", async (Guid collectionId, StoryCommands c, CancellationToken ct) =>
                (await c.DeleteAsync(collectionId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Deletes a collection and its stories (stewards).");
        collection.MapGet("/stories", async (Guid collectionId, PatternQuery q, CancellationToken ct) => (await q.ListAsync(collectionId, ct)).ToHttpResult())
            .WithSummary("The stories that count in sense-making, newest first (at most 200): the teller's words, their answers, and for a story told " +
                "with a person only the case's reference. Stories whose person withdrew consent for stories are left out.");
        collection.MapPost("/stories", async (Guid collectionId, StoryInput input, StoryCommands c, CancellationToken ct) =>
                (await c.TellAsync(collectionId, input, ct)).ToHttpResult(v => TypedResults.Created($"/api/story-collections/{collectionId}/stories", v)))
            .WithSummary("Adds a story (members): text, optional title, answers per signifier (triad a, b, c ≥ 0 adding up to 1; dyad x from 0 to 1; " +
                "options; or notApplicable). caseId links it to the file of a person the caller works with.");
        collection.MapGet("/patterns", async (Guid collectionId, [FromQuery(Name = "f")] string[]? f, Guid? triad, string? region, string? cell, Guid? dyad, int? bin,
                PatternQuery q, CancellationToken ct) =>
                (await q.PatternsAsync(collectionId, new PatternFilter(PatternFilter.ParseOptions(f), triad, region, cell, dyad, bin), ct)).ToHttpResult())
            .WithSummary("Patterns over the stories that count: triad points and counts per region (a, b, c, middle) and per small triangle, dyad " +
                "histograms (10 bins), option counts. Filter with f=signifierId|option (repeatable); list a region's stories with triad=id&region=a " +
                "(or cell=i-j-k, or region=na), or dyad=id&bin=0..9.");
        collection.MapPost("/link", async (Guid collectionId, StoryCommands c, CancellationToken ct) =>
                (await c.OpenLinkAsync(collectionId, ct)).ToHttpResult(v => TypedResults.Created(v.Link, v)))
            .WithSummary("Opens a new anonymous link for telling stories (stewards); any earlier link closes. The link is shown only now.");
        collection.MapDelete("/link", async (Guid collectionId, StoryCommands c, CancellationToken ct) =>
                (await c.CloseLinkAsync(collectionId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Closes the anonymous link (stewards): it then says the collection is not taking stories.");
        return api;
    }
}
