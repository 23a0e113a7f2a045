using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Networks;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Data;

/// <summary>Demo mode (Demo:Enabled=true): two connected demo networks and three demo sign-ins, seeded once.</summary>
public abstract class DemoSeedTests(AppFactory app)
{
    [Fact]
    public async Task Startup_DemoEnabled_SeedsTwoConnectedNetworks()
    {
        var counts = await CountsAsync();

        Assert.Equal(["Gateshead (demo)", "North Devon pathology (demo)"], await app.WithDbAsync(db => db.Networks.OrderBy(n => n.Name).Select(n => n.Name).ToListAsync()));
        Assert.Equal(new Counts(2, 10, 10, 9, 7, 3, 4, 6), counts);
    }

    [Fact]
    public async Task Startup_DemoEnabled_SeedsCaseFilesAndTheResidentSeesOnlyHerOwn()
    {
        var resident = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeed.Resident.Email).Select(u => u.Id).SingleAsync());
        var files = await app.WithDbAsync(db => db.CaseFiles.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync());

        Assert.Equal(["Pat", "D. M.", "A. B.", "C. K.", "J. R.", "L. T.", "M. O."], files.Select(f => f.DisplayName));
        Assert.Equal(resident, files[0].PersonUserId);
        Assert.False(await app.WithDbAsync(db => db.NetworkMembers.AnyAsync(m => m.UserId == resident)));
        Assert.Equal(12, await app.WithDbAsync(db => db.MeasureReadings.CountAsync(r => r.CaseFileId == files[0].Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.CaseFileId == files[0].Id && n.PractitionerOnly)));
    }

    [Fact]
    public async Task Startup_DemoEnabled_SeedsExperimentsThatFollowTheStories()
    {
        var experiments = await app.WithDbAsync(db => db.Experiments.AsNoTracking().ToListAsync());
        var groceries = experiments.Single(e => e.Title == ExperimentsDemo.GroceriesTitle);
        var benefits = experiments.Single(e => e.ParentId == groceries.Id);
        var cards = experiments.Single(e => e.Title == "Team credit cards for on-the-spot spending");

        Assert.Equal((ExperimentState.Concluded, ExperimentDecision.Iterate), (groceries.State, groceries.Decision));
        var pat = await app.WithDbAsync(db => db.CaseFiles.Where(c => c.DisplayName == "Pat").Select(c => c.Id).SingleAsync());
        Assert.Equal(pat, groceries.CaseFileId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Evidence.CountAsync(e => e.ExperimentId == groceries.Id && e.CaseFileId == pat)));
        Assert.Null(benefits.CaseFileId);
        Assert.Equal(ExperimentState.Running, benefits.State);
        Assert.Contains(experiments, e => e.Decision == ExperimentDecision.Stop && e.LearningAboutWork is { Length: > 0 } && e.LearningAboutOrganising is { Length: > 0 });
        Assert.Equal(2, await app.WithDbAsync(db => db.Countermeasures.CountAsync(c => c.ExperimentId == cards.Id && c.Status == CountermeasureStatus.Active)));
        Assert.Equal(6, await app.WithDbAsync(db => db.Evidence.CountAsync(e => e.ExperimentId == cards.Id && e.Kind == EvidenceKind.Measurement)));
        Assert.Equal(3, await app.WithDbAsync(db => db.PodReflections.CountAsync()));
    }

    [Fact]
    public async Task SeedAsync_RunTwice_DoesNotDuplicate()
    {
        var before = await CountsAsync();

        await DemoSeed.SeedAsync(app.Services);
        await DemoSeed.SeedAsync(app.Services);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task DemoAccounts_SignIn_SeeBothNetworksWithTheirRoles()
    {
        foreach (var (email, name, role) in DemoSeed.Accounts)
        {
            var user = await SignInAsync(email, name);

            var networks = await user.GetAsync<List<NetworkSummary>>("/api/networks");

            Assert.Equal(2, networks.Count);
            Assert.All(networks, n => Assert.Equal(role, n.Role));
        }
    }

    [Fact]
    public async Task DemoStack_Gateshead_CyclesAtFourScalesWithOnlyHousingUngrounded()
    {
        var steward = await SignInAsync(DemoSeed.Accounts[0].Email, DemoSeed.Accounts[0].Name);
        var gateshead = (await steward.GetAsync<List<NetworkSummary>>("/api/networks")).Single(n => n.Name == "Gateshead (demo)");

        var stack = await steward.GetAsync<Stack>($"/api/networks/{gateshead.Id}/stack");

        Assert.Equal([1, 2, 1, 1, 0], stack.Bands.Select(b => b.Cycles.Count));
        Assert.Equal(5, stack.Links.Count);
        var ungrounded = Assert.Single(stack.Ungrounded());
        Assert.Equal("Housing support team", stack.Find(ungrounded)!.Name);
    }

    [Fact]
    public async Task DemoSeed_History_AttributedToTheDemoSeed()
    {
        var names = await app.WithDbAsync(db => db.History.Select(h => h.UserName).Distinct().ToListAsync());

        // The alarms the seed's data raises are written by the evaluation, under its own name (AlarmJob), not by a person.
        Assert.Equal(["demo seed", "governance alarms"], names.Order(StringComparer.Ordinal));
    }

    private async Task<TestUser> SignInAsync(string email, string name)
    {
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return await app.SignInAsync(id, email, DemoSeed.Password, name);
    }

    private Task<Counts> CountsAsync() => app.WithDbAsync(async db => new Counts(
        await db.Networks.CountAsync(),
        await db.Scales.CountAsync(),
        await db.Cycles.CountAsync(),
        await db.CycleLinks.CountAsync(),
        await db.Reflections.CountAsync(),
        await db.DesignAnswers.CountAsync(),
        await db.Users.CountAsync(),
        await db.NetworkMembers.CountAsync()));

    private sealed record Counts(int Networks, int Scales, int Cycles, int Links, int Reflections, int Answers, int Users, int Memberships);
}

public sealed class DemoSeedSqliteTests(DemoSqliteAppFactory app) : DemoSeedTests(app), IClassFixture<DemoSqliteAppFactory>;

public sealed class DemoSeedPostgresTests(DemoPostgresAppFactory app) : DemoSeedTests(app), IClassFixture<DemoPostgresAppFactory>;
