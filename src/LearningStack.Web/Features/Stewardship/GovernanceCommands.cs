using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Governing a cycle: its governance body and who sits on it, and dated reflections on the governance questions. Used by the
/// pages and the API alike. Everyone in the network reads a cycle's governance (outsiders get 404); the cycle's stewards and the
/// network's stewards set up the body; they and the body's members with accounts write reflections. Concerns are in
/// <see cref="GovernanceConcernCommands"/>.</summary>
public sealed class GovernanceCommands(AppDbContext db, NetworkAccess network, CurrentUser user, TimeProvider clock)
{
    internal sealed record CycleInfo(Guid Id, Guid NetworkId, string Name, string NetworkName, NetworkRole Role, bool CanManage, bool IsBodyMember)
    {
        public bool CanReflect => CanManage || IsBodyMember;
    }

    /// <summary>The cycle and what the caller may do in it; 404 for outsiders and unknown cycles.</summary>
    internal async Task<(CycleInfo? Cycle, Failure? Denied)> CycleAsync(Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.NetworkId, c.Name, NetworkName = n.Name })
            .FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return (null, Failure.NotFound);
        }
        if (await network.RoleAsync(cycle.NetworkId, ct) is not { } role)
        {
            return (null, Failure.NotFound);
        }
        var userId = user.UserId;
        var canManage = role == NetworkRole.Steward
            || (role >= NetworkRole.Member && await db.CycleStewards.AnyAsync(s => s.CycleId == cycleId && s.UserId == userId, ct));
        var isBodyMember = await db.IsGovernanceMemberAsync(cycleId, userId, ct);
        return (new CycleInfo(cycleId, cycle.NetworkId, cycle.Name, cycle.NetworkName, role, canManage, isBodyMember), null);
    }

    /// <summary>The whole governance page: body, members, every question with its reflections (latest first).</summary>
    public async Task<Outcome<GovernanceView>> GetAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await CycleAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var body = await db.GovernanceBodies.AsNoTracking().Where(b => b.CycleId == cycleId)
            .Select(b => new GovernanceBodyView(b.Id, b.Name, b.Kind, b.Description, b.CreatedAt, b.Version)).FirstOrDefaultAsync(ct);
        var members = await MembersAsync(cycleId, ct);
        var reflections = await db.GovernanceReflections.AsNoTracking().Where(r => r.CycleId == cycleId)
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)
            .Select(r => new GovernanceReflectionView(r.Id, r.QuestionKey, r.Text, r.AuthorName, r.WrittenAt)).ToListAsync(ct);
        var questions = GovernanceQuestionBank.All
            .Select(q => new GovernanceQuestionView(q.Key, q.Group, q.Text, q.Hint, reflections.Where(r => r.QuestionKey == q.Key).ToList()))
            .ToList();
        int? open = cycle.IsBodyMember
            ? await db.GovernanceConcerns.CountAsync(c => c.CycleId == cycleId && c.Status != ConcernStatus.Responded, ct)
            : null;
        return new GovernanceView(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, body, members, questions, cycle.CanManage, cycle.CanReflect,
            cycle.IsBodyMember, body is not null && members.Any(m => m.HasAccount && m.InNetwork), open);
    }

    /// <summary>Network members who are not on the body yet, for the "add someone" form (managers only; empty otherwise).</summary>
    public async Task<IReadOnlyList<GovernanceCandidate>> CandidatesAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, _) = await CycleAsync(cycleId, ct);
        if (cycle is not { CanManage: true })
        {
            return [];
        }
        var onBody = db.GovernanceMembers.Where(m => m.CycleId == cycleId && m.UserId != null).Select(m => m.UserId);
        var list = await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == cycle.NetworkId && !onBody.Contains(m.UserId))
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.UserName, m.User.Email }).ToListAsync(ct);
        return [.. list.Select(m => new GovernanceCandidate(m.UserId, Shown(m.DisplayName, m.UserName, m.Email, m.UserId)))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Sets up the cycle's body (its stewards and the network's stewards). One body per cycle.</summary>
    public async Task<Outcome<GovernanceBodyView>> CreateBodyAsync(Guid cycleId, GovernanceBodyInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await ManagerAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (await db.GovernanceBodies.AnyAsync(b => b.CycleId == cycleId, ct))
        {
            return Failure.Invalid("name", "This cycle already has a governance body. Change it instead of setting up another.");
        }
        var body = new GovernanceBody
        {
            NetworkId = cycle.NetworkId, CycleId = cycleId, Name = input.Name!.Trim(), Kind = input.Kind!.Value,
            Description = Blank(input.Description), CreatedAt = clock.GetUtcNow(),
        };
        db.GovernanceBodies.Add(body);
        await db.SaveChangesAsync(ct);
        return View(body);
    }

    /// <summary>Renames or redescribes the body; the version read last is required (a stale one is 409).</summary>
    public async Task<Outcome<GovernanceBodyView>> UpdateBodyAsync(Guid cycleId, GovernanceBodyInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await ManagerAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var body = await db.GovernanceBodies.FirstOrDefaultAsync(b => b.CycleId == cycleId, ct);
        if (body is null)
        {
            return Failure.NotFound;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, body, input.Version) is { } stale)
        {
            return stale;
        }
        body.Name = input.Name!.Trim();
        body.Kind = input.Kind!.Value;
        body.Description = Blank(input.Description);
        return await Concurrency.TrySaveAsync(db, ct) is { } conflict ? conflict : View(body);
    }

    /// <summary>Adds a network member, or someone without an account named with their role.</summary>
    public async Task<Outcome<GovernanceMemberView>> AddMemberAsync(Guid cycleId, GovernanceMemberInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await ManagerAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var body = await db.GovernanceBodies.AsNoTracking().FirstOrDefaultAsync(b => b.CycleId == cycleId, ct);
        if (body is null)
        {
            return Failure.Invalid("name", "Set up the governance body before adding people to it.");
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var member = new GovernanceMember { NetworkId = cycle.NetworkId, CycleId = cycleId, BodyId = body.Id, Name = "", Role = Blank(input.Role), AddedAt = clock.GetUtcNow() };
        if (!string.IsNullOrWhiteSpace(input.UserId))
        {
            var userId = input.UserId.Trim();
            var account = await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == cycle.NetworkId && m.UserId == userId)
                .Select(m => new { m.User!.DisplayName, m.User.UserName, m.User.Email }).FirstOrDefaultAsync(ct);
            if (account is null)
            {
                return Failure.Invalid("userId", "Choose someone who is a member of this network, or name someone without an account.");
            }
            if (await db.GovernanceMembers.AnyAsync(m => m.CycleId == cycleId && m.UserId == userId, ct))
            {
                return Failure.Invalid("userId", "They are already on this body.");
            }
            member.UserId = userId;
            member.Name = Shown(account.DisplayName, account.UserName, account.Email, userId);
        }
        else
        {
            if (GovernanceRules.NamedMemberErrors(input.Name, input.Role) is { } errors)
            {
                return Failure.Invalid(errors);
            }
            member.Name = input.Name!.Trim();
        }
        db.GovernanceMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return (await MembersAsync(cycleId, ct)).Single(m => m.Id == member.Id);
    }

    /// <summary>Changes someone's role (and, for someone without an account, their name); the version is required.</summary>
    public async Task<Outcome<GovernanceMemberView>> UpdateMemberAsync(Guid cycleId, Guid memberId, GovernanceMemberInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await ManagerAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var member = await db.GovernanceMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.CycleId == cycleId, ct);
        if (member is null)
        {
            return Failure.NotFound;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (member.UserId is null)
        {
            if (GovernanceRules.NamedMemberErrors(input.Name ?? member.Name, input.Role) is { } errors)
            {
                return Failure.Invalid(errors);
            }
            member.Name = (input.Name ?? member.Name).Trim();
        }
        if (Concurrency.Check(db, member, input.Version) is { } stale)
        {
            return stale;
        }
        member.Role = Blank(input.Role);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await MembersAsync(cycleId, ct)).Single(m => m.Id == member.Id);
    }

    /// <summary>Takes someone off the body (kept in the cycle's history).</summary>
    public async Task<Outcome<bool>> RemoveMemberAsync(Guid cycleId, Guid memberId, CancellationToken ct = default)
    {
        var (cycle, denied) = await ManagerAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var member = await db.GovernanceMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.CycleId == cycleId, ct);
        if (member is null)
        {
            return Failure.NotFound;
        }
        db.GovernanceMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Every reflection on the cycle's governance questions, latest first; one question's when <paramref name="questionKey"/> is given.</summary>
    public async Task<Outcome<IReadOnlyList<GovernanceReflectionView>>> ReflectionsAsync(Guid cycleId, string? questionKey, CancellationToken ct = default)
    {
        var (cycle, denied) = await CycleAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (questionKey is not null && GovernanceQuestionBank.Find(questionKey) is null)
        {
            return Failure.Invalid("question", "There is no governance question with that key.");
        }
        var query = db.GovernanceReflections.AsNoTracking().Where(r => r.CycleId == cycleId);
        if (questionKey is not null)
        {
            query = query.Where(r => r.QuestionKey == questionKey);
        }
        return await query.OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)
            .Select(r => new GovernanceReflectionView(r.Id, r.QuestionKey, r.Text, r.AuthorName, r.WrittenAt)).ToListAsync(ct);
    }

    /// <summary>A dated reflection on a governance question, by a member of the body or a steward. Earlier ones are kept.</summary>
    public async Task<Outcome<GovernanceReflectionView>> ReflectAsync(Guid cycleId, GovernanceReflectionInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await CycleAsync(cycleId, ct);
        if (cycle is null)
        {
            return denied!;
        }
        if (!cycle.CanReflect)
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "Only the governance body's members and the cycle's stewards can reflect on its governance questions.");
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (GovernanceQuestionBank.Find(input.QuestionKey) is null)
        {
            return Failure.Invalid("questionKey", "Choose one of the governance questions.");
        }
        var reflection = new GovernanceReflection
        {
            NetworkId = cycle.NetworkId, CycleId = cycleId, QuestionKey = input.QuestionKey!, Text = input.Text!.Trim(),
            AuthorId = user.UserId, AuthorName = user.DisplayName, WrittenAt = clock.GetUtcNow(),
        };
        db.GovernanceReflections.Add(reflection);
        await db.SaveChangesAsync(ct);
        return new GovernanceReflectionView(reflection.Id, reflection.QuestionKey, reflection.Text, reflection.AuthorName, reflection.WrittenAt);
    }

    private async Task<(CycleInfo? Cycle, Failure? Denied)> ManagerAsync(Guid cycleId, CancellationToken ct)
    {
        var (cycle, denied) = await CycleAsync(cycleId, ct);
        if (cycle is null)
        {
            return (null, denied);
        }
        return cycle.CanManage
            ? (cycle, null)
            : (null, new Failure(OutcomeStatus.Forbidden, Message: "Only the cycle's stewards and the network's stewards can set up its governance body."));
    }

    private async Task<List<GovernanceMemberView>> MembersAsync(Guid cycleId, CancellationToken ct)
    {
        var rows = await db.GovernanceMembers.AsNoTracking().Where(m => m.CycleId == cycleId)
            .Select(m => new
            {
                m.Id, m.UserId, m.Name, m.Role, m.AddedAt, m.Version,
                InNetwork = m.UserId != null && db.NetworkMembers.Any(n => n.NetworkId == m.NetworkId && n.UserId == m.UserId),
            })
            .ToListAsync(ct);
        return [.. rows.OrderBy(m => m.AddedAt).ThenBy(m => m.Id)
            .Select(m => new GovernanceMemberView(m.Id, m.UserId, m.Name, m.Role, m.UserId is not null, m.InNetwork, m.Version))];
    }

    private static GovernanceBodyView View(GovernanceBody b) => new(b.Id, b.Name, b.Kind, b.Description, b.CreatedAt, b.Version);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shown(string? displayName, string? userName, string? email, string id) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName : userName ?? email ?? id;
}
