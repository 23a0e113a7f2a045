namespace LearningStack.Cli.Generate;

/// <summary>The size of a generated network: one country cycle, places under it, organisations under each place, teams under each
/// organisation, and one person-scale cycle per team holding its case files.</summary>
public sealed record GeneratedShape(
    int Places,
    int OrganisationsPerPlace,
    int TeamsPerOrganisation,
    int CasesPerTeam,
    int VisitsPerCase,
    int IssuesPerTeam,
    int IssuesPerOrganisation,
    int IssuesPerPlace,
    int ExperimentsPerTeam,
    int EvidencePerExperiment,
    double SpendPerCase,
    double LifeMapShare)
{
    /// <summary>The issue's national scale: 30 places, 300 organisations, 3,000 teams, 300,000 case files and about a million
    /// issues and evidence entries.</summary>
    public static GeneratedShape National { get; } = new(30, 10, 10, 100, 2, 160, 50, 100, 2, 84, 0.5, 0.1);

    /// <summary>A few of everything: enough for every pattern to show something, small enough for tests.</summary>
    public static GeneratedShape Small { get; } = new(2, 2, 2, 8, 2, 6, 3, 2, 1, 4, 1.0, 1.0);

    public static IReadOnlyDictionary<string, GeneratedShape> Named { get; } = new Dictionary<string, GeneratedShape>(StringComparer.OrdinalIgnoreCase)
    {
        ["national"] = National,
        ["small"] = Small,
    };

    public int Organisations => Places * OrganisationsPerPlace;

    public int Teams => Organisations * TeamsPerOrganisation;

    public int CaseFiles => Teams * CasesPerTeam;

    public int Cycles => 1 + Places + Organisations + 2 * Teams;

    public long Issues => (long)Teams * IssuesPerTeam + (long)Organisations * IssuesPerOrganisation + (long)Places * IssuesPerPlace;

    public long EvidenceEntries => (long)Teams * ExperimentsPerTeam * EvidencePerExperiment;

    /// <summary>Checks the numbers make a network; returns the problem in words, or null.</summary>
    public string? Problem()
    {
        int[] counts = [Places, OrganisationsPerPlace, TeamsPerOrganisation];
        if (counts.Any(c => c < 1))
        {
            return "places, organisations per place and teams per organisation must each be at least 1.";
        }
        int[] others = [CasesPerTeam, VisitsPerCase, IssuesPerTeam, IssuesPerOrganisation, IssuesPerPlace, ExperimentsPerTeam, EvidencePerExperiment];
        if (others.Any(c => c < 0))
        {
            return "counts cannot be negative.";
        }
        if (SpendPerCase is < 0 or > 20 || LifeMapShare is < 0 or > 1)
        {
            return "spend per case must be between 0 and 20, and the share of cases with a life map between 0 and 1.";
        }
        return (long)Teams * CasesPerTeam > 5_000_000 ? "more than 5,000,000 case files is beyond what this generator is meant for." : null;
    }
}
