using System.Net;
using System.Net.Http.Headers;
using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.Experiments;
using LearningStack.Web.Features.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Tests.Features.Experiments;

/// <summary>Evidence on an experiment: measurements, notes, stories, media files; soft delete, restore and purge.</summary>
public abstract class EvidenceApiTests(AppFactory app, string dataFolder)
{
    private string MediaFolder => Path.Combine(dataFolder, "media");

    [Fact]
    public async Task CreateMeasurement_WithoutWhatOrValue_ReturnsBothFieldErrors()
    {
        var (network, url) = await ExperimentAsync();

        using var response = await network.Member.PostAsync($"{url}/evidence", new { kind = "Measurement", occurredOn = "2026-01-05", unit = "days" });

        await response.ShouldBeInvalidAsync("whatMeasured");
        await AssertNothingSavedAsync(url, network);
        using var again = await network.Member.PostAsync($"{url}/evidence", new { kind = "Measurement", occurredOn = "2026-01-05", whatMeasured = "Days" });
        await again.ShouldBeInvalidAsync("value");
    }

    [Fact]
    public async Task CreateNote_WithoutText_ReturnsFieldError()
    {
        var (network, url) = await ExperimentAsync();

        using var response = await network.Member.PostAsync($"{url}/evidence", new { kind = "Note", occurredOn = "2026-01-05", title = "Only a title" });

        await response.ShouldBeInvalidAsync("text");
    }

    [Fact]
    public async Task CreateNarrative_WithVoice_SavedWithVoice()
    {
        var (network, url) = await ExperimentAsync();

        using var response = await network.Member.PostAsync($"{url}/evidence",
            new { kind = "Narrative", occurredOn = "2026-01-05", text = "We went to the shop together and she chose what she liked.", toldBy = "PersonServed", value = 3 });

        var entry = await response.ReadAsync<EvidenceView>(HttpStatusCode.Created);
        Assert.Equal((EvidenceKind.Narrative, Voice.PersonServed, (decimal?)null), (entry.Kind, entry.ToldBy, entry.Value));
        Assert.Equal("Mo Member", entry.CreatedByName);
    }

    [Fact]
    public async Task CreateNarrative_WithoutText_ReturnsFieldError()
    {
        var (network, url) = await ExperimentAsync();

        using var response = await network.Member.PostAsync($"{url}/evidence", new { kind = "Narrative", occurredOn = "2026-01-05", toldBy = "Manager" });

        await response.ShouldBeInvalidAsync("text");
    }

    [Fact]
    public async Task CreateEvidence_DatedInTheFuture_ReturnsFieldError()
    {
        var (network, url) = await ExperimentAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await network.Member.PostAsync($"{url}/evidence", new { kind = "Note", occurredOn = tomorrow, text = "Not yet" });

        await response.ShouldBeInvalidAsync("occurredOn");
    }

    [Fact]
    public async Task CreateEvidence_KindMediaAsJson_ReturnsFieldError()
    {
        var (network, url) = await ExperimentAsync();

        using var response = await network.Member.PostAsync($"{url}/evidence", new { kind = "Media", occurredOn = "2026-01-05", text = "A video" });

        await response.ShouldBeInvalidAsync("kind");
    }

