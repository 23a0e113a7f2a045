using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.People;

/// <summary>On what footing someone opens a case file.</summary>
public enum CaseRelation
{
    /// <summary>Works with the person (and is still a member of the network).</summary>
    Practitioner,

    /// <summary>The person the file is about, signed in to their own account.</summary>
    Person,

    /// <summary>A colleague a practitioner shared the file with, until the grant expires.</summary>
    Granted,

    /// <summary>The safeguarding lead, in an emergency, with a reason. Read only.</summary>
    BreakGlass,
}

/// <summary>What a change to a case file touches, which decides who may make it.</summary>
public enum CaseWrite
{
    /// <summary>The person's own words, measures and consent: the person, practitioners and granted colleagues.</summary>
    PersonsOwn,

    /// <summary>Details, notes, dimensions: practitioners and granted colleagues.</summary>
    Work,

    /// <summary>Who may see the file, invitations, restriction, erasure: practitioners only.</summary>
    Access,
}

/// <summary>A case file opened by someone allowed to see it, and on what footing.</summary>
public sealed record CaseScope(Guid CaseId, Guid NetworkId, Guid CycleId, string NetworkName, string CycleName, string Reference,
    CaseRelation Relation, bool Restricted, bool Erased)
{
    /// <summary>Everyone but the person sees notes marked practitioner-only.</summary>
    public bool SeesPractitionerOnly => Relation != CaseRelation.Person;

    public bool CanWork => Relation is CaseRelation.Practitioner or CaseRelation.Granted && !Restricted && !Erased;

    public bool CanAddOwnWords => Relation is not CaseRelation.BreakGlass && !Restricted && !Erased;

    public bool ManagesAccess => Relation == CaseRelation.Practitioner;
}

/// <summary>Who may open a case file. Access follows relationships, not network roles: the file's practitioners, the person,
/// colleagues granted access until a date, and the safeguarding lead by break-glass. Stewards, observers and other members see
/// nothing (404, so a file's existence is not revealed), and every read goes through <see cref="ReadAsync"/>, which writes the
/// access log.</summary>
public sealed class CaseAccess(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public static Failure BreakGlassNeeded { get; } = new(OutcomeStatus.Forbidden,
        Message: "You are not working with this person. As the network's safeguarding lead you can open the file in an emergency: give a reason (break glass). It is logged and the practitioners see it.");

    public static Failure RestrictedFailure { get; } = new(OutcomeStatus.Conflict,
        Message: "Processing of this file is restricted at the person's request: it can be read but not changed until a practitioner lifts the restriction.");

    public static Failure ErasedFailure { get; } = new(OutcomeStatus.Conflict,
        Message: "This person's data was erased. The file keeps only its reference and cannot be changed.");

    public string? UserId => currentUser.UserId;

    public string UserName => currentUser.DisplayName;

    /// <summary>The caller's footing on a case, without logging (for decisions that show nothing from the file).</summary>
    public async Task<(CaseScope? Scope, Failure? Denied)> ResolveAsync(Guid caseId, CancellationToken ct)
    {
        if (currentUser.UserId is not { } userId)
        {
            return (null, Failure.NotFound);
        }
        var found = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new
            {
                c.NetworkId, c.CycleId, c.Reference, c.PersonUserId, c.Restricted, Erased = c.ErasedAt != null,
                NetworkName = db.Networks.Where(n => n.Id == c.NetworkId).Select(n => n.Name).First(),
                CycleName = db.Cycles.Where(y => y.Id == c.CycleId).Select(y => y.Name).First(),
                Member = db.NetworkMembers.Where(m => m.NetworkId == c.NetworkId && m.UserId == userId)
                    .Select(m => new { m.Role, m.Safeguarding }).FirstOrDefault(),
                Practitioner = c.Practitioners.Any(p => p.UserId == userId),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return (null, Failure.NotFound);
        }
        var working = found.Member is { Role: >= NetworkRole.Member };
        CaseRelation? relation = null;
        if (found.Practitioner && working)
        {
            relation = CaseRelation.Practitioner;
        }
        else if (found.PersonUserId == userId)
        {
            relation = CaseRelation.Person;
        }
        else if (found.Member is not null)
        {
            var now = clock.GetUtcNow();
            var grants = await db.CaseAccessGrants.AsNoTracking()
                .Where(g => g.CaseFileId == caseId && g.UserId == userId && g.RevokedAt == null)
                .Select(g => new { g.Kind, g.ExpiresAt }).ToListAsync(ct);
            var active = grants.Where(g => g.ExpiresAt > now).ToList();
            if (active.Any(g => g.Kind == GrantKind.Granted) && working)
            {
                relation = CaseRelation.Granted;
            }
            else if (active.Any(g => g.Kind == GrantKind.BreakGlass) && found.Member.Safeguarding)
            {
                relation = CaseRelation.BreakGlass;
            }
        }
        if (relation is null)
        {
            return (null, found.Member is { Safeguarding: true } ? BreakGlassNeeded : Failure.NotFound);
        }
        return (new CaseScope(caseId, found.NetworkId, found.CycleId, found.NetworkName, found.CycleName, found.Reference, relation.Value,
            found.Restricted, found.Erased), null);
    }

    /// <summary>Opens a case for reading and records the read in the access log: who, when, what, and why when given.</summary>
    public async Task<(CaseScope? Scope, Failure? Denied)> ReadAsync(Guid caseId, string what, CancellationToken ct, string? why = null)
    {
        var (scope, denied) = await ResolveAsync(caseId, ct);
        if (scope is null)
        {
            return (null, denied);
        }
        db.CaseAccessLog.Add(new CaseAccessLogEntry
        {
            CaseFileId = caseId,
            UserId = currentUser.UserId,
            UserName = currentUser.DisplayName,
            At = clock.GetUtcNow(),
            What = what,
            Relation = scope.Relation,
            Why = why,
        });
        await db.SaveChangesAsync(ct);
        return (scope, null);
    }

    /// <summary>Opens a case for a change of the given kind: refused for the wrong footing, and for restricted or erased files.</summary>
    public async Task<(CaseScope? Scope, Failure? Denied)> WriteAsync(Guid caseId, CaseWrite kind, CancellationToken ct, bool evenIfRestricted = false)
    {
        var (scope, denied) = await ResolveAsync(caseId, ct);
        if (scope is null)
        {
            return (null, denied);
        }
        var allowed = kind switch
        {
            CaseWrite.PersonsOwn => scope.Relation is not CaseRelation.BreakGlass,
            CaseWrite.Work => scope.Relation is CaseRelation.Practitioner or CaseRelation.Granted,
            CaseWrite.Access => scope.Relation is CaseRelation.Practitioner,
            _ => false,
        };
        if (!allowed)
        {
            return (null, new Failure(OutcomeStatus.Forbidden, Message: kind == CaseWrite.Access
                ? "Only the practitioners working with this person can change who sees the file."
                : scope.Relation == CaseRelation.BreakGlass
                    ? "Break-glass access is for reading only."
                    : "You can read this file but not change that part of it."));
        }
        if (scope.Erased)
        {
            return (null, ErasedFailure);
        }
        if (scope.Restricted && !evenIfRestricted)
        {
            return (null, RestrictedFailure);
        }
        return (scope, null);
    }
}
