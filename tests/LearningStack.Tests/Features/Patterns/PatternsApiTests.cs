using System.Net;
using System.Text.Json;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Patterns;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Stewardship;
using LearningStack.Web.Features.Understanding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Tests.Features.Patterns;

/// <summary>Patterns across scales on both databases: the closure table kept by link changes (diamonds, removal, rebuild), the
/// figures counted in SQL, consent and the rule of five, and the records behind a figure.</summary>
public abstract class PatternsApiTests(AppFactory app)
{
    [Fact]
    public async Task Closure_LinksAddedAndRemoved_DiamondCountedOnceAndRebuildAgrees()
    {
        var w = await WorldAsync();

        var before = await DescendantsAsync(w.Organisation.Id);
        using (var removed = await w.Network.Steward.DeleteAsync($"/api/links/{w.TeamAToOrganisation}"))
        {
            await removed.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }
        var afterOne = await DescendantsAsync(w.Organisation.Id);
        var teamB = await app.WithDbAsync(db => db.CycleLinks.Where(l => l.ToCycleId == w.Organisation.Id).Select(l => l.Id).SingleAsync());
        using (var removedAll = await w.Network.Steward.DeleteAsync($"/api/links/{teamB}"))
        {
            await removedAll.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }
        var afterBoth = await DescendantsAsync(w.Organisation.Id);
        await w.Network.Steward.LinkAsync(w.Network.Id, w.TeamA.Id, w.Organisation.Id, "Back again");
        var incremental = await app.WithDbAsync(db => db.CycleDescendants.Where(d => d.NetworkId == w.Network.Id).OrderBy(d => d.AncestorId).ThenBy(d => d.DescendantId)
            .Select(d => new { d.AncestorId, d.DescendantId, d.Depth }).ToListAsync());
        await app.WithDbAsync(db => CycleClosure.RebuildAsync(db, w.Network.Id));
        var rebuilt = await app.WithDbAsync(db => db.CycleDescendants.Where(d => d.NetworkId == w.Network.Id).OrderBy(d => d.AncestorId).ThenBy(d => d.DescendantId)
            .Select(d => new { d.AncestorId, d.DescendantId, d.Depth }).ToListAsync());

        Assert.Equal(new Dictionary<Guid, int> { [w.TeamA.Id] = 1, [w.TeamB.Id] = 1, [w.Person.Id] = 2 }, before);
        Assert.Equal(new Dictionary<Guid, int> { [w.TeamB.Id] = 1, [w.Person.Id] = 2 }, afterOne);
        Assert.Empty(afterBoth);
        Assert.Equal(incremental, rebuilt);
        Assert.Equal(4, rebuilt.Count);
    }

    [Fact]
    public async Task Patterns_PersonScaleCycle409_Outsider404_ObserverSeesSummary()
    {
        var w = await WorldAsync();

        using var person = await w.Network.Observer.GetAsync($"/api/cycles/{w.Person.Id}/patterns");
        using var outsider = await w.Network.Outsider.GetAsync($"/api/cycles/{w.Organisation.Id}/patterns/problems");
        var summary = await w.Network.Observer.GetAsync<PatternsSummary>($"/api/cycles/{w.Organisation.Id}/patterns");

        Assert.Contains("person-scale", (await person.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail, StringComparison.Ordinal);
        await outsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, summary.CyclesBelow);
        Assert.Equal(1, summary.PersonCycles);
        Assert.Equal(6, summary.CasesCounted);
        Assert.Equal(1, summary.CasesNotCounted);
        Assert.Equal(["Team A", "Team B"], summary.Children.Select(c => c.Name));
    }

