using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearningStack.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Tests.Platform;

/// <summary>The host as a whole: health, the OpenAPI document, and the list of API endpoints the other tests rely on.</summary>
public abstract partial class HostTests(AppFactory app)
{
    [Fact]
    public async Task Health_DatabaseUp_Returns200()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/health");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Anonymous_ListsEveryApiRoute()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = await response.ReadAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet();
        foreach (var endpoint in ApiEndpoints.All)
        {
            Assert.Contains(endpoint.Route, paths);
        }
    }

    [Fact]
    public void ApiEndpoints_CatalogueUsedByTests_MatchesEndpointsTheAppMaps()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/ui/", StringComparison.Ordinal) == false)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {Normalise(e.RoutePattern.RawText!)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var catalogue = ApiEndpoints.All.Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(catalogue, mapped);
    }

    [Fact]
    public async Task UnknownApiRoute_SignedIn_Returns404ProblemNotPage()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Member.GetAsync("/api/no-such-thing");

        Assert.Equal(404, (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).Status);
    }

    /// <summary>"/api/cycles/{cycleId:guid}/" → "/api/cycles/{cycleId}".</summary>
    private static string Normalise(string rawRoute) => RouteConstraint().Replace(rawRoute, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{(\w+):[^}]*\}")]
    private static partial Regex RouteConstraint();
}

public sealed class HostSqliteTests(SqliteAppFactory app) : HostTests(app), IClassFixture<SqliteAppFactory>;

public sealed class HostPostgresTests(PostgresAppFactory app) : HostTests(app), IClassFixture<PostgresAppFactory>;
