using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.People;

/// <summary>The person scale: case files (the person, what matters to them, strengths, notes), who may see them (practitioners,
/// the person, grants, break-glass, the access log), consent and restriction, and person-shaped measures.
/// Mapped under /api (bearer tokens) and /api/ui (the app's own scripts).</summary>
public static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddScoped<CaseAccess>()
        .AddScoped<CaseCommands>()
        .AddScoped<MeasureCommands>()
        .AddScoped<LifeMapCommands>()
        .AddScoped<CaseRights>()
        .AddScoped<CaseAggregates>();

    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder api)
    {
        var cycle = api.MapGroup("/cycles/{cycleId:guid}/cases").WithTags("Case files");
        cycle.MapGet("/", async (Guid cycleId, CaseCommands c, CancellationToken ct) => (await c.ListAsync(cycleId, ct)).ToHttpResult())
            .WithSummary("How many case files a person-scale cycle holds, and the ones the caller works on or was granted (reference and name only).");
        cycle.MapPost("/", async (Guid cycleId, CaseInput input, CaseCommands c, CancellationToken ct) =>
                (await c.CreateAsync(cycleId, input, ct)).ToHttpResult(f => TypedResults.Created($"/api/cases/{f.Id}", f)))
            .WithSummary("Opens a case file in a person-scale cycle (members); the caller becomes its first practitioner. A pseudonymous reference is made.");

        api.MapGet("/cycles/{cycleId:guid}/person-scale", async (Guid cycleId, CaseAggregates c, CancellationToken ct) => (await c.ForCycleAsync(cycleId, ct)).ToHttpResult())
            .WithTags("Case files")
            .WithSummary("What this cycle may see of the person scale below it: how many files are counted (with the person's consent), and per dimension " +
                "how many people's latest reading is higher, the same or lower than their first. No names, references or free text; groups under 5 are suppressed.");

        var file = api.MapGroup("/cases/{caseId:guid}").WithTags("Case files");
        file.MapGet("/", async (Guid caseId, CaseCommands c, CancellationToken ct) => (await c.GetAsync(caseId, "API: case file", ct)).ToHttpResult())
            .WithSummary("The case file as the caller may see it (the person never sees practitioner-only notes). Logged in the access log. " +
                "Only its practitioners, the person, colleagues granted access and the safeguarding lead after break-glass can open it; others get 404.");
        file.MapPut("/", async (Guid caseId, CaseInput input, CaseCommands c, CancellationToken ct) => (await c.UpdateAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("Edits the person's name and contact details (send the version).");
        file.MapPost("/statements", async (Guid caseId, StatementInput input, CaseCommands c, CancellationToken ct) =>
                (await c.AddStatementAsync(caseId, input, ct)).ToHttpResult(s => TypedResults.Created($"/api/case-statements/{s.Id}", s)))
            .WithSummary("Adds what matters to the person (kind WhatMatters) or a strength (kind Strength), in their own words, dated (saidOn).");
        file.MapPost("/notes", async (Guid caseId, NoteInput input, CaseCommands c, CancellationToken ct) =>
                (await c.AddNoteAsync(caseId, input, ct)).ToHttpResult(n => TypedResults.Created($"/api/case-notes/{n.Id}", n)))
            .WithSummary("Adds a visit, call or note: occurredOn, who, whatHappened, nextSteps; practitionerOnly hides it from the person.");
        file.MapPost("/practitioners", async (Guid caseId, PractitionerInput input, CaseCommands c, CancellationToken ct) =>
                (await c.AddPractitionerAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("Adds a practitioner (a member of the network who can edit). Practitioners only.");
        file.MapDelete("/practitioners/{userId}", async (Guid caseId, string userId, CaseCommands c, CancellationToken ct) =>
                (await c.RemovePractitionerAsync(caseId, userId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Takes a practitioner off the file (not the last one). Practitioners only.");
        file.MapPost("/grants", async (Guid caseId, GrantInput input, CaseCommands c, CancellationToken ct) =>
                (await c.GrantAsync(caseId, input, ct)).ToHttpResult(g => TypedResults.Created($"/api/case-grants/{g.Id}", g)))
            .WithSummary("Shares the file with a colleague until a day (at most a year ahead), with a reason. Practitioners only.");
        file.MapPost("/break-glass", async (Guid caseId, BreakGlassInput input, CaseCommands c, CancellationToken ct) =>
                (await c.BreakGlassAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("The network's safeguarding lead opens the file in an emergency, with a reason: read-only for two hours, logged, shown to the practitioners and the person.");
        file.MapGet("/access-log", async (Guid caseId, CaseCommands c, CancellationToken ct) => (await c.AccessLogAsync(caseId, ct: ct)).ToHttpResult())
            .WithSummary("Who read the file, when, what and why (newest first). For the person and the practitioners.");
        file.MapPost("/invitation", async (Guid caseId, CaseCommands c, CancellationToken ct) =>
                (await c.InviteAsync(caseId, ct)).ToHttpResult(i => TypedResults.Created($"/case-invitations/{i.Token}", new { link = $"/case-invitations/{i.Token}", i.ExpiresAt })))
            .WithSummary("Makes an invitation link for the person to see their own file (valid 14 days, used once). Practitioners only.");
        file.MapPost("/consents", async (Guid caseId, ConsentInput input, CaseCommands c, CancellationToken ct) =>
                (await c.RecordConsentAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("Records a consent decision (purpose Aggregates, Stories or Sharing with an organisation; given true or false; how). " +
                "The latest decision per purpose holds; withdrawing works even while processing is restricted.");
        file.MapPut("/about", async (Guid caseId, AboutInput input, CaseCommands c, CancellationToken ct) =>
                (await c.SetAboutAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("What the person shares about themselves for counting in groups (ageBand, gender; null = not said), with the file's version. " +
                "Only ever counted where they agreed to be counted, in groups of 5 or more. The person or their practitioners.");
        file.MapPut("/restriction", async (Guid caseId, RestrictionInput input, CaseCommands c, CancellationToken ct) =>
                (await c.SetRestrictionAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("Freezes (restricted true, with a reason) or unfreezes processing of the file. Practitioners only.");

        file.MapGet("/export", async (Guid caseId, CaseRights c, CancellationToken ct) =>
                (await c.ExportAsync(caseId, ct)).ToHttpResult(f => TypedResults.File(f.Content, "application/zip", f.FileName)))
            .WithSummary("Everything in the file as a zip of JSON and CSV (a subject access request). For the person and the practitioners; logged. " +
                "The person's copy leaves out practitioner-only notes.");
        file.MapPost("/erase", async (Guid caseId, ErasureInput input, CaseRights c, CancellationToken ct) => (await c.EraseAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("Erases the person's data (confirmReference = the file's reference): name, contact, what matters, notes, measures, the life map, consent, " +
                "and every earlier version in history. The file keeps its reference so counts stay true. Practitioners only; cannot be undone.");

        api.MapPut("/case-statements/{statementId:guid}", async (Guid statementId, StatementInput input, CaseCommands c, CancellationToken ct) =>
                (await c.UpdateStatementAsync(statementId, input, ct)).ToHttpResult())
            .WithTags("Case files").WithSummary("Edits an entry of what matters or a strength (send the version); the earlier words are kept in its history.");
        api.MapGet("/case-statements/{statementId:guid}/history", async (Guid statementId, CaseCommands c, CancellationToken ct) =>
                (await c.StatementHistoryAsync(statementId, ct)).ToHttpResult())
            .WithTags("Case files").WithSummary("Every version of an entry, newest first. Logged in the access log.");
        api.MapPut("/case-notes/{noteId:guid}", async (Guid noteId, NoteInput input, CaseCommands c, CancellationToken ct) =>
                (await c.UpdateNoteAsync(noteId, input, ct)).ToHttpResult())
            .WithTags("Case files").WithSummary("Edits a note (send the version).");
        api.MapDelete("/case-grants/{grantId:guid}", async (Guid grantId, CaseCommands c, CancellationToken ct) =>
                (await c.RevokeGrantAsync(grantId, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithTags("Case files").WithSummary("Ends a colleague's access before it expires. Practitioners only.");
        api.MapPost("/case-invitations/{token}/accept", async (string token, CaseCommands c, CancellationToken ct) =>
                (await c.AcceptInvitationAsync(token, ct)).ToHttpResult(id => TypedResults.Ok(new { caseId = id })))
            .WithTags("Case files").WithSummary("The signed-in person accepts the invitation to their own file.");
        api.MapGet("/me/cases", async (CaseCommands c, CancellationToken ct) => TypedResults.Ok(await c.MineAsPersonAsync(ct)))
            .WithTags("Case files").WithSummary("The files the signed-in person has been invited to as the person they are about.");

        return api.MapMeasures().MapLifeMap();
    }
}
