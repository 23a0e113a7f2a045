using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Tests.Features.SenseMaking;

/// <summary>A connection to the board's hub as a test user (their bearer token), over the in-memory test server.</summary>
public static class BoardHubClient
{
    public static async Task<HubConnection> ConnectAsync(AppFactory app, TestUser user)
    {
        var token = user.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, BoardEndpoints.HubPath), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
