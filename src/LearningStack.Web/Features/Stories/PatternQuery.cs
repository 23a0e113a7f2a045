using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stories;

/// <summary>What to look at: stories with all of these options chosen, and optionally a region of one plot whose stories to list.</summary>
public sealed record PatternFilter(IReadOnlyList<(Guid SignifierId, string Option)> Options, Guid? Triad = null, string? Region = null, string? Cell = null,
    Guid? Dyad = null, int? Bin = null)
{
    public static PatternFilter None { get; } = new([]);

    /// <summary>Reads "signifierId|option" values (the pattern page's filter selects and the API's f parameters).</summary>
    public static IReadOnlyList<(Guid, string)> ParseOptions(IEnumerable<string?>? values) =>
        [.. (values ?? []).Select(v => v?.Split('|', 2)).Where(p => p is { Length: 2 } && Guid.TryParse(p[0], out _) && p[1].Length > 0)
            .Select(p => (Guid.Parse(p![0]), p[1]))];

    public bool Selects => Triad is not null || Dyad is not null;
}

public sealed record TriadPattern(SignifierView Signifier, IReadOnlyList<TriadPoint> Points, IReadOnlyDictionary<string, int> Regions,
    IReadOnlyDictionary<string, int> Cells, int NotApplicable, int NotAnswered)
{
    /// <summary>Many stories: shade small triangles by how many stories fall in each rather than draw every point.</summary>
    public bool Dense => Points.Count > StoryRules.DensityThreshold;
}

public sealed record TriadPoint(Guid StoryId, double A, double B, double C);

public sealed record DyadPattern(SignifierView Signifier, IReadOnlyList<int> Bins, int NotApplicable, int NotAnswered);

public sealed record ChoicePattern(SignifierView Signifier, IReadOnlyList<OptionCount> Counts, int NotAnswered);

public sealed record OptionCount(string Option, int Count);

/// <summary>The stories of a picked region, newest first (at most <see cref="PatternQuery.ListLimit"/>), and how many there are.</summary>
public sealed record PatternSelection(string Label, int Count, IReadOnlyList<StoryView> Stories);

/// <summary>A collection's patterns: how tellers signified their stories, over the stories that count (not withdrawn by consent)
/// and match the filter. Numbers always lead back to the stories.</summary>
public sealed record PatternView(Guid CollectionId, Guid NetworkId, string Title, string Prompt, int Total, int Counted,
    IReadOnlyList<TriadPattern> Triads, IReadOnlyList<DyadPattern> Dyads, IReadOnlyList<ChoicePattern> Choices, PatternSelection? Selection,
    IReadOnlyList<SignifierView> Signifiers);

public sealed class PatternQuery(AppDbContext db, NetworkAccess network)
{
    public const int DyadBins = 10;
    public const int ListLimit = 200;

