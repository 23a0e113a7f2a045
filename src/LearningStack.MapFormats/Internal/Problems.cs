namespace LearningStack.MapFormats.Internal;

/// <summary>Where in a file a value came from, for problem reports.</summary>
internal readonly record struct Where(string? Sheet, int? Row, string? Column)
{
    public Where At(string? column) => this with { Column = column };

    public ImportProblem Problem(string message) => new(Sheet, Row, Column, message);
}

/// <summary>Hard limits that keep one upload from exhausting the server.</summary>
internal static class ImportLimits
{
    public const int MaxElements = 20_000;
    public const int MaxConnections = 100_000;
    public const int MaxProblems = 100;
    public const long MaxFileBytes = 64L * 1024 * 1024;
    /// <summary>The most a zip (xlsx or csv zip) may unpack to, against zip bombs.</summary>
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;
    public const int MaxJsonDepth = 64;
}

/// <summary>Collects problems, at most <see cref="ImportLimits.MaxProblems"/> (then one last line says more were found).</summary>
internal sealed class ProblemList
{
    private readonly List<ImportProblem> _items = [];
    private bool _overflowed;

    public int Count => _items.Count;

    /// <summary>True once the list is full: readers may stop looking.</summary>
    public bool Full => _overflowed;

    public IReadOnlyList<ImportProblem> Items => _items;

    public void Add(ImportProblem problem)
    {
        if (_overflowed)
        {
            return;
        }
        if (_items.Count >= ImportLimits.MaxProblems)
        {
            _overflowed = true;
            _items.Add(new ImportProblem(null, null, null,
                $"More than {ImportLimits.MaxProblems} problems were found; only the first {ImportLimits.MaxProblems} are listed."));
            return;
        }
        _items.Add(problem);
    }

    public void Add(Where where, string message) => Add(where.Problem(message));

    public void Add(string message) => Add(new ImportProblem(null, null, null, message));
}
