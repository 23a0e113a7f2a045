using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Connections;

public sealed class LinkInput
{
    [Required(ErrorMessage = "Choose the first cycle.")]
    public Guid? FromCycleId { get; set; }

    [Required(ErrorMessage = "Choose the cycle to connect with.")]
    public Guid? ToCycleId { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "This note can be at most 20,000 characters.")]
    public string? LearnsFrom { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "This note can be at most 20,000 characters.")]
    public string? Enables { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "This note can be at most 20,000 characters.")]
    public string? Notes { get; set; }
}

public sealed class LinkNotesInput
{
    [MaxLength(Limits.LongText, ErrorMessage = "This note can be at most 20,000 characters.")]
    public string? LearnsFrom { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "This note can be at most 20,000 characters.")]
    public string? Enables { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "This note can be at most 20,000 characters.")]
    public string? Notes { get; set; }

    public int? Version { get; set; }
}

public sealed record LinkView(Guid Id, Guid NetworkId, LinkDirection Direction, Guid FromCycleId, string FromName, Guid ToCycleId, string ToName, string? LearnsFrom, string? Enables, string? Notes, int Version);

/// <summary>Connecting cycles vertically (adjacent scales) and horizontally (same scale).</summary>
public sealed class LinkCommands(AppDbContext db, NetworkAccess access, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<LinkView>>> ListAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return await Views(db.CycleLinks.Where(l => l.NetworkId == networkId)).ToListAsync(ct);
    }

    public async Task<Outcome<LinkView>> GetAsync(Guid linkId, CancellationToken ct = default)
    {
        var view = await Views(db.CycleLinks.Where(l => l.Id == linkId)).FirstOrDefaultAsync(ct);
        if (view is null || await access.RoleAsync(view.NetworkId, ct) is null)
        {
            return Failure.NotFound;
        }
        return view;
    }

    public async Task<Outcome<LinkView>> CreateAsync(Guid networkId, LinkInput input, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var ids = new[] { input.FromCycleId!.Value, input.ToCycleId!.Value };
        var ends = await db.Cycles.AsNoTracking().Where(c => ids.Contains(c.Id) && c.NetworkId == networkId)
            .Select(c => new LinkEnd(c.Id, c.NetworkId, c.Scale!.Position)).ToListAsync(ct);
        var from = ends.FirstOrDefault(e => e.CycleId == input.FromCycleId);
        var to = ends.FirstOrDefault(e => e.CycleId == input.ToCycleId);
        if (from.CycleId == Guid.Empty)
        {
            return Failure.Invalid("fromCycleId", "Choose a cycle of this network.");
        }
        if (to.CycleId == Guid.Empty)
        {
            return Failure.Invalid("toCycleId", "Choose a cycle of this network.");
        }
        var existing = await db.CycleLinks.AsNoTracking()
            .Where(l => ids.Contains(l.FromCycleId) && ids.Contains(l.ToCycleId))
            .Select(l => new { l.FromCycleId, l.ToCycleId }).ToListAsync(ct);
        var (link, error) = LinkRules.Check(from, to, existing.Select(e => (e.FromCycleId, e.ToCycleId)));
        if (link is not { } ok)
        {
            return Failure.Invalid("toCycleId", error!);
        }
        var entity = new CycleLink
        {
            NetworkId = networkId,
            Direction = ok.Direction,
            FromCycleId = ok.FromCycleId,
            ToCycleId = ok.ToCycleId,
            CreatedAt = clock.GetUtcNow(),
        };
        ApplyNotes(entity, input.LearnsFrom, input.Enables, input.Notes);
        db.CycleLinks.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await LinkedAsync(ok.FromCycleId, ok.ToCycleId, ct))
            {
                throw;
            }
            // The unique index caught a duplicate created at the same moment by someone else.
            return Failure.Invalid("toCycleId", "These two cycles are already linked. Edit the existing link instead.");
        }
        return await GetAsync(entity.Id, ct);
    }

    public async Task<Outcome<LinkView>> UpdateAsync(Guid linkId, LinkNotesInput input, CancellationToken ct = default)
    {
        var link = await db.CycleLinks.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null)
        {
            return Failure.NotFound;
        }
        if (await access.RequireAsync(link.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, link, input.Version) is { } stale)
        {
            return stale;
        }
        ApplyNotes(link, input.LearnsFrom, input.Enables, input.Notes);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await GetAsync(linkId, ct);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid linkId, CancellationToken ct = default)
    {
        var link = await db.CycleLinks.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null)
        {
            return Failure.NotFound;
        }
        if (await access.RequireAsync(link.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        db.CycleLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<bool> LinkedAsync(Guid a, Guid b, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.CycleLinks.AnyAsync(l => (l.FromCycleId == a && l.ToCycleId == b) || (l.FromCycleId == b && l.ToCycleId == a), ct);
    }

    private static void ApplyNotes(CycleLink link, string? learnsFrom, string? enables, string? notes)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        if (link.Direction == LinkDirection.Vertical)
        {
            link.LearnsFrom = Clean(learnsFrom);
            link.Enables = Clean(enables);
            link.Notes = Clean(notes);
        }
        else
        {
            link.Notes = Clean(notes) ?? Clean(learnsFrom);
        }
    }

    private IQueryable<LinkView> Views(IQueryable<CycleLink> links) =>
        links.AsNoTracking()
            .Join(db.Cycles, l => l.FromCycleId, c => c.Id, (l, from) => new { l, FromName = from.Name })
            .Join(db.Cycles, x => x.l.ToCycleId, c => c.Id, (x, to) => new LinkView(x.l.Id, x.l.NetworkId, x.l.Direction, x.l.FromCycleId, x.FromName, x.l.ToCycleId, to.Name, x.l.LearnsFrom, x.l.Enables, x.l.Notes, x.l.Version));
}
