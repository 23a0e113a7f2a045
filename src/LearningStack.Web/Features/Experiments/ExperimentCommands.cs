using System.Globalization;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Every rule about designing and running experiments: the design, its lifecycle, actions, people, comments, lineage
/// and the boards. Used by the pages and the API alike. A person-scale experiment can be tried with one person: linking it to their
/// case file needs the right to work on that file (<see cref="CaseAccess.WriteAsync"/>), and the experiment then names them only by
/// the file's reference.</summary>
public sealed class ExperimentCommands(AppDbContext db, MapScope scope, NetworkAccess access, CurrentUser currentUser, TimeProvider clock, CaseAccess cases)
{
    public const int MaxListItems = 50;
    public const int MaxReviewPoints = 50;

    // ---- The design -------------------------------------------------------------------------------------------------

    public async Task<Outcome<ExperimentDetail>> CreateAsync(Guid cycleId, ExperimentInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var experiment = new Experiment { Title = "", NetworkId = cycle.NetworkId, CycleId = cycleId, CreatedAt = clock.GetUtcNow() };
        var (refused, caseErrors) = await CheckCaseAsync(experiment, input.CaseId, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (Apply(experiment, input, caseErrors) is { } invalid)
        {
            return invalid;
        }
        experiment.CaseFileId = input.CaseId;
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(ct);
        return await DetailAsync(experiment.Id, cycle, ct);
    }

    public async Task<Outcome<ExperimentDetail>> GetAsync(Guid experimentId, CancellationToken ct = default)
    {
        var cycleId = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId).Select(e => (Guid?)e.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null)
        {
            return Failure.NotFound;
        }
        var (cycle, denied) = await scope.ForCycleAsync(cycleId.Value, NetworkRole.Observer, ct);
        return cycle is null ? denied! : await DetailAsync(experimentId, cycle, ct);
    }

