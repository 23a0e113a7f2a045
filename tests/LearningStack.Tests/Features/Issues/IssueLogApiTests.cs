using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.Issues;

/// <summary>The issue log through the API: numbering, edits, closing and reopening, sources, filters, and CSV/XLSX export and import.</summary>
public abstract class IssueLogApiTests(AppFactory app)
{
    [Fact]
    public async Task Create_Valid_NumberedPerCycleWithTagsTrimmedAndDeduplicated()
    {
        var (network, cycle) = await CycleAsync();

        var first = await CreateAsync(network.Member, cycle.Id, tags: [" Housing ", "housing", "debt,  money "]);
        var second = await CreateAsync(network.Member, cycle.Id);

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal(["Housing", "debt", "money"], first.Tags);
        Assert.Equal((IssueStatus.Open, IssueSource.Direct), (first.Status, first.Source));
    }

    [Fact]
    public async Task Create_Empty_FieldErrorsForDescriptionLevelAndOwner()
    {
        var (network, cycle) = await CycleAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/issues", new { description = "  " });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "description", "level", "owner" }, problem.Errors!.Keys.ToHashSet());
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstEdit()
    {
        var (network, cycle) = await CycleAsync();
        var issue = await CreateAsync(network.Member, cycle.Id);
        using var first = await network.Member.PutAsync($"/api/issues/{issue.Id}", Body("First edit", version: issue.Version));
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var second = await network.Steward.PutAsync($"/api/issues/{issue.Id}", Body("Second edit", version: issue.Version));

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("First edit", (await network.Observer.GetAsync<IssueView>($"/api/issues/{issue.Id}")).Description);
    }

    [Fact]
    public async Task Reopen_WithoutReason_FieldErrorAndStaysClosed()
    {
        var (network, cycle) = await CycleAsync();
        var issue = await CreateAsync(network.Member, cycle.Id);
        using var close = await network.Member.PostAsync($"/api/issues/{issue.Id}/close", new { reason = "Fixed with the housing team", version = issue.Version });
        var closed = await close.ReadAsync<IssueView>();

        using var reopen = await network.Member.PostAsync($"/api/issues/{issue.Id}/reopen", new { reason = " ", version = closed.Version });

        await reopen.ShouldBeInvalidAsync("reason");
        var now = await network.Member.GetAsync<IssueView>($"/api/issues/{issue.Id}");
        Assert.Equal((IssueStatus.Closed, "Fixed with the housing team"), (now.Status, now.StatusReason));
        Assert.NotNull(now.ClosedAt);
    }

    [Fact]
    public async Task Reopen_WithReason_OpenAgainAndBothReasonsInHistory()
    {
        var (network, cycle) = await CycleAsync();
        var issue = await CreateAsync(network.Member, cycle.Id);
        using var close = await network.Member.PostAsync($"/api/issues/{issue.Id}/close", new { reason = "Fixed", version = issue.Version });
        var closed = await close.ReadAsync<IssueView>();

        using var reopen = await network.Member.PostAsync($"/api/issues/{issue.Id}/reopen", new { reason = "It happened again in March", version = closed.Version });

        var opened = await reopen.ReadAsync<IssueView>();
        Assert.Equal((IssueStatus.Open, "It happened again in March", (DateTimeOffset?)null), (opened.Status, opened.StatusReason, opened.ClosedAt));
        var history = await app.WithDbAsync(db => db.History.Where(h => h.EntityId == issue.Id && h.EntityType == "Issue").Select(h => h.After).ToListAsync());
        Assert.Contains(history, h => h!.Contains("\"Fixed\"", StringComparison.Ordinal));
        Assert.Contains(history, h => h!.Contains("It happened again in March", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_FromInsightOfAnotherCycle_RefusedAndCardUntouched()
    {
        var (network, cycle) = await CycleAsync();
        var other = await network.Steward.CreateCycleAsync(network.Id, network.Scale(2), "Another cycle");
        var cardId = await InsightAsync(network.Id, other.Id, "Nobody owns the handover");

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/issues", Body("Handover", source: "Insight", sourceId: cardId));

        await response.ShouldBeInvalidAsync("sourceId");
        Assert.Null(await app.WithDbAsync(db => db.InsightCards.Where(c => c.Id == cardId).Select(c => c.IssueId).FirstAsync()));
    }

    [Fact]
    public async Task Create_FromInsightOfThisCycle_LabelledAndCardLinked()
    {
        var (network, cycle) = await CycleAsync();
        var cardId = await InsightAsync(network.Id, cycle.Id, "Nobody owns the handover");

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/issues", Body("Nobody owns the handover", source: "Insight", sourceId: cardId));

        var issue = await response.ReadAsync<IssueView>(HttpStatusCode.Created);
        Assert.Equal((IssueSource.Insight, (Guid?)cardId), (issue.Source, issue.SourceId));
        Assert.StartsWith("Insight from 'Team review'", issue.SourceLabel, StringComparison.Ordinal);
        var card = await app.WithDbAsync(db => db.InsightCards.AsNoTracking().FirstAsync(c => c.Id == cardId));
        Assert.Equal((issue.Id, 2), (card.IssueId, card.Version));
    }

    [Fact]
    public async Task Create_FromACaseTheCallerCannotOpen_FieldErrorThatRevealsNothing()
    {
        var (network, cycle) = await CycleAsync();

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/issues", Body("From a case", source: "Case", sourceId: Guid.NewGuid()));

        var messages = await response.ShouldBeInvalidAsync("sourceId");
        Assert.Contains("case file you work on", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilterByTagInAnyCaseAndSortByLevelDescending_MatchingIssuesInOrder()
    {
        var (network, cycle) = await CycleAsync();
        await CreateAsync(network.Member, cycle.Id, level: "Individual", tags: ["Housing"]);
        await CreateAsync(network.Member, cycle.Id, level: "Macro", tags: ["housing", "benefits"]);
        await CreateAsync(network.Member, cycle.Id, level: "System", tags: ["benefits"]);

        var page = await network.Observer.GetAsync<IssuePageDto>($"/api/cycles/{cycle.Id}/issues?tag=HOUSING&sort=level&dir=desc");

        Assert.Equal(2, page.Total);
        Assert.Equal([IssueLevel.Macro, IssueLevel.Individual], page.Issues.Select(i => i.Level));
    }

    [Fact]
    public async Task Summary_CountsByLevelOwnerAndStatus()
    {
        var (network, cycle) = await CycleAsync();
        await CreateAsync(network.Member, cycle.Id, level: "System", owner: "Leadership");
        await CreateAsync(network.Member, cycle.Id, level: "System", owner: "Leadership");
        await CreateAsync(network.Member, cycle.Id, level: "Macro", owner: "Government");

        var summary = await network.Observer.GetAsync<IssueSummary>($"/api/cycles/{cycle.Id}/issues/summary");

        Assert.Equal((3, 0), (summary.Open, summary.Closed));
        Assert.Equal(2, summary.Counts.Single(c => c is { Level: IssueLevel.System, Owner: IssueOwner.Leadership }).Count);
    }

    [Fact]
    public async Task Export_Xlsx_TemplateColumnsAndDatedFileName()
    {
        var (network, cycle) = await CycleAsync();
        await CreateAsync(network.Member, cycle.Id, tags: ["handoffs"]);

        using var response = await network.Observer.GetAsync($"/api/cycles/{cycle.Id}/issues/export?format=xlsx");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal($"issue-log-gateshead-team-{DateTime.Now:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var table = IssueSheet.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(IssueSheet.Columns, table.Header);
        Assert.Equal(["1", "Residents tell their story again", "2", "Open", "Leadership"], table.Rows[0].Cells.Take(5));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Import_UnchangedExport_NothingChanged(string format)
    {
        var (network, cycle) = await CycleAsync();
        await CreateAsync(network.Member, cycle.Id, tags: ["handoffs", "Housing"]);
        var closing = await CreateAsync(network.Member, cycle.Id, level: "Macro", owner: "Government");
        using (var close = await network.Member.PostAsync($"/api/issues/{closing.Id}/close", new { reason = "Done", version = closing.Version }))
        {
            await close.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var file = await ExportAsync(network.Member, cycle.Id, format);
        var historyBefore = await HistoryCountAsync(cycle.Id);

        using var response = await ImportAsync(network.Member, cycle.Id, file, $"log.{format}");

        var report = await response.ReadAsync<IssueImportReport>();
        Assert.Equal("0 added, 0 changed, 2 unchanged", report.Text);
        Assert.Equal(historyBefore, await HistoryCountAsync(cycle.Id));
    }

    [Fact]
    public async Task Import_ChangedStatusAndNewRow_ClosesWithImportReasonAndAdds()
    {
        var (network, cycle) = await CycleAsync();
        var issue = await CreateAsync(network.Member, cycle.Id);
        var csv = "#,Issue,Level,Status,Owner,Countermeasure (now),System change (new normal),Tags\n" +
                  $"1,Residents tell their story again,2,Closed,Leadership,,,\n" +
                  ",\"=Rent arrears letters frighten people\",1,Open,team,Call first,Letters rewritten with residents,\"letters, Housing\"\n";

        using var response = await ImportAsync(network.Member, cycle.Id, Encoding.UTF8.GetBytes(csv), "log.csv");

        var report = await response.ReadAsync<IssueImportReport>();
        Assert.Equal("1 added, 1 changed, 0 unchanged", report.Text);
        var closed = await network.Member.GetAsync<IssueView>($"/api/issues/{issue.Id}");
        Assert.Equal((IssueStatus.Closed, "Changed by import"), (closed.Status, closed.StatusReason));
        var page = await network.Member.GetAsync<IssuePageDto>($"/api/cycles/{cycle.Id}/issues?sort=number");
        var added = page.Issues.Single(i => i.Number == 2);
        Assert.Equal(("=Rent arrears letters frighten people", IssueOwner.Team, "Call first"), (added.Description, added.Owner, added.CountermeasureNow));
        Assert.Equal(["letters", "Housing"], added.Tags);
    }

    [Fact]
    public async Task Import_OneBadRow_NothingSavedAndRowLevelReport()
    {
        var (network, cycle) = await CycleAsync();
        await CreateAsync(network.Member, cycle.Id);
        var csv = "#,Issue,Level,Status,Owner\n" +
                  "1,Changed description,2,Open,Leadership\n" +
                  ",A new issue,1,Open,Team\n" +
                  ",Another,4,Open,Team\n" +
                  "99,Not ours,1,Open,Somebody\n";
        var historyBefore = await HistoryCountAsync(cycle.Id);

        using var response = await ImportAsync(network.Member, cycle.Id, Encoding.UTF8.GetBytes(csv), "log.csv");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.Errors!.Values.SelectMany(v => v).ToList();
        Assert.Contains("Row 4, Level: '4' is not 1, 2 or 3.", messages);
        Assert.Contains("Row 5, Owner: 'Somebody' is not Team, Leadership or Government.", messages);
        Assert.Contains(messages, m => m.StartsWith("Row 5, #: there is no issue #99", StringComparison.Ordinal));
        Assert.Equal(historyBefore, await HistoryCountAsync(cycle.Id));
        var page = await network.Member.GetAsync<IssuePageDto>($"/api/cycles/{cycle.Id}/issues");
        Assert.Equal(("Residents tell their story again", 1), (page.Issues.Single().Description, page.Total));
    }

    [Fact]
    public async Task Import_NotASpreadsheet_ClearFileError()
    {
        var (network, cycle) = await CycleAsync();

        using var response = await ImportAsync(network.Member, cycle.Id, [0x25, 0x50, 0x44, 0x46, 0x00, 0x01], "notes.pdf");

        var messages = await response.ShouldBeInvalidAsync("file");
        Assert.Contains("not a CSV or XLSX", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TooLarge_ClearFileError()
    {
        var (network, cycle) = await CycleAsync();

        using var response = await ImportAsync(network.Member, cycle.Id, new byte[IssueExchangeCommands.MaxImportBytes + 1], "big.csv");

        var messages = await response.ShouldBeInvalidAsync("file");
        Assert.Contains("5 MB", messages[0], StringComparison.Ordinal);
    }

    private async Task<(TestNetwork Network, CycleDetail Cycle)> CycleAsync()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Gateshead team");
        return (network, cycle);
    }

    private static async Task<IssueView> CreateAsync(TestUser user, Guid cycleId, string level = "System", string owner = "Leadership", string[]? tags = null)
    {
        using var response = await user.PostAsync($"/api/cycles/{cycleId}/issues", Body("Residents tell their story again", level, owner, tags));
        return await response.ReadAsync<IssueView>(HttpStatusCode.Created);
    }

    private static object Body(string description, string level = "System", string owner = "Leadership", string[]? tags = null, int? version = null,
        string? source = null, Guid? sourceId = null) =>
        new { description, level, owner, tags, version, source, sourceId };

    private async Task<Guid> InsightAsync(Guid networkId, Guid cycleId, string text)
    {
        var session = new SenseMakingSession { Title = "Team review", NetworkId = networkId, CycleId = cycleId, StartsAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow };
        var card = new InsightCard { Text = text, AuthorName = "Sam", NetworkId = networkId, CycleId = cycleId, SessionId = session.Id, ClientId = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow };
        await app.WithDbAsync(async db =>
        {
            db.SenseMakingSessions.Add(session);
            db.InsightCards.Add(card);
            await db.SaveChangesAsync();
        });
        return card.Id;
    }

    private static async Task<byte[]> ExportAsync(TestUser user, Guid cycleId, string format)
    {
        using var response = await user.GetAsync($"/api/cycles/{cycleId}/issues/export?format={format}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static async Task<HttpResponseMessage> ImportAsync(TestUser user, Guid cycleId, byte[] file, string fileName)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        return await user.Http.PostAsync($"/api/cycles/{cycleId}/issues/import", content);
    }

    private Task<int> HistoryCountAsync(Guid cycleId) => app.WithDbAsync(db => db.History.CountAsync(h => h.CycleId == cycleId));

    private sealed record IssuePageDto(List<IssueView> Issues, int Total, int Page, int PageSize);
}

public sealed class IssueLogApiSqliteTests(SqliteAppFactory app) : IssueLogApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class IssueLogApiPostgresTests(PostgresAppFactory app) : IssueLogApiTests(app), IClassFixture<PostgresAppFactory>;
