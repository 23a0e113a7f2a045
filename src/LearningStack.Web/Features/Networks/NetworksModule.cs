using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Networks;

public static class NetworksModule
{
    public static IServiceCollection AddNetworks(this IServiceCollection services) =>
        services.AddScoped<NetworkAccess>().AddScoped<NetworkCommands>().AddScoped<StackQuery>();

    public static RouteGroupBuilder MapNetworks(this RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("Networks");
        networks.MapGet("/", async (NetworkCommands c, CancellationToken ct) => TypedResults.Ok(await c.MineAsync(ct)))
            .WithSummary("The networks you belong to, with your role in each.");
        networks.MapPost("/", async (NetworkInput input, NetworkCommands c, CancellationToken ct) =>
                (await c.CreateAsync(input, ct)).ToHttpResult(n => TypedResults.Created($"/api/networks/{n.Id}", n)))
            .WithSummary("Create a network with the five default scales; you become its steward.");
        networks.MapGet("/{networkId:guid}", async (Guid networkId, NetworkCommands c, CancellationToken ct) => (await c.GetAsync(networkId, ct)).ToHttpResult());
        networks.MapPut("/{networkId:guid}", async (Guid networkId, NetworkInput input, NetworkCommands c, CancellationToken ct) => (await c.UpdateAsync(networkId, input, ct)).ToHttpResult());
        networks.MapGet("/{networkId:guid}/stack", async (Guid networkId, StackQuery q, CancellationToken ct) => (await q.GetAsync(networkId, ct)).ToHttpResult())
            .WithSummary("The whole learning stack: scales, live cycles and links.");

        networks.MapGet("/{networkId:guid}/members", async (Guid networkId, NetworkCommands c, CancellationToken ct) => (await c.MembersAsync(networkId, ct)).ToHttpResult());
        networks.MapPut("/{networkId:guid}/members/{memberId:guid}", async (Guid networkId, Guid memberId, MemberRoleInput input, NetworkCommands c, CancellationToken ct) =>
            (await c.ChangeRoleAsync(networkId, memberId, input, ct)).ToHttpResult());
        networks.MapDelete("/{networkId:guid}/members/{memberId:guid}", async (Guid networkId, Guid memberId, NetworkCommands c, CancellationToken ct) =>
            (await c.RemoveMemberAsync(networkId, memberId, ct)).ToHttpResult(_ => TypedResults.NoContent()));
        networks.MapGet("/{networkId:guid}/invitations", async (Guid networkId, NetworkCommands c, CancellationToken ct) => (await c.InvitationsAsync(networkId, ct)).ToHttpResult());
        networks.MapPost("/{networkId:guid}/invitations", async (Guid networkId, InvitationInput input, NetworkCommands c, HttpContext http, CancellationToken ct) =>
                (await c.InviteAsync(networkId, input, ct)).ToHttpResult(i => TypedResults.Created($"/api/networks/{networkId}/invitations/{i.Id}",
                    new { i.Id, i.Email, i.Role, i.ExpiresAt, Link = $"{http.Request.Scheme}://{http.Request.Host}/invitations/{i.Token}" })))
            .WithSummary("Invite someone by email. The response holds the invitation link; it is shown only once.");
        networks.MapDelete("/{networkId:guid}/invitations/{invitationId:guid}", async (Guid networkId, Guid invitationId, NetworkCommands c, CancellationToken ct) =>
            (await c.RevokeInvitationAsync(networkId, invitationId, ct)).ToHttpResult(_ => TypedResults.NoContent()));
        api.MapPost("/invitations/{token}/accept", async (string token, NetworkCommands c, CancellationToken ct) =>
                (await c.AcceptInvitationAsync(token, ct)).ToHttpResult(id => TypedResults.Ok(new { NetworkId = id })))
            .WithTags("Networks");

        networks.MapGet("/{networkId:guid}/scales", async (Guid networkId, NetworkCommands c, CancellationToken ct) => (await c.ScalesAsync(networkId, ct)).ToHttpResult());
        networks.MapPost("/{networkId:guid}/scales", async (Guid networkId, ScaleInput input, NetworkCommands c, CancellationToken ct) =>
            (await c.AddScaleAsync(networkId, input, ct)).ToHttpResult(s => TypedResults.Created($"/api/networks/{networkId}/scales/{s.Id}", s)));
        networks.MapPut("/{networkId:guid}/scales/{scaleId:guid}", async (Guid networkId, Guid scaleId, ScaleInput input, NetworkCommands c, CancellationToken ct) =>
            (await c.RenameScaleAsync(networkId, scaleId, input, ct)).ToHttpResult());
        networks.MapDelete("/{networkId:guid}/scales/{scaleId:guid}", async (Guid networkId, Guid scaleId, NetworkCommands c, CancellationToken ct) =>
            (await c.RemoveScaleAsync(networkId, scaleId, ct)).ToHttpResult(_ => TypedResults.NoContent()));
        networks.MapPut("/{networkId:guid}/scales/order", async (Guid networkId, ScaleOrderInput input, NetworkCommands c, CancellationToken ct) =>
            (await c.ReorderScalesAsync(networkId, input, ct)).ToHttpResult())
            .WithSummary("Set the order of all scales, smallest first.");
        return api;
    }
}
