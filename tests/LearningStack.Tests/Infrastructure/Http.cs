using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningStack.Tests.Infrastructure;

/// <summary>JSON as the API speaks it: camelCase names, enums as strings.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>RFC 9457 problem details, with field errors for validation problems.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);

public static class HttpAssertions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body) =>
        client.PostAsJsonAsync(url, body ?? new { }, Json.Options);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object? body) =>
        client.PutAsJsonAsync(url, body ?? new { }, Json.Options);

    /// <summary>Fails with the method, address and response body when the status is not the expected one.</summary>
    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 && System.Text.RegularExpressions.Regex.Match(body, "\"00-([0-9a-f]{32})-") is { Success: true } trace)
            {
                body += Environment.NewLine + "Server log: " + (ServerErrors.For(trace.Groups[1].Value) ?? "(nothing logged)");
            }
            Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} " +
                $"but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await response.ShouldHaveStatusAsync(expected);
        var value = await response.Content.ReadFromJsonAsync<T>(Json.Options);
        Assert.NotNull(value);
        return value;
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and returns it.</summary>
    public static async Task<Problem> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldHaveStatusAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json.Options);
        Assert.NotNull(problem);
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose errors name <paramref name="field"/> (camelCase, as the client sent it)
    /// and returns that field's messages.</summary>
    public static async Task<string[]> ShouldBeInvalidAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        Assert.True(problem.Errors.ContainsKey(field),
            $"Expected a field error for '{field}' but the errors were for: {string.Join(", ", problem.Errors.Keys.Select(k => $"'{k}'"))}.");
        var messages = problem.Errors[field];
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        return messages;
    }
}
