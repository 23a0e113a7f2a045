using System.Net;
using System.Text;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.People;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.People;

/// <summary>Every case-file endpoint × every caller (practitioner of the case, another practitioner in the team, the person, a
/// granted colleague, a steward of the larger cycles, an observer, the safeguarding lead before break-glass, an outsider,
/// nobody signed in), each on a fresh case, on both databases. A refused call changes nothing and logs no read; an allowed read
/// is in the access log.</summary>
public abstract class CaseAccessMatrixTests(AppFactory app, CaseWorldFixture fixture)
{
    public static TheoryData<string, CaseCaller> Cells()
    {
        var data = new TheoryData<string, CaseCaller>();
        foreach (var row in CaseMatrix.Rows)
        {
            foreach (var caller in Enum.GetValues<CaseCaller>())
            {
                data.Add(row.Key, caller);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task CaseEndpoint_Caller_AllowedOrDeniedByRelationship(string endpoint, CaseCaller caller)
    {
        var world = await fixture.WorldAsync(app);
        var row = CaseMatrix.Get(endpoint);
        var fresh = await world.FreshCaseAsync(row.NeedsEvidence);
        var url = fresh.Fill(row.Route);
        var body = row.Body is null ? null : await row.Body(world, fresh);
        var (changesBefore, readsBefore) = await TracesAsync(fresh.CaseId);

        using var response = row.Route.EndsWith("/import", StringComparison.Ordinal)
            ? await world.Callers[caller].Http.PostAsync(url, Upload(CaseMatrix.ImportCsv))
            : await world.Callers[caller].SendAsync(row.Method, url, body);

        var expected = row.ExpectedFor(caller);
        if ((int)expected >= 400)
        {
            await response.ShouldBeProblemAsync(expected);
            Assert.Equal((changesBefore, readsBefore), await TracesAsync(fresh.CaseId));
            return;
        }
        await response.ShouldHaveStatusAsync(expected);
        if (row.Method == "GET" && !row.Route.EndsWith("/access-log", StringComparison.Ordinal))
        {
            Assert.Equal(readsBefore + 1, (await TracesAsync(fresh.CaseId)).Reads);
        }
    }

    public static TheoryData<string, CaseCaller> PageCells()
    {
        var data = new TheoryData<string, CaseCaller>();
        foreach (var row in CaseMatrix.Pages)
        {
            foreach (var caller in Enum.GetValues<CaseCaller>())
            {
                data.Add(row.Route, caller);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageCells))]
    public async Task CasePage_Caller_ShownOnlyByRelationship_EachViewLoggedOnce(string route, CaseCaller caller)
    {
        var world = await fixture.WorldAsync(app);
        var row = CaseMatrix.Pages.Single(r => r.Route == route);
        var fresh = await world.FreshCaseAsync();
        var browser = await world.BrowserAsync(caller);
        var (_, readsBefore) = await TracesAsync(fresh.CaseId);

        using var response = await browser.GetAsync(fresh.Fill(route));

        var expected = row.ExpectedFor(caller);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{route} as {caller}: expected {(int)expected}, got {(int)response.StatusCode}. Server log: {ServerErrors.All()}");
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Contains(caller == CaseCaller.Anonymous ? "/Account/Login" : $"/cases/{fresh.CaseId}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        var (_, readsAfter) = await TracesAsync(fresh.CaseId);
        if ((int)expected >= 300)
        {
            Assert.DoesNotContain("07700 900123", body, StringComparison.Ordinal);
            Assert.DoesNotContain("grandchildren", body, StringComparison.Ordinal);
            Assert.Equal(readsBefore, readsAfter);
            return;
        }
        Assert.Equal(readsBefore + 1, readsAfter);
    }

    /// <summary>How many changes (history entries of the network) and reads (access log entries of the case) there are.</summary>
    private Task<(int Changes, int Reads)> TracesAsync(Guid caseId) => app.WithDbAsync(async db =>
    {
        var networkId = await db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.NetworkId).SingleAsync();
        return (await db.History.CountAsync(h => h.NetworkId == networkId), await db.CaseAccessLog.CountAsync(e => e.CaseFileId == caseId));
    });

    private static MultipartFormDataContent Upload(string csv) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "readings.csv" } };
}

/// <summary>The case world, built once per test class and database.</summary>
public sealed class CaseWorldFixture
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private CaseWorld? _world;

    public async Task<CaseWorld> WorldAsync(AppFactory app)
    {
        await _lock.WaitAsync();
        try
        {
            return _world ??= await CaseWorld.BuildAsync(app);
        }
        finally
        {
            _lock.Release();
        }
    }
}

public sealed class CaseAccessMatrixSqliteTests(SqliteAppFactory app, CaseWorldFixture fixture)
    : CaseAccessMatrixTests(app, fixture), IClassFixture<SqliteAppFactory>, IClassFixture<CaseWorldFixture>;

public sealed class CaseAccessMatrixPostgresTests(PostgresAppFactory app, CaseWorldFixture fixture)
    : CaseAccessMatrixTests(app, fixture), IClassFixture<PostgresAppFactory>, IClassFixture<CaseWorldFixture>;
