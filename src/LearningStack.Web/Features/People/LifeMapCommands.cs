using LearningStack.Web.Data;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.People;

/// <summary>"My life as a system": the map of a person's life with them at the centre, the people, organisations and factors
/// around them (each helping, getting in the way, both, or not sure yet) and the links between those. Used by the page, the map
/// editor and the API alike. Reading is logged (<see cref="CaseAccess.ReadAsync"/>); drawing is the person's own
/// (<see cref="CaseWrite.PersonsOwn"/>), so the person and the practitioners both may draw.</summary>
public sealed class LifeMapCommands(AppDbContext db, CaseAccess access, TimeProvider clock)
{
    /// <summary>Enough for any one life; a guard against runaway scripts.</summary>
    public const int MaxElements = 200;

    /// <summary>The map, logged as a read of <paramref name="what"/>; null only for a page that has already logged this view
    /// (it opened the file with <see cref="CaseCommands.GetAsync"/> first).</summary>
    public async Task<Outcome<LifeMapView>> GetAsync(Guid caseId, string? what, CancellationToken ct = default)
    {
        var (scope, denied) = what is null ? await access.ResolveAsync(caseId, ct) : await access.ReadAsync(caseId, what, ct);
        if (scope is null)
        {
            return denied!;
        }
        var name = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.DisplayName).FirstAsync(ct);
        var elements = await db.LifeMapElements.AsNoTracking().Where(e => e.CaseFileId == caseId)
            .OrderBy(e => e.Closeness).ThenBy(e => e.CreatedAt)
            .Select(e => new LifeElementView(e.Id, e.Kind, e.Name, e.Theme, e.Effect, e.Closeness, e.Note, e.X, e.Y, e.Version))
            .ToListAsync(ct);
        var links = await db.LifeMapLinks.AsNoTracking().Where(l => l.CaseFileId == caseId).OrderBy(l => l.CreatedAt)
            .Select(l => new LifeLinkView(l.Id, l.FromId, l.ToId, l.Polarity, l.Note, l.Version))
            .ToListAsync(ct);
        var themes = LifeThemes.Suggested.Concat(elements.Select(e => e.Theme).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var centre = new LifeMapCentre(name ?? (scope.Erased ? "(erased)" : scope.Reference));
        return new LifeMapView(caseId, scope.Reference, centre, scope.CanAddOwnWords, elements, links, themes);
    }

    // ---- elements -----------------------------------------------------------------------------------------------------

