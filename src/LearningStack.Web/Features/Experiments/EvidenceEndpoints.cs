using LearningStack.Web.Data;
using LearningStack.Web.Platform;
using LearningStack.Web.Platform.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Settings for evidence: the largest media upload (Evidence:MaxUploadBytes, default 200 MB).</summary>
public sealed class EvidenceOptions
{
    public const long DefaultMaxUploadBytes = 200L * 1024 * 1024;

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}

/// <summary>Evidence entries and media files: services and endpoints.</summary>
public static class EvidenceEndpoints
{
    /// <summary>Room for the multipart boundaries and the small text fields around the file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EvidenceOptions>(o => o.MaxUploadBytes = configuration.GetValue("Evidence:MaxUploadBytes", EvidenceOptions.DefaultMaxUploadBytes));
        services.AddSingleton<IMediaStore>(_ => new LocalMediaStore(Path.Combine(Database.DataFolder(configuration), "media")));
        services.AddScoped<EvidenceCommands>();
        services.AddSingleton<EvidencePurge>();
        services.AddHostedService<EvidencePurgeService>();
        return services;
    }

    public static RouteGroupBuilder MapEvidence(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments/{experimentId:guid}").WithTags("Experiments");
        experiments.MapGet("/evidence", async (Guid experimentId, EvidenceKind? kind, bool? includeDeleted, int? page, int? pageSize, EvidenceCommands c, CancellationToken ct) =>
                (await c.ListAsync(experimentId, kind, includeDeleted == true, page, pageSize, ct)).ToHttpResult())
            .WithSummary("The experiment's evidence, newest first (kind = Measurement, Note, Narrative or Media; page, pageSize up to 200). includeDeleted=true (stewards only) lists the deleted entries that can still be restored, with who deleted them and when they will be purged. Entries linked to a case file the caller cannot open are left out and counted in hidden; reading the others logs a read of their file.");
        experiments.MapPost("/evidence", async (Guid experimentId, EvidenceInput input, EvidenceCommands c, CancellationToken ct) =>
                (await c.CreateAsync(experimentId, input, ct)).ToHttpResult(e => TypedResults.Created($"/api/evidence/{e.Id}", e)))
            .WithSummary("Adds a measurement (whatMeasured + value, optional unit and context), a note (text) or a narrative (text, optional toldBy). occurredOn cannot be in the future. caseId links it to a case file of the experiment's cycle that the caller works on: then only people who can open that file see it.");
        experiments.MapGet("/measurements", async (Guid experimentId, EvidenceCommands c, CancellationToken ct) => (await c.MeasurementsAsync(experimentId, ct)).ToHttpResult())
            .WithSummary("The experiment's measurements as series over time, one per thing measured, each with the notes and stories dated within its period. Entries linked to case files the caller cannot open are left out (counted in hidden).");
        experiments.MapPost("/media", UploadAsync)
            .DisableAntiforgery()
            .WithSummary("Uploads a photo, audio recording or video as multipart/form-data (file; optional caption, occurredOn, caseId). The type is read from the content; the size limit is Evidence:MaxUploadBytes (default 200 MB). 413 past the limit, 400 for an unknown or disguised file. With caseId the file belongs to that person's case file: only people who can open the file can download it.");

        var evidence = api.MapGroup("/evidence/{evidenceId:guid}").WithTags("Experiments");
        evidence.MapPut("/", async (Guid evidenceId, EvidenceInput input, EvidenceCommands c, CancellationToken ct) => (await c.UpdateAsync(evidenceId, input, ct)).ToHttpResult())
            .WithSummary("Edits an entry as a whole (send the version you read; a stale one is 409). A media entry's caption is its text.");
        evidence.MapDelete("/", async (Guid evidenceId, EvidenceCommands c, CancellationToken ct) => (await c.DeleteAsync(evidenceId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Deletes an entry softly: a steward can restore it for 30 days, after which it and its file are purged.");
        evidence.MapPost("/restore", async (Guid evidenceId, EvidenceCommands c, CancellationToken ct) => (await c.RestoreAsync(evidenceId, ct)).ToHttpResult())
            .WithSummary("Restores a deleted entry (stewards, within 30 days of the deletion).");
        evidence.MapGet("/file", async (Guid evidenceId, HttpContext http, EvidenceCommands c, CancellationToken ct) =>
                (await c.OpenFileAsync(evidenceId, ct)).ToHttpResult(file =>
                {
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
                    http.Response.Headers.CacheControl = "private, max-age=3600";
                    return TypedResults.File(file.Content, file.ContentType, enableRangeProcessing: true);
                }))
            .WithSummary("The media file, streamed with range support (so video can seek), for anyone who can see the experiment; when the entry is linked to a case file, for anyone who can open that file (logged).");
        return api;
    }

    /// <summary>Streams the multipart body straight to a temporary file (never into memory), then checks the content and keeps it.
    /// Access is checked before a byte is read; whatever goes wrong, the temporary file is removed.</summary>
    private static async Task<IResult> UploadAsync(Guid experimentId, HttpContext http, EvidenceCommands commands, IMediaStore store,
        Microsoft.Extensions.Options.IOptions<EvidenceOptions> options, CancellationToken ct)
    {
        if (await commands.CanUploadAsync(experimentId, ct) is { } denied)
        {
            return new Outcome<bool>(denied.Status, false, denied.Errors, denied.Message).ToHttpResult();
        }
        var limit = options.Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit + FormOverheadBytes)
        {
            return TooLarge(limit);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + FormOverheadBytes;
        }
        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return Invalid("file", "Send the file as multipart/form-data with a part named \"file\".");
        }

        TempMedia? temp = null;
        var kept = false;
        try
        {
            string? fileName = null, caption = null, occurredOn = null, caseText = null;
            var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name == "file" && temp is null)
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    temp = await store.WriteTempAsync(section.Body, limit, ct);
                }
                else if (name is "caption" or "occurredOn" or "caseId")
                {
                    var value = await ReadTextAsync(section.Body, Limits.LongText + 1, ct);
                    switch (name)
                    {
                        case "caption":
                            caption = value;
                            break;
                        case "occurredOn":
                            occurredOn = value;
                            break;
                        default:
                            caseText = value;
                            break;
                    }
                }
            }
            if (temp is null || temp.Length == 0)
            {
                return Invalid("file", "Choose a photo, audio recording or video to upload.");
            }
            if (ContentSniffer.Sniff(temp.Header) is not { } sniffed)
            {
                return Invalid("file", ContentSniffer.UnknownType);
            }
            if (ContentSniffer.Disguise(fileName ?? "", sniffed) is { } disguise)
            {
                return Invalid("file", disguise);
            }
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(occurredOn))
            {
                if (!DateOnly.TryParseExact(occurredOn.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                {
                    return Invalid("occurredOn", "Give the date as year-month-day, for example 2026-03-14.");
                }
                date = parsed;
            }
            Guid? caseId = null;
            if (!string.IsNullOrWhiteSpace(caseText))
            {
                if (!Guid.TryParse(caseText.Trim(), out var parsedCase))
                {
                    return Invalid("caseId", "Give the id of a case file you work on, or leave it out.");
                }
                caseId = parsedCase;
            }
            var result = await commands.AddMediaAsync(experimentId, new MediaUpload(temp, sniffed, fileName ?? "", caption, date, caseId), ct);
            kept = result.IsOk;
            return result.ToHttpResult(e => TypedResults.Created($"/api/evidence/{e.Id}", e));
        }
        catch (MediaTooLargeException)
        {
            return TooLarge(limit);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        finally
        {
            if (temp is not null && !kept)
            {
                store.Discard(temp);
            }
        }
    }

    private static async Task<string> ReadTextAsync(Stream body, int maxChars, CancellationToken ct)
    {
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
        var buffer = new char[maxChars];
        var total = 0;
        int read;
        while (total < maxChars && (read = await reader.ReadAsync(buffer.AsMemory(total, maxChars - total), ct)) > 0)
        {
            total += read;
        }
        return new string(buffer, 0, total);
    }

    private static IResult TooLarge(long limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
        detail: $"Files can be at most {EvidenceText.Size(limit)}. Shorten the recording or lower the video quality, then try again.");

    private static IResult Invalid(string field, string message) => Failure.Invalid(field, message) is var f
        ? new Outcome<bool>(f.Status, false, f.Errors, f.Message).ToHttpResult()
        : Results.BadRequest();
}
