using System.Net;
using LearningStack.Web.Features.People;

namespace LearningStack.Tests.Infrastructure.People;

/// <summary>One case-file endpoint and what each caller gets from it, in the order of <see cref="CaseCaller"/>:
/// practitioner, colleague, person, granted, steward, observer, safeguarding lead, outsider, anonymous. <see cref="Shared"/> rows are
/// endpoints of another feature called on a record linked to the case (e.g. evidence kept in the file): their route is catalogued with
/// that feature, by network role, and here with the case's rules.</summary>
public sealed record CaseMatrixRow(string Method, string Route, string Expected, Func<CaseWorld, FreshCase, Task<object?>>? Body = null, bool Shared = false)
{
    public string Key => $"{Method} {Route}";

    /// <summary>The row needs an experiment tried with the person and a photo kept in their file.</summary>
    public bool NeedsEvidence => Route.Contains("{caseEvidenceId}", StringComparison.Ordinal);

    public HttpStatusCode ExpectedFor(CaseCaller caller) =>
        (HttpStatusCode)int.Parse(Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries)[(int)caller], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The authorization matrix of case files: every endpoint × every caller. Access follows relationships: the practitioners,
/// the person and granted colleagues; stewards, observers and other members of the team get 404 (the file's existence is not
/// revealed); the safeguarding lead gets 403 pointing to break-glass; nobody signed in gets 401.</summary>
public static class CaseMatrix
{
    //                                 Pract Coll Person Grant Stew  Obs  Safeg Outs Anon
    private const string Read =       "200   404  200    200   404   404  403   404  401";
    private const string ReadPract =  "200   404  200    403   404   404  403   404  401";
    private const string Own =        "200   404  200    200   404   404  403   404  401";
    private const string OwnNew =     "201   404  201    201   404   404  403   404  401";
    private const string OwnGone =    "204   404  204    204   404   404  403   404  401";
    private const string Work =       "200   404  403    200   404   404  403   404  401";
    private const string WorkNew =    "201   404  403    201   404   404  403   404  401";
    private const string Access =     "200   404  403    403   404   404  403   404  401";
    private const string AccessNew =  "201   404  403    403   404   404  403   404  401";
    private const string AccessGone = "204   404  403    403   404   404  403   404  401";
    private const string BreakGlass = "404   404  404    404   404   404  200   404  401";

    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<CaseMatrixRow> Rows { get; } =
    [
        new("GET", "/api/cases/{caseId}", Read),
        new("PUT", "/api/cases/{caseId}", Work, async (w, c) => new { displayName = "Pat P.", version = await w.VersionAsync<CaseFile>(c.CaseId) }),
        new("POST", "/api/cases/{caseId}/statements", OwnNew, (_, _) => Body(new { kind = "Strength", text = "Knows everyone on the street" })),
        new("POST", "/api/cases/{caseId}/notes", WorkNew, (_, _) => Body(new { kind = "Call", whatHappened = "Rang about the bus pass." })),
        new("POST", "/api/cases/{caseId}/practitioners", Access, (w, _) => Body(new { userId = w.Callers[CaseCaller.Colleague].Id })),
        new("DELETE", "/api/cases/{caseId}/practitioners/{userId}", AccessGone),
        new("POST", "/api/cases/{caseId}/grants", AccessNew, (w, _) => Body(new { userId = w.Callers[CaseCaller.Colleague].Id, until = Today, reason = "Duty worker today" })),
        new("POST", "/api/cases/{caseId}/break-glass", BreakGlass, (_, _) => Body(new { reason = "Police asked us to check on her welfare tonight" })),
        new("GET", "/api/cases/{caseId}/access-log", ReadPract),
        new("POST", "/api/cases/{caseId}/invitation", AccessNew),
        new("POST", "/api/cases/{caseId}/consents", Own, (_, _) => Body(new { purpose = "Aggregates", given = true, how = "In person at a visit" })),
        new("PUT", "/api/cases/{caseId}/about", Own, async (w, c) => new { ageBand = "From25To34", gender = "Woman", version = await w.VersionAsync<CaseFile>(c.CaseId) }),
        new("PUT", "/api/cases/{caseId}/restriction", Access, (_, _) => Body(new { restricted = true, reason = "Checking the record is accurate" })),
        new("PUT", "/api/case-statements/{statementId}", Own, async (w, c) => new { text = "Seeing my grandchildren every Sunday", version = await w.VersionAsync<CaseStatement>(c.StatementId) }),
        new("GET", "/api/case-statements/{statementId}/history", Read),
        new("PUT", "/api/case-notes/{noteId}", Work, async (w, c) => new { whatHappened = "Visited at home.", version = await w.VersionAsync<CaseNote>(c.NoteId) }),
        new("DELETE", "/api/case-grants/{grantId}", AccessGone),
        new("GET", "/api/cases/{caseId}/measures", Read),
        new("POST", "/api/cases/{caseId}/measures", OwnNew, (_, _) => Body(new { name = "Sleeping well", lowLabel = "awake all night", highLabel = "rested" })),
        new("POST", "/api/cases/{caseId}/readings", Own, (_, c) => Body(new { readings = new[] { new { measureId = c.MeasureId, value = 4 } } })),
        new("GET", "/api/cases/{caseId}/readings/export", Read),
        new("POST", "/api/cases/{caseId}/readings/import", Own),
        new("GET", "/api/cases/{caseId}/export", ReadPract),
        new("POST", "/api/cases/{caseId}/erase", Access, async (w, c) => new { confirmReference = await w.ReferenceAsync(c.CaseId) }),
        new("GET", "/api/cases/{caseId}/stories", Read),
        new("PUT", "/api/person-measures/{measureId}", Own, async (w, c) => new { name = "Getting out", version = await w.VersionAsync<PersonMeasure>(c.MeasureId) }),
        new("GET", "/api/cases/{caseId}/life-map", Read),
        new("POST", "/api/cases/{caseId}/life-map/elements", OwnNew, (_, _) => Body(new { name = "The housing office", kind = "Organisation", effect = "Both" })),
        new("PUT", "/api/cases/{caseId}/life-map/elements/{elementId}", Own,
            async (w, c) => new { name = "My sister Jo", kind = "Person", effect = "Helping", closeness = 1, version = await w.VersionAsync<LifeMapElement>(c.ElementId) }),
        new("PUT", "/api/cases/{caseId}/life-map/elements/{elementId}/position", OwnGone, (_, _) => Body(new { x = 120.5, y = -40 })),
        new("DELETE", "/api/cases/{caseId}/life-map/elements/{elementId}", OwnGone),
        new("POST", "/api/cases/{caseId}/life-map/links", OwnNew, (_, c) => Body(new { fromId = c.ElementId, toId = c.OtherElementId })),
        new("PUT", "/api/cases/{caseId}/life-map/links/{linkId}", Own,
            async (w, c) => new { fromId = c.OtherElementId, toId = c.ElementId, polarity = "Same", version = await w.VersionAsync<LifeMapLink>(c.LinkId) }),
        new("DELETE", "/api/cases/{caseId}/life-map/links/{linkId}", OwnGone),
        new("GET", "/api/cases/{caseId}/experiments", Read),
        new("GET", "/api/evidence/{caseEvidenceId}/file", Read, Shared: true),
    ];

