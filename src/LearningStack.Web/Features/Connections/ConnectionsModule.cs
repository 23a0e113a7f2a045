using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Connections;

public static class ConnectionsModule
{
    public static IServiceCollection AddCycleConnections(this IServiceCollection services) => services.AddScoped<LinkCommands>();

    public static RouteGroupBuilder MapCycleConnections(this RouteGroupBuilder api)
    {
        api.MapGet("/networks/{networkId:guid}/links", async (Guid networkId, LinkCommands c, CancellationToken ct) => (await c.ListAsync(networkId, ct)).ToHttpResult()).WithTags("Links");
        api.MapPost("/networks/{networkId:guid}/links", async (Guid networkId, LinkInput input, LinkCommands c, CancellationToken ct) =>
                (await c.CreateAsync(networkId, input, ct)).ToHttpResult(l => TypedResults.Created($"/api/links/{l.Id}", l)))
            .WithTags("Links")
            .WithSummary("Link two cycles: adjacent scales give a vertical link, the same scale a horizontal one.");
        var links = api.MapGroup("/links/{linkId:guid}").WithTags("Links");
        links.MapGet("/", async (Guid linkId, LinkCommands c, CancellationToken ct) => (await c.GetAsync(linkId, ct)).ToHttpResult());
        links.MapPut("/", async (Guid linkId, LinkNotesInput input, LinkCommands c, CancellationToken ct) => (await c.UpdateAsync(linkId, input, ct)).ToHttpResult());
        links.MapDelete("/", async (Guid linkId, LinkCommands c, CancellationToken ct) => (await c.DeleteAsync(linkId, ct)).ToHttpResult(_ => TypedResults.NoContent()));
        return api;
    }
}
