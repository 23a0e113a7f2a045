using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Stories;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LearningStack.Web.Platform;

namespace LearningStack.Tests.Features.Stories;

/// <summary>Story collections through the API and the anonymous telling page: templates, validation of signifiers and answers,
/// the link (token hash only, closing), the per-address limit, the honeypot, patterns with filters and region listings, consent,
/// and who may do what.</summary>
public abstract partial class StoryApiTests(AppFactory app)
{
    // ----- collections -----

    [Fact]
    public async Task Create_FromTemplate_CopiesPromptAndSignifiers()
    {
        var network = await app.NewNetworkAsync();

        var collection = await CreateAsync(network, "appreciative-inquiry");

        var template = StoryTemplates.Find("appreciative-inquiry")!;
        Assert.Equal((template.Name, template.Prompt), (collection.Title, collection.Prompt));
        Assert.Equal(template.Signifiers.Select(s => s.Kind), collection.Signifiers.Select(s => s.Kind));
        var demographic = collection.Signifiers.Single(s => s.Kind == SignifierKind.Demographic);
        Assert.Contains(Signifier.PreferNotToSay, demographic.Options);
        Assert.False(collection.LinkOpen);
    }

    [Fact]
    public async Task Create_BlankWithBadSignifiers_FieldErrors()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PostAsync($"{network.Url}/story-collections", new
        {
            title = " ",
            signifiers = new object[]
            {
                new { kind = "Triad", question = "It was about…", labels = new[] { "people", "rules" } },
                new { kind = "Dyad", question = " ", labels = new[] { "calm", "calm" } },
            },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "title", "prompt", "signifiers[0].labels", "signifiers[1].question", "signifiers[1].labels" },
            problem.Errors!.Keys.ToHashSet());
    }

    [Fact]
    public async Task Create_UnknownTemplate_FieldError()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Steward.PostAsync($"{network.Url}/story-collections", new { template = "outcomes-star" });

        await response.ShouldBeInvalidAsync("template");
    }

    [Fact]
    public async Task Update_KeepsSignifierIdsAndRefusesStaleVersion()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var body = new
        {
            title = "Using the advice line",
            prompt = collection.Prompt,
            version = collection.Version,
            signifiers = collection.Signifiers.Take(2).Select(s => new { id = s.Id, kind = s.Kind.ToString(), question = s.Question, labels = s.Labels }).ToArray(),
        };

        using var first = await network.Steward.PutAsync($"/api/story-collections/{collection.Id}", body);
        using var second = await network.Steward.PutAsync($"/api/story-collections/{collection.Id}", body);

        var saved = await first.ReadAsync<StoryCollectionView>();
        Assert.Equal("Using the advice line", saved.Title);
        Assert.Equal(collection.Signifiers.Take(2).Select(s => s.Id), saved.Signifiers.Select(s => s.Id));
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    // ----- stories: validation -----

    [Theory]
    [InlineData(0.5, 0.6, -0.1)]
    [InlineData(0.5, 0.3, 0.1)]
    [InlineData(0.5, 0.5, 0.0015)]
    public async Task Tell_TriadWeightsNotNonNegativeOrNotSummingToOne_FieldError(double a, double b, double c)
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var triad = collection.Signifiers.First(s => s.Kind == SignifierKind.Triad);

        using var response = await network.Member.PostAsync(StoriesUrl(collection), new { text = "A story", answers = new[] { new { signifierId = triad.Id, a, b, c } } });

        await response.ShouldBeInvalidAsync("answers[0]");
    }

    [Fact]
    public async Task Tell_TriadWithinToleranceOrNotApplicable_Saved()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "systems-change");
        var (first, second) = (collection.Signifiers[0], collection.Signifiers[1]);

        var story = await TellAsync(network, collection, "The library let us use the room.",
            new { signifierId = first.Id, a = 0.3334, b = 0.3333, c = 0.3338 }, new { signifierId = second.Id, notApplicable = true });

        var triad = story.Answers.Single(a => a.SignifierId == first.Id);
        Assert.Equal(1, triad.A!.Value + triad.B!.Value + triad.C!.Value, 6);
        Assert.True(story.Answers.Single(a => a.SignifierId == second.Id).NotApplicable);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.2)]
    public async Task Tell_DyadOutsideZeroToOne_FieldError(double x)
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var dyad = collection.Signifiers.First(s => s.Kind == SignifierKind.Dyad);

        using var response = await network.Member.PostAsync(StoriesUrl(collection), new { text = "A story", answers = new[] { new { signifierId = dyad.Id, x } } });

        await response.ShouldBeInvalidAsync("answers[0]");
    }

    [Fact]
    public async Task Tell_EmptyTextAndUnknownOption_FieldErrors()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var tags = collection.Signifiers.First(s => s.Kind == SignifierKind.Tags);

        using var response = await network.Member.PostAsync(StoriesUrl(collection), new { text = " ", answers = new[] { new { signifierId = tags.Id, options = new[] { "parking" } } } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "text", "answers[0]" }, problem.Errors!.Keys.ToHashSet());
    }

    // ----- access -----

    [Fact]
    public async Task Access_OutsiderNotFound_ObserverReadsButCannotCreate()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");

        using var outsider = await network.Outsider.GetAsync($"/api/story-collections/{collection.Id}/patterns");
        using var observerReads = await network.Observer.GetAsync($"/api/story-collections/{collection.Id}/patterns");
        using var observerCreates = await network.Observer.PostAsync($"{network.Url}/story-collections", new { template = "service-experience" });
        using var memberCreates = await network.Member.PostAsync($"{network.Url}/story-collections", new { template = "service-experience" });
        using var observerTells = await network.Observer.PostAsync(StoriesUrl(collection), new { text = "A story" });
        using var memberOpensLink = await network.Member.PostAsync($"/api/story-collections/{collection.Id}/link", null);

        await outsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await observerReads.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await observerCreates.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await memberCreates.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await observerTells.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await memberOpensLink.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    // ----- patterns -----

    [Fact]
    public async Task Patterns_CountsRegionsFiltersByTagAndListsARegionsStories()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var triad = collection.Signifiers.First(s => s.Kind == SignifierKind.Triad);
        var dyad = collection.Signifiers.First(s => s.Kind == SignifierKind.Dyad);
        var tags = collection.Signifiers.First(s => s.Kind == SignifierKind.Tags);
        await TellAsync(network, collection, "They called me back the same day.",
            new { signifierId = triad.Id, a = 0.8, b = 0.1, c = 0.1 }, new { signifierId = dyad.Id, x = 0.95 }, new { signifierId = tags.Id, options = new[] { "first contact" } });
        await TellAsync(network, collection, "I waited six weeks and nobody said why.",
            new { signifierId = triad.Id, a = 0.1, b = 0.1, c = 0.8 }, new { signifierId = dyad.Id, x = 0.05 }, new { signifierId = tags.Id, options = new[] { "waiting" } });
        await TellAsync(network, collection, "The nurse listened and then we made a plan.",
            new { signifierId = triad.Id, a = 0.6, b = 0.3, c = 0.1 }, new { signifierId = tags.Id, options = new[] { "the people I met", "waiting" } });
        await TellAsync(network, collection, "It was all right.", new { signifierId = triad.Id, notApplicable = true });

        var all = await network.Observer.GetAsync<PatternView>($"/api/story-collections/{collection.Id}/patterns");
        var waiting = await network.Observer.GetAsync<PatternView>($"/api/story-collections/{collection.Id}/patterns?f={Uri.EscapeDataString($"{tags.Id}|waiting")}");
        var cornerA = await network.Observer.GetAsync<PatternView>($"/api/story-collections/{collection.Id}/patterns?triad={triad.Id}&region=a");
        var lowDyad = await network.Observer.GetAsync<PatternView>($"/api/story-collections/{collection.Id}/patterns?dyad={dyad.Id}&bin=0");

        var plot = all.Triads.Single(t => t.Signifier.Id == triad.Id);
        Assert.Equal((4, 3), (all.Counted, plot.Points.Count));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 0, ["c"] = 1, ["middle"] = 0 }, plot.Regions);
        Assert.Equal((1, 0), (plot.NotApplicable, plot.NotAnswered));
        Assert.Equal(1, all.Dyads.Single(d => d.Signifier.Id == dyad.Id).Bins[9]);
        Assert.Equal(2, all.Choices.Single(c => c.Signifier.Id == tags.Id).Counts.Single(c => c.Option == "waiting").Count);
        Assert.Equal(2, waiting.Counted);
        Assert.Equal(1, waiting.Triads.Single(t => t.Signifier.Id == triad.Id).Regions["a"]);
        Assert.Equal(["The nurse listened and then we made a plan.", "They called me back the same day."],
            cornerA.Selection!.Stories.Select(s => s.Text).Order(StringComparer.Ordinal));
        Assert.Equal(["I waited six weeks and nobody said why."], lowDyad.Selection!.Stories.Select(s => s.Text));
    }

    [Fact]
    public async Task Patterns_ManyStories_CountedInSmallTrianglesThatListTheirStories()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "appreciative-inquiry");
        var triad = collection.Signifiers.First(s => s.Kind == SignifierKind.Triad);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < StoryRules.DensityThreshold + 10; i++)
            {
                var story = new Story { NetworkId = network.Id, CollectionId = collection.Id, Text = $"Story {i}", CreatedAt = DateTimeOffset.UtcNow };
                var a = i % 2 == 0 ? 0.9 : 0.2;
                story.Answers.Add(new StoryAnswer { StoryId = story.Id, CollectionId = collection.Id, SignifierId = triad.Id, A = a, B = (1 - a) / 2, C = (1 - a) / 2 });
                db.Stories.Add(story);
            }
            await db.SaveChangesAsync();
        });
        var cornerCell = StoryRules.Cell(0.9, 0.05, 0.05);

        var all = await network.Observer.GetAsync<PatternView>($"/api/story-collections/{collection.Id}/patterns");
        var cell = await network.Observer.GetAsync<PatternView>($"/api/story-collections/{collection.Id}/patterns?triad={triad.Id}&cell={cornerCell}");

        var plot = all.Triads.Single(t => t.Signifier.Id == triad.Id);
        Assert.True(plot.Dense);
        Assert.Equal(StoryRules.DensityThreshold + 10, plot.Cells.Values.Sum());
        Assert.Equal((StoryRules.DensityThreshold + 10) / 2, plot.Cells[cornerCell]);
        Assert.Equal((StoryRules.DensityThreshold + 10) / 2, cell.Selection!.Count);
        Assert.All(cell.Selection.Stories, s => Assert.Equal(0, int.Parse(s.Text[6..], System.Globalization.CultureInfo.InvariantCulture) % 2));
    }

    [Fact]
    public async Task Patterns_StoryToldWithAPerson_ShowsReferenceOnlyAndLeavesWhenConsentWithdrawn()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var triad = collection.Signifiers.First(s => s.Kind == SignifierKind.Triad);
        var cycle = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        using var opened = await network.Member.PostAsync($"/api/cycles/{cycle.Id}/cases", new { displayName = "Mrs Hartley" });
        var file = await opened.ReadAsync<JsonElement>(HttpStatusCode.Created);
        var caseId = file.GetProperty("id").GetGuid();
        var reference = file.GetProperty("reference").GetString();
        using var told = await network.Member.PostAsync(StoriesUrl(collection), new
        {
            text = "We sorted the heating together.", caseId, answers = new[] { new { signifierId = triad.Id, a = 0.7, b = 0.2, c = 0.1 } },
        });
        await told.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var url = $"/api/story-collections/{collection.Id}/patterns?triad={triad.Id}&region=a";

        var before = await network.Steward.GetAsync<PatternView>(url);
        using var withdraw = await network.Member.PostAsync($"/api/cases/{caseId}/consents", new { purpose = "Stories", given = false, how = "said so at a visit" });
        await withdraw.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var after = await network.Steward.GetAsync<PatternView>(url);
        var listed = await network.Steward.GetAsync<List<StoryView>>(StoriesUrl(collection));
        using var give = await network.Member.PostAsync($"/api/cases/{caseId}/consents", new { purpose = "Stories", given = true, how = "changed her mind" });
        await give.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var again = await network.Steward.GetAsync<PatternView>(url);

        var story = Assert.Single(before.Selection!.Stories);
        Assert.Equal(reference, story.CaseReference);
        Assert.DoesNotContain("Hartley", JsonSerializer.Serialize(before));
        Assert.Equal((0, 1), (after.Counted, after.Total));
        Assert.Empty(after.Selection!.Stories);
        Assert.Empty(listed);
        Assert.Equal(1, again.Counted);
    }

    [Fact]
    public async Task Tell_WithACaseTheCallerDoesNotWorkOn_FieldError()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var cycle = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        var caseId = await network.Member.CreatedIdAsync($"/api/cycles/{cycle.Id}/cases", new { displayName = "Mr K" });

        using var response = await network.Steward.PostAsync(StoriesUrl(collection), new { text = "A story", caseId });

        await response.ShouldBeInvalidAsync("caseId");
    }

    // ----- the anonymous link -----

    [Fact]
    public async Task Link_StoresOnlyAHashAndClosedLinkSaysSo()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "appreciative-inquiry");
        var link = await OpenLinkAsync(network, collection);
        var token = link.Split('/')[^1];

        var open = await PageAsync(link, "10.1.0.1");
        using var close = await network.Steward.DeleteAsync($"/api/story-collections/{collection.Id}/link");
        await close.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var closed = await PageAsync(link, "10.1.0.1");
        var reopened = await OpenLinkAsync(network, collection);

        Assert.Contains(collection.Prompt, WebUtility.HtmlDecode(open));
        Assert.Contains("This link is closed", closed);
        Assert.Contains("Tell us", WebUtility.HtmlDecode(await PageAsync(reopened, "10.1.0.1")));
        var hashes = await app.WithDbAsync(db => db.StoryLinks.Where(l => l.CollectionId == collection.Id).Select(l => l.TokenHash).ToListAsync());
        Assert.Contains(LinkTokens.Hash(token), hashes);
        Assert.DoesNotContain(token, hashes);
        Assert.NotEqual(link, reopened);
    }

    [Fact]
    public async Task AnonymousTell_NumbersForTheTriad_SavedAndThanked()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var link = await OpenLinkAsync(network, collection);
        var triad = collection.Signifiers.First(s => s.Kind == SignifierKind.Triad);
        var tags = collection.Signifiers.First(s => s.Kind == SignifierKind.Tags);

        using var response = await SubmitAsync(link, "10.2.0.1", [
            ("Text", "The receptionist remembered my name."),
            (StoryForm.TriadName(triad.Id, 'a'), "60"), (StoryForm.TriadName(triad.Id, 'b'), "30"), (StoryForm.TriadName(triad.Id, 'c'), "10"),
            (StoryForm.OptionName(tags.Id), "first contact"), (StoryForm.OptionName(tags.Id), "the people I met"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you", await response.Content.ReadAsStringAsync());
        var saved = await app.WithDbAsync(db => db.Stories.Include(s => s.Answers).SingleAsync(s => s.CollectionId == collection.Id));
        Assert.Equal((StorySource.AnonymousLink, (Guid?)null), (saved.Source, saved.CaseFileId));
        Assert.Equal(0.6, saved.Answers.Single(a => a.SignifierId == triad.Id).A!.Value, 6);
        Assert.Equal(2, saved.Answers.Count(a => a.SignifierId == tags.Id));
    }

    [Fact]
    public async Task AnonymousTell_HoneypotFilled_ThankedButDiscarded()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "appreciative-inquiry");
        var link = await OpenLinkAsync(network, collection);

        using var response = await SubmitAsync(link, "10.3.0.1", [("Text", "Buy cheap watches"), (StoryForm.Honeypot, "http://spam.example")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Stories.CountAsync(s => s.CollectionId == collection.Id)));
    }

    [Fact]
    public async Task AnonymousTell_OverTheLimitFromOneAddress_RefusedWith429()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "appreciative-inquiry");
        var link = await OpenLinkAsync(network, collection);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < StoriesAppFactory.AnonymousPerHour; i++)
        {
            using var ok = await SubmitAsync(link, "10.4.0.1", [("Text", $"Story {i}")]);
            statuses.Add(ok.StatusCode);
        }
        using var refused = await SubmitAsync(link, "10.4.0.1", [("Text", "One too many")]);
        using var elsewhere = await SubmitAsync(link, "10.4.0.2", [("Text", "From another address")]);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("try again", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(StoriesAppFactory.AnonymousPerHour + 1, await app.WithDbAsync(db => db.Stories.CountAsync(s => s.CollectionId == collection.Id)));
    }

    [Fact]
    public async Task AnonymousTell_TriadNumbersNegative_ShowsTheErrorBesideTheQuestion()
    {
        var network = await app.NewNetworkAsync();
        var collection = await CreateAsync(network, "service-experience");
        var link = await OpenLinkAsync(network, collection);
        var triad = collection.Signifiers.First(s => s.Kind == SignifierKind.Triad);

        using var response = await SubmitAsync(link, "10.5.0.1", [("Text", "A story"), (StoryForm.TriadName(triad.Id, 'a'), "-5"), (StoryForm.TriadName(triad.Id, 'b'), "50")]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"err-{triad.Id:N}\"", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Stories.CountAsync(s => s.CollectionId == collection.Id)));
    }

    // ----- helpers -----

    private static string StoriesUrl(StoryCollectionView collection) => $"/api/story-collections/{collection.Id}/stories";

    private static async Task<StoryCollectionView> CreateAsync(TestNetwork network, string template)
    {
        using var response = await network.Steward.PostAsync($"{network.Url}/story-collections", new { template });
        return await response.ReadAsync<StoryCollectionView>(HttpStatusCode.Created);
    }

    private static async Task<StoryView> TellAsync(TestNetwork network, StoryCollectionView collection, string text, params object[] answers)
    {
        using var response = await network.Member.PostAsync(StoriesUrl(collection), new { text, answers });
        return await response.ReadAsync<StoryView>(HttpStatusCode.Created);
    }

    private static async Task<string> OpenLinkAsync(TestNetwork network, StoryCollectionView collection)
    {
        using var response = await network.Steward.PostAsync($"/api/story-collections/{collection.Id}/link", null);
        return (await response.ReadAsync<StoryLinkView>(HttpStatusCode.Created)).Link;
    }

    private async Task<string> PageAsync(string link, string address)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add(ClientAddressFromHeader.Header, address);
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the telling page (for its antiforgery token and cookie) and posts the form from the given client address.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(string link, string address, IEnumerable<(string Name, string Value)> fields)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, link);
        get.Headers.Add(ClientAddressFromHeader.Header, address);
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The telling page has no antiforgery token.");
        var form = new List<KeyValuePair<string, string>> { new("_handler", "tell"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var post = new HttpRequestMessage(HttpMethod.Post, link) { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add(ClientAddressFromHeader.Header, address);
        return await client.SendAsync(post);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>Lets a test say which client address a request comes from (the rate limit is per address), and lowers the limit.</summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}

public static class StoriesAppFactory
{
    public const int AnonymousPerHour = 3;

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Stories:AnonymousPerHour", AnonymousPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }
}

public sealed class StoriesSqliteAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        StoriesAppFactory.Configure(builder);
    }
}

public sealed class StoriesPostgresAppFactory : PostgresAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        StoriesAppFactory.Configure(builder);
    }
}

public sealed class StoryApiSqliteTests(StoriesSqliteAppFactory app) : StoryApiTests(app), IClassFixture<StoriesSqliteAppFactory>;

public sealed class StoryApiPostgresTests(StoriesPostgresAppFactory app) : StoryApiTests(app), IClassFixture<StoriesPostgresAppFactory>;
