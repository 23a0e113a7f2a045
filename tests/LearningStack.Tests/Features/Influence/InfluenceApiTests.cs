using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Features.Experiments;
using LearningStack.Tests.Infrastructure.Influence;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.Influence;

/// <summary>Routing issues between connected cycles, handing on learning, and the embedding register, through the JSON API.</summary>
public abstract class InfluenceApiTests(AppFactory app)
{
    private sealed record Setup(TestNetwork Network, CycleDetail Person, CycleDetail Team, CycleDetail Organisation, Guid IssueId);

    /// <summary>Person, team and organisation cycles; team linked to organisation only; an open issue on the team.</summary>
    private async Task<Setup> SetupAsync()
    {
        var network = await app.NewNetworkAsync("Influence");
        var steward = network.Steward;
        var person = await steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        var team = await steward.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        var organisation = await steward.CreateCycleAsync(network.Id, network.Scale(2), "Council finance");
        await steward.LinkAsync(network.Id, team.Id, organisation.Id);
        var issueId = await InfluenceCatalogue.InsertIssueAsync(app, network.Id, team.Id);
        return new Setup(network, person, team, organisation, issueId);
    }

    private static async Task<IssueRouteView> RouteAsync(Setup s)
    {
        using var response = await s.Network.Member.PostAsync($"/api/issues/{s.IssueId}/routes", new { toCycleId = s.Organisation.Id, note = "Needs the council's rules" });
        return await response.ReadAsync<IssueRouteView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Route_ConnectedCycle_WaitingWithTrailAndInInbox()
    {
        var s = await SetupAsync();

        var route = await RouteAsync(s);

        Assert.Equal((RouteStatus.Waiting, s.Organisation.Id, "Council finance", "Needs the council's rules"), (route.Status, route.ToCycleId, route.ToCycleName, route.Note));
        Assert.Equal("'Debt advice team' → issue #1 → Insight from 'Team meeting 3 March'", route.Trail);
        var inbox = await s.Network.Observer.GetAsync<InboxView>($"/api/cycles/{s.Organisation.Id}/inbox");
        Assert.Equal(route.Id, Assert.Single(inbox.Routes).Id);
        Assert.False(inbox.CanAnswerRoutes);
        Assert.True((await s.Network.Steward.GetAsync<InboxView>($"/api/cycles/{s.Organisation.Id}/inbox")).CanAnswerRoutes);
    }

    [Fact]
    public async Task Route_UnconnectedCycle_400SaysConnectFirst()
    {
        var s = await SetupAsync();

        using var response = await s.Network.Member.PostAsync($"/api/issues/{s.IssueId}/routes", new { toCycleId = s.Person.Id });

        var errors = await response.ShouldBeInvalidAsync("toCycleId");
        Assert.Contains("Connect the two cycles first", errors[0], StringComparison.Ordinal);
        Assert.Empty(await s.Network.Member.GetAsync<List<IssueRouteView>>($"/api/issues/{s.IssueId}/routes"));
    }

    [Fact]
    public async Task Route_CycleOfAnotherNetwork_400()
    {
        var s = await SetupAsync();
        var other = await app.NewNetworkAsync("Elsewhere");
        var elsewhere = await other.Steward.CreateCycleAsync(other.Id, other.Scale(2), "Other council");

        using var response = await s.Network.Member.PostAsync($"/api/issues/{s.IssueId}/routes", new { toCycleId = elsewhere.Id });

        await response.ShouldBeInvalidAsync("toCycleId");
    }

    [Fact]
    public async Task Route_Twice_409NamingTheExistingRoute()
    {
        var s = await SetupAsync();
        await RouteAsync(s);

        using var response = await s.Network.Member.PostAsync($"/api/issues/{s.IssueId}/routes", new { toCycleId = s.Organisation.Id });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Already routed to 'Council finance' on ", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("status Waiting", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_ClosedIssue_409SaysReopenFirst()
    {
        var s = await SetupAsync();
        await app.WithDbAsync(db => db.Issues.Where(i => i.Id == s.IssueId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IssueStatus.Closed)));

        using var response = await s.Network.Member.PostAsync($"/api/issues/{s.IssueId}/routes", new { toCycleId = s.Organisation.Id });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Reopen it first", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_ByMemberNotStewardingTheCycle_403AndStillWaiting()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var response = await s.Network.Member.PostAsync($"/api/issue-routes/{route.Id}/accept", new { response = "Yes", version = route.Version });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(RouteStatus.Waiting, (await s.Network.Member.GetAsync<IssueRouteView>($"/api/issue-routes/{route.Id}")).Status);
    }

    [Fact]
    public async Task Accept_ByMemberStewardingTheReceivingCycle_Accepted()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);
        await app.WithDbAsync(async db =>
        {
            db.CycleStewards.Add(new CycleSteward { CycleId = s.Organisation.Id, NetworkId = s.Network.Id, UserId = s.Network.Member.Id });
            await db.SaveChangesAsync();
        });

