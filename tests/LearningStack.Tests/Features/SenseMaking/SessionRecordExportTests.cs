using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.SenseMaking;

namespace LearningStack.Tests.Features.SenseMaking;

public sealed class SessionRecordExportTests
{
    private static SessionRecord Record(string title = "Team sense-making") => new(Guid.NewGuid(), "Debt advice team", "Gateshead", title, null,
        new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.Zero), "Civic Centre", null, "Jo", SessionState.Ended,
        [new ParticipantView(Guid.NewGuid(), null, "Ana", "Resident", Voice.PersonServed, 1)], [],
        [new RecordTheme(Guid.NewGuid(), "Trust", [new RecordCard(Guid.NewGuid(), "Home visits work", "Sam", InsightKind.SlowReveal, false, null)])],
        [], []);

    [Theory]
    [InlineData("a *b* _c_", "a \\*b\\* \\_c\\_")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("[link](http://x)", "\\[link\\]\\(http://x\\)")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("plain words, 12.", "plain words, 12.")]
    public void EscapeMarkdown_SpecialCharacters_Escaped(string text, string expected) => Assert.Equal(expected, SessionRecordExport.EscapeMarkdown(text));

    [Theory]
    [InlineData("Team sense-making", "session-2026-03-12-team-sense-making")]
    [InlineData("  Money & <debt>!  ", "session-2026-03-12-money-debt")]
    [InlineData("???", "session-2026-03-12")]
    public void FileName_Title_DateAndSlug(string title, string expected) => Assert.Equal(expected, SessionRecordExport.FileName(Record(title)));

    [Fact]
    public void Markdown_NothingDecidedOrRaised_SaysSoInWords()
    {
        var md = SessionRecordExport.Markdown(Record());

        Assert.Contains("- Home visits work (slow reveal) — Sam", md, StringComparison.Ordinal);
        Assert.Contains("No decisions were recorded.", md, StringComparison.Ordinal);
        Assert.Contains("No issues were raised.", md, StringComparison.Ordinal);
    }
}
