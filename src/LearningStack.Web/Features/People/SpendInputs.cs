using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.People;

/// <summary>A spend as logged or edited. The need is either a category from the network's list (needCategoryId) or a new one
/// typed in (newCategory), which joins the list. Send the version read last when editing.</summary>
public sealed class SpendInput
{
    /// <summary>The day of the purchase; today when left out. Not in the future.</summary>
    public DateOnly? SpentOn { get; set; }

    [Required(ErrorMessage = "Give the amount spent, for example 42.50.")]
    [Range(typeof(decimal), "0.01", "100000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "The amount must be more than 0 and at most 100,000.")]
    public decimal? Amount { get; set; }

    /// <summary>ISO 4217 code; the network's usual currency when left out.</summary>
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Give the currency as its three-letter code, for example GBP or EUR.")]
    public string? Currency { get; set; }

    [Required(ErrorMessage = "Say what was bought, for example \"a single bed and mattress\".")]
    [MaxLength(SpendLimits.What, ErrorMessage = "What was bought can be at most 1,000 characters.")]
    public string? WhatWasBought { get; set; }

    public Guid? NeedCategoryId { get; set; }

    [MaxLength(SpendLimits.Category, ErrorMessage = "A need can be at most 100 characters.")]
    public string? NewCategory { get; set; }

    /// <summary>The case file it was for (optional). You must be working with that person.</summary>
    public Guid? CaseId { get; set; }

    public int? Version { get; set; }
}

/// <summary>A need added to the network's list.</summary>
public sealed class NeedCategoryInput
{
    [Required(ErrorMessage = "Name the need, for example \"furniture\".")]
    [MaxLength(SpendLimits.Category, ErrorMessage = "A need can be at most 100 characters.")]
    public string? Name { get; set; }
}

/// <summary>Signing off a spend: someone other than the person who spent it.</summary>
public sealed class SpendApprovalInput
{
    public int? Version { get; set; }
}

/// <summary>Which entries of a cycle to list: a need category, a month ("2026-03"), a page.</summary>
public sealed record SpendQuery(Guid? Category = null, string? Month = null, int? Page = null, int? PageSize = null);

public sealed record NeedCategoryView(Guid Id, string Name);

public sealed record ReceiptView(string FileName, string ContentType, long Size, string Url);

/// <summary>A spend entry as the caller may see it. <see cref="Hidden"/> entries are linked to a case the caller cannot open: what was
/// bought, the case and the receipt are left out; the amount and need are shown because they count in the totals.</summary>
public sealed record SpendEntryView(Guid Id, Guid NetworkId, Guid CycleId, DateOnly SpentOn, decimal Amount, string Currency,
    Guid NeedCategoryId, string NeedCategory, bool Hidden, string? WhatWasBought, bool LinkedToCase, Guid? CaseId, string? CaseReference,
    string SpentByName, bool SpentByMe, string? ApprovedByName, DateTimeOffset? ApprovedAt, ReceiptView? Receipt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <summary>Entries the caller may not see in detail, counted but not shown.</summary>
public sealed record HiddenSpend(int Count, IReadOnlyList<MoneyTotal> Totals);

public sealed record MoneyTotal(string Currency, decimal Amount);

/// <summary>A page of a cycle's spend log, with the cycle and the filters applied.</summary>
public sealed record SpendList(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, bool CanEdit, Guid? Category, string? Month,
    IReadOnlyList<SpendEntryView> Entries, int Total, int Page, int PageSize, IReadOnlyList<MoneyTotal> Totals, HiddenSpend Hidden,
    IReadOnlyList<NeedCategoryView> Categories);

/// <summary>One need's spend in one currency: the total, how many entries, and its share of that currency's spend (whole percent).</summary>
public sealed record CategoryTotal(Guid CategoryId, string Category, decimal Amount, int Count, int SharePercent);

/// <summary>One month's spend ("2026-03") by need.</summary>
public sealed record MonthTotal(string Month, decimal Amount, IReadOnlyList<CategoryMonth> ByCategory);

public sealed record CategoryMonth(Guid CategoryId, decimal Amount, int Count);

/// <summary>Spend in one currency over the period: by need (largest first) and by month (oldest first, months with none included).</summary>
public sealed record CurrencySummary(string Currency, decimal Amount, int Count, IReadOnlyList<CategoryTotal> Categories, IReadOnlyList<MonthTotal> Months);

/// <summary>The team view: totals by need and month for one year (or every year), every entry counted whoever may see its detail.</summary>
public sealed record SpendSummary(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, bool CanEdit, int? Year,
    IReadOnlyList<int> Years, IReadOnlyList<CurrencySummary> Currencies);

/// <summary>A receipt ready to be read.</summary>
public sealed record ReceiptFile(Stream Content, string ContentType, string FileName);

/// <summary>A case file the caller works on, offered by its reference only.</summary>
public sealed record CaseChoice(Guid Id, string Reference);

/// <summary>What the spend form needs: the cycle, the caller's right to log spend, the usual currency, the needs and the caller's cases.</summary>
public sealed record SpendFormContext(Guid CycleId, Guid NetworkId, string NetworkName, string CycleName, bool CanEdit, string DefaultCurrency,
    IReadOnlyList<NeedCategoryView> Categories, IReadOnlyList<CaseChoice> Cases);
