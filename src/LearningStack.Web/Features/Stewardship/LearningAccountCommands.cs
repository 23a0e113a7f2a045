using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Learning accounts ("helping to account"): writing a draft from a cycle's records, editing it section by section, publishing
/// it as a frozen, numbered version, exporting it, and the dialogue of questions and answers on published versions.
/// Everyone in the network reads published accounts and may ask questions; drafts are seen, edited and published only by those who
/// may write them (the network's stewards and the cycle's stewards) — to anyone else a draft does not exist (404).</summary>
public sealed class LearningAccountCommands(AppDbContext db, NetworkAccess access, CurrentUser currentUser, TimeProvider clock)
{
    private sealed record Caller(NetworkRole Role, bool CanWrite);

    /// <summary>The cycle's accounts, newest first: published versions for everyone, drafts too for those who may write them.</summary>
    public async Task<Outcome<AccountListView>> ListAsync(Guid cycleId, CancellationToken ct = default)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.Id, c.NetworkId, c.Name, NetworkName = n.Name }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return Failure.NotFound;
        }
        var (caller, denied) = await CallerAsync(cycle.NetworkId, cycle.Id, ct);
        if (caller is null)
        {
            return denied!;
        }
        return new AccountListView(cycle.Id, cycle.NetworkId, cycle.Name, cycle.NetworkName, caller.CanWrite, await SummariesAsync(cycleId, caller.CanWrite, ct));
    }

    /// <summary>Writes a new draft for the period from the cycle's records.</summary>
    public async Task<Outcome<AccountView>> GenerateAsync(Guid cycleId, AccountGenerateInput input, CancellationToken ct = default)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => new { c.Id, c.NetworkId, c.Name }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return Failure.NotFound;
        }
        if (await RequireWriterAsync(cycle.NetworkId, cycle.Id, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var (from, to) = (input.From!.Value, input.To!.Value);
        if (to < from)
        {
            return Failure.Invalid("to", "The last day cannot be before the first day of the period.");
        }
        if (to.DayNumber - from.DayNumber > LearningAccountRules.MaxPeriodDays)
        {
            return Failure.Invalid("to", "An account can cover at most three years. Write one for each part of a longer period.");
        }
        var sources = await LearningAccountRecords.LoadAsync(db, cycleId, from, to, ct);
        var account = Draft(cycle.NetworkId, cycle.Id, string.IsNullOrWhiteSpace(input.Title)
            ? $"Learning account: {cycle.Name}, {LearningAccountRules.Period(from, to)}" : MapText.Clean(input.Title)!, from, to, null);
        db.LearningAccounts.Add(account);
        var position = 0;
        foreach (var section in LearningAccountBuilder.Build(sources))
        {
            db.LearningAccountSections.Add(Section(account, section.Key, section.Title, position++, section.Markdown));
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(account.Id, ct);
    }

    public async Task<Outcome<AccountView>> GetAsync(Guid accountId, CancellationToken ct = default)
    {
        var (account, caller, denied) = await AccountAsync(accountId, ct);
        if (account is null)
        {
            return denied!;
        }
        var names = await db.Cycles.AsNoTracking().Where(c => c.Id == account.CycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.Name, NetworkName = n.Name }).FirstAsync(ct);
        var sections = await db.LearningAccountSections.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.Position)
            .Select(s => new AccountSectionView(s.Id, s.Key, s.Title, s.Position, s.Markdown, s.UpdatedByName, s.UpdatedAt, s.Version)).ToListAsync(ct);
        var questions = await db.LearningAccountQuestions.AsNoTracking().Where(q => q.AccountId == accountId).OrderBy(q => q.AskedAt)
            .Select(q => new { q.Id, q.SectionKey, q.Text, q.AskedByName, q.AskedByUserId, q.AskedAt }).ToListAsync(ct);
        var answers = (await db.LearningAccountAnswers.AsNoTracking().Where(a => a.AccountId == accountId).OrderBy(a => a.AnsweredAt)
            .Select(a => new { a.QuestionId, View = new AccountAnswerView(a.Id, a.Text, a.AnsweredByName, a.AnsweredAt) }).ToListAsync(ct)).ToLookup(a => a.QuestionId, a => a.View);
        var userId = access.UserId;
        var titles = sections.ToDictionary(s => s.Key, s => s.Title);
        var others = (await SummariesAsync(account.CycleId, caller!.CanWrite, ct)).Where(s => s.Id != accountId).ToList();
        var published = account.Status == LearningAccountStatus.Published;
        return new AccountView(account.Id, account.CycleId, account.NetworkId, names.Name, names.NetworkName, account.Title, account.PeriodFrom, account.PeriodTo,
            account.Status, account.Number, account.CreatedAt, account.CreatedByName, account.PublishedAt, account.PublishedByName, account.RevisedFromId,
            account.Version, caller.CanWrite, published,
            sections,
            [.. questions.Select(q => new AccountQuestionView(q.Id, q.SectionKey, q.SectionKey is null ? null : titles.GetValueOrDefault(q.SectionKey), q.Text,
                q.AskedByName, q.AskedAt, userId is not null && q.AskedByUserId == userId, [.. answers[q.Id]]))],
            others);
    }

    /// <summary>Edits one section of a draft (send the version you read; a stale one is 409). A published version never changes: 409.</summary>
    public async Task<Outcome<AccountSectionView>> UpdateSectionAsync(Guid accountId, Guid sectionId, AccountSectionInput input, CancellationToken ct = default)
    {
        var (account, caller, denied) = await AccountAsync(accountId, ct, tracked: true);
        if (account is null)
        {
            return denied!;
        }
        if (!caller!.CanWrite)
        {
            return Failure.Forbidden;
        }
        var section = await db.LearningAccountSections.FirstOrDefaultAsync(s => s.AccountId == accountId && s.Id == sectionId, ct);
        if (section is null)
        {
            return Failure.NotFound;
        }
        if (account.Status != LearningAccountStatus.Draft)
        {
            return Frozen();
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, section, input.Version) is { } stale)
        {
            return stale;
        }
        section.Markdown = (input.Markdown ?? "").ReplaceLineEndings("\n").TrimEnd() + "\n";
        section.UpdatedAt = clock.GetUtcNow();
        section.UpdatedByName = currentUser.DisplayName;
        account.UpdatedAt = section.UpdatedAt;
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return new AccountSectionView(section.Id, section.Key, section.Title, section.Position, section.Markdown, section.UpdatedByName, section.UpdatedAt, section.Version);
    }

    /// <summary>Freezes a draft as the cycle's next numbered version, dated today. Send the account's version: if a section changed since
    /// you read it, that is a 409, so nobody publishes words they have not seen.</summary>
    public async Task<Outcome<AccountView>> PublishAsync(Guid accountId, AccountPublishInput input, CancellationToken ct = default)
    {
        var (account, caller, denied) = await AccountAsync(accountId, ct, tracked: true);
        if (account is null)
        {
            return denied!;
        }
        if (!caller!.CanWrite)
        {
            return Failure.Forbidden;
        }
        if (account.Status != LearningAccountStatus.Draft)
        {
            return new Failure(OutcomeStatus.Conflict, Message: $"This account was already published as version {account.Number}.");
        }
        if (Concurrency.Check(db, account, input.Version) is { } stale)
        {
            return stale;
        }
        account.Status = LearningAccountStatus.Published;
        account.Number = (await db.LearningAccounts.Where(a => a.CycleId == account.CycleId).MaxAsync(a => a.Number, ct) ?? 0) + 1;
        account.PublishedAt = clock.GetUtcNow();
        account.PublishedByUserId = access.UserId;
        account.PublishedByName = currentUser.DisplayName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or another account of the cycle published at the same moment with the same number (the unique index).
            return new Failure(OutcomeStatus.Conflict, Message: "Someone published or changed an account of this cycle at the same moment. Reload, then publish again.");
        }
        return await GetAsync(account.Id, ct);
    }

    /// <summary>Discards a draft (stewards; send its version). A published version is never deleted: it is what the cycle
    /// accounted for. The draft's words stay in the history.</summary>
    public async Task<Outcome<bool>> DiscardAsync(Guid accountId, AccountPublishInput input, CancellationToken ct = default)
    {
        var (account, caller, denied) = await AccountAsync(accountId, ct, tracked: true);
        if (account is null)
        {
            return denied!;
        }
        if (!caller!.CanWrite)
        {
            return Failure.Forbidden;
        }
        if (account.Status != LearningAccountStatus.Draft)
        {
            return new Failure(OutcomeStatus.Conflict, Message: $"Version {account.Number} is published and is kept as it is. Start a new draft from it to change what it says.");
        }
        if (Concurrency.Check(db, account, input.Version) is { } stale)
        {
            return stale;
        }
        db.LearningAccountSections.RemoveRange(await db.LearningAccountSections.Where(s => s.AccountId == accountId).ToListAsync(ct));
        db.LearningAccounts.Remove(account);
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return true;
    }

    /// <summary>Starts a new draft from a published version, with its sections as they were published. The published version stays as it is.</summary>
    public async Task<Outcome<AccountView>> ReviseAsync(Guid accountId, CancellationToken ct = default)
    {
        var (account, caller, denied) = await AccountAsync(accountId, ct);
        if (account is null)
        {
            return denied!;
        }
        if (!caller!.CanWrite)
        {
            return Failure.Forbidden;
        }
        if (account.Status != LearningAccountStatus.Published)
        {
            return new Failure(OutcomeStatus.Conflict, Message: "This account is still a draft: edit it directly.");
        }
        var draft = Draft(account.NetworkId, account.CycleId, account.Title, account.PeriodFrom, account.PeriodTo, account.Id);
        db.LearningAccounts.Add(draft);
        foreach (var s in await db.LearningAccountSections.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.Position).ToListAsync(ct))
        {
            db.LearningAccountSections.Add(Section(draft, s.Key, s.Title, s.Position, s.Markdown));
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(draft.Id, ct);
    }

    /// <summary>Anyone in the network asks a question on a published account, about one section or the whole.</summary>
    public async Task<Outcome<AccountQuestionView>> AskAsync(Guid accountId, AccountQuestionInput input, CancellationToken ct = default)
    {
        var (account, _, denied) = await AccountAsync(accountId, ct);
        if (account is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var key = string.IsNullOrWhiteSpace(input.SectionKey) ? null : input.SectionKey.Trim();
        if (key is not null && LearningAccountRules.SectionTitle(key) is null)
        {
            return Failure.Invalid("sectionKey", "Choose one of the account's sections, or leave it out to ask about the account as a whole.");
        }
        if (account.Status != LearningAccountStatus.Published)
        {
            return new Failure(OutcomeStatus.Conflict, Message: "Questions are asked on published accounts. Publish the draft first.");
        }
        var question = new LearningAccountQuestion
        {
            NetworkId = account.NetworkId, CycleId = account.CycleId, AccountId = account.Id, SectionKey = key, Text = MapText.Clean(input.Text)!,
            AskedByUserId = access.UserId, AskedByName = currentUser.DisplayName, AskedAt = clock.GetUtcNow(),
        };
        db.LearningAccountQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        return new AccountQuestionView(question.Id, key, LearningAccountRules.SectionTitle(key), question.Text, question.AskedByName, question.AskedAt, true, []);
    }

    /// <summary>A steward of the cycle (or of the network) answers a question; further answers continue the dialogue.</summary>
    public async Task<Outcome<AccountQuestionView>> AnswerAsync(Guid accountId, Guid questionId, AccountAnswerInput input, CancellationToken ct = default)
    {
        var (account, caller, denied) = await AccountAsync(accountId, ct);
        if (account is null)
        {
            return denied!;
        }
        var question = await db.LearningAccountQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.AccountId == accountId, ct);
        if (question is null)
        {
            return Failure.NotFound;
        }
        if (!caller!.CanWrite)
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "The cycle's stewards answer questions on its accounts.");
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        db.LearningAccountAnswers.Add(new LearningAccountAnswer
        {
            NetworkId = account.NetworkId, CycleId = account.CycleId, AccountId = account.Id, QuestionId = question.Id, Text = MapText.Clean(input.Text)!,
            AnsweredByUserId = access.UserId, AnsweredByName = currentUser.DisplayName, AnsweredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        var view = await GetAsync(accountId, ct);
        return view.Value!.Questions.Single(q => q.Id == questionId);
    }

    /// <summary>The account as format=md (Markdown), html (a standalone printable page) or docx (Word). Relative links become
    /// absolute with the given base address, so they still lead to the records from a file or a printout.</summary>
    public async Task<Outcome<AccountExportFile>> ExportAsync(Guid accountId, string? format, string baseUrl, CancellationToken ct = default)
    {
        var view = await GetAsync(accountId, ct);
        if (view.Value is not { } account)
        {
            return new Failure(view.Status, view.Errors, view.Message);
        }
        var name = LearningAccountExport.FileName(account);
        return (format ?? "md").Trim().ToLowerInvariant() switch
        {
            "md" or "markdown" => new AccountExportFile(System.Text.Encoding.UTF8.GetBytes(LearningAccountExport.Markdown(account, baseUrl)), "text/markdown; charset=utf-8", name + ".md"),
            "html" => new AccountExportFile(System.Text.Encoding.UTF8.GetBytes(LearningAccountExport.Html(account, baseUrl)), "text/html; charset=utf-8", name + ".html"),
            "docx" => new AccountExportFile(LearningAccountExport.Docx(account, baseUrl),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            _ => Failure.Invalid("format", "Use format=md, html or docx."),
        };
    }

    private LearningAccount Draft(Guid networkId, Guid cycleId, string title, DateOnly from, DateOnly to, Guid? revisedFrom)
    {
        var now = clock.GetUtcNow();
        return new LearningAccount
        {
            NetworkId = networkId, CycleId = cycleId, Title = title, PeriodFrom = from, PeriodTo = to, Status = LearningAccountStatus.Draft,
            RevisedFromId = revisedFrom, CreatedByUserId = access.UserId, CreatedByName = currentUser.DisplayName, CreatedAt = now, UpdatedAt = now,
        };
    }

    private LearningAccountSection Section(LearningAccount account, string key, string title, int position, string markdown) => new()
    {
        NetworkId = account.NetworkId, CycleId = account.CycleId, AccountId = account.Id, Key = key, Title = title, Position = position, Markdown = markdown,
        UpdatedAt = account.CreatedAt, UpdatedByName = account.CreatedByName,
    };

    private static Failure Frozen() =>
        new(OutcomeStatus.Conflict, Message: "A published account does not change. Start a new draft from it to write a later version.");

    private async Task<List<AccountSummaryView>> SummariesAsync(Guid cycleId, bool withDrafts, CancellationToken ct)
    {
        var query = db.LearningAccounts.AsNoTracking().Where(a => a.CycleId == cycleId);
        if (!withDrafts)
        {
            query = query.Where(a => a.Status == LearningAccountStatus.Published);
        }
        var list = await query.Select(a => new AccountSummaryView(a.Id, a.Title, a.PeriodFrom, a.PeriodTo, a.Status, a.Number, a.CreatedAt, a.PublishedAt,
            a.PublishedByName, a.RevisedFromId, db.LearningAccountQuestions.Count(q => q.AccountId == a.Id))).ToListAsync(ct);
        return [.. list.OrderBy(a => a.Status == LearningAccountStatus.Published ? 1 : 0).ThenByDescending(a => a.Number).ThenByDescending(a => a.CreatedAt)];
    }

    private async Task<(Caller? Caller, Failure? Denied)> CallerAsync(Guid networkId, Guid cycleId, CancellationToken ct)
    {
        var role = await access.RoleAsync(networkId, ct);
        if (role is null)
        {
            return (null, Failure.NotFound);
        }
        var userId = access.UserId;
        var stewardsCycle = role == NetworkRole.Member && userId is not null
            && await db.CycleStewards.AnyAsync(s => s.CycleId == cycleId && s.UserId == userId, ct);
        return (new Caller(role.Value, LearningAccountRules.CanWrite(role, stewardsCycle)), null);
    }

    private async Task<Failure?> RequireWriterAsync(Guid networkId, Guid cycleId, CancellationToken ct)
    {
        var (caller, denied) = await CallerAsync(networkId, cycleId, ct);
        return caller is null ? denied : caller.CanWrite ? null
            : new Failure(OutcomeStatus.Forbidden, Message: "Learning accounts are written by the cycle's stewards and the network's stewards.");
    }

    /// <summary>The account and the caller's standing. Outsiders, and anyone who may not write it when it is a draft, get 404.</summary>
    private async Task<(LearningAccount? Account, Caller? Caller, Failure? Denied)> AccountAsync(Guid accountId, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.LearningAccounts : db.LearningAccounts.AsNoTracking();
        var account = await query.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return (null, null, Failure.NotFound);
        }
        var (caller, denied) = await CallerAsync(account.NetworkId, account.CycleId, ct);
        if (caller is null)
        {
            return (null, null, denied);
        }
        if (account.Status == LearningAccountStatus.Draft && !caller.CanWrite)
        {
            return (null, null, Failure.NotFound);
        }
        return (account, caller, null);
    }
}
