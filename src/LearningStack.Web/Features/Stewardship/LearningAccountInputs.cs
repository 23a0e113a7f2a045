using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Stewardship;

public sealed class AccountGenerateInput
{
    [Required(ErrorMessage = "Enter the first day of the period the account covers.")]
    public DateOnly? From { get; set; }

    [Required(ErrorMessage = "Enter the last day of the period the account covers.")]
    public DateOnly? To { get; set; }

    /// <summary>Optional; "Learning account: {cycle}, {period}" when left out.</summary>
    [MaxLength(Limits.Name, ErrorMessage = "The title can be at most 200 characters.")]
    public string? Title { get; set; }
}

public sealed class AccountSectionInput
{
    [MaxLength(LearningAccountRules.MaxSectionLength, ErrorMessage = "A section can be at most 60,000 characters.")]
    public string? Markdown { get; set; }

    public int? Version { get; set; }
}

public sealed class AccountPublishInput
{
    public int? Version { get; set; }
}

public sealed class AccountQuestionInput
{
    [Required(ErrorMessage = "Write your question.")]
    [MaxLength(LearningAccountRules.MaxDialogueLength, ErrorMessage = "A question can be at most 4,000 characters.")]
    public string? Text { get; set; }

    /// <summary>The section it is about (purpose, who-took-part, …); left out for the account as a whole.</summary>
    public string? SectionKey { get; set; }
}

public sealed class AccountAnswerInput
{
    [Required(ErrorMessage = "Write your answer.")]
    [MaxLength(LearningAccountRules.MaxDialogueLength, ErrorMessage = "An answer can be at most 4,000 characters.")]
    public string? Text { get; set; }
}

public sealed record AccountSummaryView(Guid Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, LearningAccountStatus Status, int? Number,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? PublishedByName, Guid? RevisedFromId, int Questions);

public sealed record AccountListView(Guid CycleId, Guid NetworkId, string CycleName, string NetworkName, bool CanWrite, IReadOnlyList<AccountSummaryView> Accounts);

public sealed record AccountSectionView(Guid Id, string Key, string Title, int Position, string Markdown, string? UpdatedByName, DateTimeOffset UpdatedAt, int Version);

public sealed record AccountAnswerView(Guid Id, string Text, string AnsweredByName, DateTimeOffset AnsweredAt);

public sealed record AccountQuestionView(Guid Id, string? SectionKey, string? SectionTitle, string Text, string AskedByName, DateTimeOffset AskedAt, bool Mine,
    IReadOnlyList<AccountAnswerView> Answers);

/// <summary>One account with its sections, the dialogue on it, and the cycle's other versions the caller may see.</summary>
public sealed record AccountView(Guid Id, Guid CycleId, Guid NetworkId, string CycleName, string NetworkName, string Title, DateOnly PeriodFrom, DateOnly PeriodTo,
    LearningAccountStatus Status, int? Number, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset? PublishedAt, string? PublishedByName,
    Guid? RevisedFromId, int Version, bool CanWrite, bool CanAsk, IReadOnlyList<AccountSectionView> Sections, IReadOnlyList<AccountQuestionView> Questions,
    IReadOnlyList<AccountSummaryView> OtherVersions)
{
    public bool IsDraft => Status == LearningAccountStatus.Draft;

    public IEnumerable<AccountQuestionView> QuestionsAbout(string? sectionKey) => Questions.Where(q => q.SectionKey == sectionKey);
}

public sealed record AccountExportFile(byte[] Content, string ContentType, string FileName);
