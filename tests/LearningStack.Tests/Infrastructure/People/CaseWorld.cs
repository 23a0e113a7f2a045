using System.Net;
using System.Text.Json;
using LearningStack.Tests.Infrastructure.Experiments;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Infrastructure.People;

/// <summary>Who stands where around a case file, for the authorization matrix.</summary>
public enum CaseCaller
{
    /// <summary>Works with the person.</summary>
    Practitioner,

    /// <summary>A member of the same team who does not work on the case.</summary>
    Colleague,

    /// <summary>The person the file is about, signed in after accepting the invitation.</summary>
    Person,

    /// <summary>A colleague the practitioner shared the file with until a date.</summary>
    Granted,

    /// <summary>A steward of the network who stewards the larger cycles.</summary>
    Steward,

    Observer,

    /// <summary>The network's safeguarding lead, before breaking the glass.</summary>
    Safeguarding,

    /// <summary>Signed in, not in the network.</summary>
    Outsider,

    /// <summary>No credentials at all.</summary>
    Anonymous,
}

/// <summary>The people around case files, made once per factory, and a way to open a fresh case for each check (so that
/// checks that change a file never affect another).</summary>
public sealed class CaseWorld
{
    private CaseWorld(AppFactory app, Guid networkId, CycleDetail personCycle, IReadOnlyDictionary<CaseCaller, TestUser> callers, TestUser coworker)
    {
        App = app;
        NetworkId = networkId;
        PersonCycle = personCycle;
        Callers = callers;
        Coworker = coworker;
    }

    public AppFactory App { get; }
    public Guid NetworkId { get; }
    public CycleDetail PersonCycle { get; }
    public IReadOnlyDictionary<CaseCaller, TestUser> Callers { get; }

    /// <summary>A second practitioner on every fresh case (so the practitioner can take someone off it).</summary>
    public TestUser Coworker { get; }

    public TestUser Practitioner => Callers[CaseCaller.Practitioner];

    public static async Task<CaseWorld> BuildAsync(AppFactory app)
    {
        var steward = await app.CreateUserAsync("Sasha Steward");
        var network = await steward.CreateNetworkAsync("Case world");
        var scales = await steward.GetAsync<List<ScaleView>>($"/api/networks/{network.Id}/scales");
        var personCycle = await steward.CreateCycleAsync(network.Id, scales[0].Id, "Mrs P's circle");
        var team = await steward.CreateCycleAsync(network.Id, scales[1].Id, "Neighbourhood team");
        await steward.LinkAsync(network.Id, personCycle.Id, team.Id, "What people's lives show");
        var callers = new Dictionary<CaseCaller, TestUser> { [CaseCaller.Steward] = steward };
        foreach (var (caller, name, role) in new (CaseCaller, string, NetworkRole?)[]
                 {
                     (CaseCaller.Practitioner, "Priya Practitioner", NetworkRole.Member),
                     (CaseCaller.Colleague, "Cal Colleague", NetworkRole.Member),
                     (CaseCaller.Person, "Pat Person", null),
                     (CaseCaller.Granted, "Gina Granted", NetworkRole.Member),
                     (CaseCaller.Observer, "Obi Observer", NetworkRole.Observer),
                     (CaseCaller.Safeguarding, "Sam Safeguarding", NetworkRole.Member),
                     (CaseCaller.Outsider, "Oona Outsider", null),
                 })
        {
            var user = await app.CreateUserAsync(name);
            if (role is { } r)
            {
                await app.AddMemberAsync(network.Id, user, r);
            }
            callers[caller] = user;
        }
        var coworker = await app.CreateUserAsync("Cody Coworker");
        await app.AddMemberAsync(network.Id, coworker, NetworkRole.Member);
        await app.WithDbAsync(async db =>
        {
            var lead = await db.NetworkMembers.SingleAsync(m => m.NetworkId == network.Id && m.UserId == callers[CaseCaller.Safeguarding].Id);
            lead.Safeguarding = true;
            await db.SaveChangesAsync();
        });
        callers[CaseCaller.Anonymous] = new TestUser("", "", "Anonymous", app.Anonymous());
        return new CaseWorld(app, network.Id, personCycle, callers, coworker);
    }

