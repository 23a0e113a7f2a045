using LearningStack.Cli.Generate;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Patterns;
using LearningStack.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Tests.Cli;

/// <summary><c>learningstack generate</c> writes a network the app then reads like any other: through its API and its own queries,
/// on both databases (the bulk writer uses the EF model's tables, columns and conversions).</summary>
public abstract class GenerateCommandTests(AppFactory app)
{
    [Fact]
    public async Task Generate_SmallSize_TheAppReadsTheWholeNetworkBack()
    {
        var cast = await app.CastAsync();
        var name = $"Generated {Guid.NewGuid():N}";
        var shape = GeneratedShape.Small;

        var (exit, output, errors) = await RunAsync("--size", "small", "--name", name, "--steward-email", cast.Steward.Email);

        Assert.True(exit == 0, errors);
        Assert.Contains("case files", output, StringComparison.Ordinal);
        var mine = await cast.Steward.GetAsync<List<NetworkSummary>>("/api/networks");
        var network = Assert.Single(mine, n => n.Name == name);
        Assert.Equal(NetworkRole.Steward, network.Role);
        var stack = await cast.Steward.GetAsync<Stack>($"/api/networks/{network.Id}/stack");
        Assert.Equal([shape.Teams, shape.Teams, shape.Organisations, shape.Places, 1], stack.Bands.Select(b => b.Cycles.Count));
        Assert.Equal(shape.Cycles - 1, stack.Links.Count);
        var team = stack.Bands[1].Cycles[0];
        var log = await cast.Steward.GetAsync<IssuePage>($"/api/cycles/{team.Id}/issues?sort=number&dir=asc");
        Assert.Equal(Enumerable.Range(1, shape.IssuesPerTeam), log.Issues.Select(i => i.Number));
        Assert.All(log.Issues, i => Assert.NotEmpty(i.Tags));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var files = await db.CaseFiles.Where(c => c.NetworkId == network.Id).Select(c => c.Reference).ToListAsync();
        Assert.Equal(shape.CaseFiles, files.Count);
        Assert.Equal(files.Count, files.Distinct().Count());
        Assert.Equal(shape.CaseFiles, await db.CaseConsents.CountAsync(c => c.NetworkId == network.Id));
        Assert.Equal(shape.Issues, await db.Issues.LongCountAsync(i => i.NetworkId == network.Id));
        Assert.Equal(shape.EvidenceEntries, await db.Evidence.LongCountAsync(e => e.NetworkId == network.Id));
        Assert.Equal(shape.CaseFiles * shape.VisitsPerCase, await db.CaseNotes.CountAsync(n => n.NetworkId == network.Id));
        Assert.Equal(shape.CaseFiles, await db.SpendEntries.CountAsync(s => s.NetworkId == network.Id));
        Assert.True(await db.LifeMapElements.AnyAsync(e => e.NetworkId == network.Id && e.Theme != null));
        var stages = await db.CycleStages.Where(s => s.NetworkId == network.Id).GroupBy(s => s.CycleId).Select(g => g.Count()).Distinct().ToListAsync();
        Assert.Equal([5], stages);
        var newest = await db.Issues.Where(i => i.NetworkId == network.Id).OrderByDescending(i => i.CreatedAt).Select(i => i.CreatedAt).FirstAsync();
        Assert.InRange(newest, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Generate_SameSeedTwice_SameNetworkUnderEachName()
    {
        string[] names = [$"Seeded A {Guid.NewGuid():N}", $"Seeded B {Guid.NewGuid():N}"];
        foreach (var name in names)
        {
            var (exit, _, errors) = await RunAsync("--size", "small", "--name", name, "--seed", "7");
            Assert.True(exit == 0, errors);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var issues = new List<List<string>>();
        foreach (var name in names)
        {
            issues.Add(await db.Issues.Where(i => db.Networks.Any(n => n.Name == name && n.Id == i.NetworkId))
                .OrderBy(i => i.Description).Select(i => i.Description).ToListAsync());
        }
        Assert.Equal(GeneratedShape.Small.Issues, issues[0].Count);
        Assert.Equal(issues[0], issues[1]);
    }

    [Fact]
    public async Task Generate_SmallSize_ClosureTableMatchesTheLinks()
    {
        var name = $"Closure {Guid.NewGuid():N}";
        Assert.Equal(0, (await RunAsync("--size", "small", "--name", name)).Exit);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var networkId = await db.Networks.Where(n => n.Name == name).Select(n => n.Id).SingleAsync();
        var edges = (await db.CycleLinks.Where(l => l.NetworkId == networkId && l.Direction == LinkDirection.Vertical)
            .Select(l => new { l.FromCycleId, l.ToCycleId }).ToListAsync()).Select(l => (l.FromCycleId, l.ToCycleId)).ToList();
        // Worked out independently of CycleClosure: walk down from each cycle with a stack.
        var below = edges.ToLookup(e => e.ToCycleId, e => e.FromCycleId);
        var expected = new HashSet<(Guid, Guid)>();
        foreach (var top in edges.Select(e => e.ToCycleId).Distinct())
        {
            var stack = new Stack<Guid>(below[top]);
            while (stack.TryPop(out var current))
            {
                if (current != top && expected.Add((top, current)))
                {
                    foreach (var next in below[current])
                    {
                        stack.Push(next);
                    }
                }
            }
        }
        var stored = (await db.CycleDescendants.Where(d => d.NetworkId == networkId).Select(d => new { d.AncestorId, d.DescendantId }).ToListAsync())
            .Select(d => (d.AncestorId, d.DescendantId)).ToHashSet();
        var shape = GeneratedShape.Small;
        // Country: every other cycle; each place: its organisations, teams and casework; each organisation: its teams and casework; each team: its casework.
        Assert.Equal(shape.Cycles - 1 + shape.Places * (shape.OrganisationsPerPlace * (1 + 2 * shape.TeamsPerOrganisation)) + shape.Organisations * 2 * shape.TeamsPerOrganisation + shape.Teams,
            expected.Count);
        Assert.True(expected.SetEquals(stored), $"{stored.Count} closure rows stored, {expected.Count} expected.");
    }

    [Fact]
    public async Task Generate_SmallSize_WritesTaskListTasksOnVisitsAndTagsOnWhatMatters()
    {
        var name = $"Work {Guid.NewGuid():N}";
        Assert.Equal(0, (await RunAsync("--size", "small", "--name", name, "--seed", "11")).Exit);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var networkId = await db.Networks.Where(n => n.Name == name).Select(n => n.Id).SingleAsync();
        var types = await db.CaseTaskTypes.Where(t => t.NetworkId == networkId).Select(t => t.Name).ToListAsync();
        Assert.Equal(TaskComplexity.Suggested.Select(s => s.Name).Order(), types.Order());
        var perVisit = await db.CaseNoteTasks.Where(t => t.NetworkId == networkId).GroupBy(t => t.CaseNoteId).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(perVisit);
        Assert.All(perVisit, n => Assert.InRange(n, 1, 3));
        var tasksOnNonVisits = await db.CaseNoteTasks.CountAsync(t => t.NetworkId == networkId && !db.CaseNotes.Any(n => n.Id == t.CaseNoteId && n.CaseFileId == t.CaseFileId));
        Assert.Equal(0, tasksOnNonVisits);
        var tags = await db.CaseStatements.Where(s => s.NetworkId == networkId && s.Kind == StatementKind.WhatMatters).Select(s => s.Tags).ToListAsync();
        Assert.Equal(GeneratedShape.Small.CaseFiles, tags.Count);
        Assert.All(tags, t => Assert.InRange(t.Count, 1, 3));
        Assert.All(tags, t => Assert.Equal(t.Count, t.Distinct().Count()));
    }

    [Theory]
    [InlineData("--size", "galactic", "--size must be one of")]
    [InlineData("--seed", "many", "--seed must be a whole number")]
    [InlineData("--steward-email", "nobody@nowhere.example", "no account with the email")]
    [InlineData("--colour", "blue", "unknown option '--colour'")]
    public async Task Generate_BadOption_ExitsWithTwoAndSaysWhy(string option, string value, string message)
    {
        var (exit, _, errors) = await RunAsync(option, value, "--name", $"Never {Guid.NewGuid():N}");

        Assert.Equal(LearningStack.Cli.Cli.BadInput, exit);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_NameAlreadyUsed_RefusedWithoutWritingAnything()
    {
        var name = $"Twice {Guid.NewGuid():N}";
        Assert.Equal(0, (await RunAsync("--size", "small", "--name", name)).Exit);

        var (exit, _, errors) = await RunAsync("--size", "small", "--name", name);

        Assert.Equal(LearningStack.Cli.Cli.BadInput, exit);
        Assert.Contains("already in this database", errors, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Networks.CountAsync(n => n.Name == name));
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] options)
    {
        string connection;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        }
        using var output = new StringWriter();
        using var errors = new StringWriter();
        string[] args = ["generate", "--database", app.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres", "--connection", connection, .. options];
        var exit = await Task.Run(() => LearningStack.Cli.Cli.Run(args, output, errors));
        return (exit, output.ToString(), errors.ToString());
    }
}

public sealed class GenerateCommandSqliteTests(SqliteAppFactory app) : GenerateCommandTests(app), IClassFixture<SqliteAppFactory>;

public sealed class GenerateCommandPostgresTests(PostgresAppFactory app) : GenerateCommandTests(app), IClassFixture<PostgresAppFactory>;
