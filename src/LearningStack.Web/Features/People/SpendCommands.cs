using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using LearningStack.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningStack.Web.Features.People;

/// <summary>Settings for the spend log: the currency used when none is given (Spend:DefaultCurrency, default GBP) and the largest
/// receipt (Spend:MaxReceiptBytes, default 10 MB).</summary>
public sealed class SpendOptions
{
    public const long DefaultMaxReceiptBytes = 10L * 1024 * 1024;

    public string DefaultCurrency { get; set; } = "GBP";

    public long MaxReceiptBytes { get; set; } = DefaultMaxReceiptBytes;
}

/// <summary>A receipt upload written to a temporary file and checked: a JPEG, PNG or WebP image whose name does not disguise it.</summary>
public sealed record ReceiptUpload(TempMedia Temp, SniffedType Type, string FileName);

/// <summary>The spend log: every rule about spend entries, their needs, sign-off and receipts, used by the pages and the API alike.
/// Members record spend in a cycle and observers read it. An entry linked to a case needs the right to work on that case to be made
/// or changed, and shows its detail only to people who can open the case (<see cref="CaseAccess.ResolveAsync"/>); everyone else
/// sees it counted in the totals.</summary>
public sealed class SpendCommands(AppDbContext db, NetworkAccess network, CaseAccess cases, CurrentUser user, TimeProvider clock,
    IMediaStore store, IOptions<SpendOptions> options)
{
    public const int MaxPageSize = 200;

    public static readonly IReadOnlySet<string> ReceiptTypes = new HashSet<string>(StringComparer.Ordinal) { "image/jpeg", "image/png", "image/webp" };

    public const string ReceiptTypeMessage =
        "A receipt must be a photo or scan saved as JPEG, PNG or WebP (its content is checked, not its name). PDF files are not accepted yet: take a photo of the receipt instead.";

    public long MaxReceiptBytes => options.Value.MaxReceiptBytes;

    public string DefaultCurrency => options.Value.DefaultCurrency;

    private sealed record CycleInfo(Guid Id, Guid NetworkId, string Name, string NetworkName, NetworkRole Role);

    private async Task<(CycleInfo? Cycle, Failure? Denied)> CycleAsync(Guid cycleId, NetworkRole minimum, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { c.NetworkId, c.Name, NetworkName = n.Name })
            .FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return (null, Failure.NotFound);
        }
        if (await network.RequireAsync(cycle.NetworkId, minimum, ct) is { } denied)
        {
            return (null, denied);
        }
        var role = await network.RoleAsync(cycle.NetworkId, ct);
        return (new CycleInfo(cycleId, cycle.NetworkId, cycle.Name, cycle.NetworkName, role!.Value), null);
    }

    /// <summary>What the spend form offers in a cycle: the network's needs, and the case files the caller works on (by reference).
    /// Null when the cycle is not found or the caller is not in its network.</summary>
    public async Task<SpendFormContext?> FormContextAsync(Guid cycleId, CancellationToken ct = default)
    {
        var (cycle, _) = await CycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return null;
        }
        var userId = user.UserId;
        var myCases = await db.CaseFiles.AsNoTracking()
            .Where(c => c.NetworkId == cycle.NetworkId && c.ErasedAt == null && !c.Restricted && c.Practitioners.Any(p => p.UserId == userId))
            .OrderBy(c => c.Reference).Select(c => new CaseChoice(c.Id, c.Reference)).ToListAsync(ct);
        return new SpendFormContext(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, cycle.Role >= NetworkRole.Member, DefaultCurrency,
            await CategoryListAsync(cycle.NetworkId, ct), myCases);
    }

    /// <summary>The cycle's entries the caller may see in detail, newest first, filtered by need and month; the others are counted.</summary>
    public async Task<Outcome<SpendList>> ListAsync(Guid cycleId, SpendQuery query, CancellationToken ct = default)
    {
        var (cycle, denied) = await CycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var entries = db.SpendEntries.AsNoTracking().Where(e => e.CycleId == cycleId);
        if (query.Category is { } category)
        {
            entries = entries.Where(e => e.NeedCategoryId == category);
        }
        string? month = null;
        if (!string.IsNullOrWhiteSpace(query.Month))
        {
            if (SpendRules.ParseMonth(query.Month) is not { } range)
            {
                return Failure.Invalid("month", "Give the month as year-month, for example 2026-03.");
            }
            entries = entries.Where(e => e.SpentOn >= range.From && e.SpentOn <= range.To);
            month = SpendRules.MonthKey(range.From);
        }
        var rows = await Project(entries).ToListAsync(ct);
        var visible = await VisibleCasesAsync(rows.Select(r => r.CaseFileId), ct);
        var shown = rows.Where(r => r.CaseFileId is null || visible.ContainsKey(r.CaseFileId.Value))
            .OrderByDescending(r => r.SpentOn).ThenByDescending(r => r.CreatedAt).ToList();
        var hidden = rows.Where(r => r.CaseFileId is { } id && !visible.ContainsKey(id)).ToList();
        var pageSize = Math.Clamp(query.PageSize ?? 50, 1, MaxPageSize);
        var page = Math.Max(query.Page ?? 1, 1);
        var categories = await CategoryListAsync(cycle.NetworkId, ct);
        return new SpendList(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, cycle.Role >= NetworkRole.Member, query.Category, month,
            [.. shown.Skip((page - 1) * pageSize).Take(pageSize).Select(r => View(r, visible))], shown.Count, page, pageSize,
            Totals(shown), new HiddenSpend(hidden.Count, Totals(hidden)), categories);
    }

    /// <summary>Totals by need and month for a year (the latest with spend when not given; 0 for every year). Every entry counts,
    /// whoever may see its detail; nothing here names a case.</summary>
    public async Task<Outcome<SpendSummary>> SummaryAsync(Guid cycleId, int? year = null, CancellationToken ct = default)
    {
        var (cycle, denied) = await CycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var figures = await db.SpendEntries.AsNoTracking().Where(e => e.CycleId == cycleId)
            .Select(e => new SpendFigure(e.SpentOn, e.Amount, e.Currency, e.NeedCategoryId, e.NeedCategory!.Name))
            .ToListAsync(ct);
        var years = figures.Select(f => f.SpentOn.Year).Distinct().OrderDescending().ToList();
        int? chosen = year switch
        {
            0 => null,
            { } y => y,
            null => years.Count > 0 ? years[0] : clock.GetUtcNow().Year,
        };
        var inPeriod = chosen is { } only ? figures.Where(f => f.SpentOn.Year == only) : figures;
        return new SpendSummary(cycleId, cycle.NetworkId, cycle.NetworkName, cycle.Name, cycle.Role >= NetworkRole.Member, chosen, years,
            SpendRules.Summarise(inPeriod));
    }

    public async Task<Outcome<SpendEntryView>> GetAsync(Guid entryId, CancellationToken ct = default)
    {
        var row = await Project(db.SpendEntries.AsNoTracking().Where(e => e.Id == entryId)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(row.NetworkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var visible = await VisibleCasesAsync([row.CaseFileId], ct);
        if (row.CaseFileId is { } caseId && visible.ContainsKey(caseId))
        {
            await cases.ReadAsync(caseId, "A spend linked to the file", ct); // shows what was bought for the person: a read of their file
        }
        return View(row, visible);
    }

    public async Task<Outcome<SpendEntryView>> CreateAsync(Guid cycleId, SpendInput input, CancellationToken ct = default)
    {
        var (cycle, denied) = await CycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var entry = new SpendEntry
        {
            NetworkId = cycle.NetworkId, CycleId = cycleId, Currency = "", WhatWasBought = "",
            SpentById = user.UserId, SpentByName = user.DisplayName,
        };
        if (await ApplyAsync(entry, input, ct) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        (entry.CreatedAt, entry.UpdatedAt) = (now, now);
        db.SpendEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(entry.Id, ct)).Value!;
    }

    /// <summary>Edits an entry as a whole (send the version). A changed amount, currency or purchase needs signing off again.</summary>
    public async Task<Outcome<SpendEntryView>> UpdateAsync(Guid entryId, SpendInput input, CancellationToken ct = default)
    {
        var (entry, denied) = await WritableAsync(entryId, ct);
        if (entry is null)
        {
            return denied!;
        }
        if (Concurrency.Check(db, entry, input.Version) is { } stale)
        {
            return stale;
        }
        var (amount, currency, what) = (entry.Amount, entry.Currency, entry.WhatWasBought);
        if (await ApplyAsync(entry, input, ct) is { } invalid)
        {
            return invalid;
        }
        if (entry.ApprovedAt is not null && (amount != entry.Amount || currency != entry.Currency || what != entry.WhatWasBought))
        {
            (entry.ApprovedAt, entry.ApprovedById, entry.ApprovedByName) = (null, null, null);
        }
        entry.UpdatedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await GetAsync(entryId, ct)).Value!;
    }

    /// <summary>Signs an entry off: any member of the network except the person who spent it. Records who and when.</summary>
    public async Task<Outcome<SpendEntryView>> ApproveAsync(Guid entryId, SpendApprovalInput input, CancellationToken ct = default)
    {
        var entry = await db.SpendEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(entry.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (entry.SpentById == user.UserId)
        {
            return new Failure(OutcomeStatus.Forbidden, Message: "You made this spend, so someone else in the team signs it off.");
        }
        if (Concurrency.IsStale(db, entry, input.Version))
        {
            return Failure.Conflict;
        }
        if (entry.ApprovedAt is not null)
        {
            return new Failure(OutcomeStatus.Conflict, Message: $"{entry.ApprovedByName} already signed this off.");
        }
        (entry.ApprovedAt, entry.ApprovedById, entry.ApprovedByName) = (clock.GetUtcNow(), user.UserId, user.DisplayName);
        entry.UpdatedAt = entry.ApprovedAt.Value;
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await GetAsync(entryId, ct)).Value!;
    }

    /// <summary>Null when the caller may attach a receipt to the entry; checked before a byte of the upload is read.</summary>
    public async Task<Failure?> CanAttachReceiptAsync(Guid entryId, CancellationToken ct = default) => (await WritableAsync(entryId, ct)).Denied;

    /// <summary>Copies an upload to a temporary file (at most <see cref="MaxReceiptBytes"/>; throws <see cref="MediaTooLargeException"/>
    /// past it) and checks what it is. On a failure the temporary file is already gone.</summary>
    public async Task<Outcome<ReceiptUpload>> PrepareReceiptAsync(Stream source, string fileName, CancellationToken ct = default)
    {
        var temp = await store.WriteTempAsync(source, MaxReceiptBytes, ct);
        if (temp.Length == 0)
        {
            store.Discard(temp);
            return Failure.Invalid("file", "Choose a photo or scan of the receipt to upload.");
        }
        if (ContentSniffer.Sniff(temp.Header) is not { } sniffed || !ReceiptTypes.Contains(sniffed.ContentType))
        {
            store.Discard(temp);
            return Failure.Invalid("file", ReceiptTypeMessage);
        }
        if (ContentSniffer.Disguise(fileName, sniffed) is { } disguise)
        {
            store.Discard(temp);
            return Failure.Invalid("file", disguise);
        }
        return new ReceiptUpload(temp, sniffed, fileName);
    }

    /// <summary>Throws away a checked upload that will not be kept.</summary>
    public void DiscardReceipt(ReceiptUpload upload) => store.Discard(upload.Temp);

    /// <summary>Keeps a checked receipt with the entry, replacing (and deleting) any earlier one. On a failure the upload is discarded.</summary>
    public async Task<Outcome<SpendEntryView>> AttachReceiptAsync(Guid entryId, ReceiptUpload upload, CancellationToken ct = default)
    {
        var (entry, denied) = await WritableAsync(entryId, ct);
        if (entry is null)
        {
            store.Discard(upload.Temp);
            return denied!;
        }
        var earlier = entry.ReceiptStoredName;
        var storedName = store.Keep(upload.Temp);
        try
        {
            entry.ReceiptStoredName = storedName;
            entry.ReceiptContentType = upload.Type.ContentType;
            entry.ReceiptFileName = SafeFileName(upload.FileName);
            entry.ReceiptSize = upload.Temp.Length;
            entry.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            store.Delete(storedName);
            throw;
        }
        if (earlier is not null)
        {
            store.Delete(earlier);
        }
        return (await GetAsync(entryId, ct)).Value!;
    }

    /// <summary>The receipt, for anyone who may see the entry in detail.</summary>
    public async Task<Outcome<ReceiptFile>> OpenReceiptAsync(Guid entryId, CancellationToken ct = default)
    {
        var entry = await db.SpendEntries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.NetworkId, e.CaseFileId, e.ReceiptStoredName, e.ReceiptContentType, e.ReceiptFileName }).FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(entry.NetworkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        if (entry.CaseFileId is { } caseId && (await cases.ReadAsync(caseId, "Receipt of a spend linked to the file", ct)).Scope is null)
        {
            return Failure.NotFound;
        }
        if (entry.ReceiptStoredName is null || store.OpenRead(entry.ReceiptStoredName) is not { } stream)
        {
            return Failure.NotFound;
        }
        return new ReceiptFile(stream, entry.ReceiptContentType ?? "application/octet-stream", entry.ReceiptFileName ?? "receipt");
    }

    public async Task<Outcome<IReadOnlyList<NeedCategoryView>>> CategoriesAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return new Outcome<IReadOnlyList<NeedCategoryView>>(OutcomeStatus.Ok, await CategoryListAsync(networkId, ct));
    }

    /// <summary>Adds a need to the network's list, or gives back the one already there with the same name (whatever its capitals).</summary>
    public async Task<Outcome<(NeedCategoryView Category, bool Added)>> AddCategoryAsync(Guid networkId, NeedCategoryInput input, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Failure.Invalid("name", "Name the need, for example \"furniture\".");
        }
        var (category, added) = await FindOrAddCategoryAsync(networkId, input.Name, ct);
        return (new NeedCategoryView(category.Id, category.Name), added);
    }

    private Task<List<NeedCategoryView>> CategoryListAsync(Guid networkId, CancellationToken ct) =>
        db.NeedCategories.AsNoTracking().Where(c => c.NetworkId == networkId).OrderBy(c => c.NormalisedName)
            .Select(c => new NeedCategoryView(c.Id, c.Name)).ToListAsync(ct);

    private async Task<(NeedCategory Category, bool Added)> FindOrAddCategoryAsync(Guid networkId, string name, CancellationToken ct)
    {
        var key = NeedCategory.Normalise(name);
        for (var attempt = 0; ; attempt++)
        {
            if (await db.NeedCategories.FirstOrDefaultAsync(c => c.NetworkId == networkId && c.NormalisedName == key, ct) is { } existing)
            {
                return (existing, false);
            }
            var category = new NeedCategory
            {
                NetworkId = networkId, Name = NeedCategory.Tidy(name), NormalisedName = key, CreatedByName = user.DisplayName, CreatedAt = clock.GetUtcNow(),
            };
            db.NeedCategories.Add(category);
            try
            {
                await db.SaveChangesAsync(ct);
                return (category, true);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Someone added the same need at the same moment: use theirs.
                db.Entry(category).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The tracked entry, when the caller is a member and, for an entry linked to a case, may work on that case.</summary>
    private async Task<(SpendEntry? Entry, Failure? Denied)> WritableAsync(Guid entryId, CancellationToken ct)
    {
        var entry = await db.SpendEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return (null, Failure.NotFound);
        }
        if (await network.RequireAsync(entry.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return (null, denied);
        }
        if (entry.CaseFileId is { } caseId && (await cases.WriteAsync(caseId, CaseWrite.Work, ct)).Denied is { } refused)
        {
            return (null, refused.Status == OutcomeStatus.NotFound
                ? new Failure(OutcomeStatus.Forbidden, Message: "This spend is linked to a case you are not working on. Only the people working with that person can change it.")
                : refused);
        }
        return (entry, null);
    }

    /// <summary>Checks the input and copies it onto the entry: the need (found or added), and the case, which the caller must be able to work on.</summary>
    private async Task<Failure?> ApplyAsync(SpendEntry entry, SpendInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (InputValidation.Check(input) is { Errors: { } fieldErrors })
        {
            foreach (var (key, messages) in fieldErrors)
            {
                errors[key] = messages;
            }
        }
        if (input.Amount is { } amount && !errors.ContainsKey("amount") && !SpendRules.IsWholePence(amount))
        {
            errors["amount"] = ["Give the amount to at most two decimal places, for example 42.50."];
        }
        if (input.SpentOn is { } day && day > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
        {
            errors["spentOn"] = ["The date is in the future. Give the day the money was spent."];
        }
        if (input.WhatWasBought is not null && string.IsNullOrWhiteSpace(input.WhatWasBought) && !errors.ContainsKey("whatWasBought"))
        {
            errors["whatWasBought"] = ["Say what was bought, for example \"a single bed and mattress\"."];
        }
        var newCategory = string.IsNullOrWhiteSpace(input.NewCategory) ? null : input.NewCategory;
        NeedCategory? category = null;
        if (newCategory is null)
        {
            if (input.NeedCategoryId is not { } categoryId)
            {
                errors["needCategoryId"] = ["Choose the need this met from the list, or type a new one."];
            }
            else if ((category = await db.NeedCategories.FirstOrDefaultAsync(c => c.Id == categoryId && c.NetworkId == entry.NetworkId, ct)) is null)
            {
                errors["needCategoryId"] = ["That need is not on this network's list. Choose one from the list, or type a new one."];
            }
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (input.CaseId is { } caseId && caseId != entry.CaseFileId)
        {
            var (scope, refused) = await cases.WriteAsync(caseId, CaseWrite.Work, ct);
            if (scope is null)
            {
                return refused;
            }
            if (scope.NetworkId != entry.NetworkId)
            {
                return Failure.NotFound;
            }
        }
        if (newCategory is not null)
        {
            category = (await FindOrAddCategoryAsync(entry.NetworkId, newCategory, ct)).Category;
        }
        entry.SpentOn = input.SpentOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        entry.Amount = input.Amount!.Value;
        entry.Currency = string.IsNullOrWhiteSpace(input.Currency) ? DefaultCurrency : input.Currency.Trim().ToUpperInvariant();
        entry.WhatWasBought = input.WhatWasBought!.Trim();
        entry.NeedCategoryId = category!.Id;
        entry.CaseFileId = input.CaseId;
        return null;
    }

    private sealed record Row(Guid Id, Guid NetworkId, Guid CycleId, DateOnly SpentOn, decimal Amount, string Currency, Guid CategoryId, string Category,
        string WhatWasBought, Guid? CaseFileId, string? SpentById, string SpentByName, string? ApprovedByName, DateTimeOffset? ApprovedAt,
        string? ReceiptFileName, string? ReceiptContentType, long? ReceiptSize, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

    private static IQueryable<Row> Project(IQueryable<SpendEntry> entries) => entries.Select(e => new Row(e.Id, e.NetworkId, e.CycleId, e.SpentOn,
        e.Amount, e.Currency, e.NeedCategoryId, e.NeedCategory!.Name, e.WhatWasBought, e.CaseFileId, e.SpentById, e.SpentByName, e.ApprovedByName,
        e.ApprovedAt, e.ReceiptFileName, e.ReceiptContentType, e.ReceiptSize, e.CreatedAt, e.UpdatedAt, e.Version));

    /// <summary>The references of the cases among <paramref name="caseIds"/> that the caller can open (one look-up per distinct case).</summary>
    private async Task<Dictionary<Guid, string>> VisibleCasesAsync(IEnumerable<Guid?> caseIds, CancellationToken ct)
    {
        var visible = new Dictionary<Guid, string>();
        foreach (var caseId in caseIds.OfType<Guid>().Distinct())
        {
            if ((await cases.ResolveAsync(caseId, ct)).Scope is { } scope)
            {
                visible[caseId] = scope.Reference;
            }
        }
        return visible;
    }

    private SpendEntryView View(Row r, IReadOnlyDictionary<Guid, string> visibleCases)
    {
        var hidden = r.CaseFileId is { } caseId && !visibleCases.ContainsKey(caseId);
        return new SpendEntryView(r.Id, r.NetworkId, r.CycleId, r.SpentOn, r.Amount, r.Currency, r.CategoryId, r.Category, hidden,
            hidden ? null : r.WhatWasBought, r.CaseFileId is not null, hidden ? null : r.CaseFileId,
            r.CaseFileId is { } id && visibleCases.TryGetValue(id, out var reference) ? reference : null,
            r.SpentByName, r.SpentById is not null && r.SpentById == user.UserId, r.ApprovedByName, r.ApprovedAt,
            hidden || r.ReceiptFileName is null ? null : new ReceiptView(r.ReceiptFileName, r.ReceiptContentType ?? "", r.ReceiptSize ?? 0, $"/api/spend/{r.Id}/receipt"),
            r.CreatedAt, r.UpdatedAt, r.Version);
    }

    private static List<MoneyTotal> Totals(IEnumerable<Row> rows) =>
        [.. rows.GroupBy(r => r.Currency).Select(g => new MoneyTotal(g.Key, g.Sum(r => r.Amount))).OrderByDescending(t => t.Amount)];

    /// <summary>The uploader's file name, for display and Content-Disposition only (never a path on disk).</summary>
    private static string SafeFileName(string name)
    {
        var leaf = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. leaf.Where(c => !char.IsControl(c))]).Trim();
        clean = string.IsNullOrEmpty(clean) ? "receipt" : clean;
        return clean.Length <= 255 ? clean : clean[^255..];
    }
}
