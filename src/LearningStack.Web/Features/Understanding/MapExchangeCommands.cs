using System.Text;
using System.Text.RegularExpressions;
using LearningStack.MapFormats;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Understanding;

public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

public sealed record ImportSummary(int ElementsAdded, int ElementsMatched, int ConnectionsAdded, string Format, string? SnapshotName);

public sealed record SnapshotView(Guid Id, MapKind Map, string Name, string TakenBy, DateTimeOffset TakenAt, int ElementCount, int ConnectionCount);

public sealed record Renamed(string Before, string After);

/// <summary>What changed between a snapshot and the map of today.</summary>
public sealed record SnapshotComparison(SnapshotView Snapshot, IReadOnlyList<string> AddedElements, IReadOnlyList<string> RemovedElements,
    IReadOnlyList<Renamed> RenamedElements, IReadOnlyList<string> AddedConnections, IReadOnlyList<string> RemovedConnections)
{
    public bool Unchanged => AddedElements.Count + RemovedElements.Count + RenamedElements.Count + AddedConnections.Count + RemovedConnections.Count == 0;
}

/// <summary>Maps in and out: export to Kumu, GraphML or our JSON; import all-or-nothing; dated snapshots and comparisons.</summary>
public sealed partial class MapExchangeCommands(AppDbContext db, MapScope scope, MapCommands maps, CurrentUser currentUser, TimeProvider clock)
{
    public const long MaxImportBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, MapFormat> ExportFormats = new Dictionary<string, MapFormat>
    {
        ["kumu-xlsx"] = MapFormat.KumuXlsx,
        ["kumu-csv"] = MapFormat.KumuCsv,
        ["kumu-json"] = MapFormat.KumuJson,
        ["graphml"] = MapFormat.GraphMl,
        ["json"] = MapFormat.LearningStackJson,
    };

    public async Task<Outcome<ExportFile>> ExportAsync(Guid cycleId, MapKind map, string? format, CancellationToken ct = default)
    {
        if (!ExportFormats.TryGetValue(format ?? "json", out var kind))
        {
            return Failure.Invalid("format", $"Choose one of: {string.Join(", ", ExportFormats.Keys)}.");
        }
        var (document, failure) = await DocumentAsync(cycleId, map, ct);
        if (document is null)
        {
            return failure!;
        }
        using var output = new MemoryStream();
        MapExport.Write(document, kind, output);
        var name = $"{Slug(document.Name)}-{(map == MapKind.ActorMap ? "actor-map" : "factor-map")}-{clock.GetUtcNow():yyyy-MM-dd}{MapExport.FileExtension(kind)}";
        return new ExportFile(output.ToArray(), MapExport.ContentType(kind), name);
    }

