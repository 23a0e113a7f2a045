using System.Net;
using LearningStack.Tests.Features.Experiments;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.SenseMaking;

/// <summary>Sense-making sessions through the API: planning, participants and voices, materials, state, the record and its exports.</summary>
public abstract class SessionsApiTests(AppFactory app)
{
    private static readonly DateTimeOffset March = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);

    private static object Plan(string title = "Team sense-making", string? callLink = null, DateTimeOffset? startsAt = null, int? version = null) =>
        new { title, startsAt = startsAt ?? March, place = "Civic Centre", callLink, facilitatorName = "Jo", purpose = "Make sense of the first month", version };

    [Fact]
    public async Task CreateSession_NoTitleAndCallLinkNotAWebAddress_FieldErrors()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/sessions", new { startsAt = March, callLink = "javascript:alert(1)" });

        using var ftp = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/sessions", Plan(callLink: "ftp://example.org/room"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("title", problem.Errors!.Keys);
        await ftp.ShouldBeInvalidAsync("callLink");
    }

    [Fact]
    public async Task CreateSession_MemberAsFacilitator_NameFromAccountAndStartsPlanned()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/sessions",
            new { title = "Team sense-making", startsAt = March, callLink = "https://meet.example.org/abc", facilitatorUserId = network.Member.Id });

        var session = await response.ReadAsync<SessionView>(HttpStatusCode.Created);
        Assert.Equal((network.Member.Name, SessionState.Planned, "https://meet.example.org/abc"), (session.FacilitatorName, session.State, session.CallLink));
    }

    [Fact]
    public async Task UpdateSession_StaleVersion_Conflict()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());
        using var first = await network.Member.PutAsync($"/api/sessions/{id}", Plan("Renamed", version: 1));
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var second = await network.Member.PutAsync($"/api/sessions/{id}", Plan("Stale rename", version: 1));

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task GetSession_SomeoneOutsideTheNetwork_NotFound()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());

        using var response = await network.Outsider.GetAsync($"/api/sessions/{id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddParticipant_SameMemberTwice_ConflictWithTheirName()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());
        using var first = await network.Member.PostAsync($"/api/sessions/{id}/participants", new { userId = network.Observer.Id, voice = "Manager" });
        var added = await first.ReadAsync<ParticipantView>(HttpStatusCode.Created);

        using var second = await network.Member.PostAsync($"/api/sessions/{id}/participants", new { userId = network.Observer.Id, voice = "Practitioner" });

        Assert.Equal(network.Observer.Name, added.Name);
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already taking part", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddParticipant_NoNameRoleOrMember_FieldErrorOnName()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());

        using var response = await network.Member.PostAsync($"/api/sessions/{id}/participants", new { voice = "PersonServed" });

        await response.ShouldBeInvalidAsync("name");
    }

    [Fact]
    public async Task UpdateParticipant_NewVoiceThenStaleVersion_SavedThenConflict()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());
        var participantId = await network.Member.CreatedIdAsync($"/api/sessions/{id}/participants", new { role = "A resident", voice = "Other" });
        using var first = await network.Member.PutAsync($"/api/session-participants/{participantId}", new { role = "A resident", voice = "PersonServed", version = 1 });
        var updated = await first.ReadAsync<ParticipantView>();

        using var second = await network.Member.PutAsync($"/api/session-participants/{participantId}", new { role = "A resident", voice = "Manager", version = 1 });

        Assert.Equal((Voice.PersonServed, "A resident", 2), (updated.Voice, updated.Name, updated.Version));
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AddMaterial_ExperimentOfAnotherCycle_FieldErrorOnTargetId()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var other = await network.Member.CreateCycleAsync(network.Id, network.Scale(2), "Council finance");
        var elsewhere = await CountermeasureTestData.AddExperimentAsync(app, network.Id, other.Id, "Elsewhere");
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());

        using var response = await network.Member.PostAsync($"/api/sessions/{id}/materials", new { kind = "Experiment", targetId = elsewhere });
        using var unknown = await network.Member.PostAsync($"/api/sessions/{id}/materials", new { kind = "Evidence", targetId = Guid.NewGuid() });

        await response.ShouldBeInvalidAsync("targetId");
        await unknown.ShouldBeInvalidAsync("targetId");
    }

    [Fact]
    public async Task AddMaterial_ExperimentAndMap_LinkedAndTwiceIsAConflict()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());
        await network.Member.CreatedIdAsync($"/api/sessions/{id}/materials", new { kind = "Experiment", targetId = experimentId });
        await network.Member.CreatedIdAsync($"/api/sessions/{id}/materials", new { kind = "Map", mapKind = "actors" });

        using var again = await network.Member.PostAsync($"/api/sessions/{id}/materials", new { kind = "Map", mapKind = "actors" });

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var session = await network.Observer.GetAsync<SessionView>($"/api/sessions/{id}");
        Assert.Equal([("Shopping together", $"/experiments/{experimentId}"), ("Actor map", $"/cycles/{cycle.Id}/actor-map")],
            session.Materials.Select(m => (m.Title, m.Link)));
    }

    [Fact]
    public async Task ChangeState_LiveEndedReopened_ButNeverPlannedAgain()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());
        var live = await (await network.Member.PostAsync($"/api/sessions/{id}/state", new { state = "Live", version = 1 })).ReadAsync<SessionView>();
        var ended = await (await network.Member.PostAsync($"/api/sessions/{id}/state", new { state = "Ended", version = live.Version })).ReadAsync<SessionView>();

        using var planned = await network.Member.PostAsync($"/api/sessions/{id}/state", new { state = "Planned", version = ended.Version });
        var reopened = await (await network.Member.PostAsync($"/api/sessions/{id}/state", new { state = "Live", version = ended.Version })).ReadAsync<SessionView>();

        Assert.NotNull(ended.EndedAt);
        await planned.ShouldBeInvalidAsync("state");
        Assert.Equal((SessionState.Live, null), (reopened.State, reopened.EndedAt));
    }

    [Fact]
    public async Task DeleteSession_PlannedAndEmptyGoesButLiveStays()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var planned = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());
        await network.Member.CreatedIdAsync($"/api/sessions/{planned}/participants", new { name = "Ana", voice = "Practitioner" });
        var live = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan("Live one"));
        (await network.Member.PostAsync($"/api/sessions/{live}/state", new { state = "Live", version = 1 })).Dispose();

        using var deleted = await network.Member.DeleteAsync($"/api/sessions/{planned}");
        using var refused = await network.Member.DeleteAsync($"/api/sessions/{live}");

        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Only a planned session", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voices_FiveSessionsWithoutPersonServed_PlainPromptThenNoneOnceSomeoneCame()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        for (var i = 0; i < 6; i++)
        {
            var sid = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan($"Session {i}", startsAt: March.AddDays(i)));
            await network.Member.CreatedIdAsync($"/api/sessions/{sid}/participants", new { name = "Ana", voice = i == 0 ? "PersonServed" : "Practitioner" });
        }

        var voices = await network.Observer.GetAsync<CycleVoicesView>($"/api/cycles/{cycle.Id}/voices");

        Assert.Equal(["Session 5", "Session 4", "Session 3", "Session 2", "Session 1"], voices.Sessions.Select(s => s.Title));
        Assert.Contains("last 5 sessions", voices.Prompt, StringComparison.Ordinal);
        var sixth = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan("Session 6", startsAt: March.AddDays(7)));
        await network.Member.CreatedIdAsync($"/api/sessions/{sixth}/participants", new { role = "Resident", voice = "PersonServed" });
        Assert.Null((await network.Observer.GetAsync<CycleVoicesView>($"/api/cycles/{cycle.Id}/voices")).Prompt);
    }

    [Fact]
    public async Task ExportRecord_MarkdownAndHtml_ThemesCardsDecisionsIssuesAndVoicesEscaped()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan("Money & <debt> talk"));
        await network.Member.CreatedIdAsync($"/api/sessions/{id}/participants", new { name = "Ana", role = "Resident", voice = "PersonServed" });
        await app.WithDbAsync(async db =>
        {
            var session = await db.SenseMakingSessions.SingleAsync(s => s.Id == id);
            var theme = new InsightTheme { NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = id, Title = "Trust *first*" };
            var issue = new Issue { NetworkId = session.NetworkId, CycleId = session.CycleId, Number = 12, Description = "Letters frighten people", CreatedAt = March, UpdatedAt = March };
            db.AddRange(theme, issue);
            db.InsightCards.AddRange(
                new InsightCard { NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = id, ClientId = Guid.NewGuid(), ThemeId = theme.Id,
                    Text = "People open up at home <script>", AuthorName = "Sam", Kind = InsightKind.Eureka, CreatedAt = March },
                new InsightCard { NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = id, ClientId = Guid.NewGuid(),
                    Text = "Visit first, letter later", AuthorName = "Jo", IsDecision = true, CreatedAt = March },
                new InsightCard { NetworkId = session.NetworkId, CycleId = session.CycleId, SessionId = id, ClientId = Guid.NewGuid(), ThemeId = theme.Id,
                    Text = "The letter template", AuthorName = "Jo", IssueId = issue.Id, CreatedAt = March });
            await db.SaveChangesAsync();
        });

        using var markdown = await network.Observer.GetAsync($"/api/sessions/{id}/record?format=markdown");
        using var html = await network.Observer.GetAsync($"/api/sessions/{id}/record?format=html");

        await markdown.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("session-2026-03-12-money-debt-talk.md", markdown.Content.Headers.ContentDisposition?.FileNameStar ?? markdown.Content.Headers.ContentDisposition?.FileName);
        var md = await markdown.Content.ReadAsStringAsync();
        Assert.Contains("### Trust \\*first\\*", md, StringComparison.Ordinal);
        Assert.Contains("People open up at home \\<script\\> (eureka) — Sam", md, StringComparison.Ordinal);
        Assert.Contains("## Decisions\n\n- Visit first, letter later", md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("- #12 Letters frighten people", md, StringComparison.Ordinal);
        Assert.Contains("Ana, Resident — Person served / expert by experience", md, StringComparison.Ordinal);

        await html.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Money &amp; &lt;debt&gt; talk — session record</title>", page, StringComparison.Ordinal);
        Assert.Contains("People open up at home &lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("Trust *first*", page, StringComparison.Ordinal);
        Assert.Contains("<li>Visit first, letter later</li>", page, StringComparison.Ordinal);
        Assert.Contains("#12 Letters frighten people", page, StringComparison.Ordinal);
        Assert.Contains("Person served / expert by experience", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportRecord_UnknownFormat_FieldError()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app);
        var id = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/sessions", Plan());

        using var response = await network.Observer.GetAsync($"/api/sessions/{id}/record?format=pdf");

        await response.ShouldBeInvalidAsync("format");
    }
}

public sealed class SessionsApiSqliteTests(SqliteAppFactory app) : SessionsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SessionsApiPostgresTests(PostgresAppFactory app) : SessionsApiTests(app), IClassFixture<PostgresAppFactory>;