    [Fact]
    public async Task Summary_ShowsEachChildsLatestLearningAndPublishedAccount_BesideItsFigures()
    {
        var w = await WorldAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Guid published = Guid.Empty;
        await app.WithDbAsync(async db =>
        {
            db.Experiments.Add(new Experiment { NetworkId = w.Network.Id, CycleId = w.Person.Id, Title = "Letters first", State = ExperimentState.Concluded,
                Decision = ExperimentDecision.Iterate, LearningAboutOrganising = "Ask before filling in forms", ConcludedAt = now.AddDays(-1), CreatedAt = now.AddDays(-30) });
            db.Experiments.Add(new Experiment { NetworkId = w.Network.Id, CycleId = w.Person.Id, Title = "No learning written", State = ExperimentState.Concluded, ConcludedAt = now, CreatedAt = now });
            var account = new LearningAccount { NetworkId = w.Network.Id, CycleId = w.TeamA.Id, Title = "Team A, spring", PeriodFrom = today.AddMonths(-3), PeriodTo = today.AddDays(-10),
                Status = LearningAccountStatus.Published, Number = 1, CreatedByName = "Steward", CreatedAt = now, UpdatedAt = now, PublishedAt = now, PublishedByName = "Steward" };
            db.LearningAccounts.Add(account);
            db.LearningAccounts.Add(new LearningAccount { NetworkId = w.Network.Id, CycleId = w.TeamA.Id, Title = "Team A, summer (draft)", PeriodFrom = today.AddDays(-9), PeriodTo = today,
                Status = LearningAccountStatus.Draft, CreatedByName = "Steward", CreatedAt = now, UpdatedAt = now });
            published = account.Id;
            await db.SaveChangesAsync();
        });

        var summary = await w.Network.Observer.GetAsync<PatternsSummary>($"/api/cycles/{w.Organisation.Id}/patterns");

        var teamA = summary.Children.Single(c => c.Name == "Team A");
        var teamB = summary.Children.Single(c => c.Name == "Team B");
        Assert.Equal("Trust grows", teamA.LatestLearning!.Text);
        Assert.Equal("Cash on the spot", teamA.LatestLearning.Title);
        Assert.Equal(new ChildAccount(published, "Team A, spring", today.AddMonths(-3), today.AddDays(-10)), teamA.LatestAccount);
        // Team B's own experiment has not concluded; its newest learning comes from the cycle below it, in that cycle's words.
        Assert.Equal(("Ask before filling in forms", "Residents"), (teamB.LatestLearning!.Text, teamB.LatestLearning.CycleName));
        Assert.Null(teamB.LatestAccount);
    }