        using var response = await s.Network.Member.PostAsync($"/api/issue-routes/{route.Id}/accept", new { response = "We will look at it", version = route.Version });

        var accepted = await response.ReadAsync<IssueRouteView>();
        Assert.Equal((RouteStatus.Accepted, "We will look at it"), (accepted.Status, accepted.Response));
    }

    [Fact]
    public async Task Accept_ByOutsider_404()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var response = await s.Network.Outsider.PostAsync($"/api/issue-routes/{route.Id}/accept", new { response = "Yes", version = route.Version });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accept_SpawningAnIssue_NumberedInTheReceivingLogWithSourceRoute()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var response = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/accept", new { response = "Into our log", spawn = "Issue", version = route.Version });

        var accepted = await response.ReadAsync<IssueRouteView>();
        Assert.Equal((RouteStatus.Accepted, 1), (accepted.Status, accepted.ReceivedIssueNumber));
        var received = await app.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Id == accepted.ReceivedIssueId));
        Assert.Equal((s.Organisation.Id, IssueSource.Route, (Guid?)route.Id, "Routed from 'Debt advice team' #1", IssueLevel.System, IssueOwner.Leadership),
            (received.CycleId, received.Source, received.SourceId, received.SourceLabel, received.Level, received.Owner));
    }

    [Fact]
    public async Task Accept_SpawningAnExperiment_DesigningInTheReceivingCycle()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var response = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/accept", new { spawn = "Experiment", version = route.Version });

        var accepted = await response.ReadAsync<IssueRouteView>();
        var experiment = await app.WithDbAsync(db => db.Experiments.AsNoTracking().SingleAsync(e => e.Id == accepted.SpawnedExperimentId));
        Assert.Equal((s.Organisation.Id, ExperimentState.Designing, "Letters about arrears frighten people off"), (experiment.CycleId, experiment.State, experiment.Title));
    }

    [Fact]
    public async Task Accept_ConveningACycle_IssueBasedAndLinkedToTheReceivingCycle()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var response = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/accept", new { spawn = "Cycle", cycleName = "Arrears letters", version = route.Version });

        var accepted = await response.ReadAsync<IssueRouteView>();
        Assert.Equal("Arrears letters", accepted.SpawnedCycleName);
        var cycle = await s.Network.Steward.GetAsync<CycleDetail>($"/api/cycles/{accepted.SpawnedCycleId}");
        Assert.Equal((CycleKind.ConvenedAroundIssue, s.Organisation.Scale.Id), (cycle.Kind, cycle.Scale.Id));
        Assert.True(await app.WithDbAsync(db => db.CycleLinks.AnyAsync(l => l.FromCycleId == s.Organisation.Id && l.ToCycleId == cycle.Id)));
    }

    [Fact]
    public async Task Decline_WithoutReason_400AndStillWaiting()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var response = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/decline", new { response = " ", version = route.Version });

        await response.ShouldBeInvalidAsync("response");
        Assert.Equal(RouteStatus.Waiting, (await s.Network.Member.GetAsync<IssueRouteView>($"/api/issue-routes/{route.Id}")).Status);
    }

    [Fact]
    public async Task Decline_WithReason_SenderSeesItThenAnsweringAgainIs409()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var declined = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/decline", new { response = "The place board holds this", version = route.Version });
        var view = await declined.ReadAsync<IssueRouteView>();
        using var again = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/accept", new { response = "Changed our mind", version = view.Version });

        Assert.Equal((RouteStatus.Declined, "The place board holds this"), (view.Status, view.Response));
        var seen = Assert.Single(await s.Network.Member.GetAsync<List<IssueRouteView>>($"/api/issues/{s.IssueId}/routes"));
        Assert.Equal(RouteStatus.Declined, seen.Status);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Accept_StaleVersion_409()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);

        using var response = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/accept", new { response = "Yes", version = route.Version + 5 });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Close_AfterAccept_ClosedWithWhatWasDone()
    {
        var s = await SetupAsync();
        var route = await RouteAsync(s);
        using var accepted = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/accept", new { response = "Yes", version = route.Version });
        var view = await accepted.ReadAsync<IssueRouteView>();

        using var closed = await s.Network.Steward.PostAsync($"/api/issue-routes/{route.Id}/close", new { response = "Letters rewritten with residents", version = view.Version });

        Assert.Equal((RouteStatus.Closed, "Letters rewritten with residents"), ((await closed.ReadAsync<IssueRouteView>()).Status, (await s.Network.Member.GetAsync<IssueRouteView>($"/api/issue-routes/{route.Id}")).Response));
    }

    [Fact]
    public async Task Influence_ToConnectedCycle_PendingThenUsedWithNote()
    {
        var s = await SetupAsync();
        using var created = await s.Network.Member.PostAsync($"/api/cycles/{s.Team.Id}/influence",
            new { title = "Credit-card spending", learning = "People use cards for food.", toCycleIds = new[] { s.Organisation.Id } });
        var record = await created.ReadAsync<InfluenceView>(HttpStatusCode.Created);
        var recipient = Assert.Single(record.Recipients);
        Assert.Equal(InfluenceResponse.Pending, recipient.Response);
        Assert.Single((await s.Network.Observer.GetAsync<InboxView>($"/api/cycles/{s.Organisation.Id}/inbox")).Learning);

        using var answered = await s.Network.Member.PostAsync($"/api/influence-recipients/{recipient.Id}/response", new { response = "Adapted", note = "For our budget review", version = recipient.Version });

        Assert.Equal((InfluenceResponse.Adapted, "For our budget review"), ((await answered.ReadAsync<RecipientView>()).Response, (await s.Network.Observer.GetAsync<InfluenceView>($"/api/influence/{record.Id}")).Recipients[0].Note));
    }

    [Fact]
    public async Task Influence_ToUnconnectedCycle_400AndNothingSaved()
    {
        var s = await SetupAsync();

        using var response = await s.Network.Member.PostAsync($"/api/cycles/{s.Team.Id}/influence",
            new { title = "Credit-card spending", learning = "People use cards for food.", toCycleIds = new[] { s.Person.Id } });

        await response.ShouldBeInvalidAsync("toCycleIds");
        Assert.Empty(await s.Network.Member.GetAsync<List<InfluenceView>>($"/api/cycles/{s.Team.Id}/influence"));
    }

    [Fact]
    public async Task Embedding_RetiringACountermeasure_BecomesNewNormalEndedOnThatDate()
    {
        var s = await SetupAsync();
        var (experimentId, countermeasureId) = await CountermeasureAsync(s);

        using var response = await s.Network.Member.PostAsync($"/api/cycles/{s.Team.Id}/embeddings", new
        {
            what = "Open-ended appointments", kind = "Process", replaced = "Three-contact limit", embeddedOn = "2026-03-01",
            experimentIds = new[] { experimentId }, retiredCountermeasureIds = new[] { countermeasureId },
        });

        var embedding = await response.ReadAsync<EmbeddingView>(HttpStatusCode.Created);
        Assert.Equal(countermeasureId, Assert.Single(embedding.RetiredCountermeasures).Id);
        var countermeasure = await s.Network.Member.GetAsync<CountermeasureView>($"/api/countermeasures/{countermeasureId}");
        Assert.Equal((CountermeasureStatus.NewNormal, new DateOnly(2026, 3, 1), "Became business as usual: Open-ended appointments"),
            (countermeasure.Status, countermeasure.EndedOn, countermeasure.WhyEnded));
    }

    [Fact]
    public async Task Embedding_RetiringAnEndedCountermeasure_400AndNothingSaved()
    {
        var s = await SetupAsync();
        var (_, countermeasureId) = await CountermeasureAsync(s);
        await app.WithDbAsync(db => db.Countermeasures.Where(c => c.Id == countermeasureId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CountermeasureStatus.Removed)));

        using var response = await s.Network.Member.PostAsync($"/api/cycles/{s.Team.Id}/embeddings", new
        {
            what = "Open-ended appointments", kind = "Process", embeddedOn = "2026-03-01", retiredCountermeasureIds = new[] { countermeasureId },
        });

        await response.ShouldBeInvalidAsync("retiredCountermeasureIds");
        Assert.Empty(await s.Network.Member.GetAsync<List<EmbeddingView>>($"/api/cycles/{s.Team.Id}/embeddings"));
    }

    [Fact]
    public async Task Embedding_EditWithStaleVersion_409()
    {
        var s = await SetupAsync();
        var id = await s.Network.Member.CreatedIdAsync($"/api/cycles/{s.Team.Id}/embeddings", new { what = "Open-ended appointments", kind = "Culture", embeddedOn = "2026-03-01" });
        using var first = await s.Network.Member.PutAsync($"/api/embeddings/{id}", new { what = "Open-ended appointments for all", kind = "Culture", embeddedOn = "2026-03-01", version = 1 });
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var stale = await s.Network.Member.PutAsync($"/api/embeddings/{id}", new { what = "Something else", kind = "Culture", embeddedOn = "2026-03-01", version = 1 });

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Open-ended appointments for all", (await s.Network.Member.GetAsync<EmbeddingView>($"/api/embeddings/{id}")).What);
    }

    [Fact]
    public async Task Flows_RouteAndLearningBetweenTwoCycles_CountedOnTheirLinkAndListed()
    {
        var s = await SetupAsync();
        await RouteAsync(s);
        await s.Network.Member.CreatedIdAsync($"/api/cycles/{s.Organisation.Id}/influence",
            new { title = "Budget rules", learning = "What we learnt about budgets.", toCycleIds = new[] { s.Team.Id } });

        var flows = await s.Network.Observer.GetAsync<FlowsView>($"/api/networks/{s.Network.Id}/flows?from={s.Team.Id}&to={s.Organisation.Id}");

        var link = Assert.Single(flows.Links);
        Assert.Equal((1, 1), (link.Issues, link.Learning));
        Assert.Single(flows.Routes);
        Assert.Single(flows.Learning);
    }

    private async Task<(Guid ExperimentId, Guid CountermeasureId)> CountermeasureAsync(Setup s)
    {
        var experimentId = await CountermeasureTestData.AddExperimentAsync(app, s.Network.Id, s.Team.Id, "Open-ended appointments");
        var countermeasureId = await s.Network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures",
            new { rule = "Cases close after three contacts", instead = "Cases stay open", agreedByName = "Head of service", from = "2026-01-05" });
        return (experimentId, countermeasureId);
    }
}

public sealed class InfluenceApiSqliteTests(SqliteAppFactory app) : InfluenceApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class InfluenceApiPostgresTests(PostgresAppFactory app) : InfluenceApiTests(app), IClassFixture<PostgresAppFactory>;
