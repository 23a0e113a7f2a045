using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Understanding;

/// <summary>The Understand-the-system stage: actor maps, factor maps with loop analysis, process maps. The same endpoints are mapped
/// twice: under /api for API clients (bearer tokens) and under /api/ui for the map editor in the browser (sign-in cookie + antiforgery).</summary>
public static class UnderstandingModule
{
    public static IServiceCollection AddUnderstanding(this IServiceCollection services) => services
        .AddScoped<MapScope>()
        .AddScoped<MapCommands>()
        .AddScoped<ProcessCommands>()
        .AddScoped<ActorMeasureCommands>()
        .AddScoped<FactorAnalysisCommands>()
        .AddScoped<MapExchangeCommands>()
        .AddSingleton<LoopAnalyses>()
        .AddSingleton<MapChangeFeed>();

    public static RouteGroupBuilder MapUnderstanding(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/cycles/{cycleId:guid}").WithTags("Understanding");
        cycles.MapGet("/actor-map", async (Guid cycleId, MapCommands c, CancellationToken ct) => (await c.ActorMapAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's actor map: actors and the relationships between them.");
        cycles.MapGet("/factor-map", async (Guid cycleId, MapCommands c, CancellationToken ct) => (await c.FactorMapAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's factor map (causal loop diagram): factors, signed causal links and named loops.");
        cycles.MapGet("/actor-map/measures", async (Guid cycleId, ActorMeasureCommands c, CancellationToken ct) => (await c.GetAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Degree, betweenness, bridges and isolated actors, with the boundary reflection (missing voices, last review).");
        cycles.MapPost("/boundary-reviews", async (Guid cycleId, BoundaryReviewInput input, ActorMeasureCommands c, CancellationToken ct) =>
            (await c.AddReviewAsync(cycleId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/cycles/{cycleId}/actor-map/measures", r)));
        cycles.MapPost("/loop-analyses", async (Guid cycleId, LoopAnalysisInput input, FactorAnalysisCommands c, CancellationToken ct) =>
                (await c.StartAsync(cycleId, input, ct)).ToHttpResult(a => TypedResults.Accepted($"/api/loop-analyses/{a.Id}", a)))
            .WithSummary("Starts finding the factor map's feedback loops in the background (shortest first). Poll the returned address; DELETE it to cancel.");
        cycles.MapPut("/named-loops/{loopKey}", async (Guid cycleId, string loopKey, NamedLoopInput input, FactorAnalysisCommands c, CancellationToken ct) =>
                (await c.NameLoopAsync(cycleId, loopKey, input, ct)).ToHttpResult())
            .WithSummary("Names and annotates a loop. The key is the loop's link ids in order from the smallest, joined by dots.");
        cycles.MapPost("/actors", async (Guid cycleId, ActorInput input, MapCommands c, CancellationToken ct) =>
            (await c.CreateActorAsync(cycleId, input, ct)).ToHttpResult(a => TypedResults.Created($"/api/actors/{a.Id}", a)));
        cycles.MapPost("/relationships", async (Guid cycleId, RelationshipInput input, MapCommands c, CancellationToken ct) =>
            (await c.CreateRelationshipAsync(cycleId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/relationships/{r.Id}", r)));
        cycles.MapPost("/factors", async (Guid cycleId, FactorInput input, MapCommands c, CancellationToken ct) =>
            (await c.CreateFactorAsync(cycleId, input, ct)).ToHttpResult(f => TypedResults.Created($"/api/factors/{f.Id}", f)));
        cycles.MapPost("/causal-links", async (Guid cycleId, CausalLinkInput input, MapCommands c, CancellationToken ct) =>
            (await c.CreateLinkAsync(cycleId, input, ct)).ToHttpResult(l => TypedResults.Created($"/api/causal-links/{l.Id}", l)));
        cycles.MapGet("/process-map", async (Guid cycleId, ProcessCommands c, CancellationToken ct) => (await c.GetAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("The cycle's process map: a person's journey through the service, step by step, with value and failure demand.");
        cycles.MapPost("/process-steps", async (Guid cycleId, ProcessStepInput input, ProcessCommands c, CancellationToken ct) =>
            (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(s => TypedResults.Created($"/api/process-steps/{s.Id}", s)));

        var exchange = api.MapGroup("/cycles/{cycleId:guid}/maps/{map}").WithTags("Understanding");
        exchange.MapGet("/export", async (Guid cycleId, string map, string? format, MapExchangeCommands c, CancellationToken ct) =>
                ParseMap(map) is { } kind ? (await c.ExportAsync(cycleId, kind, format, ct)).ToHttpResult(f => TypedResults.File(f.Content, f.ContentType, f.FileName)) : NoSuchMap())
            .WithSummary("Downloads the map (map = actor-map or factor-map) as format = kumu-xlsx, kumu-csv (zip), kumu-json, graphml or json (ours, lossless).");
        exchange.MapPost("/import", async (Guid cycleId, string map, bool? replace, HttpRequest request, MapExchangeCommands c, CancellationToken ct) =>
            {
                if (ParseMap(map) is not { } kind)
                {
                    return NoSuchMap();
                }
                // Read by hand (not bound) so that access is checked before anything is said about the request's shape.
                var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                return (await c.ImportAsync(cycleId, kind, stream, file?.FileName ?? "", replace == true, ct)).ToHttpResult();
            })
            .DisableAntiforgery()
            .WithSummary("Imports a Kumu spreadsheet (XLSX/CSV), Kumu JSON, Insight Maker model, GraphML or LearningStack JSON into the map, all or nothing. replace=true replaces the map; a snapshot is saved first.");
        exchange.MapGet("/snapshots", async (Guid cycleId, string map, MapExchangeCommands c, CancellationToken ct) =>
            ParseMap(map) is { } kind ? (await c.SnapshotsAsync(cycleId, kind, ct)).ToHttpResult() : NoSuchMap());
        exchange.MapPost("/snapshots", async (Guid cycleId, string map, SnapshotInput input, MapExchangeCommands c, CancellationToken ct) =>
            ParseMap(map) is { } kind ? (await c.SaveSnapshotAsync(cycleId, kind, input, ct)).ToHttpResult(s => TypedResults.Created($"/api/map-snapshots/{s.Id}/compare", s)) : NoSuchMap());
        api.MapGet("/map-snapshots/{snapshotId:guid}/compare", async (Guid snapshotId, MapExchangeCommands c, CancellationToken ct) => (await c.CompareAsync(snapshotId, ct)).ToHttpResult())
            .WithTags("Understanding")
            .WithSummary("What was added, removed and renamed on the map since the snapshot.");

        var analyses = api.MapGroup("/loop-analyses/{analysisId:guid}").WithTags("Understanding");
        analyses.MapGet("/", async (Guid analysisId, FactorAnalysisCommands c, CancellationToken ct) => (await c.GetAsync(analysisId, ct)).ToHttpResult())
            .WithSummary("Progress of a loop analysis; when done, the loops, shortest first.");
        analyses.MapDelete("/", async (Guid analysisId, FactorAnalysisCommands c, CancellationToken ct) => (await c.CancelAsync(analysisId, ct)).ToHttpResult());

        var actors = api.MapGroup("/actors/{actorId:guid}").WithTags("Understanding");
        actors.MapPut("/", async (Guid actorId, ActorInput input, MapCommands c, CancellationToken ct) => (await c.UpdateActorAsync(actorId, input, ct)).ToHttpResult());
        actors.MapPut("/position", async (Guid actorId, PositionInput input, MapCommands c, CancellationToken ct) =>
            (await c.MoveActorAsync(actorId, input, ct)).ToHttpResult(_ => TypedResults.NoContent()));
        actors.MapDelete("/", async (Guid actorId, MapCommands c, CancellationToken ct) =>
            (await c.DeleteActorAsync(actorId, ct)).ToHttpResult(_ => TypedResults.NoContent()));

        var relationships = api.MapGroup("/relationships/{relationshipId:guid}").WithTags("Understanding");
        relationships.MapPut("/", async (Guid relationshipId, RelationshipInput input, MapCommands c, CancellationToken ct) =>
            (await c.UpdateRelationshipAsync(relationshipId, input, ct)).ToHttpResult());
        relationships.MapDelete("/", async (Guid relationshipId, MapCommands c, CancellationToken ct) =>
            (await c.DeleteRelationshipAsync(relationshipId, ct)).ToHttpResult(_ => TypedResults.NoContent()));

        var factors = api.MapGroup("/factors/{factorId:guid}").WithTags("Understanding");
        factors.MapPut("/", async (Guid factorId, FactorInput input, MapCommands c, CancellationToken ct) => (await c.UpdateFactorAsync(factorId, input, ct)).ToHttpResult());
        factors.MapPut("/position", async (Guid factorId, PositionInput input, MapCommands c, CancellationToken ct) =>
            (await c.MoveFactorAsync(factorId, input, ct)).ToHttpResult(_ => TypedResults.NoContent()));
        factors.MapGet("/trees", async (Guid factorId, int? depth, FactorAnalysisCommands c, CancellationToken ct) => (await c.TreesAsync(factorId, depth, ct)).ToHttpResult())
            .WithSummary("The factor's causes tree (what drives it) and uses tree (what it drives), to the given depth (default 2).");
        factors.MapDelete("/", async (Guid factorId, MapCommands c, CancellationToken ct) =>
            (await c.DeleteFactorAsync(factorId, ct)).ToHttpResult(_ => TypedResults.NoContent()));

        var links = api.MapGroup("/causal-links/{causalLinkId:guid}").WithTags("Understanding");
        links.MapPut("/", async (Guid causalLinkId, CausalLinkInput input, MapCommands c, CancellationToken ct) => (await c.UpdateLinkAsync(causalLinkId, input, ct)).ToHttpResult());
        links.MapDelete("/", async (Guid causalLinkId, MapCommands c, CancellationToken ct) =>
            (await c.DeleteLinkAsync(causalLinkId, ct)).ToHttpResult(_ => TypedResults.NoContent()));

        var steps = api.MapGroup("/process-steps/{stepId:guid}").WithTags("Understanding");
        steps.MapPut("/", async (Guid stepId, ProcessStepInput input, ProcessCommands c, CancellationToken ct) => (await c.UpdateAsync(stepId, input, ct)).ToHttpResult());
        steps.MapDelete("/", async (Guid stepId, ProcessCommands c, CancellationToken ct) =>
            (await c.DeleteAsync(stepId, ct)).ToHttpResult(_ => TypedResults.NoContent()));
        return api;
    }

    /// <summary>The browser's copy of the map endpoints, plus the live feed of changes.</summary>
    public static RouteGroupBuilder MapUnderstandingForBrowser(this RouteGroupBuilder ui)
    {
        ui.MapUnderstanding();
        ui.MapGet("/cycles/{cycleId:guid}/maps/{map}/events", async (Guid cycleId, string map, MapScope scope, MapChangeFeed feed, CancellationToken ct) =>
            {
                if (ParseMap(map) is not { } kind)
                {
                    return NoSuchMap();
                }
                var (cycle, denied) = await scope.ForCycleAsync(cycleId, Networks.NetworkRole.Observer, ct);
                if (cycle is null)
                {
                    return new Outcome<bool>(denied!.Status, false, denied.Errors, denied.Message).ToHttpResult();
                }
                return TypedResults.ServerSentEvents(Changes(feed, cycleId, kind, ct));
            })
            .WithTags("Understanding")
            .ExcludeFromDescription();
        return ui;
    }

    private static IResult NoSuchMap() => TypedResults.Problem(statusCode: 404, title: "Not found", detail: "There is no such map. Use actor-map or factor-map.");

    public static MapKind? ParseMap(string map) => map switch
    {
        "actor-map" => MapKind.ActorMap,
        "factor-map" => MapKind.FactorMap,
        _ => null,
    };

    private static async IAsyncEnumerable<SseItem<MapChange?>> Changes(MapChangeFeed feed, Guid cycleId, MapKind map, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = feed.Subscribe(cycleId, map);
        yield return new SseItem<MapChange?>(null, "ready");
        while (!ct.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(25));
            MapChange? change = null;
            var ended = false;
            try
            {
                change = await subscription.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                ended = ct.IsCancellationRequested;
            }
            if (ended)
            {
                yield break;
            }
            // A quiet map still sends a keep-alive now and then, so proxies keep the connection open.
            yield return change is null ? new SseItem<MapChange?>(null, "ping") : new SseItem<MapChange?>(change);
        }
    }
}
