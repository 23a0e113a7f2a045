using System.Net;
using System.Net.Http.Headers;
using LearningStack.Tests.Infrastructure.Experiments;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure.People;

/// <summary>The spend log's endpoints for the access matrix, and the ids they need. The world's entry is not linked to a case,
/// so network roles decide (case-linked entries are covered by <c>SpendApiTests</c>).</summary>
public static class SpendCatalogue
{
    private const NetworkRole Observer = NetworkRole.Observer;
    private const NetworkRole Member = NetworkRole.Member;

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new(Feature.People, "GET", "/api/cycles/{cycleId}/spend", Observer),
        new(Feature.People, "POST", "/api/cycles/{cycleId}/spend", Member, _ => Body()),
        new(Feature.People, "GET", "/api/cycles/{cycleId}/spend/summary", Observer),
        new(Feature.People, "GET", "/api/spend/{entryId}", Observer),
        new(Feature.People, "PUT", "/api/spend/{entryId}", Member, _ => Body(version: 1)),
        new(Feature.People, "POST", "/api/spend/{entryId}/approve", Member, _ => new { }),
        new(Feature.People, "POST", "/api/spend/{entryId}/receipt", Member, _ => new { }),
        new(Feature.People, "GET", "/api/spend/{entryId}/receipt", Observer),
        new(Feature.People, "GET", "/api/networks/{networkId}/need-categories", Observer),
        new(Feature.People, "POST", "/api/networks/{networkId}/need-categories", Member, _ => new { name = "Travel to appointments" }),
    ];

    /// <summary>One entry in the team cycle, with a receipt so the receipt address has something to serve.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> IdsAsync(AppFactory app, TestNetwork network, CycleDetail team, CycleDetail organisation, IReadOnlyDictionary<string, Guid> ids)
    {
        _ = (app, organisation, ids);
        var id = await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/spend", Body());
        using var receipt = await UploadReceiptAsync(network.Steward, id, MediaSamples.Png, "receipt.png");
        await receipt.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return new Dictionary<string, Guid> { ["entryId"] = id };
    }

    /// <summary>POST /api/spend/{id}/receipt as multipart form data (field file).</summary>
    public static async Task<HttpResponseMessage> UploadReceiptAsync(TestUser user, Guid entryId, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await user.Http.PostAsync($"/api/spend/{entryId}/receipt", form);
    }

    private static object Body(int? version = null) => new
    {
        spentOn = "2026-03-04",
        amount = 42.50m,
        whatWasBought = "A single bed and mattress",
        newCategory = "Furniture",
        version,
    };
}