    [Fact]
    public async Task Problems_CountsDistinctConsentingPeople_SuppressesUnderFive_AndLeadsToTheIssues()
    {
        var w = await WorldAsync();

        var problems = await w.Network.Observer.GetAsync<ProblemPatterns>($"/api/cycles/{w.Organisation.Id}/patterns/problems");
        var list = await w.Network.Observer.GetAsync<PatternIssueList>($"/api/cycles/{w.Organisation.Id}/patterns/issues/list?tag=Housing");
        var raw = await w.Network.Observer.GetAsync<JsonElement>($"/api/cycles/{w.Organisation.Id}/patterns/problems");

        var housing = problems.Tags.Single(t => t.Tag == "housing");
        Assert.Equal(6, housing.Cases);
        Assert.Equal(1, housing.Issues);
        Assert.Equal("housing", problems.Tags[0].Tag);
        var pets = problems.Tags.SingleOrDefault(t => t.Tag == "pets");
        Assert.Null(pets);
        Assert.Equal(1, problems.RareCaseTags);
        Assert.Equal([1], list.Issues.Select(i => i.Number));
        Assert.Equal("Team A", list.Issues.Single().CycleName);
        Assert.DoesNotContain("Person 0", raw.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("own words", raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExperimentQueries_CompiledForTheSectionAndAsQueryable_GiveTheSameRows()
    {
        var w = await WorldAsync();

        var section = await w.Network.Observer.GetAsync<ExperimentPatterns>($"/api/cycles/{w.Organisation.Id}/patterns/experiments");
        await using var scope = app.Services.CreateAsyncScope();
        var q = scope.ServiceProvider.GetRequiredService<PatternsQuery>();
        var cells = await q.ExperimentQuery(w.Organisation.Id).ToListAsync();
        var learning = await q.ExperimentLearningQuery(w.Organisation.Id).ToListAsync();

        Assert.NotEmpty(section.Cells);
        Assert.Equal(section.Cells.OrderBy(c => c.Type).ThenBy(c => c.State).ThenBy(c => c.Decision),
            cells.OrderBy(c => c.Type).ThenBy(c => c.State).ThenBy(c => c.Decision));
        Assert.Equal(section.Learning.Select(l => l.Id), learning.Select(l => l.Id));
    }

    [Fact]
    public async Task IssuesAndExperiments_RolledUpThroughTheDiamondOnce()
    {
        var w = await WorldAsync();

        var issues = await w.Network.Observer.GetAsync<IssuePatterns>($"/api/cycles/{w.Organisation.Id}/patterns/issues");
        var experiments = await w.Network.Observer.GetAsync<ExperimentPatterns>($"/api/cycles/{w.Organisation.Id}/patterns/experiments");

        Assert.Equal(3, issues.Total);
        Assert.Equal(2, issues.Cells.Where(c => c.Status == IssueStatus.Open).Sum(c => c.Count));
        Assert.Equal(3, issues.Cells.Where(c => c.Month == issues.Months[^1]).Sum(c => c.Count));
        Assert.Equal(new TagCount("housing", 1), issues.Tags.Single());
        Assert.Equal(2, experiments.Cells.Sum(c => c.Count));
        Assert.Equal(["Cash on the spot"], experiments.Learning.Select(l => l.Title));
        Assert.Equal(1, experiments.Cells.Single(c => c.Decision == ExperimentDecision.Embed).Count);
    }

    [Fact]
    public async Task Work_TaskNeededByFivePeopleShown_RareTaskSuppressed_AndVisitFormTasksSaved()
    {
        var w = await WorldAsync();

        var work = await w.Network.Observer.GetAsync<WorkPatterns>($"/api/cycles/{w.Organisation.Id}/patterns/work");
        var file = await w.Network.Member.GetAsync<CaseFileView>($"/api/cases/{w.Files[0]}");

        var van = work.Tasks.Single(t => t.Name == "Drive a van");
        Assert.Equal((6, 6, false, WorkPlace.FrontLine), (van.Cases!.Value, van.Visits!.Value, van.Suppressed, van.Place));
        var tribunal = work.Tasks.Single(t => t.Name == "Support at a tribunal");
        Assert.Equal((null, null, true), (tribunal.Cases, tribunal.Visits, tribunal.Suppressed));
        Assert.Equal(6, work.CasesWithTasks);
        Assert.Contains(file.Notes, n => n.Tasks.Any(t => t.Name == "Drive a van"));
    }

    [Fact]
    public async Task NoteTasks_KeptWhenLeftOut_ClearedWhenEmpty_OtherNetworksTasksRefused()
    {
        var w = await WorldAsync();
        var file = await w.Network.Member.GetAsync<CaseFileView>($"/api/cases/{w.Files[1]}");
        var note = file.Notes.Single();
        var van = note.Tasks.Single().Id;

        using var kept = await w.Network.Member.PutAsync($"/api/case-notes/{note.Id}", new { whatHappened = "Visit, and the van", version = note.Version });
        var afterKept = await kept.ReadAsync<NoteView>();
        Assert.Equal([van], afterKept.Tasks.Select(t => t.Id));

        var other = await app.NewNetworkAsync("Elsewhere");
        var foreign = await other.Steward.CreatedIdAsync($"/api/networks/{other.Id}/tasks", new { name = "Drive a van", complexity = 1 });
        using var refused = await w.Network.Member.PutAsync($"/api/case-notes/{note.Id}", new { whatHappened = "Visit", taskTypeIds = new[] { foreign }, version = afterKept.Version });
        await refused.ShouldBeInvalidAsync("taskTypeIds");
        using var refusedOnAdd = await w.Network.Member.PostAsync($"/api/cases/{w.Files[1]}/notes", new { whatHappened = "Call", taskTypeIds = new[] { foreign } });
        await refusedOnAdd.ShouldBeInvalidAsync("taskTypeIds");

        using var cleared = await w.Network.Member.PutAsync($"/api/case-notes/{note.Id}", new { whatHappened = "Visit", taskTypeIds = Array.Empty<Guid>(), version = afterKept.Version });
        Assert.Empty((await cleared.ReadAsync<NoteView>()).Tasks);
        var work = await w.Network.Observer.GetAsync<WorkPatterns>($"/api/cycles/{w.Organisation.Id}/patterns/work");
        Assert.Equal(5, work.Tasks.Single(t => t.Name == "Drive a van").Cases);
    }

    [Fact]
    public async Task TaskList_MemberAddsAndChanges_StaleVersion409_DuplicateRefused_ObserverCannotWrite()
    {
        var network = await app.NewNetworkAsync("Tasks");
        var id = await network.Member.CreatedIdAsync($"/api/networks/{network.Id}/tasks", new { name = "Sort a benefits claim", complexity = 3 });
        using var duplicate = await network.Member.PostAsync($"/api/networks/{network.Id}/tasks", new { name = "  sort a BENEFITS   claim ", complexity = 2 });
        Assert.Contains("already on the list", (await duplicate.ShouldBeInvalidAsync("name"))[0], StringComparison.Ordinal);
        using var outOfRange = await network.Member.PostAsync($"/api/networks/{network.Id}/tasks", new { name = "Drive a van", complexity = 6 });
        await outOfRange.ShouldBeInvalidAsync("complexity");
        using var observer = await network.Observer.PostAsync($"/api/networks/{network.Id}/tasks", new { name = "Drive a van", complexity = 1 });
        await observer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var changed = await network.Member.PutAsync($"/api/tasks/{id}", new { name = "Sort a benefits claim", complexity = 4, complexityNote = "Appeals need practice", version = 1 });
        var task = await changed.ReadAsync<CaseTaskView>();
        Assert.Equal((4, 2, "Appeals need practice"), (task.Complexity, task.Version, task.ComplexityNote));
        using var stale = await network.Member.PutAsync($"/api/tasks/{id}", new { name = "Sort a claim", complexity = 2, version = 1 });
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var suggested = await network.Member.PostAsync($"/api/networks/{network.Id}/tasks/suggested", new { });
        var list = await suggested.ReadAsync<List<CaseTaskView>>();
        Assert.Equal(TaskComplexity.Suggested.Count, list.Count);
        Assert.Equal(4, list.Single(t => t.Id == id).Complexity);
    }

    [Fact]
    public async Task Spend_CellsFromFewerThanFivePeopleSuppressed_OthersSummed()
    {
        var w = await WorldAsync();

        var spend = await w.Network.Observer.GetAsync<SpendPatterns>($"/api/cycles/{w.Organisation.Id}/patterns/spend");

        var food = spend.Cells.Single(c => c.Need == "Food");
        Assert.Equal((60m, 6), (food.Amount!.Value, food.Entries!.Value));
        Assert.True(spend.Cells.Single(c => c.Need == "Furniture").Suppressed);
        Assert.Equal(500m, spend.Cells.Single(c => c.Need == "Training").Amount);
        Assert.Equal(1, spend.SuppressedCells);
    }

    [Fact]
    public async Task CommunityMap_LayersLifeMaps_SuppressesRareFactors_FindsTheLoop_FiltersByTag()
    {
        var w = await WorldAsync();

        var map = await w.Network.Observer.GetAsync<CommunityMap>($"/api/cycles/{w.Organisation.Id}/patterns/community-map");
        var filtered = await w.Network.Observer.GetAsync<CommunityMap>($"/api/cycles/{w.Organisation.Id}/patterns/community-map?tag=housing");
        using var rareTag = await w.Network.Observer.GetAsync($"/api/cycles/{w.Organisation.Id}/patterns/community-map?tag=pets");

        Assert.Equal(["housing", "income"], map.Factors.Select(f => f.Theme).Order());
        Assert.All(map.Factors, f => Assert.Equal(6, f.Cases));
        Assert.Equal(1, map.SuppressedFactors);
        Assert.Equal(2, map.Links.Count);
        Assert.Equal("Balancing", map.Loops.Single().Polarity);
        Assert.Equal("housing", filtered.Tag);
        Assert.Equal(6, filtered.Factors[0].Cases);
        await rareTag.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CommunityMap_FiltersByWhatPeopleSharedAboutThemselves_OfferingOnlyGroupsOfFive()
    {
        var w = await WorldAsync();
        // Files 0–4 are 25–34, file 5 is 65 and over (all six counted); file 6 is 25–34 but not counted. Genders: six women, one man.
        for (var i = 0; i < 7; i++)
        {
            var version = (await w.Network.Member.GetAsync<CaseFileView>($"/api/cases/{w.Files[i]}")).Version;
            using var about = await w.Network.Member.PutAsync($"/api/cases/{w.Files[i]}/about",
                new { ageBand = i == 5 ? "From65" : "From25To34", gender = i == 6 ? "Man" : "Woman", version });
            await about.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var url = $"/api/cycles/{w.Organisation.Id}/patterns/community-map";

        var everyone = await w.Network.Observer.GetAsync<CommunityMap>(url);
        var young = await w.Network.Observer.GetAsync<CommunityMap>($"{url}?ageBand=From25To34&gender=Woman");
        using var older = await w.Network.Observer.GetAsync($"{url}?ageBand=From65");
        using var men = await w.Network.Observer.GetAsync($"{url}?gender=Man");
        using var nonsense = await w.Network.Observer.GetAsync($"{url}?ageBand=Ancient");

        Assert.Equal([AgeBand.From25To34], everyone.AgeOptions);
        Assert.Equal([GenderGroup.Woman], everyone.GenderOptions);
        Assert.All(everyone.Factors, f => Assert.Equal(6, f.Cases));
        Assert.Equal(AgeBand.From25To34, young.AgeBand);
        Assert.All(young.Factors, f => Assert.Equal(5, f.Cases));
        Assert.Contains("aged 25–34", young.How.Query, StringComparison.Ordinal);
        await older.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await men.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await nonsense.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private Task<Dictionary<Guid, int>> DescendantsAsync(Guid cycleId) =>
        app.WithDbAsync(db => db.CycleDescendants.Where(d => d.AncestorId == cycleId).ToDictionaryAsync(d => d.DescendantId, d => d.Depth));

    private sealed record PatternWorld(TestNetwork Network, CycleDetail Person, CycleDetail TeamA, CycleDetail TeamB, CycleDetail Organisation, Guid TeamAToOrganisation, List<Guid> Files);

    /// <summary>A diamond: one person-scale cycle feeding two teams that both feed one organisation. Seven files: six agreed to be
    /// counted (each with "housing" among what matters, a van task, a food spend and a life map), one did not.</summary>
    private async Task<PatternWorld> WorldAsync()
    {
        var network = await app.NewNetworkAsync("Patterns");
        var person = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Residents");
        var teamA = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Team A");
        var teamB = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Team B");
        var organisation = await network.Steward.CreateCycleAsync(network.Id, network.Scale(2), "Organisation");
        await network.Steward.LinkAsync(network.Id, person.Id, teamA.Id, "Lives");
        await network.Steward.LinkAsync(network.Id, person.Id, teamB.Id, "Lives");
        var aToOrg = await network.Steward.LinkAsync(network.Id, teamA.Id, organisation.Id, "Team A's learning");
        await network.Steward.LinkAsync(network.Id, teamB.Id, organisation.Id, "Team B's learning");
        var van = await network.Member.CreatedIdAsync($"/api/networks/{network.Id}/tasks", new { name = "Drive a van", complexity = 1 });
        var tribunal = await network.Member.CreatedIdAsync($"/api/networks/{network.Id}/tasks", new { name = "Support at a tribunal", complexity = 4 });
        var files = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            using var created = await network.Member.PostAsync($"/api/cycles/{person.Id}/cases", new { displayName = $"Person {i}" });
            var file = (await created.ReadAsync<CaseFileView>(HttpStatusCode.Created)).Id;
            files.Add(file);
            if (i < 6)
            {
                using var consent = await network.Member.PostAsync($"/api/cases/{file}/consents", new { purpose = "Aggregates", given = true, how = "At a visit" });
                await consent.ShouldHaveStatusAsync(HttpStatusCode.OK);
            }
            await network.Member.CreatedIdAsync($"/api/cases/{file}/statements", new { kind = "WhatMatters", text = "In my own words", tags = i == 0 ? "Housing, pets" : "housing" });
            await network.Member.CreatedIdAsync($"/api/cases/{file}/notes", new { whatHappened = "Visit", taskTypeIds = i == 0 ? new[] { van, tribunal } : new[] { van } });
        }
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async db =>
        {
            db.Issues.Add(new Issue { NetworkId = network.Id, CycleId = teamA.Id, Number = 1, Description = "Damp flats", Level = IssueLevel.System, Owner = IssueOwner.Leadership, Tags = ["Housing"], CreatedAt = now, UpdatedAt = now });
            db.Issues.Add(new Issue { NetworkId = network.Id, CycleId = teamB.Id, Number = 1, Description = "Forms", Level = IssueLevel.Individual, Owner = IssueOwner.Team, CreatedAt = now, UpdatedAt = now });
            db.Issues.Add(new Issue { NetworkId = network.Id, CycleId = person.Id, Number = 1, Description = "Bus fares", Level = IssueLevel.Macro, Owner = IssueOwner.Government, Status = IssueStatus.Closed, CreatedAt = now, UpdatedAt = now });
            db.Experiments.Add(new Experiment { NetworkId = network.Id, CycleId = teamA.Id, Title = "Cash on the spot", State = ExperimentState.Concluded, Decision = ExperimentDecision.Embed, LearningAboutWork = "Trust grows", ConcludedAt = now, CreatedAt = now });
            db.Experiments.Add(new Experiment { NetworkId = network.Id, CycleId = teamB.Id, Title = "Drop-in", CreatedAt = now });
            db.Experiments.Add(new Experiment { NetworkId = network.Id, CycleId = person.Id, CaseFileId = files[0], Title = "Tried with one person", State = ExperimentState.Concluded, CreatedAt = now });
            var food = new NeedCategory { NetworkId = network.Id, Name = "Food", NormalisedName = "food", CreatedAt = now };
            var furniture = new NeedCategory { NetworkId = network.Id, Name = "Furniture", NormalisedName = "furniture", CreatedAt = now };
            var training = new NeedCategory { NetworkId = network.Id, Name = "Training", NormalisedName = "training", CreatedAt = now };
            db.NeedCategories.AddRange(food, furniture, training);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            for (var i = 0; i < 7; i++)
            {
                db.SpendEntries.Add(new SpendEntry { NetworkId = network.Id, CycleId = teamA.Id, SpentOn = today, Amount = 10m, Currency = "GBP", WhatWasBought = "Groceries", NeedCategoryId = food.Id, CaseFileId = files[i], SpentByName = "Sam", CreatedAt = now, UpdatedAt = now });
                var income = new LifeMapElement { NetworkId = network.Id, CaseFileId = files[i], Kind = LifeMapElementKind.Factor, Name = "Money", Theme = "income", CreatedAt = now };
                var home = new LifeMapElement { NetworkId = network.Id, CaseFileId = files[i], Kind = LifeMapElementKind.Factor, Name = "Home", Theme = "housing", CreatedAt = now };
                db.LifeMapElements.AddRange(income, home);
                db.LifeMapLinks.Add(new LifeMapLink { NetworkId = network.Id, CaseFileId = files[i], FromId = income.Id, ToId = home.Id, Polarity = LinkPolarity.Opposite, CreatedAt = now });
                db.LifeMapLinks.Add(new LifeMapLink { NetworkId = network.Id, CaseFileId = files[i], FromId = home.Id, ToId = income.Id, Polarity = LinkPolarity.Same, CreatedAt = now });
                if (i == 0)
                {
                    db.LifeMapElements.Add(new LifeMapElement { NetworkId = network.Id, CaseFileId = files[i], Kind = LifeMapElementKind.Factor, Name = "Cat", Theme = "pets", CreatedAt = now });
                }
            }
            db.SpendEntries.Add(new SpendEntry { NetworkId = network.Id, CycleId = teamB.Id, SpentOn = today, Amount = 80m, Currency = "GBP", WhatWasBought = "Bed", NeedCategoryId = furniture.Id, CaseFileId = files[1], SpentByName = "Sam", CreatedAt = now, UpdatedAt = now });
            db.SpendEntries.Add(new SpendEntry { NetworkId = network.Id, CycleId = teamB.Id, SpentOn = today, Amount = 500m, Currency = "GBP", WhatWasBought = "Course", NeedCategoryId = training.Id, SpentByName = "Sam", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        return new PatternWorld(network, person, teamA, teamB, organisation, aToOrg.Id, files);
    }
}

public sealed class PatternsApiSqliteTests(SqliteAppFactory app) : PatternsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PatternsApiPostgresTests(PostgresAppFactory app) : PatternsApiTests(app), IClassFixture<PostgresAppFactory>;