    [Fact]
    public async Task UpdateEvidence_StaleVersion_Returns409()
    {
        var (network, url) = await ExperimentAsync();
        var id = await network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = "2026-01-05", text = "First" });
        using var first = await network.Member.PutAsync($"/api/evidence/{id}", new { occurredOn = "2026-01-05", text = "Second", version = 1 });
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var stale = await network.Steward.PutAsync($"/api/evidence/{id}", new { occurredOn = "2026-01-05", text = "Third", version = 1 });

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var list = await network.Member.GetAsync<EvidenceListView>($"{url}/evidence");
        Assert.Equal("Second", Assert.Single(list.Entries).Text);
    }

    [Fact]
    public async Task DeleteEvidence_Member_HiddenRecordedAndRestorableByStewardOnly()
    {
        var (network, url) = await ExperimentAsync();
        var id = await network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = "2026-01-05", text = "Oops" });

        using var deleted = await network.Member.DeleteAsync($"/api/evidence/{id}");

        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty((await network.Member.GetAsync<EvidenceListView>($"{url}/evidence")).Entries);
        using (var memberAsks = await network.Member.GetAsync($"{url}/evidence?includeDeleted=true"))
        {
            await memberAsks.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        var bin = await network.Steward.GetAsync<EvidenceListView>($"{url}/evidence?includeDeleted=true");
        var gone = Assert.Single(bin.Entries);
        Assert.Equal("Mo Member", gone.Deleted?.By);
        Assert.Equal(gone.Deleted!.At.AddDays(30), gone.Deleted.PurgeAfter);
        Assert.True(await app.WithDbAsync(db => db.History.AnyAsync(h => h.NetworkId == network.Id && h.After != null && h.After.Contains("DeletedAt"))));

        using var memberRestores = await network.Member.PostAsync($"/api/evidence/{id}/restore", null);
        await memberRestores.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var restored = await network.Steward.PostAsync($"/api/evidence/{id}/restore", null);
        await restored.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Oops", Assert.Single((await network.Member.GetAsync<EvidenceListView>($"{url}/evidence")).Entries).Text);
    }

    [Fact]
    public async Task RestoreEvidence_DeletedOver30DaysAgo_Returns400ThenPurgeRemovesItAndItsFile()
    {
        var (network, url) = await ExperimentAsync();
        var id = await EvidenceCatalogue.UploadIdAsync(network.Member, ExperimentId(url), MediaSamples.Png, "photo.png");
        var stored = await app.WithDbAsync(db => db.Evidence.Where(e => e.Id == id).Select(e => e.StoredName!).SingleAsync());
        Assert.True(File.Exists(Path.Combine(MediaFolder, stored)));
        using (var deleted = await network.Member.DeleteAsync($"/api/evidence/{id}"))
        {
            await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }
        await app.WithDbAsync(db => db.Evidence.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DeletedAt, DateTimeOffset.UtcNow.AddDays(-31))));

        using var late = await network.Steward.PostAsync($"/api/evidence/{id}/restore", null);
        await late.ShouldBeInvalidAsync("evidenceId");

        var purge = app.Services.GetRequiredService<EvidencePurge>();
        Assert.True(await purge.PurgeAsync(DateTimeOffset.UtcNow) >= 1);
        Assert.Equal(0, await purge.PurgeAsync(DateTimeOffset.UtcNow));
        Assert.False(await app.WithDbAsync(db => db.Evidence.AnyAsync(e => e.Id == id)));
        Assert.False(File.Exists(Path.Combine(MediaFolder, stored)));
        using var afterPurge = await network.Steward.PostAsync($"/api/evidence/{id}/restore", null);
        await afterPurge.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purge_DeletedYesterday_Kept()
    {
        var (network, url) = await ExperimentAsync();
        var id = await network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = "2026-01-05", text = "Recent" });
        using (var deleted = await network.Member.DeleteAsync($"/api/evidence/{id}"))
        {
            await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        await app.Services.GetRequiredService<EvidencePurge>().PurgeAsync(DateTimeOffset.UtcNow.AddDays(29));

        Assert.True(await app.WithDbAsync(db => db.Evidence.AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task Measurements_TwoThingsMeasured_SeriesWithTheNotesOfTheirPeriod()
    {
        var (network, url) = await ExperimentAsync();
        foreach (var (date, value) in new[] { ("2026-01-10", 14m), ("2026-01-03", 21m), ("2026-01-17", 9m) })
        {
            await network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Measurement", occurredOn = date, whatMeasured = "Days to first visit", value, unit = "days" });
        }
        await network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Measurement", occurredOn = "2026-02-01", whatMeasured = "Calls back", value = 2 });
        await network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Note", occurredOn = "2026-01-11", text = "Started visiting on the same day as the call." });
        await network.Member.CreatedIdAsync($"{url}/evidence", new { kind = "Narrative", occurredOn = "2026-01-25", text = "Later story", toldBy = "Practitioner" });

        var view = await network.Observer.GetAsync<MeasurementsView>($"{url}/measurements");

        Assert.Equal(["Calls back", "Days to first visit"], view.Series.Select(s => s.WhatMeasured));
        var days = view.Series[1];
        Assert.Equal([21m, 14m, 9m], days.Points.Select(p => p.Value));
        Assert.Equal(("days", new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 17)), (days.Unit, days.From, days.To));
        Assert.Equal(["Started visiting on the same day as the call."], days.Alongside.Select(a => a.Text));
        Assert.Empty(view.Series[0].Alongside);
    }

    [Fact]
    public async Task UploadMedia_Mp4_SavedUnderAnUnguessableNameAndStreamedWithRanges()
    {
        var (network, url) = await ExperimentAsync();
        var video = MediaSamples.Mp4();

        using var response = await EvidenceCatalogue.UploadAsync(network.Member, ExperimentId(url), video, "journal day 1.mp4", "Day one", "2026-01-05");

        var entry = await response.ReadAsync<EvidenceView>(HttpStatusCode.Created);
        Assert.Equal((EvidenceKind.Media, MediaKind.Video, "video/mp4", (long?)video.Length, "journal day 1.mp4", "Day one"),
            (entry.Kind, entry.MediaKind, entry.ContentType, entry.FileSize, entry.FileName, entry.Text));
        var stored = await app.WithDbAsync(db => db.Evidence.Where(e => e.Id == entry.Id).Select(e => e.StoredName!).SingleAsync());
        Assert.Matches("^[0-9a-f]{32}$", stored);
        Assert.Equal(video, await File.ReadAllBytesAsync(Path.Combine(MediaFolder, stored)));

        using var request = new HttpRequestMessage(HttpMethod.Get, entry.FileUrl);
        request.Headers.Range = new RangeHeaderValue(4, 11);
        using var range = await network.Observer.Http.SendAsync(request);
        await range.ShouldHaveStatusAsync(HttpStatusCode.PartialContent);
        Assert.Equal("ftypisom"u8.ToArray(), await range.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", range.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(range.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", range.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("journal day 1.mp4", range.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Empty(Directory.GetFiles(Path.Combine(MediaFolder, "tmp")));
    }

    [Fact]
    public async Task FileUrl_Outsider_Returns404()
    {
        var (network, url) = await ExperimentAsync();
        var id = await EvidenceCatalogue.UploadIdAsync(network.Member, ExperimentId(url), MediaSamples.Png, "photo.png");

        using var response = await network.Outsider.GetAsync($"/api/evidence/{id}/file");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = await app.Anonymous().GetAsync($"/api/evidence/{id}/file");
        await anonymous.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FileUrl_Deleted_Returns404()
    {
        var (network, url) = await ExperimentAsync();
        var id = await EvidenceCatalogue.UploadIdAsync(network.Member, ExperimentId(url), MediaSamples.Png, "photo.png");
        using (var deleted = await network.Member.DeleteAsync($"/api/evidence/{id}"))
        {
            await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        using var response = await network.Observer.GetAsync($"/api/evidence/{id}/file");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("html", "journal.mp4", "content")]
    [InlineData("exe", "journal.mp4", "content")]
    [InlineData("png", "photo.mp4", "PNG")]
    [InlineData("mp4", "video.exe", "MP4")]
    public async Task UploadMedia_DisguisedOrUnknown_Returns400WithTheReasonAndLeavesNoFile(string content, string fileName, string reasonMentions)
    {
        var (network, url) = await ExperimentAsync();
        var before = StoredFiles();
        var bytes = content switch { "html" => MediaSamples.Html, "exe" => MediaSamples.Exe, "png" => MediaSamples.Png, _ => MediaSamples.Mp4() };

        using var response = await EvidenceCatalogue.UploadAsync(network.Member, ExperimentId(url), bytes, fileName);

        var messages = await response.ShouldBeInvalidAsync("file");
        Assert.Contains(reasonMentions, string.Join(" ", messages), StringComparison.Ordinal);
        await AssertNothingSavedAsync(url, network);
        Assert.Equal(before, StoredFiles());
        Assert.Empty(Directory.GetFiles(Path.Combine(MediaFolder, "tmp")));
    }

    [Fact]
    public async Task UploadMedia_OverTheLimit_Returns413WithTheLimitAndLeavesNoFile()
    {
        var (network, url) = await ExperimentAsync();
        var before = StoredFiles();

        using var response = await EvidenceCatalogue.UploadAsync(network.Member, ExperimentId(url), MediaSamples.Mp4(EvidenceFactorySettings.MaxUploadBytes + 1), "long.mp4");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("64 KB", problem.Detail, StringComparison.Ordinal);
        await AssertNothingSavedAsync(url, network);
        Assert.Equal(before, StoredFiles());
        Assert.Empty(Directory.GetFiles(Path.Combine(MediaFolder, "tmp")));
    }

    [Fact]
    public async Task UploadMedia_ConnectionDropsMidway_LeavesNoOrphanFile()
    {
        var (network, url) = await ExperimentAsync();
        var before = StoredFiles();
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new FailingStream(MediaSamples.Mp4(32 * 1024), failAfter: 16 * 1024));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", "dropped.mp4");

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await network.Member.Http.PostAsync($"/api/experiments/{ExperimentId(url)}/media", form);
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        });

        var tmp = Path.Combine(MediaFolder, "tmp");
        for (var i = 0; i < 50 && Directory.GetFiles(tmp).Length > 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Empty(Directory.GetFiles(tmp));
        Assert.Equal(before, StoredFiles());
        await AssertNothingSavedAsync(url, network);
    }

    [Fact]
    public async Task UploadMedia_Observer_Returns403AndReadsNothing()
    {
        var (network, url) = await ExperimentAsync();

        using var response = await EvidenceCatalogue.UploadAsync(network.Observer, ExperimentId(url), MediaSamples.Png, "photo.png");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(Directory.GetFiles(Path.Combine(MediaFolder, "tmp")));
    }

    private string[] StoredFiles() => Directory.Exists(MediaFolder) ? [.. Directory.GetFiles(MediaFolder).Order()] : [];

    private async Task AssertNothingSavedAsync(string url, TestNetwork network) =>
        Assert.Equal(0, (await network.Steward.GetAsync<EvidenceListView>($"{url}/evidence")).Total);

    private static Guid ExperimentId(string url) => Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);

    private async Task<(TestNetwork Network, string Url)> ExperimentAsync()
    {
        var network = await app.NewNetworkAsync();
        var team = await network.Steward.CreateCycleAsync(network.Id, network.Scale(1), "Team");
        var experiment = new Experiment { Title = "Shopping together", NetworkId = network.Id, CycleId = team.Id, CreatedAt = DateTimeOffset.UtcNow };
        await app.WithDbAsync(async db =>
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync();
        });
        return (network, $"/api/experiments/{experiment.Id}");
    }

    /// <summary>A request body that breaks off partway, as when a phone loses its signal.</summary>
    private sealed class FailingStream(byte[] content, int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("The connection was lost.");
            }
            var n = Math.Min(Math.Min(count, failAfter - _position), content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public static class EvidenceFactorySettings
{
    public const int MaxUploadBytes = 64 * 1024;
}

/// <summary>SQLite, with a 64 KB upload limit.</summary>
public sealed class EvidenceSqliteAppFactory : SqliteAppFactory
{
    protected override IReadOnlyDictionary<string, string> DatabaseSettings() =>
        new Dictionary<string, string>(base.DatabaseSettings()) { ["Evidence:MaxUploadBytes"] = EvidenceFactorySettings.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>PostgreSQL, with a 64 KB upload limit.</summary>
public sealed class EvidencePostgresAppFactory : PostgresAppFactory
{
    protected override IReadOnlyDictionary<string, string> DatabaseSettings() =>
        new Dictionary<string, string>(base.DatabaseSettings()) { ["Evidence:MaxUploadBytes"] = EvidenceFactorySettings.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public sealed class EvidenceApiSqliteTests(EvidenceSqliteAppFactory app) : EvidenceApiTests(app, app.DataFolder), IClassFixture<EvidenceSqliteAppFactory>;

public sealed class EvidenceApiPostgresTests(EvidencePostgresAppFactory app) : EvidenceApiTests(app, app.DataFolder), IClassFixture<EvidencePostgresAppFactory>;