    public async Task<Outcome<LifeElementView>> AddElementAsync(Guid caseId, LifeElementInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (input.Kind is null)
        {
            return Failure.Invalid("kind", "Choose what it is: a person, an organisation, or something else in their life (a factor).");
        }
        if (await db.LifeMapElements.CountAsync(e => e.CaseFileId == caseId, ct) >= MaxElements)
        {
            return Failure.Invalid("name", $"A life map holds at most {MaxElements} people, organisations and factors. Remove some before adding more.");
        }
        var now = clock.GetUtcNow();
        var element = new LifeMapElement
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            Kind = input.Kind.Value,
            Name = input.Name!.Trim(),
            Theme = LifeThemes.Normalise(input.Theme),
            Effect = input.Effect ?? LifeEffect.NotSure,
            Closeness = input.Closeness ?? 2,
            Note = Clean(input.Note),
            X = Round(input.X),
            Y = Round(input.Y),
            CreatedAt = now,
        };
        db.LifeMapElements.Add(element);
        await db.SaveChangesAsync(ct);
        return View(element);
    }

    /// <summary>Changes an element (send the version; what is left out stays as it was).</summary>
    public async Task<Outcome<LifeElementView>> UpdateElementAsync(Guid caseId, Guid elementId, LifeElementInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        var element = await db.LifeMapElements.FirstOrDefaultAsync(e => e.Id == elementId && e.CaseFileId == caseId, ct);
        if (element is null)
        {
            return Failure.NotFound;
        }
        input.Name ??= element.Name;
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, element, input.Version) is { } stale)
        {
            return stale;
        }
        element.Name = input.Name.Trim();
        element.Kind = input.Kind ?? element.Kind;
        element.Theme = LifeThemes.Normalise(input.Theme);
        element.Effect = input.Effect ?? element.Effect;
        element.Closeness = input.Closeness ?? element.Closeness;
        element.Note = Clean(input.Note);
        if (input.X is not null && input.Y is not null)
        {
            (element.X, element.Y) = (Round(input.X), Round(input.Y));
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return View(element);
    }

    /// <summary>Positions are layout, not content: the last move wins, without a version check, and a move is not a history entry.</summary>
    public async Task<Outcome<bool>> MoveElementAsync(Guid caseId, Guid elementId, PositionInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        double x = Round(input.X)!.Value, y = Round(input.Y)!.Value;
        var moved = await db.LifeMapElements.Where(e => e.Id == elementId && e.CaseFileId == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.X, x).SetProperty(e => e.Y, y), ct);
        return moved == 0 ? Failure.NotFound : true;
    }

    /// <summary>Removes an element and every link it has (one by one, so history keeps each).</summary>
    public async Task<Outcome<bool>> DeleteElementAsync(Guid caseId, Guid elementId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        var element = await db.LifeMapElements.FirstOrDefaultAsync(e => e.Id == elementId && e.CaseFileId == caseId, ct);
        if (element is null)
        {
            return Failure.NotFound;
        }
        db.LifeMapLinks.RemoveRange(await db.LifeMapLinks.Where(l => l.FromId == elementId || l.ToId == elementId).ToListAsync(ct));
        db.LifeMapElements.Remove(element);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---- links --------------------------------------------------------------------------------------------------------

    public async Task<Outcome<LifeLinkView>> AddLinkAsync(Guid caseId, LifeLinkInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (await CheckAsync(caseId, null, input, ct) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var link = new LifeMapLink
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            FromId = input.FromId!.Value,
            ToId = input.ToId!.Value,
            Polarity = input.Polarity,
            Note = Clean(input.Note),
            CreatedAt = now,
        };
        db.LifeMapLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return View(link);
    }

    public async Task<Outcome<LifeLinkView>> UpdateLinkAsync(Guid caseId, Guid linkId, LifeLinkInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        var link = await db.LifeMapLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.CaseFileId == caseId, ct);
        if (link is null)
        {
            return Failure.NotFound;
        }
        input.FromId ??= link.FromId;
        input.ToId ??= link.ToId;
        if (await CheckAsync(caseId, linkId, input, ct) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, link, input.Version) is { } stale)
        {
            return stale;
        }
        link.FromId = input.FromId.Value;
        link.ToId = input.ToId.Value;
        link.Polarity = input.Polarity;
        link.Note = Clean(input.Note);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return View(link);
    }

    public async Task<Outcome<bool>> DeleteLinkAsync(Guid caseId, Guid linkId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        var link = await db.LifeMapLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.CaseFileId == caseId, ct);
        if (link is null)
        {
            return Failure.NotFound;
        }
        db.LifeMapLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Both ends on this map, not the same element, and not a second link the same way between the same two.</summary>
    private async Task<Failure?> CheckAsync(Guid caseId, Guid? linkId, LifeLinkInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        Guid from = input.FromId!.Value, to = input.ToId!.Value;
        var found = await db.LifeMapElements.Where(e => e.CaseFileId == caseId && (e.Id == from || e.Id == to)).Select(e => e.Id).ToListAsync(ct);
        if (!found.Contains(from))
        {
            return Failure.Invalid("fromId", "Choose something on this map to link from.");
        }
        if (!found.Contains(to))
        {
            return Failure.Invalid("toId", "Choose something on this map to link to.");
        }
        if (from == to)
        {
            return Failure.Invalid("toId", "Choose two different things to link.");
        }
        if (await db.LifeMapLinks.AnyAsync(l => l.CaseFileId == caseId && l.FromId == from && l.ToId == to && l.Id != linkId, ct))
        {
            return Failure.Invalid("toId", "These two are already linked this way. Change that link instead.");
        }
        return null;
    }

    public static LifeElementView View(LifeMapElement e) => new(e.Id, e.Kind, e.Name, e.Theme, e.Effect, e.Closeness, e.Note, e.X, e.Y, e.Version);

    public static LifeLinkView View(LifeMapLink l) => new(l.Id, l.FromId, l.ToId, l.Polarity, l.Note, l.Version);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
