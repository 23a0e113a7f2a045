using System.Net;
using System.Net.Http.Headers;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.Experiments;

/// <summary>Evidence and media: endpoints for the access matrix, and the ids they need.</summary>
public static class EvidenceCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;
    private const NetworkRole Steward = NetworkRole.Steward;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.Experiments, "GET", "/api/experiments/{experimentId}/evidence", Observer),
        new(Feature.Experiments, "POST", "/api/experiments/{experimentId}/evidence", Member, _ => new { kind = "Note", occurredOn = "2026-01-05", text = "A note" }),
        new(Feature.Experiments, "GET", "/api/experiments/{experimentId}/measurements", Observer),
        new(Feature.Experiments, "POST", "/api/experiments/{experimentId}/media", Member),
        new(Feature.Experiments, "PUT", "/api/evidence/{evidenceId}", Member, _ => new { occurredOn = "2026-01-05", text = "Changed caption", version = 1 }),
        new(Feature.Experiments, "DELETE", "/api/evidence/{evidenceId}", Member),
        new(Feature.Experiments, "POST", "/api/evidence/{evidenceId}/restore", Steward),
        new(Feature.Experiments, "GET", "/api/evidence/{evidenceId}/file", Observer),
    ];

    /// <summary>One photo (a media entry, so the file address has something to serve) and one measurement.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, Guid experimentId)
    {
        _ = app;
        _ = team;
        var photo = await UploadIdAsync(network.Steward, experimentId, MediaSamples.Png, "team-photo.png", "The team's first shop together");
        var measurement = await network.Steward.CreatedIdAsync($"/api/experiments/{experimentId}/evidence",
            new { kind = "Measurement", occurredOn = "2026-01-05", whatMeasured = "Days to first visit", value = 12, unit = "days" });
        return new Dictionary<string, Guid> { ["evidenceId"] = photo, ["measurementId"] = measurement };
    }

    /// <summary>POST …/media as multipart form data.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(TestUser user, Guid experimentId, byte[] content, string fileName, string? caption = null, string? occurredOn = null,
        Guid? caseId = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }
        if (occurredOn is not null)
        {
            form.Add(new StringContent(occurredOn), "occurredOn");
        }
        if (caseId is not null)
        {
            form.Add(new StringContent(caseId.Value.ToString()), "caseId");
        }
        return await user.Http.PostAsync($"/api/experiments/{experimentId}/media", form);
    }

    public static async Task<Guid> UploadIdAsync(TestUser user, Guid experimentId, byte[] content, string fileName, string? caption = null, Guid? caseId = null)
    {
        using var response = await UploadAsync(user, experimentId, content, fileName, caption, caseId: caseId);
        return (await response.ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}

/// <summary>Small files shaped like real media: the right magic bytes, then filler.</summary>
public static class MediaSamples
{
    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>An MP4-shaped file: an ftyp box (isom) followed by <paramref name="length"/> bytes in all.</summary>
    public static byte[] Mp4(int length = 4096)
    {
        var bytes = new byte[length];
        byte[] ftyp = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0,
            (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
        ftyp.CopyTo(bytes, 0);
        for (var i = ftyp.Length; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }
        return bytes;
    }

    public static byte[] Html { get; } = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    /// <summary>The start of a Windows executable.</summary>
    public static byte[] Exe { get; } = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
}
