using LearningStack.Web.Platform;
using Microsoft.Net.Http.Headers;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Learning accounts ("helping to account"): services and JSON endpoints.</summary>
public static class LearningAccountEndpoints
{
    public static IServiceCollection AddLearningAccounts(this IServiceCollection services) => services.AddScoped<LearningAccountCommands>();

    public static RouteGroupBuilder MapLearningAccounts(this RouteGroupBuilder api)
    {
        var cycle = api.MapGroup("/cycles/{cycleId:guid}/accounts").WithTags("Learning accounts");
        cycle.MapGet("/", async (Guid cycleId, LearningAccountCommands c, CancellationToken ct) => (await c.ListAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's learning accounts, drafts first, then published versions newest first. Drafts are listed only for those who may " +
                "write them (the network's stewards and the cycle's stewards).");
        cycle.MapPost("/", async (Guid cycleId, AccountGenerateInput input, LearningAccountCommands c, CancellationToken ct) =>
                (await c.GenerateAsync(cycleId, input, ct)).ToHttpResult(a => TypedResults.Created($"/api/accounts/{a.Id}", a)))
            .WithSummary("Writes a draft account for a period (from, to; optional title) from the cycle's records: purpose, who took part, what we tried, " +
                "what we learnt, what changed, what we passed on, open questions — each section Markdown with links to the records. Stewards only.");

        var one = api.MapGroup("/accounts/{accountId:guid}").WithTags("Learning accounts");
        one.MapGet("/", async (Guid accountId, LearningAccountCommands c, CancellationToken ct) => (await c.GetAsync(accountId, ct)).ToHttpResult())
            .WithSummary("One account with its sections, the questions asked on it and their answers, and the cycle's other versions.");
        one.MapPut("/sections/{sectionId:guid}", async (Guid accountId, Guid sectionId, AccountSectionInput input, LearningAccountCommands c, CancellationToken ct) =>
                (await c.UpdateSectionAsync(accountId, sectionId, input, ct)).ToHttpResult())
            .WithSummary("Edits one section of a draft (markdown, version; a stale version is 409). A published account never changes (409).");
        one.MapPost("/publish", async (Guid accountId, AccountPublishInput input, LearningAccountCommands c, CancellationToken ct) =>
                (await c.PublishAsync(accountId, input, ct)).ToHttpResult())
            .WithSummary("Publishes a draft as the cycle's next numbered version, dated today (send the account's version; 409 when a section changed since).");
        one.MapDelete("/", async (Guid accountId, int? version, LearningAccountCommands c, CancellationToken ct) =>
                (await c.DiscardAsync(accountId, new AccountPublishInput { Version = version }, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Discards a draft (stewards; ?version= the draft's version, a stale one is 409). A published version is never deleted (409).");
        one.MapPost("/revise", async (Guid accountId, LearningAccountCommands c, CancellationToken ct) =>
                (await c.ReviseAsync(accountId, ct)).ToHttpResult(a => TypedResults.Created($"/api/accounts/{a.Id}", a)))
            .WithSummary("Starts a new draft from a published version, with its sections as published. The published version stays readable as it is.");
        one.MapGet("/export", async (Guid accountId, string? format, HttpContext http, LearningAccountCommands c, CancellationToken ct) =>
                (await c.ExportAsync(accountId, format, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct)).ToHttpResult(f =>
                {
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = f.FileName }.ToString();
                    return TypedResults.File(f.Content, f.ContentType);
                }))
            .WithSummary("The account as format=md (Markdown, the default), html (a standalone page with a print stylesheet) or docx (Word). " +
                "A draft is marked DRAFT.");
        one.MapPost("/questions", async (Guid accountId, AccountQuestionInput input, LearningAccountCommands c, CancellationToken ct) =>
                (await c.AskAsync(accountId, input, ct)).ToHttpResult())
            .WithSummary("Asks a question on a published account (anyone in the network, observers included): text, and optionally sectionKey. " +
                "Returns the question (200). Questions on a draft are a 409.");
        one.MapPost("/questions/{questionId:guid}/answer", async (Guid accountId, Guid questionId, AccountAnswerInput input, LearningAccountCommands c, CancellationToken ct) =>
                (await c.AnswerAsync(accountId, questionId, input, ct)).ToHttpResult())
            .WithSummary("Answers a question (the cycle's stewards and the network's stewards): text. Returns the question with all its answers.");
        return api;
    }
}
