using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.SenseMaking.Pages;

public partial class SessionBoardPage
{
    private BoardView? _board;
    private bool _notFound;

    [Parameter] public Guid SessionId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var outcome = await Board.GetAsync(SessionId);
        (_board, _notFound) = outcome.IsOk ? (outcome.Value, false) : (null, true);
    }

    internal sealed record Column(string Key, Guid? ThemeId, string Title, IReadOnlyList<CardView> Cards);

    internal static IEnumerable<Column> Columns(BoardView board)
    {
        yield return new Column("ungrouped", null, "Not grouped yet", [.. board.Cards.Where(c => c.ThemeId is null)]);
        foreach (var theme in board.Themes)
        {
            yield return new Column(theme.Id.ToString("N"), theme.Id, theme.Title, [.. board.Cards.Where(c => c.ThemeId == theme.Id)]);
        }
    }

    internal static string MaterialWord(MaterialKind kind) => kind switch
    {
        MaterialKind.Experiment => "Experiment",
        MaterialKind.Evidence => "Evidence",
        MaterialKind.PodReflection => "Pod reflection",
        _ => "Map",
    };

    /// <summary>The materials for the script (titles and links), safe inside a script element.</summary>
    private static string MaterialsJson(BoardView board) => JsonSerializer.Serialize(
            board.Materials.Select(m => new { id = m.Id, kind = MaterialWord(m.Kind), title = m.Title, href = m.Link }))
        .Replace("<", "\\u003c", StringComparison.Ordinal);

}