    /// <summary>Adds a file's elements and connections to the map (or replaces the map), all or nothing. Elements whose name is
    /// already on the map are matched, not duplicated. A snapshot of the map is saved first, so the import can be looked back on.</summary>
    public async Task<Outcome<ImportSummary>> ImportAsync(Guid cycleId, MapKind map, Stream file, string fileName, bool replace, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        using var buffer = new MemoryStream();
        if (!await CopyLimitedAsync(file, buffer, ct))
        {
            return Failure.Invalid("file", $"The file is larger than {MaxImportBytes / (1024 * 1024)} MB. Split the map, or leave out pictures and extra sheets.");
        }
        if (buffer.Length == 0)
        {
            return Failure.Invalid("file", "Choose a file to import (sent as multipart form data in a field named file).");
        }
        if (MapImport.Detect(fileName, buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 4096))) is not { } format)
        {
            return Failure.Invalid("file", "We could not tell what kind of file this is. Use a Kumu spreadsheet (.xlsx or .csv), a Kumu JSON blueprint, an Insight Maker model, GraphML, or a LearningStack map (.json).");
        }
        buffer.Position = 0;
        var read = MapImport.Read(buffer, format, fileName);
        if (!read.Succeeded)
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["file"] = [.. read.Problems.Select(Describe)] });
        }
        var document = read.Document!;
        var expected = map == MapKind.ActorMap ? MapDocument.ActorMap : MapDocument.FactorMap;
        if (document.Kind is { } kind && kind != expected)
        {
            return Failure.Invalid("file", $"This file holds {(kind == MapDocument.ActorMap ? "an actor map" : "a factor map")}. Import it on the {(kind == MapDocument.ActorMap ? "actor map" : "factor map")} page.");
        }
        var snapshot = await SnapshotBeforeImportAsync(cycle, map, fileName, ct);
        var summary = map == MapKind.ActorMap
            ? await ImportActorsAsync(cycle, document, replace, ct)
            : await ImportFactorsAsync(cycle, document, replace, ct);
        if (summary.Value is not { } done)
        {
            return summary;
        }
        if (snapshot is not null)
        {
            db.MapSnapshots.Add(snapshot);
        }
        await db.SaveChangesAsync(ct);
        return done with { Format = MapImport.Describe(format), SnapshotName = snapshot?.Name };
    }

    public async Task<Outcome<IReadOnlyList<SnapshotView>>> SnapshotsAsync(Guid cycleId, MapKind map, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        return await db.MapSnapshots.AsNoTracking().Where(s => s.CycleId == cycleId && s.Map == map).OrderByDescending(s => s.TakenAt)
            .Select(s => new SnapshotView(s.Id, s.Map, s.Name, s.TakenBy, s.TakenAt, s.ElementCount, s.ConnectionCount)).ToListAsync(ct);
    }

    public async Task<Outcome<SnapshotView>> SaveSnapshotAsync(Guid cycleId, MapKind map, SnapshotInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var snapshot = await SnapshotAsync(cycle, map, input.Name!.Trim(), ct);
        db.MapSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        return new SnapshotView(snapshot.Id, snapshot.Map, snapshot.Name, snapshot.TakenBy, snapshot.TakenAt, snapshot.ElementCount, snapshot.ConnectionCount);
    }

    public async Task<Outcome<SnapshotComparison>> CompareAsync(Guid snapshotId, CancellationToken ct = default)
    {
        var snapshot = await db.MapSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == snapshotId, ct);
        if (snapshot is null)
        {
            return Failure.NotFound;
        }
        var (now, failure) = await DocumentAsync(snapshot.CycleId, snapshot.Map, ct);
        if (now is null)
        {
            return failure!;
        }
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(snapshot.Content));
        var then = MapImport.Read(stream, MapFormat.LearningStackJson).Document!;
        var thenElements = then.Elements.ToDictionary(e => e.Id);
        var nowElements = now.Elements.ToDictionary(e => e.Id);
        static string Line(MapConnection c, IReadOnlyDictionary<string, MapElement> elements) =>
            $"{(elements.TryGetValue(c.From, out var f) ? f.Label : "?")} → {(elements.TryGetValue(c.To, out var t) ? t.Label : "?")} ({c.Type})";
        var thenConnections = then.Connections.Select(c => c.Id).ToHashSet();
        var nowConnections = now.Connections.Select(c => c.Id).ToHashSet();
        return new SnapshotComparison(
            new SnapshotView(snapshot.Id, snapshot.Map, snapshot.Name, snapshot.TakenBy, snapshot.TakenAt, snapshot.ElementCount, snapshot.ConnectionCount),
            [.. now.Elements.Where(e => !thenElements.ContainsKey(e.Id)).Select(e => e.Label)],
            [.. then.Elements.Where(e => !nowElements.ContainsKey(e.Id)).Select(e => e.Label)],
            [.. now.Elements.Where(e => thenElements.TryGetValue(e.Id, out var old) && old.Label != e.Label).Select(e => new Renamed(thenElements[e.Id].Label, e.Label))],
            [.. now.Connections.Where(c => !thenConnections.Contains(c.Id)).Select(c => Line(c, nowElements))],
            [.. then.Connections.Where(c => !nowConnections.Contains(c.Id)).Select(c => Line(c, thenElements))]);
    }

    private async Task<(MapDocument? Document, Failure? Failure)> DocumentAsync(Guid cycleId, MapKind map, CancellationToken ct)
    {
        if (map == MapKind.ActorMap)
        {
            var actors = await maps.ActorMapAsync(cycleId, ct);
            return actors.Value is { } a ? (MapDocuments.From(a), null) : (null, new Failure(actors.Status, actors.Errors, actors.Message));
        }
        var factors = await maps.FactorMapAsync(cycleId, ct);
        return factors.Value is { } f ? (MapDocuments.From(f), null) : (null, new Failure(factors.Status, factors.Errors, factors.Message));
    }

    private async Task<MapSnapshot> SnapshotAsync(CycleScope cycle, MapKind map, string name, CancellationToken ct)
    {
        var (document, _) = await DocumentAsync(cycle.CycleId, map, ct);
        using var output = new MemoryStream();
        MapExport.Write(document!, MapFormat.LearningStackJson, output);
        return new MapSnapshot
        {
            NetworkId = cycle.NetworkId, CycleId = cycle.CycleId, Map = map, Name = name, TakenBy = currentUser.DisplayName, TakenAt = clock.GetUtcNow(),
            ElementCount = document!.Elements.Count, ConnectionCount = document.Connections.Count, Content = Encoding.UTF8.GetString(output.ToArray()),
        };
    }

    private async Task<MapSnapshot?> SnapshotBeforeImportAsync(CycleScope cycle, MapKind map, string fileName, CancellationToken ct)
    {
        var empty = map == MapKind.ActorMap
            ? !await db.Actors.AnyAsync(a => a.CycleId == cycle.CycleId, ct)
            : !await db.Factors.AnyAsync(f => f.CycleId == cycle.CycleId, ct);
        var name = $"Before importing {Path.GetFileName(fileName)}";
        return empty ? null : await SnapshotAsync(cycle, map, name.Length > Limits.Name ? name[..Limits.Name] : name, ct);
    }

    private async Task<Outcome<ImportSummary>> ImportActorsAsync(CycleScope cycle, MapDocument document, bool replace, CancellationToken ct)
    {
        var problems = new List<string>();
        var existing = replace ? [] : await db.Actors.Where(a => a.CycleId == cycle.CycleId).Select(a => new { a.Name, a.Id }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var (ids, added) = MatchElements(document, existing.Select(a => (a.Name, a.Id)), problems, (e, name) => new Actor
        {
            NetworkId = cycle.NetworkId, CycleId = cycle.CycleId, Name = name, Kind = MapDocuments.KindOf(e.Type), Description = MapText.Clean(e.Description),
            Tags = ImportedTags(e), Roles = MapDocuments.RolesOf(e.Roles), X = e.X, Y = e.Y, CreatedAt = now,
        });
        var elements = document.Elements.ToDictionary(e => e.Id);
        var relationships = new List<ActorRelationship>();
        foreach (var c in document.Connections)
        {
            if (!ids.TryGetValue(c.From, out var from) || !ids.TryGetValue(c.To, out var to))
            {
                continue;
            }
            var kind = (c.Type ?? c.Label ?? "related to").Trim();
            if (from == to)
            {
                problems.Add($"{MapDocuments.Where(c, elements)} joins an actor to itself; a relationship needs two different actors.");
            }
            else if (kind.Length > 100)
            {
                problems.Add($"{MapDocuments.Where(c, elements)} has a type longer than 100 characters.");
            }
            relationships.Add(new ActorRelationship
            {
                NetworkId = cycle.NetworkId, CycleId = cycle.CycleId, FromId = from, ToId = to, Kind = kind.Length == 0 ? "related to" : kind,
                Direction = c.Direction == ConnectionDirection.Directed ? RelationshipDirection.Directed : RelationshipDirection.Mutual,
                Strength = Math.Clamp(c.Strength ?? 3, 1, 5), Trust = MapDocuments.TrustOf(c.Trust), Notes = MapText.Clean(c.Note ?? c.Label), Since = c.Since, CreatedAt = now,
            });
        }
        if (problems.Count > 0)
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["file"] = [.. problems.Take(100)] });
        }
        if (replace)
        {
            db.ActorRelationships.RemoveRange(await db.ActorRelationships.Where(r => r.CycleId == cycle.CycleId).ToListAsync(ct));
            db.Actors.RemoveRange(await db.Actors.Where(a => a.CycleId == cycle.CycleId).ToListAsync(ct));
        }
        db.Actors.AddRange(added);
        db.ActorRelationships.AddRange(relationships);
        return new ImportSummary(added.Count, document.Elements.Count - added.Count, relationships.Count, "", null);
    }

    private async Task<Outcome<ImportSummary>> ImportFactorsAsync(CycleScope cycle, MapDocument document, bool replace, CancellationToken ct)
    {
        var problems = new List<string>();
        var existing = replace ? [] : await db.Factors.Where(f => f.CycleId == cycle.CycleId).Select(f => new { f.Name, f.Id }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var (ids, added) = MatchElements(document, existing.Select(f => (f.Name, f.Id)), problems, (e, name) => new Factor
        {
            NetworkId = cycle.NetworkId, CycleId = cycle.CycleId, Name = name, Description = MapText.Clean(e.Description),
            EvidenceUrl = MapText.CheckUrl(e.EvidenceUrl, "evidenceUrl") is null ? MapText.Clean(e.EvidenceUrl) : null,
            Tags = ImportedTags(e), X = e.X, Y = e.Y, CreatedAt = now,
        });
        var elements = document.Elements.ToDictionary(e => e.Id);
        var links = new List<CausalLink>();
        foreach (var c in document.Connections)
        {
            if (!ids.TryGetValue(c.From, out var from) || !ids.TryGetValue(c.To, out var to))
            {
                continue;
            }
            if (c.Polarity is not { } polarity)
            {
                problems.Add($"{MapDocuments.Where(c, elements)} has no polarity. Give it the type + (same direction) or − (opposite direction).");
                continue;
            }
            CausalLink Link(Guid a, Guid b) => new()
            {
                NetworkId = cycle.NetworkId, CycleId = cycle.CycleId, FromId = a, ToId = b, Polarity = polarity == Polarity.Same ? LinkPolarity.Same : LinkPolarity.Opposite,
                Delay = c.Delay, Confidence = MapDocuments.ConfidenceOf(c.Confidence), EvidenceNote = MapText.Clean(c.Note ?? c.Label), CreatedAt = now,
            };
            links.Add(Link(from, to));
            if (c.Direction != ConnectionDirection.Directed)
            {
                links.Add(Link(to, from));
            }
        }
        if (problems.Count > 0)
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["file"] = [.. problems.Take(100)] });
        }
        if (replace)
        {
            db.CausalLinks.RemoveRange(await db.CausalLinks.Where(l => l.CycleId == cycle.CycleId).ToListAsync(ct));
            db.NamedLoops.RemoveRange(await db.NamedLoops.Where(l => l.CycleId == cycle.CycleId).ToListAsync(ct));
            db.Factors.RemoveRange(await db.Factors.Where(f => f.CycleId == cycle.CycleId).ToListAsync(ct));
        }
        db.Factors.AddRange(added);
        db.CausalLinks.AddRange(links);
        return new ImportSummary(added.Count, document.Elements.Count - added.Count, links.Count, "", null);
    }

    /// <summary>Each element of the file becomes a new element, or is matched by name (ignoring case) to one on the map.</summary>
    private static (Dictionary<string, Guid> Ids, List<T> Added) MatchElements<T>(MapDocument document, IEnumerable<(string Name, Guid Id)> existing,
        List<string> problems, Func<MapElement, string, T> create) where T : IMapNode
    {
        var byName = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, id) in existing)
        {
            byName.TryAdd(name, id);
        }
        var ids = new Dictionary<string, Guid>();
        var added = new List<T>();
        foreach (var e in document.Elements)
        {
            var name = e.Label.Trim();
            if (CheckName(name, problems))
            {
                continue;
            }
            if (!byName.TryGetValue(name, out var id))
            {
                var element = create(e, name);
                added.Add(element);
                id = byName[name] = element.Id;
            }
            ids[e.Id] = id;
        }
        return (ids, added);
    }

    private static List<string> ImportedTags(MapElement e) =>
        [.. e.Tags.Take(MapText.MaxTags).Select(t => t.Length > MapText.MaxTagLength ? t[..MapText.MaxTagLength] : t)];

    private static bool CheckName(string name, List<string> problems)
    {
        if (name.Length == 0)
        {
            problems.Add("An element has no label.");
            return true;
        }
        if (name.Length > Limits.Name)
        {
            problems.Add($"The label “{name[..40]}…” is longer than {Limits.Name} characters.");
            return true;
        }
        return false;
    }

    private static string Describe(ImportProblem p)
    {
        var where = string.Join(", ", new[] { p.Sheet is { } s ? $"sheet “{s}”" : null, p.Row is { } r ? $"row {r}" : null, p.Column is { } c ? $"column “{c}”" : null }.OfType<string>());
        return where.Length == 0 ? p.Message : $"{char.ToUpperInvariant(where[0])}{where[1..]}: {p.Message}";
    }

    private static async Task<bool> CopyLimitedAsync(Stream input, MemoryStream output, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            if (output.Length + read > MaxImportBytes)
            {
                return false;
            }
            output.Write(chunk, 0, read);
        }
        return true;
    }

    private static string Slug(string? name)
    {
        var slug = NotWord().Replace((name ?? "map").ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "map" : slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotWord();
}
