using System.Globalization;

namespace LearningStack.Cli;

public enum OutputFormat
{
    Text,
    Json,
}

/// <summary>The parsed arguments of <c>learningstack loops</c>.</summary>
public sealed record LoopsOptions
{
    public const int DefaultMaxLength = 12;
    public const long DefaultMaxLoops = 1000;

    public required string File { get; init; }

    /// <summary>The most connections in a loop; <see cref="int.MaxValue"/> for <c>all</c>.</summary>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>The most loops to list or count; null when not given (1000 for a list, all for --count-only).</summary>
    public long? MaxLoops { get; init; }

    public string? Through { get; init; }

    public OutputFormat Format { get; init; } = OutputFormat.Text;

    public bool CountOnly { get; init; }

    public bool Help { get; init; }

    /// <summary>The cap in force: the one given, else 1000 loops for a list and no cap for a count (which needs no memory).</summary>
    public long EffectiveMaxLoops => MaxLoops ?? (CountOnly ? long.MaxValue : DefaultMaxLoops);

    public const string HelpText = """
        Usage: learningstack loops <file> [options]

        Lists the feedback loops of a factor map (causal loop diagram), shortest first, each with its polarity:
        R reinforcing, B balancing, U undetermined (some connection on it has no polarity). Then the totals.

        <file> is read in any format LearningStack imports, detected from its content and name: a Kumu
        spreadsheet (.xlsx, .csv, or a .zip of elements.csv and connections.csv), a Kumu JSON blueprint,
        an Insight Maker ModelJSON file, GraphML, or a LearningStack map (.json).

        Options:
          --max-length N|all   longest loop to look for, in connections (default 12; 'all' for no limit)
          --max-loops N|all    most loops to list or count (default 1000 when listing, all with --count-only);
                               when there are more, the shortest are listed and the totals say 'truncated'
          --through F          only loops through the factor F (its id, or its label when that is unique)
          --format text|json   output format (default text); see the README for the JSON fields
          --count-only         print only the totals; counting streams, so millions of loops need no memory
          -h, --help           show this help

        Connections marked mutual or undirected count in both directions. A connection without polarity
        (+ or -) makes every loop through it undetermined; the output says how many there are.

        Exit codes: 0 done; 2 bad arguments, missing file, or a file that cannot be read as a map (its
        problems are printed on stderr); 1 unexpected error; 130 cancelled with Ctrl+C.
        """;

    /// <summary>Parses the arguments after <c>loops</c>: the options, or an error message for the person.</summary>
    public static (LoopsOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? file = null;
        var options = new LoopsOptions { File = "" };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 2)
            {
                inlineValue = arg[(equals + 1)..];
                arg = arg[..equals];
            }
            string? Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }
                return i + 1 < args.Count ? args[++i] : null;
            }
            switch (arg)
            {
                case "-h" or "--help":
                    return (options with { Help = true }, null);
                case "--count-only":
                    options = options with { CountOnly = true };
                    break;
                case "--max-length":
                {
                    var value = Value();
                    if (!TryLimit(value, out var limit))
                    {
                        return (null, $"--max-length takes a whole number of 1 or more, or 'all'; got '{value}'.");
                    }
                    options = options with { MaxLength = (int)Math.Min(limit, int.MaxValue) };
                    break;
                }
                case "--max-loops":
                {
                    var value = Value();
                    if (!TryLimit(value, out var limit))
                    {
                        return (null, $"--max-loops takes a whole number of 1 or more, or 'all'; got '{value}'.");
                    }
                    options = options with { MaxLoops = limit };
                    break;
                }
                case "--through":
                {
                    var value = Value();
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return (null, "--through takes the id or label of a factor.");
                    }
                    options = options with { Through = value };
                    break;
                }
                case "--format":
                {
                    var value = Value();
                    OutputFormat? format = value switch
                    {
                        "text" => OutputFormat.Text,
                        "json" => OutputFormat.Json,
                        _ => null,
                    };
                    if (format is null)
                    {
                        return (null, $"--format takes text or json; got '{value}'.");
                    }
                    options = options with { Format = format.Value };
                    break;
                }
                default:
                    if (arg.StartsWith('-') && arg != "-")
                    {
                        return (null, $"unknown option '{args[i]}'. Run 'learningstack loops --help'.");
                    }
                    if (file is not null)
                    {
                        return (null, $"one file at a time: got '{file}' and '{arg}'.");
                    }
                    file = arg;
                    break;
            }
        }
        return file is null
            ? (null, "which file? Usage: learningstack loops <file> [options]; see --help.")
            : (options with { File = file }, null);
    }

    /// <summary>A positive whole number, or "all" (the largest value: no practical limit).</summary>
    private static bool TryLimit(string? value, out long limit)
    {
        if (value == "all")
        {
            limit = long.MaxValue;
            return true;
        }
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 1;
    }
}
