using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Sessions: planning, participants and voices, materials under review, the record and its exports.</summary>
public static class SessionEndpoints
{
    private const string Tag = "Sense-making sessions";

    public static IServiceCollection AddSessions(this IServiceCollection services) => services
        .AddScoped<SessionCommands>();

    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags(Tag);
        g.MapGet("/cycles/{cycleId:guid}/sessions", async (Guid cycleId, int? page, SessionCommands c, CancellationToken ct) =>
                (await c.ForCycleAsync(cycleId, page ?? 1, ct)).ToHttpResult())
            .WithSummary("The cycle's sense-making sessions, newest first, 25 a page (page = 1, 2, …).");
        g.MapPost("/cycles/{cycleId:guid}/sessions", async (Guid cycleId, SessionInput input, SessionCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(s => TypedResults.Created($"/api/sessions/{s.Id}", s)))
            .WithSummary("Plans a session: title, startsAt, place and/or callLink (an http(s) address), facilitator (facilitatorUserId of a member, " +
                "or facilitatorName) and purpose. It starts Planned.");
        g.MapGet("/cycles/{cycleId:guid}/voices", async (Guid cycleId, SessionCommands c, CancellationToken ct) =>
                (await c.VoicesAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("Which voices were present in the cycle's last 5 sessions that have started, and a prompt when no one took part as a person served.");

        g.MapGet("/sessions/{sessionId:guid}", async (Guid sessionId, SessionCommands c, CancellationToken ct) => (await c.GetAsync(sessionId, ct)).ToHttpResult())
            .WithSummary("One session with its participants (and voices) and the materials under review, each with a link.");
        g.MapPut("/sessions/{sessionId:guid}", async (Guid sessionId, SessionInput input, SessionCommands c, CancellationToken ct) =>
                (await c.UpdateAsync(sessionId, input, ct)).ToHttpResult())
            .WithSummary("Edits a session's plan as a whole (send its version).");
        g.MapDelete("/sessions/{sessionId:guid}", async (Guid sessionId, SessionCommands c, CancellationToken ct) =>
                (await c.DeleteAsync(sessionId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Deletes a session that is still planned and has nothing on its board (409 otherwise: a session that has met keeps its record).");
        g.MapPost("/sessions/{sessionId:guid}/state", async (Guid sessionId, SessionStateInput input, SessionCommands c, CancellationToken ct) =>
                (await c.ChangeStateAsync(sessionId, input, ct)).ToHttpResult())
            .WithSummary("Moves the session to Planned, Live or Ended (send its version). An ended session can be reopened (Live) but not planned again.");
        g.MapGet("/sessions/{sessionId:guid}/record", async (Guid sessionId, string? format, SessionCommands c, CancellationToken ct) =>
                (await c.ExportAsync(sessionId, format, ct)).ToHttpResult(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .WithSummary("The session's record (participants and voices, insights by theme, decisions, issues raised) as format=markdown (default) or " +
                "format=html (a standalone printable page).");

        g.MapPost("/sessions/{sessionId:guid}/participants", async (Guid sessionId, ParticipantInput input, SessionCommands c, CancellationToken ct) =>
                (await c.AddParticipantAsync(sessionId, input, ct)).ToHttpResult(p => TypedResults.Created($"/api/session-participants/{p.Id}", p)))
            .WithSummary("Adds someone taking part: a member (userId; the name comes from their account) or anyone by name and/or role, " +
                "with the voice they bring (PersonServed, Practitioner, Manager, Partner, Other). The same member twice is a 409.");
        g.MapPut("/session-participants/{sessionParticipantId:guid}", async (Guid sessionParticipantId, ParticipantInput input, SessionCommands c, CancellationToken ct) =>
                (await c.UpdateParticipantAsync(sessionParticipantId, input, ct)).ToHttpResult())
            .WithSummary("Changes a participant's voice and role (and the name of a non-member); send its version.");
        g.MapDelete("/session-participants/{sessionParticipantId:guid}", async (Guid sessionParticipantId, SessionCommands c, CancellationToken ct) =>
                (await c.RemoveParticipantAsync(sessionParticipantId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Removes someone from the session's participants.");

        g.MapPost("/sessions/{sessionId:guid}/materials", async (Guid sessionId, MaterialInput input, SessionCommands c, CancellationToken ct) =>
                (await c.AddMaterialAsync(sessionId, input, ct)).ToHttpResult(m => TypedResults.Created($"/api/session-materials/{m.Id}", m)))
            .WithSummary("Puts something under review: kind Experiment, Evidence or PodReflection with the targetId of one of this cycle's records, " +
                "or kind Map with mapKind actors, factors or process. The same thing twice is a 409.");
        g.MapDelete("/session-materials/{materialId:guid}", async (Guid materialId, SessionCommands c, CancellationToken ct) =>
                (await c.RemoveMaterialAsync(materialId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Takes something off the session's review list.");
        return api;
    }
}