    //                                 Pract Coll Person Grant Stew  Obs  Safeg Outs Anon
    private const string Page =       "200   404  200    200   404   404  404   404  302";
    private const string FilePage =   "200   404  200    200   404   404  403   404  302";
    private const string Rights =     "200   404  200    302   404   404  404   404  302";
    private const string Download =   "200   404  200    403   404   404  403   404  401";

    /// <summary>The case file's pages (and the browser's download), opened with a sign-in cookie. The safeguarding lead is offered
    /// break-glass on the file's main page only; a granted colleague is sent from consent and rights to the file; nobody signed in is
    /// sent to sign in.</summary>
    public static IReadOnlyList<CaseMatrixRow> Pages { get; } =
    [
        new("GET", "/cases/{caseId}", FilePage),
        new("GET", "/cases/{caseId}/life-map", Page),
        new("GET", "/cases/{caseId}/measures", Page),
        new("GET", "/cases/{caseId}/stories", Page),
        new("GET", "/cases/{caseId}/experiments", Page),
        new("GET", "/cases/{caseId}/access", Page),
        new("GET", "/cases/{caseId}/consent", Rights),
        new("GET", "/case-statements/{statementId}", Page),
        new("GET", "/api/ui/cases/{caseId}/export", Download),
    ];

    public static CaseMatrixRow Get(string key) => Rows.Single(r => r.Key == key);

    /// <summary>A readings file for the import row.</summary>
    public static string ImportCsv => $"date,dimension,value,rated_by\n{Today},Getting out of the house,6,together\n";

    private static Task<object?> Body(object body) => Task.FromResult<object?>(body);
}
