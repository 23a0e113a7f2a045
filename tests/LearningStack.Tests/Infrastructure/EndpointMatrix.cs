using System.Net;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Infrastructure;

/// <summary>Sends one catalogued request (see <see cref="ApiEndpoints"/>) as a given person in the shared <see cref="World"/>
/// and checks the status. A refused write must also leave no trace in the network's history.</summary>
public static class EndpointMatrix
{
    public static async Task ExpectAsync(AppFactory app, string key, Func<World, TestUser> caller, HttpStatusCode expected)
    {
        var world = await app.WorldAsync();
        var endpoint = ApiEndpoints.Get(key);
        var historyBefore = await HistoryCountAsync(app, world);

        using var response = await caller(world).SendAsync(endpoint.Method, endpoint.Url(world), endpoint.Body?.Invoke(world));

        if (expected == HttpStatusCode.OK)
        {
            await response.ShouldHaveStatusAsync(expected);
            return;
        }
        var problem = await response.ShouldBeProblemAsync(expected);
        Assert.Equal((int)expected, problem.Status);
        if (endpoint.IsWrite)
        {
            Assert.Equal(historyBefore, await HistoryCountAsync(app, world));
        }
    }

    /// <summary>No bearer token (and made-up ids): 401 before anything is looked up.</summary>
    public static async Task ExpectUnauthenticatedAsync(AppFactory app, string key)
    {
        var endpoint = ApiEndpoints.Get(key);
        using var client = app.Anonymous();

        using var response = await client.SendJsonAsync(endpoint.Method, endpoint.UrlWithUnknownIds(), endpoint.IsWrite ? new { } : null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    private static Task<int> HistoryCountAsync(AppFactory app, World world) =>
        app.WithDbAsync(db => db.History.CountAsync(h => h.NetworkId == world.Network.Id));
}
