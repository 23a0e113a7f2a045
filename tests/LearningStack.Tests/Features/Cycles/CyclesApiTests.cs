using System.Net;
using System.Text.Json;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;

namespace LearningStack.Tests.Features.Cycles;

/// <summary>Learning Cycles through the JSON API: create, edit, archive, stage statuses, reflections, design answers, history.</summary>
public abstract class CyclesApiTests(AppFactory app)
{
    // ----- create, read, edit -----

    [Fact]
    public async Task CreateCycle_ValidInput_Returns201WithFiveNotStartedStagesAndStewards()
    {
        var network = await app.NewNetworkAsync("Gateshead");

        using var response = await network.Member.PostAsync($"{network.Url}/cycles", new
        {
            scaleId = network.Scale(1),
            name = "  Debt and welfare support team ",
            purpose = "People of Gateshead lead thriving lives, free from debt.",
            boundary = "In: caseworkers. Out: housing repairs.",
            kind = "ConvenedAroundIssue",
            stewardIds = new[] { network.Member.Id, network.Steward.Id, network.Member.Id },
        });

        var cycle = await response.ReadAsync<CycleDetail>(HttpStatusCode.Created);
        Assert.Equal($"/api/cycles/{cycle.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Debt and welfare support team", "Gateshead", CycleKind.ConvenedAroundIssue, false, 1),
            (cycle.Name, cycle.NetworkName, cycle.Kind, cycle.Archived, cycle.Version));
        Assert.Equal("People of Gateshead lead thriving lives, free from debt.", cycle.Purpose);
        Assert.Equal("In: caseworkers. Out: housing repairs.", cycle.Boundary);
        Assert.Equal((network.Scale(1), "Team", ScaleKind.Team, 1), (cycle.Scale.Id, cycle.Scale.Name, cycle.Scale.Kind, cycle.Scale.Position));
        Assert.Equal(Enum.GetValues<Stage>(), cycle.Stages.Select(s => s.Stage));
        Assert.All(cycle.Stages, s => Assert.Equal(StageStatus.NotStarted, s.Status));
        Assert.Equal([network.Member.Name, network.Steward.Name], cycle.Stewards.Select(s => s.Name));
        Assert.Equal(NetworkRole.Member, cycle.YourRole);
        var listed = Assert.Single(await network.Observer.GetAsync<List<CycleSummary>>($"{network.Url}/cycles"));
        Assert.Equal(cycle.Id, listed.Id);
    }

    [Fact]
    public async Task CreateCycle_NameOf200Characters_Returns201()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Member.PostAsync($"{network.Url}/cycles", new { scaleId = network.Scale(0), name = new string('c', 200), purpose = new string('p', 20_000) });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    public static TheoryData<string, string> InvalidCycleInputs => new()
    {
        { "name", """{ "name": "" }""" },
        { "name", """{ "name": "   " }""" },
        { "name", $$"""{ "name": "{{new string('n', 201)}}" }""" },
        { "purpose", $$"""{ "name": "Team", "purpose": "{{new string('p', 20_001)}}" }""" },
        { "boundary", $$"""{ "name": "Team", "boundary": "{{new string('b', 20_001)}}" }""" },
        { "kind", """{ "name": "Team", "kind": 9 }""" },
        { "scaleId", """{ "name": "Team", "scaleId": null }""" },
    };

    [Theory]
    [MemberData(nameof(InvalidCycleInputs))]
    public async Task CreateCycle_InvalidInput_Returns400ForField(string field, string json)
    {
        var network = await app.NewNetworkAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;
        body.TryAdd("scaleId", network.Scale(1));

        using var response = await network.Member.PostAsync($"{network.Url}/cycles", body);

        await response.ShouldBeInvalidAsync(field);
        Assert.Empty(await network.Member.GetAsync<List<CycleSummary>>($"{network.Url}/cycles?includeArchived=true"));
    }

    [Fact]
    public async Task CreateCycle_ScaleOfAnotherNetwork_Returns400ForScaleId()
    {
        var network = await app.NewNetworkAsync();
        var other = await app.NewNetworkAsync("Other");

        using var response = await network.Member.PostAsync($"{network.Url}/cycles", new { scaleId = other.Scale(1), name = "Team" });

        await response.ShouldBeInvalidAsync("scaleId");
    }

    [Fact]
    public async Task CreateCycle_StewardNotInNetwork_Returns400ForStewardIds()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Member.PostAsync($"{network.Url}/cycles", new { scaleId = network.Scale(1), name = "Team", stewardIds = new[] { network.Outsider.Id } });

        await response.ShouldBeInvalidAsync("stewardIds");
    }

    [Fact]
    public async Task GetCycle_UnknownId_Returns404()
    {
        var cast = await app.CastAsync();

        using var response = await cast.Steward.GetAsync($"/api/cycles/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateCycle_CurrentVersion_SavesEveryFieldAndBumpsVersion()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team", "Old purpose");

        using var response = await network.Steward.PutAsync($"/api/cycles/{cycle.Id}", new
        {
            scaleId = network.Scale(2),
            name = "Organisation cycle",
            purpose = "New purpose",
            boundary = "New boundary",
            kind = "ConvenedAroundIssue",
            stewardIds = new[] { network.Steward.Id },
            version = cycle.Version,
        });

        var updated = await response.ReadAsync<CycleDetail>();
        Assert.Equal(("Organisation cycle", "New purpose", "New boundary", CycleKind.ConvenedAroundIssue, "Organisation", cycle.Version + 1),
            (updated.Name, updated.Purpose, updated.Boundary, updated.Kind, updated.Scale.Name, updated.Version));
        Assert.Equal([network.Steward.Name], updated.Stewards.Select(s => s.Name));
        Assert.True(updated.UpdatedAt > cycle.UpdatedAt);
        Assert.Equal(updated, await network.Steward.GetAsync<CycleDetail>($"/api/cycles/{cycle.Id}"), CycleDetailComparer.Instance);
    }

    [Fact]
    public async Task UpdateCycle_DifferentStewards_ReplacesThemAndRecordsHistory()
    {
        var network = await app.NewNetworkAsync();
        using var created = await network.Member.PostAsync($"{network.Url}/cycles", new { scaleId = network.Scale(1), name = "Team", stewardIds = new[] { network.Member.Id } });
        var cycle = await created.ReadAsync<CycleDetail>(HttpStatusCode.Created);

        using var response = await network.Member.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "Team", stewardIds = new[] { network.Steward.Id, network.Observer.Id }, version = cycle.Version });

        var updated = await response.ReadAsync<CycleDetail>();
        Assert.Equal([network.Observer.Name, network.Steward.Name], updated.Stewards.Select(s => s.Name));
        var history = await network.Member.GetAsync<List<HistoryView>>($"/api/cycles/{cycle.Id}/history");
        Assert.Equal(3, history.Count(h => h.EntityType == nameof(CycleSteward) && h.Action == "Created"));
        Assert.Single(history, h => h.EntityType == nameof(CycleSteward) && h.Action == "Deleted");
    }

    [Fact]
    public async Task UpdateCycle_MoveToAnotherScaleWhileLinked_Returns400ForScaleId()
    {
        var network = await app.NewNetworkAsync();
        var person = await network.Member.CreateCycleAsync(network.Id, network.Scale(0), "Conversations");
        var team = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");
        await network.Member.LinkAsync(network.Id, person.Id, team.Id);

        using var response = await network.Member.PutAsync($"/api/cycles/{team.Id}", new { scaleId = network.Scale(3), name = "Team", version = team.Version });

        var errors = await response.ShouldBeInvalidAsync("scaleId");
        Assert.Contains("Remove its connections", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCycle_EmptyName_Returns400ForNameAndKeepsCycle()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "", version = cycle.Version });

        await response.ShouldBeInvalidAsync("name");
        Assert.Equal(("Team", 1), await NameAndVersionAsync(network, cycle.Id));
    }

    // ----- archive -----

    [Fact]
    public async Task ArchiveCycle_Steward_HiddenFromListUnlessAskedAndCanBeRestored()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var archive = await network.Steward.PostAsync($"/api/cycles/{cycle.Id}/archive", new { archived = true });

        Assert.True((await archive.ReadAsync<CycleDetail>()).Archived);
        Assert.Empty(await network.Member.GetAsync<List<CycleSummary>>($"{network.Url}/cycles"));
        Assert.True(Assert.Single(await network.Member.GetAsync<List<CycleSummary>>($"{network.Url}/cycles?includeArchived=true")).Archived);
        using var restore = await network.Steward.PostAsync($"/api/cycles/{cycle.Id}/archive", new { archived = false });
        Assert.False((await restore.ReadAsync<CycleDetail>()).Archived);
        Assert.Single(await network.Member.GetAsync<List<CycleSummary>>($"{network.Url}/cycles"));
    }

    // ----- stages -----

    [Fact]
    public async Task SetStageStatus_TwoStagesActive_BothShownActive()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var experiment = await network.Member.PutAsync($"/api/cycles/{cycle.Id}/stages/Experiment", new { status = "Active" });
        using var understand = await network.Member.PutAsync($"/api/cycles/{cycle.Id}/stages/UnderstandTheSystem", new { status = "Paused" });
        using var codesign = await network.Member.PutAsync($"/api/cycles/{cycle.Id}/stages/CoDesign", new { status = "Active" });

        Assert.Equal(new StageView(Stage.Experiment, StageStatus.Active, 2), await experiment.ReadAsync<StageView>());
        await understand.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await codesign.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var stages = (await network.Observer.GetAsync<CycleDetail>($"/api/cycles/{cycle.Id}")).Stages;
        Assert.Equal([StageStatus.Paused, StageStatus.Active, StageStatus.Active, StageStatus.NotStarted, StageStatus.NotStarted], stages.Select(s => s.Status));
    }

    [Fact]
    public async Task SetStageStatus_StaleVersion_Returns409()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");
        using (var first = await network.Member.PutAsync($"/api/cycles/{cycle.Id}/stages/Experiment", new { status = "Active", version = 1 }))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var second = await network.Steward.PutAsync($"/api/cycles/{cycle.Id}/stages/Experiment", new { status = "Resting", version = 1 });

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StageStatus.Active, (await network.Member.GetAsync<CycleDetail>($"/api/cycles/{cycle.Id}")).Stages.Single(s => s.Stage == Stage.Experiment).Status);
    }

    [Fact]
    public async Task SetStageStatus_StatusOutOfRange_Returns400ForStatus()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PutAsync($"/api/cycles/{cycle.Id}/stages/Experiment", new { status = 99 });

        await response.ShouldBeInvalidAsync("status");
    }

    [Fact]
    public async Task SetStageStatus_UnknownStage_Returns400()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PutAsync($"/api/cycles/{cycle.Id}/stages/Daydreaming", new { status = "Active" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    // ----- reflections -----

    [Fact]
    public async Task AddReflection_StageNoteAndWholeCycleReview_ListedNewestFirstWithAuthor()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var older = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/reflections", new { stage = "Experiment", date = "2026-01-05", text = "Petty cash takes **three days**." });
        using var review = await network.Steward.PostAsync($"/api/cycles/{cycle.Id}/reflections", new { date = "2026-02-01", text = "Whole-cycle review." });

        var first = await older.ReadAsync<ReflectionView>(HttpStatusCode.Created);
        Assert.Equal((Stage.Experiment, new DateOnly(2026, 1, 5), "Petty cash takes **three days**.", network.Member.Name),
            (first.Stage, first.Date, first.Text, first.AuthorName));
        await review.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var list = await network.Observer.GetAsync<List<ReflectionView>>($"/api/cycles/{cycle.Id}/reflections");
        Assert.Equal([("Whole-cycle review.", (Stage?)null, network.Steward.Name), ("Petty cash takes **three days**.", Stage.Experiment, network.Member.Name)],
            list.Select(r => (r.Text, r.Stage, r.AuthorName)));
    }

    [Fact]
    public async Task AddReflection_NoDate_DatedToday()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/reflections", new { text = "Today's note" });

        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), (await response.ReadAsync<ReflectionView>(HttpStatusCode.Created)).Date);
    }

    public static TheoryData<string, string> InvalidReflections => new()
    {
        { "text", """{ "text": "" }""" },
        { "text", $$"""{ "text": "{{new string('r', 20_001)}}" }""" },
        { "stage", """{ "text": "Note", "stage": 42 }""" },
    };

    [Theory]
    [MemberData(nameof(InvalidReflections))]
    public async Task AddReflection_InvalidInput_Returns400ForField(string field, string json)
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/reflections", JsonSerializer.Deserialize<JsonElement>(json));

        await response.ShouldBeInvalidAsync(field);
        Assert.Empty(await network.Member.GetAsync<List<ReflectionView>>($"/api/cycles/{cycle.Id}/reflections"));
    }

    // ----- design questions -----

    [Fact]
    public async Task DesignQuestions_TeamCycle_GeneralAndTeamQuestionsForEveryStage()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        var questions = await network.Observer.GetAsync<List<QuestionView>>($"/api/cycles/{cycle.Id}/design-questions");

        var expected = Enum.GetValues<Stage>().SelectMany(s => DesignQuestionBank.For(s, ScaleKind.Team)).ToList();
        Assert.Equal(expected.Select(q => q.Key), questions.Select(q => q.Key));
        Assert.Equal(expected.Select(q => q.ScaleKind is not null), questions.Select(q => q.ScaleSpecific));
        Assert.Contains(questions, q => q.Key == "understand-team-patterns");
        Assert.DoesNotContain(questions, q => q.Key == "understand-person-what-matters");
        Assert.All(questions, q => Assert.Null(q.Latest));
    }

    [Fact]
    public async Task DesignQuestions_CycleAtCustomScale_OnlyGeneralQuestions()
    {
        var network = await app.NewNetworkAsync();
        using var added = await network.Steward.PostAsync($"{network.Url}/scales", new { name = "Neighbourhood" });
        var custom = await added.ReadAsync<ScaleView>(HttpStatusCode.Created);
        var cycle = await network.Member.CreateCycleAsync(network.Id, custom.Id, "Street association");

        var questions = await network.Member.GetAsync<List<QuestionView>>($"/api/cycles/{cycle.Id}/design-questions");

        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.False(q.ScaleSpecific));
    }

    [Fact]
    public async Task AnswerQuestion_Twice_LatestShownAndHistoryNewestFirst()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");
        const string key = "understand-purpose-who-sets";
        var answers = $"/api/cycles/{cycle.Id}/design-questions/{key}/answers";

        using var first = await network.Member.PostAsync(answers, new { text = "Residents, in their own words." });
        using var second = await network.Steward.PostAsync(answers, new { text = "  Residents and two panel members.  " });

        Assert.Equal($"{answers}/{(await first.ReadAsync<AnswerView>(HttpStatusCode.Created)).Id}", first.Headers.Location?.OriginalString);
        var latest = await second.ReadAsync<AnswerView>(HttpStatusCode.Created);
        Assert.Equal(("Residents and two panel members.", network.Steward.Name), (latest.Text, latest.AuthorName));
        var question = (await network.Observer.GetAsync<List<QuestionView>>($"/api/cycles/{cycle.Id}/design-questions")).Single(q => q.Key == key);
        Assert.Equal((latest.Id, 2), (question.Latest?.Id, question.AnswerCount));
        var history = await network.Observer.GetAsync<List<AnswerView>>(answers);
        Assert.Equal(["Residents and two panel members.", "Residents, in their own words."], history.Select(a => a.Text));
        Assert.Equal([network.Steward.Name, network.Member.Name], history.Select(a => a.AuthorName));
        Assert.True(history[0].AnsweredAt >= history[1].AnsweredAt);
    }

    [Fact]
    public async Task AnswerQuestion_UnknownKey_Returns404()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var post = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/design-questions/no-such-question/answers", new { text = "Answer" });
        using var get = await network.Member.GetAsync($"/api/cycles/{cycle.Id}/design-questions/no-such-question/answers");

        await post.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await get.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task AnswerQuestion_EmptyText_Returns400ForText(string? text)
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/design-questions/understand-purpose-who-sets/answers", new { text });

        await response.ShouldBeInvalidAsync("text");
    }

    [Fact]
    public async Task AnswerQuestion_TextOver20000Characters_Returns400ForText()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/design-questions/understand-purpose-who-sets/answers", new { text = new string('a', 20_001) });

        await response.ShouldBeInvalidAsync("text");
    }

    [Fact]
    public async Task UpdateCycle_WithoutVersion_Returns400ForVersionAndChangesNothing()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");

        using var response = await network.Member.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "Renamed blindly" });

        await response.ShouldBeInvalidAsync("version");
        Assert.Equal("Team", (await NameAndVersionAsync(network, cycle.Id)).Name);
    }

    // ----- history -----

    [Fact]
    public async Task History_LinkRemoved_ShowsOnBothCyclesWithNamesNotNumbers()
    {
        var network = await app.NewNetworkAsync();
        var person = await network.Member.CreateCycleAsync(network.Id, network.Scale(0), "Person");
        var team = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");
        var link = await network.Member.LinkAsync(network.Id, person.Id, team.Id, "Stories");
        (await network.Member.DeleteAsync($"/api/links/{link.Id}")).Dispose();

        foreach (var end in new[] { person.Id, team.Id })
        {
            var history = await network.Member.GetAsync<List<HistoryView>>($"/api/cycles/{end}/history");
            Assert.Equal(["Deleted", "Created"], history.Where(h => h.EntityId == link.Id).Select(h => h.Action));
            var deleted = history.First(h => h.EntityId == link.Id);
            Assert.Equal("Vertical", Field(deleted.Before, "Direction"));
        }
    }

    [Fact]
    public async Task History_CreatedThenUpdated_ShowsBothWithBeforeAfterAndWho()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "First name", "First purpose");
        using (var update = await network.Steward.PutAsync($"/api/cycles/{cycle.Id}", new { scaleId = network.Scale(1), name = "Second name", purpose = "First purpose", version = cycle.Version }))
        {
            await update.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var history = await network.Observer.GetAsync<List<HistoryView>>($"/api/cycles/{cycle.Id}/history");

        var cycleEntries = history.Where(h => h.EntityType == nameof(Cycle)).ToList();
        Assert.Equal(["Updated", "Created"], cycleEntries.Select(h => h.Action));
        var updated = cycleEntries[0];
        Assert.Equal((cycle.Id, network.Steward.Name), (updated.EntityId, updated.UserName));
        Assert.Equal("First name", Field(updated.Before, "Name"));
        Assert.Equal("Second name", Field(updated.After, "Name"));
        Assert.Equal("First purpose", Field(updated.After, "Purpose"));
        var created = cycleEntries[1];
        Assert.Equal(network.Member.Name, created.UserName);
        Assert.Null(created.Before);
        Assert.Equal("First name", Field(created.After, "Name"));
        Assert.Equal(5, history.Count(h => h.EntityType == nameof(CycleStage) && h.Action == "Created"));
        Assert.True(history.Select(h => h.At).SequenceEqual(history.Select(h => h.At).OrderDescending()), "History should be newest first.");
    }

    [Fact]
    public async Task History_StageReflectionAndAnswer_EachRecorded()
    {
        var network = await app.NewNetworkAsync();
        var cycle = await network.Member.CreateCycleAsync(network.Id, network.Scale(1), "Team");
        (await network.Member.PutAsync($"/api/cycles/{cycle.Id}/stages/Experiment", new { status = "Active" })).Dispose();
        (await network.Member.PostAsync($"/api/cycles/{cycle.Id}/reflections", new { text = "Note" })).Dispose();
        (await network.Member.PostAsync($"/api/cycles/{cycle.Id}/design-questions/understand-purpose-who-sets/answers", new { text = "Answer" })).Dispose();

        var history = await network.Member.GetAsync<List<HistoryView>>($"/api/cycles/{cycle.Id}/history");

        var stage = Assert.Single(history, h => h.EntityType == nameof(CycleStage) && h.Action == "Updated");
        Assert.Equal((StageStatus.NotStarted, StageStatus.Active), (StatusIn(stage.Before), StatusIn(stage.After)));
        Assert.Single(history, h => h.EntityType == nameof(Reflection) && h.Action == "Created");
        Assert.Single(history, h => h.EntityType == nameof(DesignAnswer) && h.Action == "Created");
        Assert.All(history, h => Assert.Equal(network.Member.Name, h.UserName));
    }

    private static string? Field(string? json, string name)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement.GetProperty(name);
        return value.ValueKind == JsonValueKind.Null ? null : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    /// <summary>The stage status in a history snapshot, whether stored by number or by name.</summary>
    private static StageStatus StatusIn(string? snapshot) =>
        Field(snapshot, "Status") is { } raw && int.TryParse(raw, out var number) ? (StageStatus)number : Enum.Parse<StageStatus>(Field(snapshot, "Status")!);

    private static async Task<(string Name, int Version)> NameAndVersionAsync(TestNetwork network, Guid cycleId)
    {
        var cycle = await network.Member.GetAsync<CycleDetail>($"/api/cycles/{cycleId}");
        return (cycle.Name, cycle.Version);
    }

    /// <summary>Compares the values of two cycle details (records holding lists compare by reference).</summary>
    private sealed class CycleDetailComparer : IEqualityComparer<CycleDetail>
    {
        public static CycleDetailComparer Instance { get; } = new();

        public bool Equals(CycleDetail? x, CycleDetail? y) =>
            x is not null && y is not null && JsonSerializer.Serialize(x with { YourRole = default }, Json.Options) == JsonSerializer.Serialize(y with { YourRole = default }, Json.Options);

        public int GetHashCode(CycleDetail obj) => obj.Id.GetHashCode();
    }
}

public sealed class CyclesApiSqliteTests(SqliteAppFactory app) : CyclesApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class CyclesApiPostgresTests(PostgresAppFactory app) : CyclesApiTests(app), IClassFixture<PostgresAppFactory>;
