using System.Net;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.Stewardship;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Stewardship;

namespace LearningStack.Tests.Features.Stewardship;

/// <summary>Managing a cycle through the API: who may plan and allocate, validation, stale edits, figures, barriers routed through the
/// issue log, and connections to make.</summary>
public abstract class ManagingApiTests(AppFactory app)
{
    [Fact]
    public async Task SavePlan_NetworkStewardThenStaleEdit_SavedWithHistoryThen409()
    {
        var (network, team, _) = await WorldAsync();
        var url = $"/api/cycles/{team.Id}/plans/CoDesign";

        using var first = await network.Steward.PutAsync(url, new { whatWillHappen = "Two design sessions", whoWillBeConvened = "Caseworkers, two residents", when = "March, Tuesday mornings" });
        var saved = await first.ReadAsync<StagePlanView>();
        using var second = await network.Steward.PutAsync(url, new { whatWillHappen = "Three design sessions", version = saved.Version });
        var changed = await second.ReadAsync<StagePlanView>();
        using var stale = await network.Steward.PutAsync(url, new { whatWillHappen = "Old tab", version = saved.Version });

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Three design sessions", changed.WhatWillHappen);
        Assert.Equal(2, changed.History.Count);
        var plans = await network.Observer.GetAsync<StagePlansView>($"/api/cycles/{team.Id}/plans");
        Assert.Equal(5, plans.Plans.Count);
        Assert.Equal("Three design sessions", plans.Plans.Single(p => p.Stage == Stage.CoDesign).WhatWillHappen);
        Assert.Null(plans.Plans.Single(p => p.Stage == Stage.Experiment).Id);
    }

