using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using LearningStack.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Every rule about evidence: who may add, edit, delete and restore it, what each kind needs, and the measurement series.
/// An entry linked to a case file is part of that person's record: adding, changing or deleting it needs the right to work on the file
/// (<see cref="CaseAccess.WriteAsync"/>); its content is shown only to people who can open the file, and each read is logged
/// (<see cref="CaseAccess.ReadAsync"/>, once per file per request). Everyone else sees how many such entries there are, nothing more.</summary>
public sealed class EvidenceCommands(AppDbContext db, MapScope scope, CurrentUser user, TimeProvider clock, IMediaStore store, CaseAccess cases)
{
    /// <summary>The case files this request has opened (reference) or been refused (null): each is asked, and logged, once.</summary>
    private readonly Dictionary<Guid, string?> _opened = [];

    /// <summary>How long a deleted entry can be restored before it is purged.</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<Outcome<EvidenceListView>> ListAsync(Guid experimentId, EvidenceKind? kind, bool includeDeleted, int? page, int? pageSize,
        CancellationToken ct = default)
    {
        var (experiment, denied) = await ExperimentAsync(experimentId, includeDeleted ? NetworkRole.Steward : NetworkRole.Observer, ct);
        if (experiment is null)
        {
            return denied!;
        }
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var query = db.Evidence.AsNoTracking().Where(e => e.ExperimentId == experimentId && (includeDeleted ? e.DeletedAt != null : e.DeletedAt == null));
        if (kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }
        var linked = await query.Where(e => e.CaseFileId != null).Select(e => e.CaseFileId!.Value).Distinct().ToListAsync(ct);
        var visible = await OpenCasesAsync(linked, experiment.Title, ct);
        var hidden = linked.Where(id => !visible.ContainsKey(id)).ToList();
        var hiddenCount = hidden.Count == 0 ? 0 : await query.CountAsync(e => e.CaseFileId != null && hidden.Contains(e.CaseFileId.Value), ct);
        if (hidden.Count > 0)
        {
            query = query.Where(e => e.CaseFileId == null || !hidden.Contains(e.CaseFileId.Value));
        }
        var total = await query.CountAsync(ct);
        var rows = await (includeDeleted ? query.OrderByDescending(e => e.DeletedAt) : query.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.CreatedAt))
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new EvidenceListView(experimentId, total, number, size, [.. rows.Select(r => View(r, visible))], hiddenCount);
    }

    public async Task<Outcome<EvidenceView>> GetAsync(Guid evidenceId, CancellationToken ct = default)
    {
        var entry = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.DeletedAt == null, ct);
        if (entry is null)
        {
            return Failure.NotFound;
        }
        if (await scope.RequireAsync(entry.NetworkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var visible = await OpenCasesAsync(entry.CaseFileId is { } caseId ? [caseId] : [], null, ct);
        return entry.CaseFileId is { } linked && !visible.ContainsKey(linked) ? Failure.NotFound : View(entry, visible);
    }

    public async Task<Outcome<EvidenceView>> CreateAsync(Guid experimentId, EvidenceInput input, CancellationToken ct = default)
    {
        var (experiment, denied) = await ExperimentAsync(experimentId, NetworkRole.Member, ct);
        if (experiment is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (input.Kind is not { } kind || kind == EvidenceKind.Media)
        {
            return Failure.Invalid("kind", input.Kind is null
                ? "Choose the kind of evidence: Measurement, Note or Narrative."
                : "Media files are uploaded as a file (POST …/media as multipart form data), not as JSON.");
        }
        var errors = EvidenceRules.Check(kind, input, Today());
        if (input.CaseId is { } caseId && await LinkableCaseAsync(experiment, caseId, ct) is null)
        {
            errors["caseId"] = [CaseChoiceMessage];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var entry = new EvidenceEntry
        {
            NetworkId = experiment.NetworkId, CycleId = experiment.CycleId, ExperimentId = experimentId, Kind = kind, CaseFileId = input.CaseId,
            CreatedById = user.UserId, CreatedByName = user.DisplayName, CreatedAt = clock.GetUtcNow(),
        };
        Apply(entry, kind, input);
        db.Evidence.Add(entry);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(entry, ct);
    }

    public async Task<Outcome<EvidenceView>> UpdateAsync(Guid evidenceId, EvidenceInput input, CancellationToken ct = default)
    {
        var (entry, denied) = await WritableAsync(evidenceId, NetworkRole.Member, deleted: false, ct);
        if (entry is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (input.Kind is { } kind && kind != entry.Kind && (kind == EvidenceKind.Media || entry.Kind == EvidenceKind.Media))
        {
            return Failure.Invalid("kind", "A media entry stays a media entry, and a measurement, note or story cannot become one. Add a new entry instead.");
        }
        var newKind = input.Kind ?? entry.Kind;
        var errors = EvidenceRules.Check(newKind, input, Today());
        if (input.CaseId is { } caseId && caseId != entry.CaseFileId
            && await LinkableCaseAsync(await db.Experiments.AsNoTracking().FirstAsync(x => x.Id == entry.ExperimentId, ct), caseId, ct) is null)
        {
            errors["caseId"] = [CaseChoiceMessage];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (Concurrency.Check(db, entry, input.Version) is { } stale)
        {
            return stale;
        }
        var newlyLinked = entry.CaseFileId is null && input.CaseId is not null;
        entry.Kind = newKind;
        entry.CaseFileId = input.CaseId;
        Apply(entry, newKind, input);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        if (newlyLinked)
        {
            await KeepOutOfTheCycleAsync(entry, ct);
        }
        return await ViewAsync(entry, ct);
    }

    /// <summary>Soft delete: the entry disappears from the experiment, and a steward can restore it for 30 days.</summary>
    public async Task<Outcome<EvidenceView>> DeleteAsync(Guid evidenceId, CancellationToken ct = default)
    {
        var (entry, denied) = await WritableAsync(evidenceId, NetworkRole.Member, deleted: false, ct);
        if (entry is null)
        {
            return denied!;
        }
        entry.DeletedAt = clock.GetUtcNow();
        entry.DeletedByName = user.DisplayName;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(entry, ct);
    }

    public async Task<Outcome<EvidenceView>> RestoreAsync(Guid evidenceId, CancellationToken ct = default)
    {
        var (entry, denied) = await WritableAsync(evidenceId, NetworkRole.Steward, deleted: null, ct);
        if (entry is null)
        {
            return denied!;
        }
        if (entry.DeletedAt is not { } deletedAt)
        {
            return Failure.Invalid("evidenceId", "This entry is not deleted, so there is nothing to restore.");
        }
        if (deletedAt + RestoreWindow < clock.GetUtcNow())
        {
            return Failure.Invalid("evidenceId", $"This entry was deleted on {deletedAt:d MMMM yyyy}, more than 30 days ago, so it can no longer be restored.");
        }
        entry.DeletedAt = null;
        entry.DeletedByName = null;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(entry, ct);
    }

    /// <summary>Saves a checked upload: keeps the file under an unguessable name and records the entry. If anything fails, the file goes.</summary>
    public async Task<Outcome<EvidenceView>> AddMediaAsync(Guid experimentId, MediaUpload upload, CancellationToken ct = default)
    {
        var (experiment, denied) = await ExperimentAsync(experimentId, NetworkRole.Member, ct);
        if (experiment is null)
        {
            return denied!;
        }
        var errors = new Dictionary<string, string[]>();
        if (upload.OccurredOn > Today())
        {
            errors["occurredOn"] = ["The date is in the future. Give the day it was recorded (today at the latest)."];
        }
        if (upload.Caption?.Length > Limits.LongText)
        {
            errors["caption"] = ["A caption can be at most 20,000 characters."];
        }
        if (upload.CaseId is { } caseId && await LinkableCaseAsync(experiment, caseId, ct) is null)
        {
            errors["caseId"] = [CaseChoiceMessage];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var storedName = store.Keep(upload.Temp);
        try
        {
            var now = clock.GetUtcNow();
            var entry = new EvidenceEntry
            {
                NetworkId = experiment.NetworkId, CycleId = experiment.CycleId, ExperimentId = experimentId, Kind = EvidenceKind.Media, CaseFileId = upload.CaseId,
                OccurredOn = upload.OccurredOn ?? Today(), Text = Clean(upload.Caption),
                MediaKind = upload.Type.Media switch { MediaFamily.Image => MediaKind.Photo, MediaFamily.Audio => MediaKind.Audio, _ => MediaKind.Video },
                FileName = SafeFileName(upload.FileName), ContentType = upload.Type.ContentType, FileSize = upload.Temp.Length, StoredName = storedName,
                CreatedById = user.UserId, CreatedByName = user.DisplayName, CreatedAt = now,
            };
            db.Evidence.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
            return await ViewAsync(entry, CancellationToken.None);
        }
        catch
        {
            store.Delete(storedName);
            throw;
        }
    }

    /// <summary>Checks that the caller may add media to the experiment, before a byte of the upload is read.</summary>
    public async Task<Failure?> CanUploadAsync(Guid experimentId, CancellationToken ct = default) =>
        (await ExperimentAsync(experimentId, NetworkRole.Member, ct)).Denied;

    /// <summary>The media file: for anyone who can see the experiment, or for an entry linked to a case file, for anyone who can open
    /// that file (the person included), and the read is logged.</summary>
    public async Task<Outcome<MediaFile>> OpenFileAsync(Guid evidenceId, CancellationToken ct = default)
    {
        var entry = await db.Evidence.AsNoTracking().Where(e => e.Id == evidenceId && e.DeletedAt == null && e.StoredName != null)
            .Select(e => new { e.NetworkId, e.CaseFileId, e.StoredName, e.ContentType, e.FileName }).FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return Failure.NotFound;
        }
        if (entry.CaseFileId is { } caseId)
        {
            var (opened, refused) = await cases.ReadAsync(caseId, "A media file of experiment evidence linked to the file", ct);
            if (opened is null)
            {
                return refused!;
            }
        }
        else if (await scope.RequireAsync(entry.NetworkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied.Status == OutcomeStatus.Forbidden ? Failure.NotFound : denied;
        }
        var stream = store.OpenRead(entry.StoredName!);
        return stream is null ? Failure.NotFound : new MediaFile(stream, entry.ContentType ?? "application/octet-stream", entry.FileName ?? "media");
    }

    public async Task<Outcome<MeasurementsView>> MeasurementsAsync(Guid experimentId, CancellationToken ct = default)
    {
        var (experiment, denied) = await ExperimentAsync(experimentId, NetworkRole.Observer, ct);
        if (experiment is null)
        {
            return denied!;
        }
        var all = await db.Evidence.AsNoTracking()
            .Where(e => e.ExperimentId == experimentId && e.DeletedAt == null && (e.Kind == EvidenceKind.Measurement || e.Kind == EvidenceKind.Note || e.Kind == EvidenceKind.Narrative))
            .Select(e => new { e.Id, e.Kind, e.OccurredOn, e.Title, e.Text, e.WhatMeasured, e.Value, e.Unit, e.Context, e.ToldBy, e.CreatedAt, e.CaseFileId })
            .ToListAsync(ct);
        var visible = await OpenCasesAsync(all.Select(r => r.CaseFileId).OfType<Guid>().Distinct(), experiment.Title, ct);
        var rows = all.Where(r => r.CaseFileId is null || visible.ContainsKey(r.CaseFileId.Value)).ToList();
        var words = rows.Where(r => r.Kind != EvidenceKind.Measurement).OrderBy(r => r.OccurredOn).ThenBy(r => r.CreatedAt).ToList();
        var series = rows
            .Where(r => r.Kind == EvidenceKind.Measurement && r.Value is not null && !string.IsNullOrWhiteSpace(r.WhatMeasured))
            .GroupBy(r => r.WhatMeasured!.Trim().ToUpperInvariant())
            .Select(g =>
            {
                var points = g.OrderBy(r => r.OccurredOn).ThenBy(r => r.CreatedAt).ToList();
                var (from, to) = (points[0].OccurredOn, points[^1].OccurredOn);
                return new MeasurementSeries(
                    points[^1].WhatMeasured!.Trim(),
                    points.LastOrDefault(p => !string.IsNullOrWhiteSpace(p.Unit))?.Unit,
                    from, to,
                    [.. points.Select(p => new MeasurementPoint(p.Id, p.OccurredOn, p.Value!.Value, p.Context))],
                    [.. words.Where(w => w.OccurredOn >= from && w.OccurredOn <= to).Select(w => new AlongsideEntry(w.Id, w.Kind, w.OccurredOn, w.Title, w.Text, w.ToldBy))]);
            })
            .OrderBy(s => s.WhatMeasured, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new MeasurementsView(experimentId, series, all.Count - rows.Count);
    }

    private async Task<(Experiment? Experiment, Failure? Denied)> ExperimentAsync(Guid experimentId, NetworkRole minimum, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, ct);
        if (experiment is null)
        {
            return (null, Failure.NotFound);
        }
        var denied = await scope.RequireAsync(experiment.NetworkId, minimum, ct);
        return denied is null ? (experiment, null) : (null, denied);
    }

    private const string CaseChoiceMessage =
        "Choose a case file you work on in this experiment's cycle (usually the person the experiment is tried with), or none.";

    /// <summary>The reference of a case evidence of <paramref name="experiment"/> may be linked to: the experiment's own case or another
    /// case file of its cycle, that the caller may work on. Null otherwise, whatever the reason.</summary>
    private async Task<string?> LinkableCaseAsync(Experiment experiment, Guid caseId, CancellationToken ct)
    {
        var (file, _) = await cases.WriteAsync(caseId, CaseWrite.Work, ct);
        return file is not null && file.CycleId == experiment.CycleId ? file.Reference : null;
    }

    /// <summary>The tracked entry when the caller has the role and, for an entry linked to a case file, may work on that file.
    /// <paramref name="deleted"/>: false for live entries only, null for any.</summary>
    private async Task<(EvidenceEntry? Entry, Failure? Denied)> WritableAsync(Guid evidenceId, NetworkRole minimum, bool? deleted, CancellationToken ct)
    {
        var entry = await db.Evidence.FirstOrDefaultAsync(e => e.Id == evidenceId && (deleted == null || e.DeletedAt == null), ct);
        if (entry is null)
        {
            return (null, Failure.NotFound);
        }
        if (await scope.RequireAsync(entry.NetworkId, minimum, ct) is { } denied)
        {
            return (null, denied);
        }
        if (entry.CaseFileId is { } caseId && (await cases.WriteAsync(caseId, CaseWrite.Work, ct)).Denied is { } refused)
        {
            return (null, refused.Status == OutcomeStatus.NotFound
                ? new Failure(OutcomeStatus.Forbidden, Message: "This entry is linked to the case file of a person you are not working with. Only the people working with them can change it.")
                : refused);
        }
        return (entry, null);
    }

    /// <summary>For an entry just linked to a case file: what it said before is the person's too. Its earlier versions leave the cycle's
    /// history page, and where a sense-making session keeps it as material it is renamed by kind and date (its old name leaves the
    /// history page too).</summary>
    private async Task KeepOutOfTheCycleAsync(EvidenceEntry entry, CancellationToken ct)
    {
        await db.History.Where(h => h.EntityId == entry.Id && h.CycleId != null).ExecuteUpdateAsync(u => u.SetProperty(h => h.CycleId, (Guid?)null), ct);
        var experimentTitle = await db.Experiments.Where(x => x.Id == entry.ExperimentId).Select(x => x.Title).FirstAsync(ct);
        var neutral = SenseMaking.SessionCommands.EvidenceTitle(null, entry.Kind, null, entry.OccurredOn, experimentTitle, linkedToCase: true);
        neutral = neutral.Length > Limits.Name ? neutral[..Limits.Name] : neutral;
        var materials = db.SessionMaterials.Where(m => m.Kind == SenseMaking.MaterialKind.Evidence && m.TargetId == entry.Id);
        await db.History.Where(h => materials.Any(m => m.Id == h.EntityId) && h.CycleId != null).ExecuteUpdateAsync(u => u.SetProperty(h => h.CycleId, (Guid?)null), ct);
        await materials.ExecuteUpdateAsync(u => u.SetProperty(m => m.Title, neutral), ct);
    }

    /// <summary>Opens the case files among <paramref name="caseIds"/> that the caller may read, logging one read of each (once per
    /// request; <paramref name="experimentTitle"/> says where, null when the caller already holds the entry and this is its read).
    /// Returns their references; files the caller cannot open are left out, and nothing is logged for them.</summary>
    private async Task<Dictionary<Guid, string>> OpenCasesAsync(IEnumerable<Guid> caseIds, string? experimentTitle, CancellationToken ct)
    {
        foreach (var caseId in caseIds.Distinct())
        {
            if (!_opened.ContainsKey(caseId))
            {
                var what = experimentTitle is null ? "Experiment evidence linked to the file" : $"Experiment evidence linked to the file: {experimentTitle}";
                _opened[caseId] = (await cases.ReadAsync(caseId, what.Length <= Limits.Name ? what : what[..(Limits.Name - 1)] + "…", ct)).Scope?.Reference;
            }
        }
        return _opened.Where(o => o.Value is not null).ToDictionary(o => o.Key, o => o.Value!);
    }

    /// <summary>The view of an entry the caller just wrote (they work on its case, so this is a read of the file too).</summary>
    private async Task<EvidenceView> ViewAsync(EvidenceEntry entry, CancellationToken ct) =>
        View(entry, await OpenCasesAsync(entry.CaseFileId is { } caseId ? [caseId] : [], null, ct));

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static void Apply(EvidenceEntry entry, EvidenceKind kind, EvidenceInput input)
    {
        entry.OccurredOn = input.OccurredOn!.Value;
        entry.Title = Clean(input.Title);
        entry.Text = Clean(input.Text);
        var measurement = kind == EvidenceKind.Measurement;
        entry.WhatMeasured = measurement ? Clean(input.WhatMeasured) : null;
        entry.Value = measurement ? input.Value : null;
        entry.Unit = measurement ? Clean(input.Unit) : null;
        entry.Context = measurement ? Clean(input.Context) : null;
        entry.ToldBy = kind == EvidenceKind.Narrative ? input.ToldBy : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The uploader's file name, for display and Content-Disposition only (never a path on disk).</summary>
    private static string SafeFileName(string name)
    {
        var leaf = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. leaf.Where(c => !char.IsControl(c))]).Trim();
        clean = string.IsNullOrEmpty(clean) ? "media" : clean;
        return clean.Length <= 255 ? clean : clean[^255..];
    }

    /// <summary>An entry as shown to someone who may see it (the caller of a case-linked entry can open its file: its reference is in
    /// <paramref name="cases"/>).</summary>
    public static EvidenceView View(EvidenceEntry e, IReadOnlyDictionary<Guid, string> cases) => new(
        e.Id, e.ExperimentId, e.CaseFileId, e.CaseFileId is { } caseId ? cases.GetValueOrDefault(caseId) : null, e.Kind, e.OccurredOn, e.Title, e.Text, e.WhatMeasured, e.Value, e.Unit, e.Context, e.ToldBy, e.MediaKind, e.FileName, e.ContentType,
        e.FileSize, e.StoredName is null ? null : $"/api/evidence/{e.Id}/file", e.CreatedByName, e.CreatedAt,
        e.DeletedAt is { } at ? new DeletedView(at, e.DeletedByName, at + RestoreWindow) : null, e.Version);
}
