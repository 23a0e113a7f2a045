using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.People;

/// <summary>The JSON endpoints of a person's life map, under the case file they belong to. The map editor (wwwroot/js/map-editor.js,
/// map kind "life-map") calls the /api/ui copy with the base address /api/ui/cases/{caseId}/life-map.</summary>
public static class LifeMapEndpoints
{
    public static RouteGroupBuilder MapLifeMap(this RouteGroupBuilder api)
    {
        var map = api.MapGroup("/cases/{caseId:guid}/life-map").WithTags("Life map");
        map.MapGet("/", async (Guid caseId, LifeMapCommands c, CancellationToken ct) => (await c.GetAsync(caseId, "Life map", ct)).ToHttpResult())
            .WithSummary("The person's life map: the person at the centre (centre.name), the people, organisations and factors around them " +
                "(kind; theme, lower case; effect Helping, GettingInTheWay, Both or NotSure; closeness 1–3, the ring; x, y relative to the person) " +
                "and the links between them. Logged in the access log.");
        map.MapPost("/elements", async (Guid caseId, LifeElementInput input, LifeMapCommands c, CancellationToken ct) =>
                (await c.AddElementAsync(caseId, input, ct)).ToHttpResult(e => TypedResults.Created($"/api/cases/{caseId}/life-map/elements/{e.Id}", e)))
            .WithSummary("Adds a person, organisation or factor (name, kind; theme, effect (default NotSure), closeness (default 2), note, x, y optional). " +
                "The person and the practitioners may draw.");
        map.MapPut("/elements/{elementId:guid}", async (Guid caseId, Guid elementId, LifeElementInput input, LifeMapCommands c, CancellationToken ct) =>
                (await c.UpdateElementAsync(caseId, elementId, input, ct)).ToHttpResult())
            .WithSummary("Changes an element (send the version; a stale one is 409).");
        map.MapPut("/elements/{elementId:guid}/position", async (Guid caseId, Guid elementId, PositionInput input, LifeMapCommands c, CancellationToken ct) =>
                (await c.MoveElementAsync(caseId, elementId, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Moves an element on the picture (x, y relative to the person at the centre). The last move wins.");
        map.MapDelete("/elements/{elementId:guid}", async (Guid caseId, Guid elementId, LifeMapCommands c, CancellationToken ct) =>
                (await c.DeleteElementAsync(caseId, elementId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Removes an element and its links.");
        map.MapPost("/links", async (Guid caseId, LifeLinkInput input, LifeMapCommands c, CancellationToken ct) =>
                (await c.AddLinkAsync(caseId, input, ct)).ToHttpResult(l => TypedResults.Created($"/api/cases/{caseId}/life-map/links/{l.Id}", l)))
            .WithSummary("Links two elements of the map (fromId, toId; polarity Same or Opposite when one drives the other; note).");
        map.MapPut("/links/{linkId:guid}", async (Guid caseId, Guid linkId, LifeLinkInput input, LifeMapCommands c, CancellationToken ct) =>
                (await c.UpdateLinkAsync(caseId, linkId, input, ct)).ToHttpResult())
            .WithSummary("Changes a link (send the version; a stale one is 409).");
        map.MapDelete("/links/{linkId:guid}", async (Guid caseId, Guid linkId, LifeMapCommands c, CancellationToken ct) =>
                (await c.DeleteLinkAsync(caseId, linkId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Removes a link.");
        return api;
    }
}
