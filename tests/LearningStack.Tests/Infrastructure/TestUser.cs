using System.Net;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Infrastructure;

/// <summary>An account with an API client that sends its bearer token.</summary>
public sealed record TestUser(string Id, string Email, string Name, HttpClient Http)
{
    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(string url, object? body) => Http.PostJsonAsync(url, body);

    public Task<HttpResponseMessage> PutAsync(string url, object? body) => Http.PutJsonAsync(url, body);

    public Task<HttpResponseMessage> DeleteAsync(string url) => Http.DeleteAsync(url);

    /// <summary>Sends a request by method name (for tests that run over many endpoints).</summary>
    public Task<HttpResponseMessage> SendAsync(string method, string url, object? body) => Http.SendJsonAsync(method, url, body);

    public async Task<T> GetAsync<T>(string url)
    {
        using var response = await Http.GetAsync(url);
        return await response.ReadAsync<T>();
    }

    public async Task<NetworkSummary> CreateNetworkAsync(string name, string? description = null)
    {
        using var response = await PostAsync("/api/networks", new { name, description });
        return await response.ReadAsync<NetworkSummary>(HttpStatusCode.Created);
    }

    /// <summary>POSTs and returns the id of what was created (201).</summary>
    public async Task<Guid> CreatedIdAsync(string url, object body)
    {
        using var response = await PostAsync(url, body);
        return (await response.ReadAsync<System.Text.Json.JsonElement>(System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public async Task<CycleDetail> CreateCycleAsync(Guid networkId, Guid scaleId, string name, string? purpose = null)
    {
        using var response = await PostAsync($"/api/networks/{networkId}/cycles", new { scaleId, name, purpose });
        return await response.ReadAsync<CycleDetail>(HttpStatusCode.Created);
    }

    public async Task<LinkView> LinkAsync(Guid networkId, Guid fromCycleId, Guid toCycleId, string? learnsFrom = null, string? enables = null, string? notes = null)
    {
        using var response = await PostAsync($"/api/networks/{networkId}/links", new { fromCycleId, toCycleId, learnsFrom, enables, notes });
        return await response.ReadAsync<LinkView>(HttpStatusCode.Created);
    }
}

/// <summary>The people most tests need.</summary>
public sealed record Cast(TestUser Steward, TestUser Member, TestUser Observer, TestUser Outsider);

/// <summary>A network made for one test: its id, the cast (steward, member, observer; the outsider is not in it) and its scales, smallest first.</summary>
public sealed record TestNetwork(Guid Id, Cast Cast, IReadOnlyList<ScaleView> Scales)
{
    public TestUser Steward => Cast.Steward;
    public TestUser Member => Cast.Member;
    public TestUser Observer => Cast.Observer;
    public TestUser Outsider => Cast.Outsider;

    /// <summary>The scale at a position: 0 Person / Practitioner, 1 Team, 2 Organisation, 3 Place, 4 Region / Country.</summary>
    public Guid Scale(int position) => Scales[position].Id;

    public string Url => $"/api/networks/{Id}";
}

public static class HttpClientExtensions
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, string method, string url, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body ?? new { }, options: Json.Options);
        }
        return await client.SendAsync(request);
    }
}