    /// <summary>A new case opened by the practitioner, with the coworker on it, shared with the granted colleague, the person invited
    /// and signed in, and one of each record: what matters, a note, a dimension, two things on the life map and a link between them;
    /// <paramref name="withEvidence"/> adds an experiment tried with the person and a photo kept in their file.</summary>
    public async Task<FreshCase> FreshCaseAsync(bool withEvidence = false)
    {
        var practitioner = Practitioner;
        var file = await practitioner.PostAsync($"/api/cycles/{PersonCycle.Id}/cases", new { displayName = "Pat Person", contact = "07700 900123" });
        var caseId = (await file.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        file.Dispose();
        var url = $"/api/cases/{caseId}";
        using (var added = await practitioner.PostAsync($"{url}/practitioners", new { userId = Coworker.Id }))
        {
            await added.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var grantId = await practitioner.CreatedIdAsync($"{url}/grants", new { userId = Callers[CaseCaller.Granted].Id, until, reason = "Covering visits in May" });
        using (var invited = await practitioner.PostAsync($"{url}/invitation", null))
        {
            var link = (await invited.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("link").GetString()!;
            using var accepted = await Callers[CaseCaller.Person].PostAsync($"/api/case-invitations/{link.Split('/')[^1]}/accept", null);
            await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var statementId = await practitioner.CreatedIdAsync($"{url}/statements", new { kind = "WhatMatters", text = "Seeing my grandchildren on Sundays" });
        var noteId = await practitioner.CreatedIdAsync($"{url}/notes", new { whatHappened = "Visited at home; talked about the garden." });
        var measureId = await practitioner.CreatedIdAsync($"{url}/measures", new { name = "Getting out of the house", lowLabel = "stuck indoors", highLabel = "out most days" });
        var elementId = await practitioner.CreatedIdAsync($"{url}/life-map/elements", new { name = "Her sister", kind = "Person", effect = "Helping", closeness = 1 });
        var otherId = await practitioner.CreatedIdAsync($"{url}/life-map/elements", new { name = "Bus fare", kind = "Factor", theme = "mobility", effect = "GettingInTheWay" });
        var linkId = await practitioner.CreatedIdAsync($"{url}/life-map/links", new { fromId = otherId, toId = elementId, polarity = "Opposite" });
        Guid? evidenceId = null;
        if (withEvidence)
        {
            var experimentId = await practitioner.CreatedIdAsync($"/api/cycles/{PersonCycle.Id}/experiments",
                new { title = "What happens if we go to the shop together?", type = "Probe", inquiryQuestions = new[] { "What happens?" }, caseId });
            evidenceId = await EvidenceCatalogue.UploadIdAsync(practitioner, experimentId, MediaSamples.Png, "at-the-shop.png", "At the shop", caseId);
        }
        return new FreshCase(caseId, statementId, noteId, measureId, grantId, Coworker.Id, elementId, otherId, linkId, evidenceId);
    }

    private readonly Dictionary<CaseCaller, HttpClient> _browsers = [];

    /// <summary>The caller with a sign-in cookie (signed in once, then reused), for the file's pages.</summary>
    public async Task<HttpClient> BrowserAsync(CaseCaller caller)
    {
        if (!_browsers.TryGetValue(caller, out var browser))
        {
            browser = caller == CaseCaller.Anonymous ? CookieBrowser.Create(App) : await CookieBrowser.SignInAsync(App, Callers[caller].Email);
            _browsers[caller] = browser;
        }
        return browser;
    }

    public Task<string> ReferenceAsync(Guid caseId) => App.WithDbAsync(db => db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync());

    /// <summary>The current version of a record, for edits that must send it.</summary>
    public Task<int> VersionAsync<T>(Guid id) where T : class, LearningStack.Web.Platform.IVersioned =>
        App.WithDbAsync(db => db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id).Select(e => e.Version).SingleAsync());
}

public sealed record FreshCase(Guid CaseId, Guid StatementId, Guid NoteId, Guid MeasureId, Guid GrantId, string CoworkerId, Guid ElementId, Guid OtherElementId,
    Guid LinkId, Guid? EvidenceId = null)
{
    public string Fill(string route) => route
        .Replace("{caseId}", CaseId.ToString(), StringComparison.Ordinal)
        .Replace("{statementId}", StatementId.ToString(), StringComparison.Ordinal)
        .Replace("{noteId}", NoteId.ToString(), StringComparison.Ordinal)
        .Replace("{measureId}", MeasureId.ToString(), StringComparison.Ordinal)
        .Replace("{grantId}", GrantId.ToString(), StringComparison.Ordinal)
        .Replace("{elementId}", ElementId.ToString(), StringComparison.Ordinal)
        .Replace("{linkId}", LinkId.ToString(), StringComparison.Ordinal)
        .Replace("{userId}", CoworkerId, StringComparison.Ordinal)
        .Replace("{caseEvidenceId}", EvidenceId?.ToString() ?? "", StringComparison.Ordinal);
}
