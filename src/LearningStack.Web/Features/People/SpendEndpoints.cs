using LearningStack.Web.Platform;
using LearningStack.Web.Platform.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LearningStack.Web.Features.People;

/// <summary>The spend log: autonomous spending matched to need, per cycle, with receipts and sign-off. Services and JSON endpoints.</summary>
public static class SpendEndpoints
{
    /// <summary>Room for the multipart boundaries around the file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static IServiceCollection AddSpendLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SpendOptions>(o =>
        {
            o.DefaultCurrency = (configuration["Spend:DefaultCurrency"] ?? "GBP").Trim().ToUpperInvariant();
            o.MaxReceiptBytes = configuration.GetValue("Spend:MaxReceiptBytes", SpendOptions.DefaultMaxReceiptBytes);
        });
        return services.AddScoped<SpendCommands>();
    }

    public static RouteGroupBuilder MapSpendLog(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("/cycles/{cycleId:guid}/spend").WithTags("Spend log");
        log.MapGet("/", async (Guid cycleId, Guid? category, string? month, int? page, int? pageSize, SpendCommands c, CancellationToken ct) =>
                (await c.ListAsync(cycleId, new SpendQuery(category, month, page, pageSize), ct)).ToHttpResult())
            .WithSummary("The cycle's spend, newest first, filtered by need (category = a need category's id) and month (2026-03); page, pageSize up to 200. " +
                "Entries linked to a case the caller cannot open are left out and only counted (hidden: how many, and their totals).");
        log.MapPost("/", async (Guid cycleId, SpendInput input, SpendCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(e => TypedResults.Created($"/api/spend/{e.Id}", e)))
            .WithSummary("Logs a spend (members): spentOn, amount (more than 0, at most 100,000), currency (ISO 4217; the network's usual one when left out), " +
                "whatWasBought, the need (needCategoryId, or newCategory to add one to the list) and optionally caseId (a case you work on).");
        log.MapGet("/summary", async (Guid cycleId, int? year, SpendCommands c, CancellationToken ct) => (await c.SummaryAsync(cycleId, year, ct)).ToHttpResult())
            .WithSummary("Totals by need and by month for a year (the latest with spend when not given; year=0 for all), per currency, with each need's share. " +
                "Every entry counts; no case is named.");

        var one = api.MapGroup("/spend/{entryId:guid}").WithTags("Spend log");
        one.MapGet("/", async (Guid entryId, SpendCommands c, CancellationToken ct) => (await c.GetAsync(entryId, ct)).ToHttpResult())
            .WithSummary("One entry. Linked to a case the caller cannot open, it shows the amount and need only (hidden true).");
        one.MapPut("/", async (Guid entryId, SpendInput input, SpendCommands c, CancellationToken ct) => (await c.UpdateAsync(entryId, input, ct)).ToHttpResult())
            .WithSummary("Edits an entry as a whole (send the version; a stale one is 409). Changing the amount, currency or purchase takes away its sign-off.");
        one.MapPost("/approve", async (Guid entryId, SpendApprovalInput input, SpendCommands c, CancellationToken ct) =>
                (await c.ApproveAsync(entryId, input, ct)).ToHttpResult())
            .WithSummary("Signs the spend off (members other than the person who spent it): records who and when.");
        one.MapPost("/receipt", UploadReceiptAsync)
            .DisableAntiforgery()
            .WithSummary("Uploads the receipt as multipart/form-data (field file): a JPEG, PNG or WebP image, checked by its content, at most " +
                "Spend:MaxReceiptBytes (10 MB). Replaces an earlier receipt. 413 past the limit, 400 for any other file.");
        one.MapGet("/receipt", async (Guid entryId, HttpContext http, SpendCommands c, CancellationToken ct) =>
                (await c.OpenReceiptAsync(entryId, ct)).ToHttpResult(file =>
                {
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
                    http.Response.Headers.CacheControl = "private, max-age=3600";
                    return TypedResults.File(file.Content, file.ContentType);
                }))
            .WithSummary("The receipt image, for anyone who may see the entry in detail.");

        var categories = api.MapGroup("/networks/{networkId:guid}/need-categories").WithTags("Spend log");
        categories.MapGet("/", async (Guid networkId, SpendCommands c, CancellationToken ct) => (await c.CategoriesAsync(networkId, ct)).ToHttpResult())
            .WithSummary("The network's list of needs that spend can meet, by name.");
        categories.MapPost("/", async (Guid networkId, NeedCategoryInput input, SpendCommands c, CancellationToken ct) =>
                (await c.AddCategoryAsync(networkId, input, ct)).ToHttpResult(r => r.Added
                    ? TypedResults.Created($"/api/networks/{networkId}/need-categories", r.Category)
                    : TypedResults.Ok(r.Category)))
            .WithSummary("Adds a need to the list (members): 201, or 200 with the one already there when the name matches whatever its capitals.");
        return api;
    }

    /// <summary>Access is checked before a byte is read; the file goes to a temporary file (never into memory), is checked, then kept.</summary>
    private static async Task<IResult> UploadReceiptAsync(Guid entryId, HttpContext http, SpendCommands commands, CancellationToken ct)
    {
        if (await commands.CanAttachReceiptAsync(entryId, ct) is { } denied)
        {
            return new Outcome<bool>(denied.Status, false, denied.Errors, denied.Message).ToHttpResult();
        }
        var limit = commands.MaxReceiptBytes;
        if (http.Request.ContentLength > limit + FormOverheadBytes)
        {
            return TooLarge(limit);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + FormOverheadBytes;
        }
        try
        {
            var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct)).Files.GetFile("file") : null;
            if (file is null)
            {
                return Invalid("Send the receipt as multipart/form-data with a part named \"file\".");
            }
            await using var stream = file.OpenReadStream();
            var prepared = await commands.PrepareReceiptAsync(stream, file.FileName, ct);
            if (prepared.Value is not { } upload)
            {
                return new Outcome<bool>(prepared.Status, false, prepared.Errors, prepared.Message).ToHttpResult();
            }
            return (await commands.AttachReceiptAsync(entryId, upload, ct)).ToHttpResult();
        }
        catch (MediaTooLargeException)
        {
            return TooLarge(limit);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        catch (InvalidDataException)
        {
            return Invalid("The upload could not be read as multipart/form-data. Send the receipt again as a part named \"file\".");
        }
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    private static IResult TooLarge(long limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
        detail: $"A receipt can be at most {Size(limit)}. Take the photo at a lower resolution, then try again.");

    private static IResult Invalid(string message) => Failure.Invalid("file", message) is var f
        ? new Outcome<bool>(f.Status, false, f.Errors, f.Message).ToHttpResult()
        : Results.BadRequest();
}
