namespace LearningStack.MapFormats.Kumu;

/// <summary>
/// Keeps exported text from running as a spreadsheet formula ("CSV injection"). A spreadsheet that opens a cell
/// starting with '=', '+', '-', '@', tab or carriage return may take it for a formula, so such text gets a single
/// quote in front (OWASP's advice): spreadsheets read "'=x" as the text "=x".
/// <list type="bullet">
/// <item>CSV has no cell types, so the quote goes into the file, except for numbers written as numbers (X, Y,
/// Strength: "-3" stays a number) and a connection's polarity written as a bare "+" or "-" in its Type or Polarity
/// column, which Kumu needs as it is (a lone sign is not a formula).</item>
/// <item>XLSX text cells are shared strings, which spreadsheets never evaluate, so the value is written as it is
/// (Kumu and our import read it unchanged) and the cell gets Excel's own "quote prefix" style, so that it stays text
/// even when someone edits it. See <see cref="KumuXlsx"/>.</item>
/// <item>Reading CSV, a quote in front of text that would have been guarded is dropped, as a spreadsheet drops it,
/// so our own export reads back as it was.</item>
/// </list>
/// </summary>
internal static class FormulaGuard
{
    public const char Quote = '\'';

    /// <summary>Whether a spreadsheet could take <paramref name="text"/> for a formula.</summary>
    public static bool IsRisky(string? text) => text is { Length: > 0 } && IsTrigger(text[0]);

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Text (a header name, say) as a CSV file should hold it.</summary>
    public static string ForCsv(string text) => IsRisky(text) ? Quote + text : text;

    /// <summary>A cell's text as a CSV file should hold it.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="polarityColumn">Whether the column holds a connection's polarity sign (Type or Polarity of a connection).</param>
    public static string? ForCsv(TableCell cell, bool polarityColumn) =>
        cell.Text is not { } text
        || cell.Number is { } number && double.IsFinite(number)
        || polarityColumn && text is "+" or "-"
            ? cell.Text
            : ForCsv(text);

    /// <summary>A CSV cell's text without the quote that <see cref="ForCsv"/> puts in front of risky text.</summary>
    public static string? FromCsv(string? text) =>
        text is { Length: > 1 } && text[0] == Quote && IsTrigger(text[1]) ? text[1..] : text;
}