    [Fact]
    public async Task SavePlan_MemberWhoStewardsTheCycle_Saved_OtherMember403()
    {
        var (network, team, _) = await WorldAsync();
        using var made = await network.Steward.PutAsync($"/api/cycles/{team.Id}",
            new { scaleId = team.Scale.Id, name = team.Name, stewardIds = new[] { network.Member.Id }, version = team.Version });
        await made.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var other = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Housing support team");

        using var own = await network.Member.PutAsync($"/api/cycles/{team.Id}/plans/Experiment", new { whatWillHappen = "Cards for two caseworkers" });
        using var notOwn = await network.Member.PutAsync($"/api/cycles/{other.Id}/plans/Experiment", new { whatWillHappen = "Cards" });

        await own.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await notOwn.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SavePlan_UnknownStageOrEndBeforeStart_FieldErrors()
    {
        var (network, team, _) = await WorldAsync();

        using var unknown = await network.Steward.PutAsync($"/api/cycles/{team.Id}/plans/Dreaming", new { whatWillHappen = "x" });
        using var backwards = await network.Steward.PutAsync($"/api/cycles/{team.Id}/plans/CoDesign", new { startsOn = "2026-03-10", endsOn = "2026-03-01" });

        await unknown.ShouldBeInvalidAsync("stage");
        await backwards.ShouldBeInvalidAsync("endsOn");
    }

    [Fact]
    public async Task Resources_TimeWithUses_FiguresPerMonthInWords()
    {
        var (network, team, _) = await WorldAsync();
        var resource = await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/resources", new { kind = "Time", name = "Caseworkers", hoursPerMonth = 20, startsOn = "2026-01-15" });
        foreach (var (on, hours) in new[] { ("2026-01-05", 12m), ("2026-01-20", 20m), ("2026-02-03", 5m) })
        {
            using var use = await network.Member.PostAsync($"/api/resources/{resource}/uses", new { usedOn = on, amount = hours, note = "Home visits" });
            await use.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        var view = await network.Observer.GetAsync<ResourceView>($"/api/resources/{resource}");

        Assert.Equal(37m, view.UsedSoFar);
        Assert.Equal(new DateOnly(2026, 1, 1), view.Months[0].Month);
        Assert.Equal((20m, 32m, "12 hours more than planned that month"), (view.Months[0].Planned, view.Months[0].Used, view.Months[0].Words));
        Assert.Equal((5m, "15 hours of 20 planned not used that month"), (view.Months[1].Used, view.Months[1].Words));
        Assert.Equal(3, view.Uses.Count);
    }

    [Fact]
    public async Task Resources_MoneyWithoutCurrency_UsesTheConfiguredDefault()
    {
        var (network, team, _) = await WorldAsync();
        using var created = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Money", name = "Experiment fund", amount = 1500m });
        var resource = await created.ReadAsync<ResourceView>(HttpStatusCode.Created);
        using var use = await network.Member.PostAsync($"/api/resources/{resource.Id}/uses", new { amount = 1620m, note = "Beds" });
        await use.ShouldHaveStatusAsync(HttpStatusCode.Created);

        var view = await network.Member.GetAsync<ResourceView>($"/api/resources/{resource.Id}");

        Assert.Equal("GBP", resource.Currency);
        Assert.Equal("£1,620.00 used: £120.00 more than planned", view.Summary);
    }

    [Fact]
    public async Task Resources_MoneyCountingTheSpendLog_PurchasesInItsCurrencyFromItsMonthOnCountAsUsed()
    {
        var (network, team, organisation) = await WorldAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        using var created = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources",
            new { kind = "Money", name = "Card fund", amount = 500m, currency = "GBP", startsOn = Iso(today), countsSpendLog = true });
        var fund = await created.ReadAsync<ResourceView>(HttpStatusCode.Created);
        await SpendAsync(network.Member, team.Id, 120m, "GBP", monthStart);
        await SpendAsync(network.Steward, team.Id, 30.50m, "gbp", today);
        await SpendAsync(network.Member, team.Id, 99m, "GBP", monthStart.AddDays(-1));  // before the fund's first month
        await SpendAsync(network.Member, team.Id, 40m, "EUR", today);                    // another currency
        await SpendAsync(network.Steward, organisation.Id, 75m, "GBP", today);           // another cycle's log
        using var invoice = await network.Member.PostAsync($"/api/resources/{fund.Id}/uses", new { amount = 400m, note = "Leaflets, paid by invoice" });
        await invoice.ShouldHaveStatusAsync(HttpStatusCode.Created);

        var view = await network.Observer.GetAsync<ResourceView>($"/api/resources/{fund.Id}");
        var listed = Assert.Single((await network.Observer.GetAsync<ResourcesView>($"/api/cycles/{team.Id}/resources")).Resources);

        Assert.True(view.CountsSpendLog);
        Assert.Equal(new SpendLogFigure(150.50m, 2), view.SpendLog);
        Assert.Equal(550.50m, view.UsedSoFar);
        Assert.Equal("£550.50 used: £50.50 more than planned", view.Summary);
        Assert.Single(view.Uses);
        Assert.Equal(view.SpendLog, listed.SpendLog);
    }

    [Fact]
    public async Task Resources_SecondResourceCountingTheSameSpendLog_FieldError_OtherCurrencyOrAfterUntickingAllowed()
    {
        var (network, team, _) = await WorldAsync();
        using var first = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Money", name = "Card fund", amount = 500m, countsSpendLog = true });
        var fund = await first.ReadAsync<ResourceView>(HttpStatusCode.Created);
        using var second = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Money", name = "Personal budgets", amount = 900m, countsSpendLog = true });
        using var euros = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Money", name = "EU grant", amount = 900m, currency = "EUR", countsSpendLog = true });
        using var time = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Time", name = "Caseworkers", hoursPerMonth = 10, countsSpendLog = true });

        var messages = await second.ShouldBeInvalidAsync("countsSpendLog");
        Assert.Contains("“Card fund” already counts this cycle's spend log in GBP", messages[0]);
        Assert.True((await euros.ReadAsync<ResourceView>(HttpStatusCode.Created)).CountsSpendLog);
        var hours = await time.ReadAsync<ResourceView>(HttpStatusCode.Created);
        Assert.False(hours.CountsSpendLog);
        Assert.Null(hours.SpendLog);

        using var untick = await network.Steward.PutAsync($"/api/resources/{fund.Id}",
            new { kind = "Money", name = "Card fund", amount = 500m, countsSpendLog = false, version = fund.Version });
        await untick.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var again = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Money", name = "Personal budgets", amount = 900m, countsSpendLog = true });
        Assert.Equal(new SpendLogFigure(0m, 0), (await again.ReadAsync<ResourceView>(HttpStatusCode.Created)).SpendLog);
        Assert.Null((await network.Observer.GetAsync<ResourceView>($"/api/resources/{fund.Id}")).SpendLog);
    }

    [Fact]
    public async Task Resources_TwoCountingTheSameSpendLogSavedAtOnce_TheDatabaseRefusesTheSecond()
    {
        var (network, team, _) = await WorldAsync();
        await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/resources", new { kind = "Money", name = "Card fund", amount = 500m, countsSpendLog = true });

        // What a second steward's save would write if it passed its check before the first one's was committed.
        var refused = await app.WithDbAsync(async db =>
        {
            db.CycleResources.Add(new CycleResource
            {
                NetworkId = network.Id, CycleId = team.Id, Kind = ResourceKind.Money, Name = "Personal budgets", Amount = 900m, Currency = "GBP", CountsSpendLog = true,
                StartsOn = new DateOnly(2026, 1, 1), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            var e = await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => db.SaveChangesAsync());
            return AlarmEvaluation.IsUniqueViolation(e);
        });

        Assert.True(refused);
    }

    [Fact]
    public async Task Resources_InvalidInput_FieldErrors_MemberCannotAllocate()
    {
        var (network, team, _) = await WorldAsync();

        using var time = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Time", name = " ", hoursPerMonth = 0 });
        using var money = await network.Steward.PostAsync($"/api/cycles/{team.Id}/resources", new { kind = "Money", name = "Fund", amount = 10.005m, currency = "pounds" });
        using var member = await network.Member.PostAsync($"/api/cycles/{team.Id}/resources", ManagingCatalogue.TimeResource());

        Assert.Equal(["hoursPerMonth", "name"], (await time.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order());
        Assert.Equal(["amount", "currency"], (await money.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order());
        await member.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Use_StaleEditAndMissingHours_409And400()
    {
        var (network, team, _) = await WorldAsync();
        var resource = await network.Steward.CreatedIdAsync($"/api/cycles/{team.Id}/resources", ManagingCatalogue.TimeResource());
        using var created = await network.Member.PostAsync($"/api/resources/{resource}/uses", new { amount = 2m });
        var use = await created.ReadAsync<ResourceUseView>(HttpStatusCode.Created);
        using var edited = await network.Member.PutAsync($"/api/resource-uses/{use.Id}", new { amount = 3m, version = use.Version });
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var stale = await network.Steward.PutAsync($"/api/resource-uses/{use.Id}", new { amount = 4m, version = use.Version });
        using var noHours = await network.Member.PostAsync($"/api/resources/{resource}/uses", new { note = "Forgot the hours" });
        using var observer = await network.Observer.PostAsync($"/api/resources/{resource}/uses", new { amount = 1m });

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await noHours.ShouldBeInvalidAsync("amount");
        await observer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RouteBarrier_Connected_IssueInThisLogRoutedThere_ShownOnTheBarrier()
    {
        var (network, team, organisation) = await WorldAsync();
        var item = await AddBarrierAsync(network.Member, team.Id);

        using var routed = await network.Member.PostAsync($"/api/enablers-barriers/{item.Id}/route",
            new { toCycleId = organisation.Id, note = "Only finance can change this", version = item.Version });
        var view = await routed.ReadAsync<EnablerBarrierView>();

        Assert.Equal((organisation.Id, RouteStatus.Waiting), (view.RoutedToCycleId, view.RouteStatus));
        var issue = await network.Observer.GetAsync<IssueView>($"/api/issues/{view.IssueId}");
        Assert.Equal((team.Id, item.Text, view.IssueNumber), (issue.CycleId, issue.Description, (int?)issue.Number));
        var routes = await network.Observer.GetAsync<List<IssueRouteView>>($"/api/issues/{view.IssueId}/routes");
        Assert.Equal(view.RouteId, Assert.Single(routes).Id);
        var log = await network.Observer.GetAsync<EnablersBarriersView>($"/api/cycles/{team.Id}/enablers-barriers");
        Assert.Contains(log.RouteOptions, o => o.CycleId == organisation.Id);
    }

    [Fact]
    public async Task RoutedBarrier_FollowsItsIssue_AddressedWhenClosed_OpenAgainWhenReopened_InItsHistory()
    {
        var (network, team, organisation) = await WorldAsync();
        var item = await AddBarrierAsync(network.Member, team.Id);
        using var routed = await network.Member.PostAsync($"/api/enablers-barriers/{item.Id}/route", new { toCycleId = organisation.Id, version = item.Version });
        var view = await routed.ReadAsync<EnablerBarrierView>();
        var issue = await network.Member.GetAsync<IssueView>($"/api/issues/{view.IssueId}");

        using var closed = await network.Member.PostAsync($"/api/issues/{view.IssueId}/close", new { reason = "Finance now tops up the cards weekly", version = issue.Version });
        await closed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var afterClose = (await network.Observer.GetAsync<EnablersBarriersView>($"/api/cycles/{team.Id}/enablers-barriers")).Items.Single(i => i.Id == item.Id);
        var reopenVersion = (await network.Member.GetAsync<IssueView>($"/api/issues/{view.IssueId}")).Version;
        using var reopened = await network.Member.PostAsync($"/api/issues/{view.IssueId}/reopen", new { reason = "The top-ups stopped in March", version = reopenVersion });
        await reopened.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var afterReopen = (await network.Observer.GetAsync<EnablersBarriersView>($"/api/cycles/{team.Id}/enablers-barriers")).Items.Single(i => i.Id == item.Id);

        Assert.Equal(EnablerStatus.Addressed, afterClose.Status);
        Assert.Equal($"Issue #{view.IssueNumber} was closed: Finance now tops up the cards weekly", afterClose.StatusNote);
        Assert.Equal(EnablerStatus.Open, afterReopen.Status);
        Assert.Equal($"Issue #{view.IssueNumber} was opened again: The top-ups stopped in March", afterReopen.StatusNote);
        Assert.Contains(afterReopen.History, h => h.Changes.Any(c => c.Field == "Status" && c.After == "Addressed"));
        Assert.True(afterReopen.Version > view.Version);
    }

    [Fact]
    public async Task RouteBarrier_NotConnected_400AndNoIssueLeftBehind()
    {
        var (network, team, _) = await WorldAsync();
        var stranger = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Unlinked team");
        var item = await AddBarrierAsync(network.Member, team.Id);

        using var refused = await network.Member.PostAsync($"/api/enablers-barriers/{item.Id}/route", new { toCycleId = stranger.Id, version = item.Version });

        await refused.ShouldBeInvalidAsync("toCycleId");
        var issues = await network.Member.GetAsync<IssuePage>($"/api/cycles/{team.Id}/issues");
        Assert.Equal(0, issues.Total);
    }

    [Fact]
    public async Task RouteBarrier_AlreadyRoutedOrEnabler_409Or400_ObserverForbidden()
    {
        var (network, team, organisation) = await WorldAsync();
        var item = await AddBarrierAsync(network.Member, team.Id);
        using var once = await network.Member.PostAsync($"/api/enablers-barriers/{item.Id}/route", new { toCycleId = organisation.Id, version = item.Version });
        var routed = await once.ReadAsync<EnablerBarrierView>();
        using var createdEnabler = await network.Member.PostAsync($"/api/cycles/{team.Id}/enablers-barriers", new { kind = "Enabler", text = "The team leader signs off on the day" });
        var enabler = await createdEnabler.ReadAsync<EnablerBarrierView>(HttpStatusCode.Created);

        using var twice = await network.Member.PostAsync($"/api/enablers-barriers/{item.Id}/route", new { toCycleId = organisation.Id, version = routed.Version });
        using var helps = await network.Member.PostAsync($"/api/enablers-barriers/{enabler.Id}/route", new { toCycleId = organisation.Id, version = enabler.Version });
        using var observer = await network.Observer.PostAsync($"/api/enablers-barriers/{enabler.Id}/route", new { toCycleId = organisation.Id, version = enabler.Version });

        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await helps.ShouldBeInvalidAsync("kind");
        await observer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UpdateItem_AddressedWithoutNote_400_WithNote_KeptInHistory_StaleIs409()
    {
        var (network, team, _) = await WorldAsync();
        var item = await AddBarrierAsync(network.Member, team.Id);

        using var bare = await network.Member.PutAsync($"/api/enablers-barriers/{item.Id}", new { kind = "Barrier", text = item.Text, status = "Addressed", version = item.Version });
        using var noted = await network.Member.PutAsync($"/api/enablers-barriers/{item.Id}",
            new { kind = "Barrier", text = item.Text, status = "Addressed", statusNote = "Finance now tops up cards weekly", version = item.Version });
        var addressed = await noted.ReadAsync<EnablerBarrierView>();
        using var stale = await network.Steward.PutAsync($"/api/enablers-barriers/{item.Id}", new { kind = "Barrier", text = "Old", version = item.Version });

        await bare.ShouldBeInvalidAsync("statusNote");
        Assert.Equal((EnablerStatus.Addressed, 2), (addressed.Status, addressed.History.Count));
        Assert.Contains(addressed.History[0].Changes, c => c.Field == "Status" && c.After == "Addressed");
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Connections_AddThenRecordConversation_ListedForExperimentAndCycle()
    {
        var (network, team, organisation) = await WorldAsync();
        var experiment = await network.Member.CreatedIdAsync($"/api/cycles/{team.Id}/experiments", new { title = "Team credit cards", type = "Probe", inquiryQuestions = new[] { "What do residents need on the day?" } });

        using var added = await network.Member.PostAsync($"/api/experiments/{experiment}/connections",
            new { name = "Internal audit", why = "They check every council card", linkedCycleId = organisation.Id });
        var connection = await added.ReadAsync<ConnectionView>(HttpStatusCode.Created);
        using var talked = await network.Member.PutAsync($"/api/experiment-connections/{connection.Id}",
            new { name = "Internal audit", linkedCycleId = organisation.Id, talkedOn = "2026-03-05", conversationNote = "They want the log, not the amounts", version = connection.Version });
        await talked.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var forExperiment = await network.Observer.GetAsync<ExperimentConnectionsView>($"/api/experiments/{experiment}/connections");
        var forCycle = await network.Observer.GetAsync<CycleConnectionsView>($"/api/cycles/{team.Id}/connections-to-make");
        var shown = Assert.Single(forExperiment.Connections);
        Assert.Equal((organisation.Name, new DateOnly(2026, 3, 5)), (shown.LinkedCycleName, shown.TalkedOn));
        Assert.Equal("Team credit cards", Assert.Single(forCycle.Connections).ExperimentTitle);
    }

    [Fact]
    public async Task Connections_OutsiderOrStrangerLinks_404AndFieldErrors()
    {
        var (network, team, _) = await WorldAsync();
        var experiment = await network.Member.CreatedIdAsync($"/api/cycles/{team.Id}/experiments", new { title = "Cards", type = "Probe", inquiryQuestions = new[] { "What happens?" } });

        using var outsider = await network.Cast.Outsider.GetAsync($"/api/experiments/{experiment}/connections");
        using var wrong = await network.Member.PostAsync($"/api/experiments/{experiment}/connections",
            new { name = "Someone", linkedUserId = network.Cast.Outsider.Id, linkedCycleId = Guid.NewGuid(), conversationNote = "Undated" });

        await outsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["linkedCycleId", "linkedUserId", "talkedOn"], (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task SpendAsync(TestUser user, Guid cycleId, decimal amount, string currency, DateOnly spentOn)
    {
        using var response = await user.PostAsync($"/api/cycles/{cycleId}/spend",
            new { spentOn = Iso(spentOn), amount, currency, whatWasBought = "Groceries", newCategory = "Food" });
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    private static async Task<EnablerBarrierView> AddBarrierAsync(TestUser user, Guid cycleId)
    {
        using var created = await user.PostAsync($"/api/cycles/{cycleId}/enablers-barriers", ManagingCatalogue.Barrier());
        return await created.ReadAsync<EnablerBarrierView>(HttpStatusCode.Created);
    }

    /// <summary>A network with a team cycle linked up to an organisation cycle.</summary>
    private async Task<(TestNetwork Network, CycleDetail Team, CycleDetail Organisation)> WorldAsync()
    {
        var network = await app.NewNetworkAsync("Managing");
        var team = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team");
        var organisation = await network.Steward.CreateCycleAsync(network.Id, network.Scale(2), "Council finance");
        await network.Steward.LinkAsync(network.Id, team.Id, organisation.Id, "What the cards teach us");
        return (network, team, organisation);
    }
}

public sealed class ManagingApiSqliteTests(SqliteAppFactory app) : ManagingApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ManagingApiPostgresTests(PostgresAppFactory app) : ManagingApiTests(app), IClassFixture<PostgresAppFactory>;
