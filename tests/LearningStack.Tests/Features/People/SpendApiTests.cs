using System.Net;
using System.Text.Json;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.Experiments;
using LearningStack.Tests.Infrastructure.People;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.People;

/// <summary>The spend log through the API: validation, needs, case links and their privacy, sign-off, receipts, totals and edits.</summary>
public abstract class SpendApiTests(AppFactory app)
{
    [Fact]
    public async Task Create_Empty_ProblemDetailsWithFieldErrors()
    {
        var (network, team, _) = await WorldAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{team.Id}/spend", new { whatWasBought = "  " });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "amount", "whatWasBought", "needCategoryId" }, problem.Errors!.Keys.ToHashSet());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100000.01")]
    [InlineData("12.345")]
    public async Task Create_AmountOutOfRangeOrPartPence_FieldErrorOnAmount(string amount)
    {
        var (network, team, _) = await WorldAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{team.Id}/spend",
            new { amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), whatWasBought = "Bus fare", newCategory = "Travel" });

        Assert.Equal(["amount"], await FieldsAsync(response));
    }

    [Fact]
    public async Task Create_BadCurrencyAndFutureDate_FieldErrors()
    {
        var (network, team, _) = await WorldAsync();
        var nextWeek = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await network.Member.PostAsync($"/api/cycles/{team.Id}/spend",
            new { amount = 10m, currency = "pounds", spentOn = nextWeek, whatWasBought = "Bus fare", newCategory = "Travel" });

        Assert.Equal(["currency", "spentOn"], await FieldsAsync(response));
    }

    [Fact]
    public async Task Create_NewCategoryTypedTwiceInOtherCapitals_AddedToTheListOnce()
    {
        var (network, team, _) = await WorldAsync();

        var first = await CreateAsync(network.Member, team.Id, "Bed", 120m, category: "Furniture");
        var second = await CreateAsync(network.Steward, team.Id, "Sofa", 80m, category: "  FURNITURE ");
        using var again = await network.Member.PostAsync($"/api/networks/{network.Id}/need-categories", new { name = "furniture" });
        using var other = await network.Member.PostAsync($"/api/networks/{network.Id}/need-categories", new { name = "Food" });

        Assert.Equal(first.NeedCategoryId, second.NeedCategoryId);
        Assert.Equal(("Furniture", "Furniture"), (first.NeedCategory, second.NeedCategory));
        Assert.Equal(first.NeedCategoryId, (await again.ReadAsync<NeedCategoryView>(HttpStatusCode.OK)).Id);
        await other.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var list = await network.Observer.GetAsync<List<NeedCategoryView>>($"/api/networks/{network.Id}/need-categories");
        Assert.Equal(["Food", "Furniture"], list.Select(c => c.Name));
    }

    [Fact]
    public async Task Create_ChosenCategoryOfAnotherNetwork_FieldError()
    {
        var (network, team, _) = await WorldAsync();
        var (elsewhere, elsewhereTeam, _) = await WorldAsync();
        var theirs = await CreateAsync(elsewhere.Member, elsewhereTeam.Id, "Bed", 120m, category: "Furniture");

        using var response = await network.Member.PostAsync($"/api/cycles/{team.Id}/spend",
            new { amount = 10m, whatWasBought = "Chair", needCategoryId = theirs.NeedCategoryId });

        Assert.Equal(["needCategoryId"], await FieldsAsync(response));
    }

    [Fact]
    public async Task Create_CaseTheCallerDoesNotWorkOn_Returns404AndSavesNothing()
    {
        var (network, team, caseFile) = await WorldAsync();

        using var response = await network.Steward.PostAsync($"/api/cycles/{team.Id}/spend", Body("Food shop", 25m, "Food", caseFile.Id));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithDbAsync(db => db.SpendEntries.CountAsync(e => e.CycleId == team.Id)));
    }

    [Fact]
    public async Task Create_LinkedToCase_ShowsTheReferenceNeverTheName()
    {
        var (network, team, caseFile) = await WorldAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{team.Id}/spend", Body("Food shop with Mrs P", 25m, "Food", caseFile.Id));
        var json = await response.Content.ReadAsStringAsync();
        var entry = JsonSerializer.Deserialize<SpendEntryView>(json, Json.Options)!;
        using var list = await network.Member.GetAsync($"/api/cycles/{team.Id}/spend");
        var listJson = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((caseFile.Id, caseFile.Reference, false), (entry.CaseId, entry.CaseReference, entry.Hidden));
        Assert.DoesNotContain("Patricia Quinn", json, StringComparison.Ordinal);
        Assert.Contains(caseFile.Reference, listJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Patricia Quinn", listJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ViewerWhoCannotOpenTheCase_SeesItInTotalsButNotWhatWasBought()
    {
        var (network, team, caseFile) = await WorldAsync();
        var linked = await CreateAsync(network.Member, team.Id, "Food shop with Mrs P", 25m, "Food", caseFile.Id);
        using var upload = await SpendCatalogue.UploadReceiptAsync(network.Member, linked.Id, MediaSamples.Png, "receipt.png");
        await upload.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await CreateAsync(network.Member, team.Id, "Team kettle", 15m, "Food");

        foreach (var viewer in new[] { network.Steward, network.Observer })
        {
            var list = await viewer.GetAsync<SpendList>($"/api/cycles/{team.Id}/spend");
            var one = await viewer.GetAsync<SpendEntryView>($"/api/spend/{linked.Id}");
            var summary = await viewer.GetAsync<SpendSummary>($"/api/cycles/{team.Id}/spend/summary");
            using var receipt = await viewer.GetAsync($"/api/spend/{linked.Id}/receipt");
            var raw = await (await viewer.GetAsync($"/api/cycles/{team.Id}/spend")).Content.ReadAsStringAsync();

            Assert.Equal(["Team kettle"], list.Entries.Select(e => e.WhatWasBought));
            Assert.Equal((1, 25m), (list.Hidden.Count, list.Hidden.Totals.Single().Amount));
            Assert.True(one.Hidden && one.LinkedToCase);
            Assert.Null(one.WhatWasBought);
            Assert.Null(one.CaseReference);
            Assert.Null(one.CaseId);
            Assert.Null(one.Receipt);
            Assert.Equal((25m, "Food"), (one.Amount, one.NeedCategory));
            Assert.Equal(40m, summary.Currencies.Single().Amount);
            Assert.Equal((40m, 2), (summary.Currencies.Single().Categories.Single().Amount, summary.Currencies.Single().Categories.Single().Count));
            await receipt.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain("Mrs P", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(caseFile.Reference, raw, StringComparison.Ordinal);
        }
        var practitioners = await network.Member.GetAsync<SpendList>($"/api/cycles/{team.Id}/spend");
        Assert.Equal(["Food shop with Mrs P", "Team kettle"], practitioners.Entries.Select(e => e.WhatWasBought).Order());
        Assert.Equal(0, practitioners.Hidden.Count);
    }

    [Fact]
    public async Task History_EntryLinkedToCase_NotOnTheCyclesHistory()
    {
        var (network, team, caseFile) = await WorldAsync();

        await CreateAsync(network.Member, team.Id, "Food shop with Mrs P", 25m, "Food", caseFile.Id);
        await CreateAsync(network.Member, team.Id, "Team kettle", 15m, "Food");

        var entities = await app.WithDbAsync(db => db.History.Where(h => h.CycleId == team.Id && h.EntityType == nameof(SpendEntry)).CountAsync());
        Assert.Equal(1, entities);
    }

    [Fact]
    public async Task Approve_BySomeoneElse_RecordsWhoAndWhen_BySpenderRefused()
    {
        var (network, team, _) = await WorldAsync();
        var entry = await CreateAsync(network.Member, team.Id, "Bed", 120m, "Furniture");

        using var self = await network.Member.PostAsync($"/api/spend/{entry.Id}/approve", new { version = entry.Version });
        using var other = await network.Steward.PostAsync($"/api/spend/{entry.Id}/approve", new { version = entry.Version });
        var approved = await other.ReadAsync<SpendEntryView>();
        using var twice = await network.Steward.PostAsync($"/api/spend/{entry.Id}/approve", new { });

        await self.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(network.Steward.Name, approved.ApprovedByName);
        Assert.NotNull(approved.ApprovedAt);
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_AmountChangedAfterSignOff_NeedsSigningOffAgain()
    {
        var (network, team, _) = await WorldAsync();
        var entry = await CreateAsync(network.Member, team.Id, "Bed", 120m, "Furniture");
        using var approve = await network.Steward.PostAsync($"/api/spend/{entry.Id}/approve", new { version = entry.Version });
        var approved = await approve.ReadAsync<SpendEntryView>();

        using var edit = await network.Member.PutAsync($"/api/spend/{entry.Id}", Body("Bed", 150m, "Furniture", version: approved.Version));
        var edited = await edit.ReadAsync<SpendEntryView>();

        Assert.Equal((150m, null), (edited.Amount, edited.ApprovedByName));
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstEdit()
    {
        var (network, team, _) = await WorldAsync();
        var entry = await CreateAsync(network.Member, team.Id, "Bed", 120m, "Furniture");
        using var first = await network.Member.PutAsync($"/api/spend/{entry.Id}", Body("Bed and mattress", 120m, "Furniture", version: entry.Version));
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var second = await network.Steward.PutAsync($"/api/spend/{entry.Id}", Body("Bed frame", 120m, "Furniture", version: entry.Version));
        using var missing = await network.Steward.PutAsync($"/api/spend/{entry.Id}", Body("Bed frame", 120m, "Furniture"));

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["version"], await FieldsAsync(missing));
        Assert.Equal("Bed and mattress", (await network.Observer.GetAsync<SpendEntryView>($"/api/spend/{entry.Id}")).WhatWasBought);
    }

    [Fact]
    public async Task Update_LinkedToCaseByColleagueNotOnTheCase_Returns403()
    {
        var (network, team, caseFile) = await WorldAsync();
        var entry = await CreateAsync(network.Member, team.Id, "Food shop", 25m, "Food", caseFile.Id);

        using var response = await network.Steward.PutAsync($"/api/spend/{entry.Id}", Body("Something else", 25m, "Food", version: entry.Version));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Receipt_RealPng_KeptAndServedWithItsCheckedType()
    {
        var (network, team, _) = await WorldAsync();
        var entry = await CreateAsync(network.Member, team.Id, "Bed", 120m, "Furniture");

        using var upload = await SpendCatalogue.UploadReceiptAsync(network.Member, entry.Id, MediaSamples.Png, "till receipt.png");
        var withReceipt = await upload.ReadAsync<SpendEntryView>();
        using var served = await network.Observer.GetAsync($"/api/spend/{entry.Id}/receipt");

        Assert.Equal(("till receipt.png", "image/png", (long)MediaSamples.Png.Length), (withReceipt.Receipt!.FileName, withReceipt.Receipt.ContentType, withReceipt.Receipt.Size));
        await served.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MediaSamples.Png, await served.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("text", "receipt.png", "JPEG, PNG or WebP")]
    [InlineData("mp4", "receipt.png", "JPEG, PNG or WebP")]
    [InlineData("png", "receipt.jpg", "PNG")]
    public async Task Receipt_NotAnImageOrDisguised_Returns400AndKeepsNothing(string content, string fileName, string reasonMentions)
    {
        var (network, team, _) = await WorldAsync();
        var entry = await CreateAsync(network.Member, team.Id, "Bed", 120m, "Furniture");
        var bytes = content switch { "text" => "Total £120.00 — thank you"u8.ToArray(), "mp4" => MediaSamples.Mp4(), _ => MediaSamples.Png };

        using var upload = await SpendCatalogue.UploadReceiptAsync(network.Member, entry.Id, bytes, fileName);

        var errors = await upload.ShouldBeInvalidAsync("file");
        Assert.Contains(reasonMentions, errors.Single(), StringComparison.Ordinal);
        Assert.Null((await network.Member.GetAsync<SpendEntryView>($"/api/spend/{entry.Id}")).Receipt);
    }

    [Fact]
    public async Task Summary_TotalsByNeedAndMonth_AddUpAndShareInWholePercent()
    {
        var (network, team, _) = await WorldAsync();
        await CreateAsync(network.Member, team.Id, "Bed", 120.10m, "Furniture", spentOn: "2026-01-05");
        await CreateAsync(network.Member, team.Id, "Sofa", 79.90m, "furniture", spentOn: "2026-03-20");
        await CreateAsync(network.Member, team.Id, "Groceries", 50m, "Food", spentOn: "2026-03-02");
        await CreateAsync(network.Member, team.Id, "Electric top-up", 20m, "Energy", spentOn: "2025-12-30");

        var summary = await network.Observer.GetAsync<SpendSummary>($"/api/cycles/{team.Id}/spend/summary?year=2026");
        var all = await network.Observer.GetAsync<SpendSummary>($"/api/cycles/{team.Id}/spend/summary?year=0");

        Assert.Equal(2026, summary.Year);
        Assert.Equal([2026, 2025], summary.Years);
        var gbp = summary.Currencies.Single();
        Assert.Equal(("GBP", 250m, 3), (gbp.Currency, gbp.Amount, gbp.Count));
        Assert.Equal([("Furniture", 200m, 2, 80), ("Food", 50m, 1, 20)], gbp.Categories.Select(c => (c.Category, c.Amount, c.Count, c.SharePercent)));
        Assert.Equal([("2026-01", 120.10m), ("2026-02", 0m), ("2026-03", 129.90m)], gbp.Months.Select(m => (m.Month, m.Amount)));
        Assert.Equal(79.90m, gbp.Months[2].ByCategory.Single(c => c.CategoryId == gbp.Categories[0].CategoryId).Amount);
        Assert.Equal((270m, 4), (all.Currencies.Single().Amount, all.Currencies.Single().Months.Count));
        var march = await network.Observer.GetAsync<SpendList>($"/api/cycles/{team.Id}/spend?month=2026-03&category={gbp.Categories[0].CategoryId}");
        Assert.Equal(["Sofa"], march.Entries.Select(e => e.WhatWasBought));
        Assert.Equal(79.90m, march.Totals.Single().Amount);
    }

    [Fact]
    public async Task List_BadMonth_FieldError()
    {
        var (network, team, _) = await WorldAsync();

        using var response = await network.Observer.GetAsync($"/api/cycles/{team.Id}/spend?month=March");

        Assert.Equal(["month"], await FieldsAsync(response));
    }

    private sealed record CaseRef(Guid Id, string Reference);

    /// <summary>A network with a team cycle and a person-scale cycle holding a case file the member works on (the steward does not).</summary>
    private async Task<(TestNetwork Network, CycleDetail Team, CaseRef Case)> WorldAsync()
    {
        var network = await app.NewNetworkAsync("Spend network");
        var person = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        var team = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Credit card team");
        using var created = await network.Member.PostAsync($"/api/cycles/{person.Id}/cases", new { displayName = "Patricia Quinn" });
        var file = await created.ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (network, team, new CaseRef(file.GetProperty("id").GetGuid(), file.GetProperty("reference").GetString()!));
    }

    private static object Body(string what, decimal amount, string category, Guid? caseId = null, string? spentOn = null, int? version = null) =>
        new { spentOn, amount, whatWasBought = what, newCategory = category, caseId, version };

    private static async Task<SpendEntryView> CreateAsync(TestUser user, Guid cycleId, string what, decimal amount, string category, Guid? caseId = null, string? spentOn = null)
    {
        using var response = await user.PostAsync($"/api/cycles/{cycleId}/spend", Body(what, amount, category, caseId, spentOn));
        return await response.ReadAsync<SpendEntryView>(HttpStatusCode.Created);
    }

    private static async Task<string[]> FieldsAsync(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        return [.. problem.Errors!.Keys.Order(StringComparer.Ordinal)];
    }
}

public sealed class SpendApiSqliteTests(SqliteAppFactory app) : SpendApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SpendApiPostgresTests(PostgresAppFactory app) : SpendApiTests(app), IClassFixture<PostgresAppFactory>;
