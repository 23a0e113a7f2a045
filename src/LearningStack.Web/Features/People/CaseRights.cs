using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Platform;
using LearningStack.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.People;

/// <summary>Confirms an erasure by typing the file's reference.</summary>
public sealed class ErasureInput
{
    public string? ConfirmReference { get; set; }
}

public sealed record ErasureResult(string Reference, DateTimeOffset ErasedAt, int RecordsRemoved);

/// <summary>The person's rights over their file: a copy of everything (subject access request) and erasure. Rectification is
/// ordinary editing with history; restriction is <see cref="CaseCommands.SetRestrictionAsync"/>.</summary>
public sealed class CaseRights(AppDbContext db, CaseAccess access, TimeProvider clock, IMediaStore store)
{
    /// <summary>What erased words are replaced with, where a record stays for the team's counts.</summary>
    public const string ErasedText = "(erased with the person's case file)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Everything in the file as a zip of JSON and CSV, for the person or a practitioner answering a subject access
    /// request (logged). The person's own copy leaves out notes marked practitioners-only; a practitioner's includes them,
    /// marked, for whoever answers the request to review.</summary>
    public async Task<Outcome<(byte[] Content, string FileName)>> ExportAsync(Guid caseId, CancellationToken ct = default)
    {
        var (footing, refused) = await access.ResolveAsync(caseId, ct);
        if (footing is { Relation: not (CaseRelation.Practitioner or CaseRelation.Person) })
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "A copy of everything is for the person and the practitioners working with them.");
        }
        var (scope, denied) = footing is null ? (null, refused) : await access.ReadAsync(caseId, "Export: everything (subject access)", ct);
        if (scope is null)
        {
            return denied!;
        }
        var file = await db.CaseFiles.AsNoTracking().FirstAsync(c => c.Id == caseId, ct);
        var practitioners = await db.CasePractitioners.AsNoTracking().Where(p => p.CaseFileId == caseId).Select(p => p.User!.DisplayName ?? p.User.Email).ToListAsync(ct);
        var statements = await db.CaseStatements.AsNoTracking().Where(s => s.CaseFileId == caseId).OrderBy(s => s.SaidOn).ToListAsync(ct);
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseFileId == caseId && (scope.SeesPractitionerOnly || !n.PractitionerOnly)).OrderBy(n => n.OccurredOn).ToListAsync(ct);
        var noteTasks = (await db.CaseNoteTasks.AsNoTracking().Where(t => t.CaseFileId == caseId)
                .Join(db.CaseTaskTypes, t => t.TaskTypeId, k => k.Id, (t, k) => new { t.CaseNoteId, k.Name }).ToListAsync(ct))
            .ToLookup(t => t.CaseNoteId, t => t.Name);
        var measures = await db.PersonMeasures.AsNoTracking().Where(m => m.CaseFileId == caseId).OrderBy(m => m.Position).ToListAsync(ct);
        var readings = await db.MeasureReadings.AsNoTracking().Where(r => r.CaseFileId == caseId).OrderBy(r => r.On).ToListAsync(ct);
        var consents = await db.CaseConsents.AsNoTracking().Where(c => c.CaseFileId == caseId).OrderBy(c => c.RecordedAt).ToListAsync(ct);
        var elements = await db.LifeMapElements.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.Closeness).ThenBy(e => e.CreatedAt).ToListAsync(ct);
        var links = await db.LifeMapLinks.AsNoTracking().Where(l => l.CaseFileId == caseId).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var log = await db.CaseAccessLog.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.At).ToListAsync(ct);
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.CaseFileId == caseId || db.Evidence.Any(v => v.CaseFileId == caseId && v.ExperimentId == e.Id))
            .OrderBy(e => e.CreatedAt).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.CaseFileId == caseId && e.DeletedAt == null).OrderBy(e => e.OccurredOn).ThenBy(e => e.CreatedAt).ToListAsync(ct);
        var titles = experiments.ToDictionary(e => e.Id, e => e.Title);
        var stories = await db.Stories.AsNoTracking().Where(s => s.CaseFileId == caseId).Include(s => s.Answers).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var storyIds = stories.Select(s => s.CollectionId).Distinct().ToList();
        var collections = await db.StoryCollections.AsNoTracking().Where(c => storyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var spend = await db.SpendEntries.AsNoTracking().Where(e => e.CaseFileId == caseId).OrderBy(e => e.SpentOn)
            .Select(e => new { e.SpentOn, e.Amount, e.Currency, e.WhatWasBought, Need = e.NeedCategory!.Name, e.SpentByName, e.ApprovedByName }).ToListAsync(ct);
        var ids = statements.Select(s => s.Id).Concat(notes.Select(n => n.Id)).Concat(elements.Select(e => e.Id)).Concat(links.Select(l => l.Id)).Concat(evidence.Select(e => e.Id)).ToHashSet();
        var history = await db.History.AsNoTracking().Where(h => ids.Contains(h.EntityId)).OrderBy(h => h.At).ToListAsync(ct);
        var names = measures.ToDictionary(m => m.Id, m => m.Name);
        var elementNames = elements.ToDictionary(e => e.Id, e => e.Name);

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(
                $"Everything LearningStack holds in case file {file.Reference}, exported {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC by {access.UserName}.\n\n" +
                "case-file.json   the whole file in one document (details, practitioners, what matters and strengths with every earlier version, notes, measures and readings, " +
                "the life map, consent, stories told with the person, money spent for them, experiments tried with them and evidence kept in the file, who read the file)\n" +
                "what-matters.csv, notes.csv, readings.csv, life-map.csv, life-map-links.csv, consent.csv, stories.csv, spend.csv, access-log.csv   the same, as tables\n" +
                "experiments.csv, evidence.csv   experiments tried with the person and the evidence kept in the file; media/ holds its photos, recordings and videos\n" +
                (scope.Relation == CaseRelation.Practitioner ? "\nNotes marked practitioners-only are included and marked: review them before this copy is given to the person.\n" : "")));
            Add(zip, "case-file.json", JsonSerializer.SerializeToUtf8Bytes(new
            {
                file.Reference, file.DisplayName, file.Contact, AgeBand = file.AgeBand is { } age ? AboutText.Age(age) : null,
                Gender = file.Gender is { } gender ? AboutText.Gender(gender) : null, file.CreatedAt, file.Restricted, file.RestrictedReason, practitioners,
                statements = statements.Select(s => new { s.Kind, s.Text, s.SaidOn, s.Tags, s.WrittenBy, s.AuthorName, s.CreatedAt, s.UpdatedAt }),
                earlierVersions = history.Select(h => new { h.EntityType, h.EntityId, h.Action, h.UserName, h.At, h.Before, h.After }),
                notes = notes.Select(n => new { n.Kind, n.OccurredOn, n.Who, n.WhatHappened, n.NextSteps, n.PractitionerOnly, n.AuthorName, n.CreatedAt, Tasks = noteTasks[n.Id].Order(StringComparer.CurrentCultureIgnoreCase) }),
                measures = measures.Select(m => new { m.Name, m.Low, m.High, m.LowLabel, m.HighLabel, Retired = m.RetiredAt != null }),
                readings = readings.Select(r => new { Dimension = names.GetValueOrDefault(r.MeasureId), r.On, r.Value, r.RatedBy, r.PractitionerValue, r.Note, r.RecordedByName }),
                lifeMap = new
                {
                    elements = elements.Select(e => new { e.Kind, e.Name, e.Theme, e.Effect, e.Closeness, e.Note, e.CreatedAt }),
                    links = links.Select(l => new { From = elementNames.GetValueOrDefault(l.FromId), To = elementNames.GetValueOrDefault(l.ToId), l.Polarity, l.Note, l.CreatedAt }),
                },
                consent = consents.Select(c => new { c.Purpose, c.Organisation, c.Given, c.How, c.RecordedAt, c.RecordedByName }),
                stories = stories.Select(st => new
                {
                    Collection = collections[st.CollectionId].Title, st.Title, st.Text, st.CreatedAt,
                    Answers = st.Answers.Select(a => new
                    {
                        collections[st.CollectionId].Signifiers.FirstOrDefault(x => x.Id == a.SignifierId)?.Question,
                        a.NotApplicable, a.A, a.B, a.C, a.X, a.Option,
                    }),
                }),
                spend,
                accessLog = log.Select(e => new { e.At, e.UserName, e.Relation, e.What, e.Why }),
                experiments = experiments.Select(e => new { e.Title, e.Type, e.State, e.Decision, TriedWithThePerson = e.CaseFileId == caseId, e.StartsOn, e.PlannedEndOn, e.CreatedAt }),
                evidence = evidence.Select(e => new
                {
                    Experiment = titles.GetValueOrDefault(e.ExperimentId), e.Kind, e.OccurredOn, e.Title, e.Text, e.WhatMeasured, e.Value, e.Unit, e.Context, e.ToldBy,
                    e.MediaKind, e.FileName, MediaFile = e.StoredName is null ? null : MediaEntryName(e), e.CreatedByName, e.CreatedAt,
                }),
            }, Json));
            Add(zip, "stories.csv", IssueSheet.WriteCsv(["told_on", "collection", "title", "text"],
                stories.Select(st => new string?[] { Time(st.CreatedAt), collections[st.CollectionId].Title, st.Title, st.Text })));
            Add(zip, "spend.csv", IssueSheet.WriteCsv(["date", "amount", "currency", "what_was_bought", "need", "spent_by", "approved_by"],
                spend.Select(e => new string?[] { Day(e.SpentOn), e.Amount.ToString(CultureInfo.InvariantCulture), e.Currency, e.WhatWasBought, e.Need, e.SpentByName, e.ApprovedByName })));
            Add(zip, "what-matters.csv", IssueSheet.WriteCsv(["kind", "text", "said_on", "tags", "written_by", "author", "updated_at"],
                statements.Select(s => new string?[] { s.Kind.ToString(), s.Text, Day(s.SaidOn), string.Join(", ", s.Tags), s.WrittenBy.ToString(), s.AuthorName, Time(s.UpdatedAt) })));
            Add(zip, "notes.csv", IssueSheet.WriteCsv(["kind", "date", "who", "what_happened", "next_steps", "tasks_done", "practitioners_only", "author"],
                notes.Select(n => new string?[] { n.Kind.ToString(), Day(n.OccurredOn), n.Who, n.WhatHappened, n.NextSteps,
                    string.Join("; ", noteTasks[n.Id].Order(StringComparer.CurrentCultureIgnoreCase)), n.PractitionerOnly ? "yes" : "no", n.AuthorName })));
            Add(zip, "readings.csv", IssueSheet.WriteCsv(MeasureCommands.Columns, readings.Select(r =>
            {
                var m = measures.First(x => x.Id == r.MeasureId);
                return new string?[] { Day(r.On), m.Name, Num(r.Value), r.RatedBy.ToString().ToLowerInvariant(), r.PractitionerValue is { } p ? Num(p) : null, r.Note, Num(m.Low), Num(m.High), m.LowLabel, m.HighLabel };
            })));
            Add(zip, "life-map.csv", IssueSheet.WriteCsv(["kind", "name", "theme", "effect", "closeness", "note"],
                elements.Select(e => new string?[] { e.Kind.ToString(), e.Name, e.Theme, e.Effect.ToString(), Num(e.Closeness), e.Note })));
            Add(zip, "life-map-links.csv", IssueSheet.WriteCsv(["from", "to", "polarity", "note"],
                links.Select(l => new string?[] { elementNames.GetValueOrDefault(l.FromId), elementNames.GetValueOrDefault(l.ToId), l.Polarity?.ToString(), l.Note })));
            Add(zip, "consent.csv", IssueSheet.WriteCsv(["purpose", "organisation", "given", "how", "recorded_at", "recorded_by"],
                consents.Select(c => new string?[] { c.Purpose.ToString(), c.Organisation, c.Given ? "yes" : "no", c.How, Time(c.RecordedAt), c.RecordedByName })));
            Add(zip, "access-log.csv", IssueSheet.WriteCsv(["at", "who", "as", "what", "why"],
                log.Select(e => new string?[] { Time(e.At), e.UserName, e.Relation.ToString(), e.What, e.Why })));
            Add(zip, "experiments.csv", IssueSheet.WriteCsv(["title", "type", "state", "decision", "tried_with_the_person", "starts_on", "planned_end_on"],
                experiments.Select(e => new string?[] { e.Title, e.Type.ToString(), e.State.ToString(), e.Decision?.ToString(), e.CaseFileId == caseId ? "yes" : "no",
                    e.StartsOn is { } s ? Day(s) : null, e.PlannedEndOn is { } p ? Day(p) : null })));
            Add(zip, "evidence.csv", IssueSheet.WriteCsv(["date", "experiment", "kind", "title", "text", "what_measured", "value", "unit", "context", "told_by", "media_file", "added_by"],
                evidence.Select(e => new string?[] { Day(e.OccurredOn), titles.GetValueOrDefault(e.ExperimentId), e.Kind.ToString(), e.Title, e.Text, e.WhatMeasured,
                    e.Value?.ToString(CultureInfo.InvariantCulture), e.Unit, e.Context, e.ToldBy?.ToString(), e.StoredName is null ? null : MediaEntryName(e), e.CreatedByName })));
            foreach (var entry in evidence.Where(e => e.StoredName is not null))
            {
                await using var media = store.OpenRead(entry.StoredName!);
                if (media is not null)
                {
                    await using var target = zip.CreateEntry(MediaEntryName(entry), CompressionLevel.NoCompression).Open();
                    await media.CopyToAsync(target, ct);
                }
            }
        }
        return (output.ToArray(), $"case-file-{file.Reference}.zip");
    }

    /// <summary>Erases the person's data: their name and contact, what matters, strengths, notes, measures and readings, the life map, consent
    /// records, invitations, grants and every earlier version of these in history; reasons in the access log are blanked; spend
    /// linked to the file keeps its amount and need (so the team's totals stay true) but loses what was bought and the link; stories
    /// told with the person lose their words and the link but keep their signifier answers; evidence kept in the file loses its words
    /// and media files (a measurement keeps its value and date) and the link; experiments tried with the person stay (they are the
    /// team's learning) but no longer point to the file. The file
    /// keeps its reference and its place in the cycle, so counts stay true. Practitioners only; confirmed by typing the reference.</summary>
    public async Task<Outcome<ErasureResult>> EraseAsync(Guid caseId, ErasureInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.Access, ct, evenIfRestricted: true);
        if (scope is null)
        {
            return denied!;
        }
        if (!string.Equals(input.ConfirmReference?.Trim(), scope.Reference, StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Invalid("confirmReference", $"Type the file's reference, {scope.Reference}, to confirm. Erasure cannot be undone.");
        }
        var now = clock.GetUtcNow();
        var ids = new List<Guid> { caseId };
        ids.AddRange(await db.CaseStatements.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.CaseNotes.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.PersonMeasures.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.MeasureReadings.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.LifeMapLinks.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.LifeMapElements.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.CaseConsents.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.CaseAccessGrants.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.CaseInvitations.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.CasePractitioners.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.SpendEntries.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        ids.AddRange(await db.Stories.Where(s => s.CaseFileId == caseId).Select(s => s.Id).ToListAsync(ct));
        var evidence = await db.Evidence.Where(e => e.CaseFileId == caseId).Select(e => new { e.Id, e.StoredName }).ToListAsync(ct);
        ids.AddRange(evidence.Select(e => e.Id));

        // Bulk statements bypass the history interceptor, which would otherwise keep a "before" copy of everything erased.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = 0;
        removed += await db.MeasureReadings.Where(r => r.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.PersonMeasures.Where(m => m.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.LifeMapLinks.Where(l => l.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.LifeMapElements.Where(e => e.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.CaseStatements.Where(s => s.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.CaseNoteTasks.Where(t => t.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.CaseNotes.Where(n => n.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.CaseConsents.Where(c => c.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.CaseAccessGrants.Where(g => g.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        removed += await db.CaseInvitations.Where(i => i.CaseFileId == caseId).ExecuteDeleteAsync(ct);
        // Spend stays in the team's totals (amount and need), but no longer says what was bought for whom.
        await db.SpendEntries.Where(e => e.CaseFileId == caseId).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.WhatWasBought, "(erased with the person's case file)")
            .SetProperty(e => e.CaseFileId, (Guid?)null), ct);
        // Stories told with the person lose their words; how the teller placed them stays, so pattern counts stay true.
        await db.Stories.Where(s => s.CaseFileId == caseId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Text, "(erased with the person's case file)")
            .SetProperty(s => s.Title, (string?)null)
            .SetProperty(s => s.CaseFileId, (Guid?)null), ct);
        // Evidence kept in the file loses its words and files; dates, kinds and values stay in the experiment's counts.
        await db.Evidence.Where(e => e.CaseFileId == caseId).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.Title, (string?)null)
            .SetProperty(e => e.Text, e => e.Kind == EvidenceKind.Measurement ? null : ErasedText)
            .SetProperty(e => e.WhatMeasured, e => e.WhatMeasured == null ? null : ErasedText)
            .SetProperty(e => e.Context, (string?)null)
            .SetProperty(e => e.FileName, (string?)null)
            .SetProperty(e => e.StoredName, (string?)null)
            .SetProperty(e => e.ContentType, (string?)null)
            .SetProperty(e => e.FileSize, (long?)null)
            .SetProperty(e => e.CaseFileId, (Guid?)null)
            .SetProperty(e => e.Version, e => e.Version + 1), ct);
        // Experiments tried with the person are the team's learning: they stay, without the link to the file.
        await db.Experiments.Where(e => e.CaseFileId == caseId).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.CaseFileId, (Guid?)null)
            .SetProperty(e => e.Version, e => e.Version + 1), ct);
        await db.CaseAccessLog.Where(e => e.CaseFileId == caseId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Why, (string?)null), ct);
        await db.CaseAccessLog.Where(e => e.CaseFileId == caseId && e.Relation == CaseRelation.Person)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.UserName, "The person").SetProperty(e => e.UserId, (string?)null), ct);
        await db.CaseFiles.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.DisplayName, (string?)null)
            .SetProperty(c => c.Contact, (string?)null)
            .SetProperty(c => c.AgeBand, (AgeBand?)null)
            .SetProperty(c => c.Gender, (GenderGroup?)null)
            .SetProperty(c => c.PersonUserId, (string?)null)
            .SetProperty(c => c.Restricted, false)
            .SetProperty(c => c.RestrictedReason, (string?)null)
            .SetProperty(c => c.ErasedAt, now)
            .SetProperty(c => c.Counted, false)
            .SetProperty(c => c.UpdatedAt, now)
            .SetProperty(c => c.Version, c => c.Version + 1), ct);
        await db.History.Where(h => ids.Contains(h.EntityId)).ExecuteDeleteAsync(ct);
        db.History.Add(new HistoryEntry
        {
            NetworkId = scope.NetworkId, EntityType = nameof(CaseFile), EntityId = caseId, Action = "Erased",
            UserId = access.UserId, UserName = access.UserName, At = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var name in evidence.Select(e => e.StoredName).OfType<string>())
        {
            store.Delete(name);
        }
        if (db.Database.IsSqlite())
        {
            // Move everything out of the write-ahead log into the (secure-deleting) database file, and empty the log.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
        return new ErasureResult(scope.Reference, now, removed);
    }

    /// <summary>Where a media file of the file's evidence is in the zip: media/, the entry's date and the uploader's file name.</summary>
    private static string MediaEntryName(EvidenceEntry e) =>
        $"media/{Day(e.OccurredOn)}-{e.Id.ToString("N")[..8]}-{string.Concat((e.FileName ?? "media").Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'))}";

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
