namespace LearningStack.Web.Features.People.Pages;

/// <summary>Words the case-file pages use for the model's values.</summary>
public static class CaseText
{
    public static string Relation(CaseRelation relation) => relation switch
    {
        CaseRelation.Practitioner => "practitioner",
        CaseRelation.Person => "the person",
        CaseRelation.Granted => "shared with them",
        CaseRelation.BreakGlass => "break-glass",
        _ => relation.ToString(),
    };

    public static string Note(NoteKind kind) => kind switch
    {
        NoteKind.Visit => "Visit",
        NoteKind.Call => "Call",
        _ => "Note",
    };

    public static string Purpose(ConsentPurpose purpose, string? organisation) => purpose switch
    {
        ConsentPurpose.Aggregates => "Counted, without anything that identifies me, in what other teams learn",
        ConsentPurpose.Stories => "My stories used in sense-making sessions",
        ConsentPurpose.Sharing => $"My file shared with {organisation}",
        _ => purpose.ToString(),
    };

    public static string Rater(Rater rater) => rater switch
    {
        People.Rater.Person => "the person",
        People.Rater.Practitioner => "the practitioner",
        _ => "together",
    };

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