    public async Task<Outcome<ExperimentDetail>> UpdateAsync(Guid experimentId, ExperimentInput input, CancellationToken ct = default)
    {
        var (experiment, cycle, failure) = await ForEditAsync(experimentId, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (Concurrency.Check(db, experiment!, input.Version) is { } stale)
        {
            return stale;
        }
        var (refused, caseErrors) = await CheckCaseAsync(experiment!, input.CaseId, ct);
        if (refused is not null)
        {
            return refused;
        }
        if (Apply(experiment!, input, caseErrors) is { } invalid)
        {
            return invalid;
        }
        experiment!.CaseFileId = input.CaseId;
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await DetailAsync(experimentId, cycle!, ct);
    }

    public async Task<Outcome<ExperimentDetail>> ChangeStateAsync(Guid experimentId, ExperimentStateInput input, CancellationToken ct = default)
    {
        var (experiment, cycle, failure) = await ForEditAsync(experimentId, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (Concurrency.Check(db, experiment!, input.Version) is { } stale)
        {
            return stale;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (ExperimentLifecycle.Move(experiment!, input.State!.Value, input.Decision, input.LearningAboutWork, input.LearningAboutOrganising, clock.GetUtcNow()) is { } refused)
        {
            return refused;
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await DetailAsync(experimentId, cycle!, ct);
    }

    /// <summary>A new experiment in the same cycle that carries the question, rules and data plan of this one over, to be redesigned.</summary>
    public async Task<Outcome<ExperimentDetail>> IterateAsync(Guid experimentId, IterationInput input, CancellationToken ct = default)
    {
        var (parent, cycle, failure) = await ForEditAsync(experimentId, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var title = MapText.Clean(input.Title) ?? NextRoundTitle(parent!.Title);
        var child = new Experiment
        {
            Title = title,
            NetworkId = parent!.NetworkId,
            CycleId = parent.CycleId,
            ParentId = parent.Id,
            CaseFileId = parent.CaseFileId is { } caseId && await LinkableCaseAsync(parent.CycleId, caseId, ct) is not null ? caseId : null,
            Type = parent.Type,
            ResearchQuestion = parent.ResearchQuestion,
            Hypothesis = parent.Hypothesis,
            InquiryQuestions = [.. parent.InquiryQuestions],
            Tags = [.. parent.Tags],
            SafeToFailRules = [.. parent.SafeToFailRules],
            EvidenceKinds = parent.EvidenceKinds,
            GatheredBy = parent.GatheredBy,
            AnalysedBy = parent.AnalysedBy,
            ReflectionEveryDays = parent.ReflectionEveryDays,
            HowWeWillKnow = parent.HowWeWillKnow,
            SharedWith = parent.SharedWith,
            State = ExperimentState.Designing,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Experiments.Add(child);
        await db.SaveChangesAsync(ct);
        return await DetailAsync(child.Id, cycle!, ct);
    }

    public static string NextRoundTitle(string title)
    {
        var next = $"{title} (next round)";
        return next.Length <= Limits.Name ? next : next[..Limits.Name];
    }

    // ---- Actions ----------------------------------------------------------------------------------------------------

    public async Task<Outcome<ExperimentActionView>> AddActionAsync(Guid experimentId, ExperimentActionInput input, CancellationToken ct = default)
    {
        var (experiment, _, failure) = await ForEditAsync(experimentId, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (await CheckActionAsync(experiment!.CycleId, input, ct) is { } invalid)
        {
            return invalid;
        }
        var last = await db.ExperimentActions.Where(a => a.ExperimentId == experimentId).MaxAsync(a => (int?)a.Position, ct) ?? 0;
        var action = new ExperimentAction
        {
            What = input.What!.Trim(), Why = MapText.Clean(input.Why), FactorId = input.FactorId, ActorId = input.ActorId, Position = last + 1,
            NetworkId = experiment.NetworkId, CycleId = experiment.CycleId, ExperimentId = experimentId, CreatedAt = clock.GetUtcNow(),
        };
        db.ExperimentActions.Add(action);
        await db.SaveChangesAsync(ct);
        return await ActionViewAsync(action.Id, ct);
    }

    public async Task<Outcome<ExperimentActionView>> UpdateActionAsync(Guid actionId, ExperimentActionInput input, CancellationToken ct = default)
    {
        var action = await db.ExperimentActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (await CheckPartAsync(action?.NetworkId, ct) is { } failure)
        {
            return failure;
        }
        if (Concurrency.Check(db, action!, input.Version) is { } stale)
        {
            return stale;
        }
        if (await CheckActionAsync(action!.CycleId, input, ct) is { } invalid)
        {
            return invalid;
        }
        (action.What, action.Why, action.FactorId, action.ActorId) = (input.What!.Trim(), MapText.Clean(input.Why), input.FactorId, input.ActorId);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return await ActionViewAsync(actionId, ct);
    }

    public async Task<Outcome<bool>> DeleteActionAsync(Guid actionId, CancellationToken ct = default)
    {
        var action = await db.ExperimentActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (await CheckPartAsync(action?.NetworkId, ct) is { } failure)
        {
            return failure;
        }
        db.ExperimentActions.Remove(action!);
        return await Concurrency.TrySaveAsync(db, ct) is { } conflict ? conflict : true;
    }

    private async Task<Failure?> CheckActionAsync(Guid cycleId, ExperimentActionInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var errors = new Dictionary<string, string[]>();
        if (input.FactorId is { } factorId && !await db.Factors.AnyAsync(f => f.Id == factorId && f.CycleId == cycleId, ct))
        {
            errors["factorId"] = ["That factor is not on this cycle's map. Choose one of the cycle's factors, or leave it empty."];
        }
        if (input.ActorId is { } actorId && !await db.Actors.AnyAsync(a => a.Id == actorId && a.CycleId == cycleId, ct))
        {
            errors["actorId"] = ["That actor is not on this cycle's map. Choose one of the cycle's actors, or leave it empty."];
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    private Task<ExperimentActionView> ActionViewAsync(Guid actionId, CancellationToken ct) =>
        ActionViews(db.ExperimentActions.AsNoTracking().Where(a => a.Id == actionId)).FirstAsync(ct);

    private IQueryable<ExperimentActionView> ActionViews(IQueryable<ExperimentAction> actions) =>
        from a in actions
        join f in db.Factors on a.FactorId equals f.Id into factors
        from f in factors.DefaultIfEmpty()
        join x in db.Actors on a.ActorId equals x.Id into actors
        from x in actors.DefaultIfEmpty()
        orderby a.Position
        select new ExperimentActionView(a.Id, a.Position, a.What, a.Why, a.FactorId, f == null ? null : f.Name, a.ActorId, x == null ? null : x.Name, a.Version);

    // ---- Participants -----------------------------------------------------------------------------------------------

    public async Task<Outcome<ExperimentParticipantView>> AddParticipantAsync(Guid experimentId, ExperimentParticipantInput input, CancellationToken ct = default)
    {
        var (experiment, _, failure) = await ForEditAsync(experimentId, ct);
        if (failure is not null)
        {
            return failure;
        }
        var participant = new ExperimentParticipant
        {
            Name = "", NetworkId = experiment!.NetworkId, CycleId = experiment.CycleId, ExperimentId = experimentId, CreatedAt = clock.GetUtcNow(),
        };
        if (await ApplyAsync(participant, input, ct) is { } invalid)
        {
            return invalid;
        }
        db.ExperimentParticipants.Add(participant);
        await db.SaveChangesAsync(ct);
        return View(participant);
    }

    public async Task<Outcome<ExperimentParticipantView>> UpdateParticipantAsync(Guid participantId, ExperimentParticipantInput input, CancellationToken ct = default)
    {
        var participant = await db.ExperimentParticipants.FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (await CheckPartAsync(participant?.NetworkId, ct) is { } failure)
        {
            return failure;
        }
        if (Concurrency.Check(db, participant!, input.Version) is { } stale)
        {
            return stale;
        }
        if (await ApplyAsync(participant!, input, ct) is { } invalid)
        {
            return invalid;
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return View(participant!);
    }

    public async Task<Outcome<bool>> DeleteParticipantAsync(Guid participantId, CancellationToken ct = default)
    {
        var participant = await db.ExperimentParticipants.FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (await CheckPartAsync(participant?.NetworkId, ct) is { } failure)
        {
            return failure;
        }
        db.ExperimentParticipants.Remove(participant!);
        return await Concurrency.TrySaveAsync(db, ct) is { } conflict ? conflict : true;
    }

    private async Task<Failure?> ApplyAsync(ExperimentParticipant participant, ExperimentParticipantInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var errors = new Dictionary<string, string[]>();
        string? knownName = null;
        if (input.ActorId is { } actorId)
        {
            knownName = await db.Actors.Where(a => a.Id == actorId && a.CycleId == participant.CycleId).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (knownName is null)
            {
                errors["actorId"] = ["That actor is not on this cycle's map. Choose one of the cycle's actors, or write a name instead."];
            }
        }
        var userId = MapText.Clean(input.UserId);
        if (userId is not null)
        {
            var member = await db.NetworkMembers.Where(m => m.NetworkId == participant.NetworkId && m.UserId == userId)
                .Select(m => new { m.User!.DisplayName, m.User.UserName, m.User.Email }).FirstOrDefaultAsync(ct);
            if (member is null)
            {
                errors["userId"] = ["That person is not a member of this network. Choose a member, or write their name instead."];
            }
            else
            {
                knownName ??= MapText.Clean(member.DisplayName) ?? member.UserName ?? member.Email;
            }
        }
        var name = MapText.Clean(input.Name) ?? knownName;
        if (name is null && errors.Count == 0)
        {
            errors["name"] = ["Write their name or role (for example \"a resident\" or \"the duty manager\"), or choose an actor or a member."];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        participant.Name = name!.Length > Limits.Name ? name[..Limits.Name] : name;
        participant.ActorId = input.ActorId;
        participant.UserId = userId;
        participant.Roles = (input.Roles ?? []).Aggregate(ParticipantRoles.None, (all, r) => all | r);
        participant.How = MapText.Clean(input.How);
        return null;
    }

    private static ExperimentParticipantView View(ExperimentParticipant p) =>
        new(p.Id, p.Name, p.ActorId, p.UserId, RoleList(p.Roles), p.How, p.Version);

    public static IReadOnlyList<ParticipantRoles> RoleList(ParticipantRoles roles) =>
        [.. Enum.GetValues<ParticipantRoles>().Where(r => r != ParticipantRoles.None && roles.HasFlag(r))];

    // ---- Comments ---------------------------------------------------------------------------------------------------

    public async Task<Outcome<ExperimentCommentView>> AddCommentAsync(Guid experimentId, ExperimentCommentInput input, CancellationToken ct = default)
    {
        var (experiment, _, failure) = await ForEditAsync(experimentId, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (!ExperimentSections.IsKnown(input.Section))
        {
            return Failure.Invalid("section", "Choose one of the parts of the design: " + string.Join(", ", ExperimentSections.All.Select(s => s.Key)) + ".");
        }
        var comment = new ExperimentComment
        {
            Section = input.Section!, Text = input.Text!.Trim(), AuthorId = currentUser.UserId, AuthorName = currentUser.DisplayName,
            NetworkId = experiment!.NetworkId, CycleId = experiment.CycleId, ExperimentId = experimentId, CreatedAt = clock.GetUtcNow(),
        };
        db.ExperimentComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return new ExperimentCommentView(comment.Id, comment.Section, comment.Text, comment.AuthorName, comment.CreatedAt, true);
    }

    /// <summary>Its author, or a steward, may remove a comment.</summary>
    public async Task<Outcome<bool>> DeleteCommentAsync(Guid commentId, CancellationToken ct = default)
    {
        var comment = await db.ExperimentComments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (await CheckPartAsync(comment?.NetworkId, ct) is { } failure)
        {
            return failure;
        }
        var role = await access.RoleAsync(comment!.NetworkId, ct);
        if (role < NetworkRole.Steward && (comment.AuthorId is null || comment.AuthorId != currentUser.UserId))
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "Only the person who wrote a comment, or a steward, can remove it.");
        }
        db.ExperimentComments.Remove(comment);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---- Boards -----------------------------------------------------------------------------------------------------

    /// <summary>How many experiments a board column shows; a cycle with hundreds links to the paged list for the rest.</summary>
    public const int BoardColumnSize = 20;

    public async Task<Outcome<CycleExperimentsView>> CycleBoardAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var inCycle = db.Experiments.AsNoTracking().Where(e => e.CycleId == cycleId);
        var counts = await inCycle.GroupBy(e => e.State).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var columns = new List<StateColumn>();
        foreach (var state in Enum.GetValues<ExperimentState>())
        {
            var count = counts.GetValueOrDefault(state);
            var newest = count == 0 ? [] : await Summaries(inCycle.Where(e => e.State == state).OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(BoardColumnSize)).ToListAsync(ct);
            columns.Add(new StateColumn(state, newest, count));
        }
        return new CycleExperimentsView(cycle, columns, counts.Values.Sum());
    }

    public async Task<Outcome<ExperimentList>> NetworkBoardAsync(Guid networkId, ExperimentFilter filter, CancellationToken ct = default)
    {
        if (await access.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var pageSize = Math.Clamp(filter.PageSize ?? ExperimentFilter.DefaultPageSize, 1, ExperimentFilter.MaxPageSize);
        var page = Math.Max(filter.Page ?? 1, 1);
        var query = db.Experiments.AsNoTracking().Where(e => e.NetworkId == networkId);
        if (filter.CycleId is { } cycleId)
        {
            query = query.Where(e => e.CycleId == cycleId);
        }
        if (filter.ScaleId is { } scaleId)
        {
            query = query.Where(e => db.Cycles.Any(c => c.Id == e.CycleId && c.ScaleId == scaleId));
        }
        if (filter.Type is { } type)
        {
            query = query.Where(e => e.Type == type);
        }
        if (filter.State is { } state)
        {
            query = query.Where(e => e.State == state);
        }
        if (MapText.Clean(filter.Tag) is { } tag)
        {
            query = query.Where(e => e.Tags.Contains(tag));
        }
        var total = await query.CountAsync(ct);
        var items = await Summaries(query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new ExperimentList(networkId, items, total, page, pageSize);
    }

    private IQueryable<ExperimentSummary> Summaries(IQueryable<Experiment> experiments) =>
        from e in experiments
        join c in db.Cycles on e.CycleId equals c.Id
        select new ExperimentSummary(e.Id, e.CycleId, c.Name, e.Title, e.Type, e.State, e.Decision, e.StartsOn, e.PlannedEndOn, e.Tags, e.ParentId, e.CreatedAt,
            e.CaseFileId == null ? null : db.CaseFiles.Where(f => f.Id == e.CaseFileId).Select(f => f.Reference).FirstOrDefault());

    /// <summary>What the design forms offer: the cycle's actors and factors, the network's members.</summary>
    public async Task<DesignChoices> ChoicesAsync(Guid cycleId, Guid networkId, CancellationToken ct = default)
    {
        var actors = await db.Actors.AsNoTracking().Where(a => a.CycleId == cycleId).OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct);
        var factors = await db.Factors.AsNoTracking().Where(f => f.CycleId == cycleId).OrderBy(f => f.Name).Select(f => new Choice(f.Id, f.Name)).ToListAsync(ct);
        var members = await db.NetworkMembers.AsNoTracking().Where(m => m.NetworkId == networkId)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.UserName, m.User.Email }).ToListAsync(ct);
        return new DesignChoices(actors, factors,
            [.. members.Select(m => new MemberChoice(m.UserId, MapText.Clean(m.DisplayName) ?? m.UserName ?? m.Email ?? m.UserId)).OrderBy(m => m.Name, StringComparer.CurrentCulture)]);
    }

    // ---- The person it is tried with ---------------------------------------------------------------------------------

    /// <summary>The case files of the cycle the caller works on as a practitioner (by reference), for the design form. Empty outside
    /// the person scale.</summary>
    public async Task<IReadOnlyList<CaseLinkChoice>> CaseChoicesAsync(Guid cycleId, CancellationToken ct = default)
    {
        var userId = currentUser.UserId;
        return await db.CaseFiles.AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.ErasedAt == null && !c.Restricted && c.Practitioners.Any(p => p.UserId == userId))
            .OrderBy(c => c.Reference).Select(c => new CaseLinkChoice(c.Id, c.Reference)).ToListAsync(ct);
    }

    /// <summary>The reference of a case file an experiment of <paramref name="cycleId"/> may be linked to: a file of that very cycle
    /// that the caller may work on. Null otherwise, whatever the reason (so nothing about the file is revealed).</summary>
    public async Task<string?> LinkableCaseAsync(Guid cycleId, Guid caseId, CancellationToken ct = default)
    {
        var (file, _) = await cases.WriteAsync(caseId, CaseWrite.Work, ct);
        return file is not null && file.CycleId == cycleId ? file.Reference : null;
    }

    /// <summary>Checks a change of the case an experiment is tried with. Taking the link off (or moving it) needs the right to work on
    /// the current case; a new link needs a case of the experiment's cycle the caller works on, or it is a field error that says
    /// nothing about the file.</summary>
    private async Task<(Failure? Refused, Dictionary<string, string[]>? Errors)> CheckCaseAsync(Experiment experiment, Guid? caseId, CancellationToken ct)
    {
        if (caseId == experiment.CaseFileId)
        {
            return (null, null);
        }
        if (experiment.CaseFileId is { } current && (await cases.WriteAsync(current, CaseWrite.Work, ct, evenIfRestricted: true)).Scope is null)
        {
            return (new Failure(OutcomeStatus.Forbidden,
                Message: "This experiment is tried with a person whose case file you do not work on. Only the people working with them can change or take off the link."), null);
        }
        if (caseId is { } id && await LinkableCaseAsync(experiment.CycleId, id, ct) is null)
        {
            return (null, new Dictionary<string, string[]>
            {
                ["caseId"] = ["Choose a case file you work on in this cycle: an experiment can be tried with a person of its own cycle only."],
            });
        }
        return (null, null);
    }

    // ---- Shared -----------------------------------------------------------------------------------------------------

    private async Task<(Experiment?, CycleScope?, Failure?)> ForEditAsync(Guid experimentId, CancellationToken ct)
    {
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == experimentId, ct);
        if (experiment is null)
        {
            return (null, null, Failure.NotFound);
        }
        var (cycle, denied) = await scope.ForCycleAsync(experiment.CycleId, NetworkRole.Member, ct);
        return (experiment, cycle, denied);
    }

    private async Task<Failure?> CheckPartAsync(Guid? networkId, CancellationToken ct) =>
        networkId is null ? Failure.NotFound : await scope.RequireAsync(networkId.Value, NetworkRole.Member, ct);

    /// <summary>Copies the design onto the experiment, or returns every field error (and changes nothing).</summary>
    private static Failure? Apply(Experiment e, ExperimentInput input, Dictionary<string, string[]>? caseErrors = null)
    {
        var errors = caseErrors ?? new Dictionary<string, string[]>();
        if (InputValidation.Check(input) is { Errors: { } fieldErrors })
        {
            foreach (var (key, value) in fieldErrors)
            {
                errors[key] = value;
            }
        }
        var questions = CleanList(input.InquiryQuestions);
        var rules = CleanList(input.SafeToFailRules);
        var (tags, tagError) = MapText.Tags(input.Tags?.Select(t => t ?? ""));
        if (questions.Count == 0)
        {
            errors["inquiryQuestions"] = ["Write at least one question you want the experiment to help you answer."];
        }
        else if (questions.Count > MaxListItems || questions.Any(q => q.Length > Limits.LongText))
        {
            errors["inquiryQuestions"] = [$"Use at most {MaxListItems} questions, each up to 20,000 characters."];
        }
        if (rules.Count > MaxListItems || rules.Any(r => r.Length > Limits.LongText))
        {
            errors["safeToFailRules"] = [$"Use at most {MaxListItems} safe-to-fail rules, each up to 20,000 characters."];
        }
        if (tagError?.Errors is { } te)
        {
            foreach (var (key, value) in te)
            {
                errors[key] = value;
            }
        }
        var research = MapText.Clean(input.ResearchQuestion);
        var hypothesis = MapText.Clean(input.Hypothesis);
        if (input.Type == ExperimentType.HypothesisTest)
        {
            if (research is null)
            {
                errors["researchQuestion"] = ["A hypothesis test needs a research question: what do you want to find out?"];
            }
            if (hypothesis is null)
            {
                errors["hypothesis"] = ["A hypothesis test needs a hypothesis: what do you think will happen, and why?"];
            }
        }
        var reviews = (input.ReviewPoints ?? []).Distinct().Order().ToList();
        if (reviews.Count > MaxReviewPoints)
        {
            errors["reviewPoints"] = [$"Use at most {MaxReviewPoints} review points."];
        }
        foreach (var (field, message) in DateErrors(input.StartsOn, reviews, input.PlannedEndOn))
        {
            errors.TryAdd(field, [message]);
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        e.Title = input.Title!.Trim();
        e.Type = input.Type!.Value;
        e.ResearchQuestion = research;
        e.Hypothesis = hypothesis;
        e.InquiryQuestions = questions;
        e.Tags = tags;
        e.SafeToFailRules = rules;
        e.Permissions = MapText.Clean(input.Permissions);
        e.PermissionStatus = input.PermissionStatus ?? PermissionStatus.NoneNeeded;
        e.StartsOn = input.StartsOn;
        e.ReviewPoints = reviews;
        e.PlannedEndOn = input.PlannedEndOn;
        e.EvidenceKinds = (input.EvidenceKinds ?? []).Aggregate(EvidenceKinds.None, (all, k) => all | k);
        e.GatheredBy = MapText.Clean(input.GatheredBy);
        e.AnalysedBy = MapText.Clean(input.AnalysedBy);
        e.ReflectionEveryDays = input.ReflectionEveryDays;
        e.HowWeWillKnow = MapText.Clean(input.HowWeWillKnow);
        e.SharedWith = MapText.Clean(input.SharedWith);
        return null;
    }

    /// <summary>Start ≤ every review point ≤ planned end, with messages that name the dates.</summary>
    public static IEnumerable<(string Field, string Message)> DateErrors(DateOnly? start, IReadOnlyList<DateOnly> reviews, DateOnly? end)
    {
        if (start is { } s && end is { } e2 && e2 < s)
        {
            yield return ("plannedEndOn", $"The planned end ({Day(e2)}) is before the start ({Day(s)}). Choose an end on or after the start.");
        }
        if (start is { } from && reviews.FirstOrDefault(r => r < from) is var early && early != default)
        {
            yield return ("reviewPoints", $"The review point {Day(early)} is before the start ({Day(from)}). Choose review points on or after the start.");
        }
        if (end is { } to && reviews.LastOrDefault(r => r > to) is var late && late != default)
        {
            yield return ("reviewPoints", $"The review point {Day(late)} is after the planned end ({Day(to)}). Choose review points on or before the end.");
        }
    }

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static List<string> CleanList(IEnumerable<string?>? items) =>
        [.. (items ?? []).Select(i => i?.Trim()).Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).Distinct(StringComparer.OrdinalIgnoreCase)];

    private async Task<ExperimentDetail> DetailAsync(Guid experimentId, CycleScope cycle, CancellationToken ct)
    {
        var e = await db.Experiments.AsNoTracking().FirstAsync(x => x.Id == experimentId, ct);
        var actions = await ActionViews(db.ExperimentActions.AsNoTracking().Where(a => a.ExperimentId == experimentId)).ToListAsync(ct);
        var participants = await db.ExperimentParticipants.AsNoTracking().Where(p => p.ExperimentId == experimentId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var comments = await db.ExperimentComments.AsNoTracking().Where(c => c.ExperimentId == experimentId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Section, c.Text, c.AuthorName, c.AuthorId, c.CreatedAt }).ToListAsync(ct);
        // The whole family lives in one cycle (iterations stay in their cycle), so one light query finds it.
        var family = await db.Experiments.AsNoTracking().Where(x => x.CycleId == e.CycleId)
            .Select(x => new LineageNode(x.Id, x.ParentId, x.Title, x.State, x.Decision, x.CreatedAt)).ToListAsync(ct);
        var isSteward = cycle.Role >= NetworkRole.Steward;
        var userId = currentUser.UserId;
        var sections = ExperimentSections.All
            .Select(s => new SectionComments(s.Key, s.Title, [.. comments.Where(c => c.Section == s.Key)
                .Select(c => new ExperimentCommentView(c.Id, c.Section, c.Text, c.AuthorName, c.CreatedAt,
                    cycle.CanEdit && (isSteward || (c.AuthorId is not null && c.AuthorId == userId))))]))
            .Where(s => s.Comments.Count > 0)
            .ToList();
        var lineage = Lineage(family, e.Id);
        var caseReference = e.CaseFileId is { } caseId ? await db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(ct) : null;
        var canOpenCase = e.CaseFileId is { } openId && (await cases.ResolveAsync(openId, ct)).Scope is not null;
        return new ExperimentDetail(e.Id, e.NetworkId, e.CycleId, cycle.CycleName, cycle.NetworkName, e.ParentId, e.CaseFileId, caseReference, canOpenCase, e.Title, e.Type,
            e.ResearchQuestion, e.Hypothesis, e.InquiryQuestions, e.Tags, e.SafeToFailRules, e.Permissions, e.PermissionStatus,
            e.StartsOn, e.ReviewPoints, e.PlannedEndOn,
            [.. Enum.GetValues<EvidenceKinds>().Where(k => k != EvidenceKinds.None && e.EvidenceKinds.HasFlag(k))],
            e.GatheredBy, e.AnalysedBy, e.ReflectionEveryDays, e.HowWeWillKnow, e.SharedWith,
            e.State, e.Decision, e.LearningAboutWork, e.LearningAboutOrganising, e.ConcludedAt, e.CreatedAt,
            actions, [.. participants.Select(View)], sections,
            DesignChecklist.Gaps(DesignFacts.Of(e, participants.Select(p => p.Roles))),
            lineage.FirstOrDefault(l => l.Id == e.ParentId), lineage, e.Version, cycle.CanEdit, isSteward);
    }

    private sealed record LineageNode(Guid Id, Guid? ParentId, string Title, ExperimentState State, ExperimentDecision? Decision, DateTimeOffset CreatedAt);

    /// <summary>The root of the experiment's family, then all its descendants depth-first (oldest sibling first).</summary>
    private static List<LineageItem> Lineage(List<LineageNode> family, Guid currentId)
    {
        var byId = family.ToDictionary(n => n.Id);
        var root = byId[currentId];
        var seen = new HashSet<Guid> { root.Id };
        while (root.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) && seen.Add(parent.Id))
        {
            root = parent;
        }
        var children = family.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var result = new List<LineageItem>();
        var visited = new HashSet<Guid>();
        void Walk(LineageNode node, int depth)
        {
            if (!visited.Add(node.Id))
            {
                return;
            }
            result.Add(new LineageItem(node.Id, node.ParentId, node.Title, node.State, node.Decision, depth, node.Id == currentId));
            foreach (var child in children[node.Id].OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
            {
                Walk(child, depth + 1);
            }
        }
        Walk(root, 0);
        return result;
    }
}
