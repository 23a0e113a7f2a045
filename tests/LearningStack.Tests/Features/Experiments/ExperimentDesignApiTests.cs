using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Experiments;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.Experiments;

/// <summary>Designing experiments: the design and its rules, the lifecycle, iterations and lineage, people, comments and the boards.</summary>
public abstract class ExperimentDesignApiTests(AppFactory app)
{
    [Fact]
    public async Task Create_FullDesign_Returns201WithLocationAndCleanedLists()
    {
        var (network, cycleUrl, _) = await CycleAsync();

        using var response = await network.Member.PostAsync($"{cycleUrl}/experiments", new
        {
            title = "  Shopping together ",
            type = "HypothesisTest",
            researchQuestion = "Does shopping together change what residents buy?",
            hypothesis = "Residents choose cheaper staples when a caseworker is alongside",
            inquiryQuestions = new[] { "What do residents notice?", " ", "what do residents notice?", "What surprised us?" },
            tags = new[] { "food", "Food", "money" },
            safeToFailRules = new[] { "Do no harm to the people we serve", "", "Stop and talk if anyone feels unsafe" },
            permissions = "The manager agreed",
            permissionStatus = "Granted",
            startsOn = "2026-03-01",
            reviewPoints = new[] { "2026-03-15", "2026-03-08", "2026-03-15" },
            plannedEndOn = "2026-04-01",
            evidenceKinds = new[] { "Narrative", "Quantitative" },
            gatheredBy = "Caseworkers",
            analysedBy = "The team together",
            reflectionEveryDays = 14,
            howWeWillKnow = "Residents tell us",
            sharedWith = "The whole network",
        });

        var created = await response.ReadAsync<ExperimentDetail>(HttpStatusCode.Created);
        Assert.Equal($"/api/experiments/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Shopping together", created.Title);
        Assert.Equal(["What do residents notice?", "What surprised us?"], created.InquiryQuestions);
        Assert.Equal(["food", "money"], created.Tags);
        Assert.Equal(["Do no harm to the people we serve", "Stop and talk if anyone feels unsafe"], created.SafeToFailRules);
        Assert.Equal([new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 15)], created.ReviewPoints);
        Assert.Equal([EvidenceKinds.Quantitative, EvidenceKinds.Narrative], created.EvidenceKinds);
        Assert.Equal((ExperimentState.Designing, 1, true), (created.State, created.Version, created.CanEdit));
        var read = await network.Observer.GetAsync<ExperimentDetail>($"/api/experiments/{created.Id}");
        Assert.False(read.CanEdit);
        Assert.Equal(["no-co-designer", "nobody-could-stop-it"], read.Checklist.Select(g => g.Key).Order());
    }

    [Fact]
    public async Task Create_HypothesisTestWithoutQuestionOrHypothesis_ReturnsBothFieldErrors()
    {
        var (network, cycleUrl, _) = await CycleAsync();

        using var response = await network.Member.PostAsync($"{cycleUrl}/experiments", new { title = "T", type = "HypothesisTest", inquiryQuestions = new[] { "Q?" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["hypothesis", "researchQuestion"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task Create_NoTitleTypeOrQuestion_ReturnsFieldErrorsAndSavesNothing()
    {
        var (network, cycleUrl, cycleId) = await CycleAsync();

        using var response = await network.Member.PostAsync($"{cycleUrl}/experiments", new { inquiryQuestions = new[] { " " } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["inquiryQuestions", "title", "type"], problem.Errors!.Keys.Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.Experiments.CountAsync(e => e.CycleId == cycleId)));
    }

    [Fact]
    public async Task Create_ReviewPointBeforeStart_ReturnsFieldErrorNamingTheDate()
    {
        var (network, cycleUrl, _) = await CycleAsync();

        using var response = await network.Member.PostAsync($"{cycleUrl}/experiments",
            Design(startsOn: "2026-03-10", reviewPoints: ["2026-03-01"], plannedEndOn: "2026-04-01"));

        var messages = await response.ShouldBeInvalidAsync("reviewPoints");
        Assert.Contains("1 March 2026", messages[0]);
    }

    [Fact]
    public async Task Create_EndBeforeStart_ReturnsFieldErrorOnPlannedEnd()
    {
        var (network, cycleUrl, _) = await CycleAsync();

        using var response = await network.Member.PostAsync($"{cycleUrl}/experiments", Design(startsOn: "2026-03-10", plannedEndOn: "2026-03-01"));

        var messages = await response.ShouldBeInvalidAsync("plannedEndOn");
        Assert.Contains("1 March 2026", messages[0]);
    }

    [Fact]
    public async Task Create_ReflectionCadenceOutOfRange_ReturnsFieldError()
    {
        var (network, cycleUrl, _) = await CycleAsync();

        using var response = await network.Member.PostAsync($"{cycleUrl}/experiments", Design(reflectionEveryDays: 400));

        await response.ShouldBeInvalidAsync("reflectionEveryDays");
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());
        using (var first = await network.Member.PutAsync($"/api/experiments/{id}", Design(title: "First change", version: 1)))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var stale = await network.Steward.PutAsync($"/api/experiments/{id}", Design(title: "Second change", version: 1));

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var now = await network.Observer.GetAsync<ExperimentDetail>($"/api/experiments/{id}");
        Assert.Equal(("First change", 2), (now.Title, now.Version));
    }

    [Fact]
    public async Task Update_WithoutVersion_ReturnsFieldError()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());

        using var response = await network.Member.PutAsync($"/api/experiments/{id}", Design(title: "No version"));

        await response.ShouldBeInvalidAsync("version");
    }

    [Fact]
    public async Task Update_TwoAtTheSameMoment_ExactlyOneWins()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());

        var responses = await Task.WhenAll(
            network.Steward.PutAsync($"/api/experiments/{id}", Design(title: "Steward's title", version: 1)),
            network.Member.PutAsync($"/api/experiments/{id}", Design(title: "Member's title", version: 1)));

        try
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var saved = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync<ExperimentDetail>();
            var now = await network.Observer.GetAsync<ExperimentDetail>($"/api/experiments/{id}");
            Assert.Equal((saved.Title, 2), (now.Title, now.Version));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task ChangeState_ConcludeWithoutDecisionOrLearning_ReturnsFieldErrors()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());

        using var response = await network.Member.PutAsync($"/api/experiments/{id}/state", new { state = "Concluded", version = 1 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["decision", "learningAboutOrganising", "learningAboutWork"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task ChangeState_ConcludeThenGoBack_KeepsLearningAndClearsConcludedAt()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());
        var url = $"/api/experiments/{id}/state";
        var concluded = await PutAsync(network.Member, url, new
        {
            state = "Concluded", decision = "Stop", learningAboutWork = "Shopping was not the issue", learningAboutOrganising = "We need time to listen", version = 1,
        });
        Assert.Equal((ExperimentState.Concluded, ExperimentDecision.Stop), (concluded.State, concluded.Decision));
        Assert.NotNull(concluded.ConcludedAt);

        var reopened = await PutAsync(network.Member, url, new { state = "Running", version = concluded.Version });

        Assert.Equal((ExperimentState.Running, ExperimentDecision.Stop, "Shopping was not the issue", null),
            (reopened.State, reopened.Decision, reopened.LearningAboutWork, reopened.ConcludedAt));
    }

    [Fact]
    public async Task Iterate_ConcludedExperiment_CarriesTheDesignOverAndTheLineageShowsAll()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var first = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design(reflectionEveryDays: 7));
        await PutAsync(network.Member, $"/api/experiments/{first}/state", new
        {
            state = "Concluded", decision = "Iterate", learningAboutWork = "Residents liked it", learningAboutOrganising = "Diaries helped", version = 1,
        });

        using var response = await network.Member.PostAsync($"/api/experiments/{first}/iterations", new { });
        var second = await response.ReadAsync<ExperimentDetail>(HttpStatusCode.Created);
        var third = await network.Member.CreatedIdAsync($"/api/experiments/{second.Id}/iterations", new { title = "Third go" });

        Assert.Equal((first, ExperimentState.Designing, "Shopping together (next round)", 7), (second.ParentId, second.State, second.Title, second.ReflectionEveryDays));
        Assert.Equal(["What happens when we go shopping together?"], second.InquiryQuestions);
        Assert.Equal(["Do no harm to the people we serve"], second.SafeToFailRules);
        var view = await network.Observer.GetAsync<ExperimentDetail>($"/api/experiments/{second.Id}");
        Assert.Equal(first, view.Parent?.Id);
        Assert.Equal([(first, 0, false), (second.Id, 1, true), (third, 2, false)], view.Lineage.Select(l => (l.Id, l.Depth, l.IsCurrent)));
    }

    [Fact]
    public async Task AddAction_FactorOfAnotherCycleOrUnknownActor_ReturnsFieldErrors()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var other = await network.Member.CreateCycleAsync(network.Id, network.Scale(2), "Another cycle");
        var otherFactor = await network.Member.CreatedIdAsync($"/api/cycles/{other.Id}/factors", new { name = "Stress" });
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());

        using var response = await network.Member.PostAsync($"/api/experiments/{id}/actions", new { what = "Go shopping", factorId = otherFactor, actorId = Guid.NewGuid() });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["actorId", "factorId"], problem.Errors!.Keys.Order());
        Assert.Contains("not on this cycle's map", problem.Errors["factorId"][0]);
    }

    [Fact]
    public async Task AddAction_FactorAndActorOfTheCycle_ListedWithTheirNames()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var factor = await network.Member.CreatedIdAsync($"{cycleUrl}/factors", new { name = "Debt" });
        var actor = await network.Member.CreatedIdAsync($"{cycleUrl}/actors", new { name = "Resident", kind = "Person" });
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());

        await network.Member.CreatedIdAsync($"/api/experiments/{id}/actions", new { what = "Go shopping", why = "See choices", factorId = factor, actorId = actor });

        var view = await network.Observer.GetAsync<ExperimentDetail>($"/api/experiments/{id}");
        Assert.Equal([("Go shopping", "Debt", "Resident", 1)], view.Actions.Select(a => (a.What, a.FactorName, a.ActorName, a.Position)));
    }

    [Fact]
    public async Task ActionsAndParticipants_ChangedWithVersionAndRemoved()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());
        var action = await network.Member.CreatedIdAsync($"/api/experiments/{id}/actions", new { what = "Go shopping" });
        var person = await network.Member.CreatedIdAsync($"/api/experiments/{id}/participants", new { name = "A resident" });

        using var changed = await network.Member.PutAsync($"/api/experiment-actions/{action}", new { what = "Go shopping weekly", version = 1 });
        using var stale = await network.Steward.PutAsync($"/api/experiment-actions/{action}", new { what = "Go monthly", version = 1 });
        using var renamed = await network.Member.PutAsync($"/api/experiment-participants/{person}", new { name = "Two residents", roles = new[] { "HasEnergy" }, version = 1 });
        using var removed = await network.Member.DeleteAsync($"/api/experiment-participants/{person}");

        Assert.Equal("Go shopping weekly", (await changed.ReadAsync<ExperimentActionView>()).What);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var participant = await renamed.ReadAsync<ExperimentParticipantView>();
        Assert.Equal(("Two residents", 2), (participant.Name, participant.Version));
        Assert.Equal([ParticipantRoles.HasEnergy], participant.Roles);
        await removed.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var view = await network.Observer.GetAsync<ExperimentDetail>($"/api/experiments/{id}");
        Assert.Equal(["Go shopping weekly"], view.Actions.Select(a => a.What));
        Assert.Empty(view.Participants);
    }

    [Fact]
    public async Task AddParticipant_MemberOrActor_TakesTheirNameAndFillsTheChecklist()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var actor = await network.Member.CreatedIdAsync($"{cycleUrl}/actors", new { name = "Duty manager", kind = "Person" });
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());
        var url = $"/api/experiments/{id}/participants";

        await network.Member.CreatedIdAsync(url, new { userId = network.Observer.Id, roles = new[] { "CoDesigner" } });
        await network.Member.CreatedIdAsync(url, new { actorId = actor, roles = new[] { "CouldStopIt", "OpinionLeader" }, how = "Signs off rotas" });

        var view = await network.Observer.GetAsync<ExperimentDetail>($"/api/experiments/{id}");
        Assert.Equal([network.Observer.Name, "Duty manager"], view.Participants.Select(p => p.Name));
        Assert.Equal([ParticipantRoles.OpinionLeader, ParticipantRoles.CouldStopIt], view.Participants[1].Roles);
        Assert.DoesNotContain(view.Checklist, g => g.Key is "no-co-designer" or "nobody-could-stop-it");
    }

    [Fact]
    public async Task AddParticipant_NoNameOrSomeoneOutsideTheNetwork_ReturnsFieldErrors()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());
        var url = $"/api/experiments/{id}/participants";

        using var noName = await network.Member.PostAsync(url, new { roles = new[] { "HasEnergy" } });
        using var outsider = await network.Member.PostAsync(url, new { userId = network.Outsider.Id });

        await noName.ShouldBeInvalidAsync("name");
        await outsider.ShouldBeInvalidAsync("userId");
    }

    [Fact]
    public async Task Comments_ListedBySection_OnlyAuthorOrStewardMayRemove()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());
        var url = $"/api/experiments/{id}/comments";
        var mine = await network.Member.CreatedIdAsync(url, new { section = "safe-to-fail", text = "Add a rule about money" });
        var stewards = await network.Steward.CreatedIdAsync(url, new { section = "question", text = "Ask residents first" });
        using var unknown = await network.Member.PostAsync(url, new { section = "nowhere", text = "Hmm" });
        await unknown.ShouldBeInvalidAsync("section");

        var view = await network.Member.GetAsync<ExperimentDetail>($"/api/experiments/{id}");
        Assert.Equal([("question", "Ask residents first", false), ("safe-to-fail", "Add a rule about money", true)],
            view.Comments.Select(s => (s.Section, s.Comments.Single().Text, s.Comments.Single().CanDelete)));

        using var byOtherMember = await network.Member.DeleteAsync($"/api/experiment-comments/{stewards}");
        await byOtherMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var byStewart = await network.Steward.DeleteAsync($"/api/experiment-comments/{mine}");
        await byStewart.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var byAuthor = await network.Steward.DeleteAsync($"/api/experiment-comments/{stewards}");
        await byAuthor.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task CycleBoard_GroupsByState_AllFourColumnsInOrder()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design(title: "Still designing"));
        var running = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design(title: "Under way"));
        await PutAsync(network.Member, $"/api/experiments/{running}/state", new { state = "Running", version = 1 });

        var board = await network.Observer.GetAsync<CycleExperimentsView>($"{cycleUrl}/experiments");

        Assert.Equal(Enum.GetValues<ExperimentState>(), board.Columns.Select(c => c.State));
        Assert.Equal([["Still designing"], ["Under way"], [], []], board.Columns.Select(c => c.Experiments.Select(e => e.Title).ToArray()));
    }

    [Fact]
    public async Task CycleBoard_ManyInOneState_ShowsTheNewestAndCountsAll()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        for (var i = 1; i <= ExperimentCommands.BoardColumnSize + 2; i++)
        {
            await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design(title: $"Experiment {i}"));
        }

        var board = await network.Observer.GetAsync<CycleExperimentsView>($"{cycleUrl}/experiments");

        var designing = board.Columns[0];
        Assert.Equal((ExperimentCommands.BoardColumnSize + 2, ExperimentCommands.BoardColumnSize, true), (designing.Count, designing.Experiments.Count, designing.HasMore));
        Assert.Equal($"Experiment {ExperimentCommands.BoardColumnSize + 2}", designing.Experiments[0].Title);
        Assert.Equal(ExperimentCommands.BoardColumnSize + 2, board.Total);
    }

    [Fact]
    public async Task NetworkBoard_FiltersAndPages_ReturnsTotal()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var place = await network.Member.CreateCycleAsync(network.Id, network.Scale(3), "Place");
        for (var i = 1; i <= 3; i++)
        {
            await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design(title: $"Team {i}", tags: ["food"]));
        }
        await network.Member.CreatedIdAsync($"/api/cycles/{place.Id}/experiments", Design(title: "Place probe", tags: ["housing"]));
        var url = $"/api/networks/{network.Id}/experiments";

        var firstPage = await network.Observer.GetAsync<ExperimentList>($"{url}?tag=food&pageSize=2");
        var secondPage = await network.Observer.GetAsync<ExperimentList>($"{url}?tag=food&pageSize=2&page=2");
        var byScale = await network.Observer.GetAsync<ExperimentList>($"{url}?scaleId={network.Scale(3)}");
        var byCycleAndState = await network.Observer.GetAsync<ExperimentList>($"{url}?cycleId={place.Id}&state=Designing&type=Probe");
        var tooBig = await network.Observer.GetAsync<ExperimentList>($"{url}?pageSize=1000");

        Assert.Equal(3, firstPage.Total);
        Assert.Equal(["Team 3", "Team 2"], firstPage.Items.Select(e => e.Title));
        Assert.Equal(["Team 1"], secondPage.Items.Select(e => e.Title));
        Assert.Equal(["Place probe"], byScale.Items.Select(e => e.Title));
        Assert.Equal(["Place probe"], byCycleAndState.Items.Select(e => e.Title));
        Assert.Equal((4, 100), (tooBig.Total, tooBig.PageSize));
    }

    [Fact]
    public async Task Changes_AreWrittenToHistory()
    {
        var (network, cycleUrl, _) = await CycleAsync();
        var id = await network.Member.CreatedIdAsync($"{cycleUrl}/experiments", Design());
        await PutAsync(network.Member, $"/api/experiments/{id}/state", new { state = "Running", version = 1 });
        await network.Member.CreatedIdAsync($"/api/experiments/{id}/actions", new { what = "Try it" });

        var history = await app.WithDbAsync(db => db.History.Where(h => h.NetworkId == network.Id && (h.EntityId == id || h.EntityType == nameof(ExperimentAction)))
            .Select(h => new { h.EntityType, h.Action }).ToListAsync());

        Assert.Equal(2, history.Count(h => h.EntityType == nameof(Experiment)));
        Assert.Single(history, h => h.EntityType == nameof(ExperimentAction));
    }

    private static async Task<ExperimentDetail> PutAsync(TestUser user, string url, object body)
    {
        using var response = await user.PutAsync(url, body);
        return await response.ReadAsync<ExperimentDetail>();
    }

    private static object Design(string title = "Shopping together", int? version = null, string? startsOn = null, string[]? reviewPoints = null,
        string? plannedEndOn = null, int? reflectionEveryDays = null, string[]? tags = null) => new
    {
        title,
        type = "Probe",
        inquiryQuestions = new[] { "What happens when we go shopping together?" },
        safeToFailRules = new[] { "Do no harm to the people we serve" },
        startsOn,
        reviewPoints,
        plannedEndOn,
        reflectionEveryDays,
        tags,
        version,
    };

    private async Task<(TestNetwork Network, string CycleUrl, Guid CycleId)> CycleAsync()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        return (network, $"/api/cycles/{cycle.Id}", cycle.Id);
    }
}

public sealed class ExperimentDesignApiSqliteTests(SqliteAppFactory app) : ExperimentDesignApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ExperimentDesignApiPostgresTests(PostgresAppFactory app) : ExperimentDesignApiTests(app), IClassFixture<PostgresAppFactory>;
