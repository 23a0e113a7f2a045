using System.ComponentModel.DataAnnotations;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Everything a session's live board shows: the session, its themes (in order), its cards (in order within each theme, and
/// those not grouped yet), the materials under review, who is here now, and what the caller may do.</summary>
public sealed record BoardView(
    Guid SessionId, Guid CycleId, Guid NetworkId, string SessionTitle, string CycleName, SessionState State, bool CanEdit, bool CanTidy,
    string? UserId, IReadOnlyList<ThemeView> Themes, IReadOnlyList<CardView> Cards, IReadOnlyList<MaterialView> Materials,
    IReadOnlyList<PresentPerson> Present)
{
    public bool IsEnded => State == SessionState.Ended;
}

public sealed record ThemeView(Guid Id, Guid SessionId, string Title, int Position, int Version);

/// <summary>An insight card. <see cref="IssueNumber"/> is the number of the issue raised from it, if any.</summary>
public sealed record CardView(
    Guid Id, Guid SessionId, Guid ClientId, string Text, string? AuthorUserId, string AuthorName, Guid? ThemeId, int Position,
    InsightKind Kind, bool IsDecision, IReadOnlyList<Guid> MaterialIds, Guid? IssueId, int? IssueNumber, DateTimeOffset CreatedAt, int Version);

/// <summary>Something under review in the session, with the address of the page that shows it.</summary>

/// <summary>Someone with the board open now (several tabs count once).</summary>
public sealed record PresentPerson(string UserId, string Name);

/// <summary>A new card. <see cref="ClientId"/> is made by the sender (a browser's crypto.randomUUID), so a card sent twice is stored once.</summary>
public sealed class CardInput
{
    [Required(ErrorMessage = "Send a clientId (a new UUID for each card), so that a card sent twice is stored once.")]
    public Guid? ClientId { get; set; }

    [Required(ErrorMessage = "Write the insight before adding it.")]
    public string? Text { get; set; }
}

/// <summary>A whole edit of a card (send its version). <see cref="Position"/> is the place within its theme, counting from 0; leave it
/// out to keep the card where it is (or at the end of a theme it moves to). Changing the text is for its author or a steward; anyone who
/// may add cards may group, mark or link any card.</summary>
public sealed class CardEdit
{
    [Required(ErrorMessage = "Write the insight; to remove the card, delete it instead.")]
    public string? Text { get; set; }

    public Guid? ThemeId { get; set; }

    [Range(0, 100_000, ErrorMessage = "Give a place from 0 (first) upwards.")]
    public int? Position { get; set; }

    public InsightKind Kind { get; set; }

    public bool IsDecision { get; set; }

    public List<Guid>? MaterialIds { get; set; }

    public int? Version { get; set; }
}

public sealed class ThemeInput
{
    [Required(ErrorMessage = "Name the theme.")]
    [StringLength(Platform.Limits.Name, ErrorMessage = "Keep the theme's name under 200 characters.")]
    public string? Title { get; set; }
}

/// <summary>Renames or moves a theme (send its version). <see cref="Position"/> is its place among the themes, from 0.</summary>
public sealed class ThemeEdit
{
    [Required(ErrorMessage = "Name the theme.")]
    [StringLength(Platform.Limits.Name, ErrorMessage = "Keep the theme's name under 200 characters.")]
    public string? Title { get; set; }

    [Range(0, 10_000, ErrorMessage = "Give a place from 0 (first) upwards.")]
    public int? Position { get; set; }

    public int? Version { get; set; }
}