    /// <summary>The stories of a collection that may be used in sense-making: any without a case, and those told with a person
    /// whose latest decision about stories is not a withdrawal.</summary>
    public IQueryable<Story> Counted(Guid collectionId) =>
        db.Stories.Where(s => s.CollectionId == collectionId && (s.CaseFileId == null ||
            db.CaseConsents.Where(c => c.CaseFileId == s.CaseFileId && c.Purpose == ConsentPurpose.Stories)
                .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (bool?)c.Given).FirstOrDefault() != false));

    public async Task<Outcome<PatternView>> PatternsAsync(Guid collectionId, PatternFilter filter, CancellationToken ct = default)
    {
        var collection = await db.StoryCollections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == collectionId, ct);
        if (collection is null || await network.RequireAsync(collection.NetworkId, NetworkRole.Observer, ct) is not null)
        {
            return Failure.NotFound;
        }
        var total = await db.Stories.CountAsync(s => s.CollectionId == collectionId, ct);
        var stories = Counted(collectionId);
        foreach (var (signifierId, option) in filter.Options)
        {
            stories = stories.Where(s => s.Answers.Any(a => a.SignifierId == signifierId && a.Option == option));
        }
        var ids = await stories.OrderByDescending(s => s.CreatedAt).Select(s => s.Id).ToListAsync(ct);
        var answers = await db.StoryAnswers.AsNoTracking().Where(a => stories.Any(s => s.Id == a.StoryId))
            .Select(a => new { a.StoryId, a.SignifierId, a.NotApplicable, a.A, a.B, a.C, a.X, a.Option }).ToListAsync(ct);
        var bySignifier = answers.ToLookup(a => a.SignifierId);
        var count = ids.Count;

        var triads = new List<TriadPattern>();
        var dyads = new List<DyadPattern>();
        var choices = new List<ChoicePattern>();
        List<Guid>? picked = null;
        string? label = null;
        foreach (var signifier in collection.Signifiers)
        {
            var rows = bySignifier[signifier.Id].ToList();
            var notApplicable = rows.Where(r => r.NotApplicable).Select(r => r.StoryId).Distinct().Count();
            var answered = rows.Select(r => r.StoryId).Distinct().Count();
            var view = StoryCommands.ViewOf(signifier);
            switch (signifier.Kind)
            {
                case SignifierKind.Triad:
                    var points = rows.Where(r => r is { NotApplicable: false, A: not null, B: not null, C: not null })
                        .Select(r => new TriadPoint(r.StoryId, r.A!.Value, r.B!.Value, r.C!.Value)).ToList();
                    var regions = StoryRules.Regions.ToDictionary(r => r, r => points.Count(p => StoryRules.Region(p.A, p.B, p.C) == r));
                    var cells = points.GroupBy(p => StoryRules.Cell(p.A, p.B, p.C)).ToDictionary(g => g.Key, g => g.Count());
                    triads.Add(new TriadPattern(view, points, regions, cells, notApplicable, count - answered));
                    if (filter.Triad == signifier.Id)
                    {
                        if (filter.Region is { } region && StoryRules.Regions.Contains(region))
                        {
                            picked = [.. points.Where(p => StoryRules.Region(p.A, p.B, p.C) == region).Select(p => p.StoryId)];
                            label = $"\"{signifier.Question}\": {RegionText(signifier, region)}";
                        }
                        else if (filter.Cell is { } cell)
                        {
                            picked = [.. points.Where(p => StoryRules.Cell(p.A, p.B, p.C) == cell).Select(p => p.StoryId)];
                            label = $"\"{signifier.Question}\": one small triangle of the plot";
                        }
                        else if (filter.Region == "na")
                        {
                            picked = [.. rows.Where(r => r.NotApplicable).Select(r => r.StoryId)];
                            label = $"\"{signifier.Question}\": does not apply";
                        }
                    }
                    break;
                case SignifierKind.Dyad:
                    var values = rows.Where(r => r is { NotApplicable: false, X: not null }).Select(r => (r.StoryId, Bin: DyadBin(r.X!.Value))).ToList();
                    var bins = Enumerable.Range(0, DyadBins).Select(b => values.Count(v => v.Bin == b)).ToList();
                    dyads.Add(new DyadPattern(view, bins, notApplicable, count - answered));
                    if (filter.Dyad == signifier.Id && filter.Bin is { } bin and >= 0 and < DyadBins)
                    {
                        picked = [.. values.Where(v => v.Bin == bin).Select(v => v.StoryId)];
                        label = $"\"{signifier.Question}\": {BinText(signifier, bin)}";
                    }
                    break;
                case SignifierKind.Tags:
                case SignifierKind.Demographic:
                    var counts = signifier.Options.Select(o => new OptionCount(o, rows.Count(r => r.Option == o))).ToList();
                    choices.Add(new ChoicePattern(view, counts, count - answered));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown signifier kind {signifier.Kind}");
            }
        }
        PatternSelection? selection = null;
        if (picked is not null)
        {
            var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var listed = picked.OrderBy(id => order.GetValueOrDefault(id)).Take(ListLimit).ToList();
            selection = new PatternSelection(label!, picked.Count, await StoriesAsync(listed, ct));
        }
        return new PatternView(collection.Id, collection.NetworkId, collection.Title, collection.Prompt, total, count, triads, dyads, choices, selection,
            [.. collection.Signifiers.Select(StoryCommands.ViewOf)]);
    }

    /// <summary>The stories that count, newest first (at most <see cref="ListLimit"/>).</summary>
    public async Task<Outcome<IReadOnlyList<StoryView>>> ListAsync(Guid collectionId, CancellationToken ct = default)
    {
        var networkId = await db.StoryCollections.AsNoTracking().Where(c => c.Id == collectionId).Select(c => (Guid?)c.NetworkId).FirstOrDefaultAsync(ct);
        if (networkId is null || await network.RequireAsync(networkId.Value, NetworkRole.Observer, ct) is not null)
        {
            return Failure.NotFound;
        }
        var ids = await Counted(collectionId).OrderByDescending(s => s.CreatedAt).Select(s => s.Id).Take(ListLimit).ToListAsync(ct);
        return new Outcome<IReadOnlyList<StoryView>>(OutcomeStatus.Ok, await StoriesAsync(ids, ct));
    }

    /// <summary>Stories by id in the given order, in two queries; a linked case shows only its reference.</summary>
    private async Task<IReadOnlyList<StoryView>> StoriesAsync(List<Guid> ids, CancellationToken ct)
    {
        var stories = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id, s.Title, s.Text, s.Source, s.CreatedAt,
                Reference = db.CaseFiles.Where(c => c.Id == s.CaseFileId).Select(c => c.Reference).FirstOrDefault(),
            })
            .ToDictionaryAsync(s => s.Id, ct);
        var answers = (await db.StoryAnswers.AsNoTracking().Where(a => ids.Contains(a.StoryId)).ToListAsync(ct)).ToLookup(a => a.StoryId);
        return [.. ids.Where(stories.ContainsKey).Select(id => stories[id])
            .Select(s => new StoryView(s.Id, s.Title, s.Text, s.Source, s.Reference, s.CreatedAt, StoryCommands.AnswersOf(answers[s.Id])))];
    }

    public static int DyadBin(double x) => Math.Clamp((int)Math.Floor(x * DyadBins), 0, DyadBins - 1);

    public static string RegionText(SignifierView signifier, string region) => RegionText(signifier.Labels, region);

    private static string RegionText(Signifier signifier, string region) => RegionText(signifier.Labels, region);

    private static string RegionText(IReadOnlyList<string> labels, string region) => region switch
    {
        "a" => $"mostly {labels[0]}",
        "b" => $"mostly {labels[1]}",
        "c" => $"mostly {labels[2]}",
        _ => "a mix of all three",
    };

    public static string BinText(SignifierView signifier, int bin) => BinText(signifier.Labels, bin);

    private static string BinText(Signifier signifier, int bin) => BinText(signifier.Labels, bin);

    private static string BinText(IReadOnlyList<string> labels, int bin) =>
        $"{bin * 100 / DyadBins}–{(bin + 1) * 100 / DyadBins}% of the way from \"{labels[0]}\" to \"{labels[1]}\"";
}
