using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.Stewardship;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.SenseMaking;
using LearningStack.Web.Features.Stewardship;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Tests.Features.Stewardship;

/// <summary>Learning accounts through the JSON API on both databases: drafts written from the records and seen only by those who write
/// them, editing with versions, publishing as frozen numbered versions, exports that open as real files, and the dialogue of
/// questions and answers on published versions.</summary>
public abstract class LearningAccountApiTests(AppFactory app)
{
    private const string Secret = "Marigold Fenwick-Tuttle";

    private static DateOnly Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);

    private async Task<(TestNetwork Network, CycleDetail Team)> SetupAsync()
    {
        var network = await app.NewNetworkAsync("Accounts");
        var team = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Debt advice team", "People live free from debt.");
        return (network, team);
    }

    private static async Task<AccountView> DraftAsync(TestUser steward, Guid cycleId, DateOnly? from = null, DateOnly? to = null)
    {
        using var response = await steward.PostAsync($"/api/cycles/{cycleId}/accounts", new { from = from ?? Today(-30), to = to ?? Today() });
        return await response.ReadAsync<AccountView>(HttpStatusCode.Created);
    }

    private static async Task<AccountView> PublishAsync(TestUser steward, AccountView draft)
    {
        using var response = await steward.PostAsync($"/api/accounts/{draft.Id}/publish", new { version = draft.Version });
        return await response.ReadAsync<AccountView>();
    }

    private static string Section(AccountView a, string key) => a.Sections.Single(s => s.Key == key).Markdown;

    [Fact]
    public async Task Generate_Steward_DraftFromTheRecordsSeenOnlyByThoseWhoWriteIt()
    {
        var (network, team) = await SetupAsync();
        var experimentId = await network.Member.CreatedIdAsync($"/api/cycles/{team.Id}/experiments",
            new { title = "Phone first, letters later", type = "Probe", inquiryQuestions = new[] { "Do people answer a call sooner than a letter?" } });

        var draft = await DraftAsync(network.Steward, team.Id);

        Assert.Equal(LearningAccountRules.Sections.Select(s => s.Title), draft.Sections.Select(s => s.Title));
        Assert.Equal((LearningAccountStatus.Draft, null, true), (draft.Status, draft.Number, draft.CanWrite));
        Assert.Contains($"[Phone first, letters later](/experiments/{experimentId}) — probe, designing", Section(draft, "what-we-tried"), StringComparison.Ordinal);
        Assert.Contains("Do people answer a call sooner than a letter?", Section(draft, "open-questions"), StringComparison.Ordinal);
        Assert.Contains("People live free from debt.", Section(draft, "purpose"), StringComparison.Ordinal);
        foreach (var other in new[] { network.Member, network.Observer })
        {
            await (await other.GetAsync($"/api/accounts/{draft.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await other.GetAsync<AccountListView>($"/api/cycles/{team.Id}/accounts")).Accounts);
        }
        await (await network.Cast.Outsider.GetAsync($"/api/cycles/{team.Id}/accounts")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await network.Steward.GetAsync<AccountListView>($"/api/cycles/{team.Id}/accounts")).Accounts);
    }

    [Fact]
    public async Task Generate_MemberWhoStewardsTheCycle_MayWrite_OtherMembersMayNot()
    {
        var (network, team) = await SetupAsync();
        using var refused = await network.Member.PostAsync($"/api/cycles/{team.Id}/accounts", new { from = Today(-10), to = Today() });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await app.WithDbAsync(async db =>
        {
            db.CycleStewards.Add(new CycleSteward { CycleId = team.Id, NetworkId = network.Id, UserId = network.Member.Id });
            await db.SaveChangesAsync();
        });

        var draft = await DraftAsync(network.Member, team.Id);

        Assert.True(draft.CanWrite);
    }

    [Fact]
    public async Task Generate_PeriodBackwards_400OnTo()
    {
        var (network, team) = await SetupAsync();

        using var response = await network.Steward.PostAsync($"/api/cycles/{team.Id}/accounts", new { from = Today(), to = Today(-1) });

        await response.ShouldBeInvalidAsync("to");
    }

    [Fact]
    public async Task Generate_RecordsOutsideThePeriod_LeftOut()
    {
        var (network, team) = await SetupAsync();
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async db =>
        {
            db.Experiments.Add(new Experiment
            {
                NetworkId = network.Id, CycleId = team.Id, Title = "Long ago probe", Type = ExperimentType.Probe, State = ExperimentState.Concluded,
                Decision = ExperimentDecision.Stop, CreatedAt = now.AddDays(-200), ConcludedAt = now.AddDays(-150), LearningAboutWork = "Old lesson",
            });
            db.Experiments.Add(new Experiment
            {
                NetworkId = network.Id, CycleId = team.Id, Title = "Drop-in at the library", Type = ExperimentType.Probe, State = ExperimentState.Concluded,
                Decision = ExperimentDecision.Stop, CreatedAt = now.AddDays(-40), ConcludedAt = now.AddDays(-5),
                LearningAboutWork = "Nobody came on Mondays", LearningAboutOrganising = "We planned without asking residents",
            });
            db.SenseMakingSessions.Add(new SenseMakingSession { NetworkId = network.Id, CycleId = team.Id, Title = "Spring meeting", StartsAt = now.AddDays(-100), CreatedAt = now.AddDays(-100) });
            db.SenseMakingSessions.Add(new SenseMakingSession { NetworkId = network.Id, CycleId = team.Id, Title = "Autumn meeting", StartsAt = now.AddDays(-3), CreatedAt = now.AddDays(-3) });
            await db.SaveChangesAsync();
        });

        var draft = await DraftAsync(network.Steward, team.Id, Today(-30), Today());

        var learnt = Section(draft, "what-we-learnt");
        Assert.DoesNotContain("Long ago probe", Section(draft, "what-we-tried"), StringComparison.Ordinal);
        Assert.DoesNotContain("Old lesson", learnt, StringComparison.Ordinal);
        Assert.Contains("Drop\\-in at the library", learnt, StringComparison.Ordinal);
        Assert.Contains("Nobody came on Mondays", learnt, StringComparison.Ordinal);
        Assert.Contains("stop, and keep what we learned", learnt, StringComparison.Ordinal);
        Assert.Contains("Autumn meeting", learnt, StringComparison.Ordinal);
        Assert.DoesNotContain("Spring meeting", learnt, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", string.Concat(draft.Sections.Select(s => s.Markdown)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Generate_CaseFilesInTheCycle_NoFreeTextFromThem_OnlyCounts()
    {
        var network = await app.NewNetworkAsync("Accounts, person scale");
        var person = await network.Steward.CreateCycleAsync(network.Id, network.Scale(0), "Resident conversations");
        var caseId = await network.Member.CreatedIdAsync($"/api/cycles/{person.Id}/cases", new { displayName = Secret });
        await network.Member.CreatedIdAsync($"/api/cases/{caseId}/statements", new { kind = "WhatMatters", text = $"{Secret} wants to see her grandchildren" });
        await network.Member.CreatedIdAsync($"/api/cases/{caseId}/notes", new { kind = "Call", whatHappened = $"Rang {Secret} about the bus pass." });
        var experimentId = await network.Member.CreatedIdAsync($"/api/cycles/{person.Id}/experiments", new { title = "Shopping together", type = "Probe", inquiryQuestions = new[] { "Does shopping first build trust?" }, caseId });
        await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/evidence",
            new { kind = "Note", occurredOn = Today(-1), title = $"{Secret} chose the shop", text = $"{Secret} paid for the bread herself.", caseId });

        var draft = await DraftAsync(network.Steward, person.Id);

        var all = string.Concat(draft.Sections.Select(s => s.Markdown));
        Assert.DoesNotContain("Marigold", all, StringComparison.Ordinal);
        Assert.DoesNotContain("bread", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Shopping together", all, StringComparison.Ordinal);
        Assert.Contains("We also tried things with 1 person one to one", Section(draft, "who-took-part"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditSection_StaleVersion409_PublishWithVersionReadBeforeTheEdit409()
    {
        var (network, team) = await SetupAsync();
        var draft = await DraftAsync(network.Steward, team.Id);
        var purpose = draft.Sections[0];

        using var saved = await network.Steward.PutAsync($"/api/accounts/{draft.Id}/sections/{purpose.Id}", new { markdown = "Our own words.", version = purpose.Version });
        using var stale = await network.Steward.PutAsync($"/api/accounts/{draft.Id}/sections/{purpose.Id}", new { markdown = "Lost words.", version = purpose.Version });
        using var publishStale = await network.Steward.PostAsync($"/api/accounts/{draft.Id}/publish", new { version = draft.Version });

        Assert.Equal("Our own words.\n", (await saved.ReadAsync<AccountSectionView>()).Markdown);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await publishStale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var reread = await network.Steward.GetAsync<AccountView>($"/api/accounts/{draft.Id}");
        Assert.Equal("Our own words.\n", reread.Sections[0].Markdown);
        Assert.Equal(LearningAccountStatus.Published, (await PublishAsync(network.Steward, reread)).Status);
    }

    [Fact]
    public async Task Publish_NumbersAndFreezes_ReviseStartsANewDraftAndTheEarlierVersionStaysReadable()
    {
        var (network, team) = await SetupAsync();
        var first = await PublishAsync(network.Steward, await DraftAsync(network.Steward, team.Id));
        var section = first.Sections[1];

        using var edit = await network.Steward.PutAsync($"/api/accounts/{first.Id}/sections/{section.Id}", new { markdown = "Changed later", version = section.Version });
        using var again = await network.Steward.PostAsync($"/api/accounts/{first.Id}/publish", new { version = first.Version });
        using var revised = await network.Steward.PostAsync($"/api/accounts/{first.Id}/revise", new { });
        var draft = await revised.ReadAsync<AccountView>(HttpStatusCode.Created);
        var second = await PublishAsync(network.Steward, draft);

        Assert.Equal((1, LearningAccountStatus.Published), (first.Number, first.Status));
        Assert.NotNull(first.PublishedAt);
        await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id, draft.RevisedFromId);
        Assert.Equal(first.Sections.Select(s => s.Markdown), draft.Sections.Select(s => s.Markdown));
        Assert.Equal(2, second.Number);
        var earlier = await network.Observer.GetAsync<AccountView>($"/api/accounts/{first.Id}");
        Assert.Equal(first.Sections.Select(s => s.Markdown), earlier.Sections.Select(s => s.Markdown));
        Assert.Equal([2, 1], (await network.Observer.GetAsync<AccountListView>($"/api/cycles/{team.Id}/accounts")).Accounts.Select(a => a.Number!.Value));
        Assert.Contains(await app.WithDbAsync(db => db.History.Where(h => h.EntityType == nameof(LearningAccount) && h.EntityId == first.Id).Select(h => h.Action).ToListAsync()),
            a => a == "Updated");
    }

    [Fact]
    public async Task Discard_DraftGoesWithItsSections_PublishedKept_VersionRequired()
    {
        var (network, team) = await SetupAsync();
        var published = await PublishAsync(network.Steward, await DraftAsync(network.Steward, team.Id));
        var draft = await DraftAsync(network.Steward, team.Id);

        using var noVersion = await network.Steward.DeleteAsync($"/api/accounts/{draft.Id}");
        using var stale = await network.Steward.DeleteAsync($"/api/accounts/{draft.Id}?version={draft.Version + 1}");
        using var member = await network.Member.DeleteAsync($"/api/accounts/{draft.Id}?version={draft.Version}");
        using var publishedGone = await network.Steward.DeleteAsync($"/api/accounts/{published.Id}?version={published.Version}");
        using var discarded = await network.Steward.DeleteAsync($"/api/accounts/{draft.Id}?version={draft.Version}");

        await noVersion.ShouldBeInvalidAsync("version");
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await member.ShouldBeProblemAsync(HttpStatusCode.NotFound); // a draft is invisible to those who cannot write it
        Assert.Contains("published", (await publishedGone.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail, StringComparison.Ordinal);
        await discarded.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await network.Steward.GetAsync($"/api/accounts/{draft.Id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([published.Id], (await network.Steward.GetAsync<AccountListView>($"/api/cycles/{team.Id}/accounts")).Accounts.Select(a => a.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.LearningAccountSections.CountAsync(s => s.AccountId == draft.Id)));
        Assert.Contains("Deleted", await app.WithDbAsync(db => db.History.Where(h => h.EntityType == nameof(LearningAccount) && h.EntityId == draft.Id).Select(h => h.Action).ToListAsync()));
    }

    [Fact]
    public async Task Questions_ObserverAsksStewardAnswers_AskerSeesTheAnswerAndOnlyStewardsAnswer()
    {
        var (network, team) = await SetupAsync();
        var draft = await DraftAsync(network.Steward, team.Id);
        using var onDraft = await network.Steward.PostAsync($"/api/accounts/{draft.Id}/questions", new { text = "Too early?" });
        var account = await PublishAsync(network.Steward, draft);

        using var asked = await network.Observer.PostAsync($"/api/accounts/{account.Id}/questions", new { text = "How did residents take part?", sectionKey = "who-took-part" });
        var question = await asked.ReadAsync<AccountQuestionView>();
        using var byMember = await network.Member.PostAsync($"/api/accounts/{account.Id}/questions", new { text = "What next?" });
        using var unknownSection = await network.Member.PostAsync($"/api/accounts/{account.Id}/questions", new { text = "Hm?", sectionKey = "targets" });
        using var observerAnswers = await network.Observer.PostAsync($"/api/accounts/{account.Id}/questions/{question.Id}/answer", new { text = "I think…" });
        using var memberAnswers = await network.Member.PostAsync($"/api/accounts/{account.Id}/questions/{question.Id}/answer", new { text = "I think…" });
        using var answered = await network.Steward.PostAsync($"/api/accounts/{account.Id}/questions/{question.Id}/answer", new { text = "Two residents joined the March session." });
        using var outsider = await network.Cast.Outsider.PostAsync($"/api/accounts/{account.Id}/questions", new { text = "Hello?" });

        await onDraft.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("who-took-part", "Who took part", true), (question.SectionKey, question.SectionTitle, question.Mine));
        await byMember.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await unknownSection.ShouldBeInvalidAsync("sectionKey");
        await observerAnswers.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await memberAnswers.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Two residents joined the March session.", Assert.Single((await answered.ReadAsync<AccountQuestionView>()).Answers).Text);
        await outsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var seen = await network.Observer.GetAsync<AccountView>($"/api/accounts/{account.Id}");
        var mine = Assert.Single(seen.QuestionsAbout("who-took-part"));
        Assert.True(mine.Mine);
        Assert.Equal(network.Steward.Name, Assert.Single(mine.Answers).AnsweredByName);
        Assert.False(Assert.Single(seen.QuestionsAbout(null)).Mine);
        Assert.False(seen.CanWrite);
    }

    [Fact]
    public async Task Export_PublishedAndDraft_MarkdownHtmlAndDocxOpenWithTheirStructure()
    {
        var (network, team) = await SetupAsync();
        var experimentId = await network.Member.CreatedIdAsync($"/api/cycles/{team.Id}/experiments", new { title = "Phone first", type = "Probe", inquiryQuestions = new[] { "Do people answer a call?" } });
        var published = await PublishAsync(network.Steward, await DraftAsync(network.Steward, team.Id));
        using (var asked = await network.Observer.PostAsync($"/api/accounts/{published.Id}/questions", new { text = "Why phone first?" }))
        {
            await asked.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var draft = await DraftAsync(network.Steward, team.Id);

        var md = await TextAsync(network.Observer, published.Id, "md");
        Assert.StartsWith("# Learning account: Debt advice team", md, StringComparison.Ordinal);
        Assert.Contains("Version 1, published", md, StringComparison.Ordinal);
        Assert.All(LearningAccountRules.Sections, s => Assert.Contains($"## {s.Title}\n", md, StringComparison.Ordinal));
        Assert.Matches($@"\[Phone first\]\(http://[^/]+/experiments/{experimentId}\)", md);
        Assert.Contains("Why phone first?", md, StringComparison.Ordinal);
        Assert.Contains("DRAFT", await TextAsync(network.Steward, draft.Id, "md"), StringComparison.Ordinal);

        var html = await TextAsync(network.Observer, published.Id, "html");
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("section.account-section{break-before:page}", html, StringComparison.Ordinal);
        Assert.Contains("a[href]::after", html, StringComparison.Ordinal);
        Assert.Equal(LearningAccountRules.Sections.Count + 1, html.Split("<section class=\"account-section").Length - 1);
        Assert.Contains("<p class=\"draft\">DRAFT", await TextAsync(network.Steward, draft.Id, "html"), StringComparison.Ordinal);

        var (headings, text, links) = await DocxAsync(network.Observer, published.Id);
        Assert.Equal([.. LearningAccountRules.Sections.Select(s => s.Title), "Questions and answers"], headings);
        Assert.Contains("Version 1, published", text, StringComparison.Ordinal);
        Assert.Contains(links, l => l.EndsWith($"/experiments/{experimentId}", StringComparison.Ordinal));
        Assert.Contains("DRAFT", (await DocxAsync(network.Steward, draft.Id)).Text, StringComparison.Ordinal);

        using var unknown = await network.Observer.GetAsync($"/api/accounts/{published.Id}/export?format=pdf");
        await unknown.ShouldBeInvalidAsync("format");
        await (await network.Observer.GetAsync($"/api/accounts/{draft.Id}/export?format=md")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> TextAsync(TestUser user, Guid accountId, string format)
    {
        using var response = await user.GetAsync($"/api/accounts/{accountId}/export?format={format}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Reopens the DOCX with the Open XML SDK: the Heading 1 paragraphs, all text, and the hyperlinks' addresses.</summary>
    private static async Task<(List<string> Headings, string Text, List<string> Links)> DocxAsync(TestUser user, Guid accountId)
    {
        using var response = await user.GetAsync($"/api/accounts/{accountId}/export?format=docx");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            Assert.NotNull(zip.GetEntry("word/document.xml"));
        }
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        var links = doc.MainDocumentPart.HyperlinkRelationships.Select(r => r.Uri.ToString()).ToList();
        return (headings, body.InnerText, links);
    }
}

public sealed class LearningAccountApiSqliteTests(SqliteAppFactory app) : LearningAccountApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class LearningAccountApiPostgresTests(PostgresAppFactory app) : LearningAccountApiTests(app), IClassFixture<PostgresAppFactory>;
