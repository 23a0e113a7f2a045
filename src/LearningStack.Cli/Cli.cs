namespace LearningStack.Cli;

/// <summary>The <c>learningstack</c> command line, callable in-process (tests) as well as from <c>Program</c>.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int UnexpectedError = 1;
    public const int BadInput = 2;
    public const int Cancelled = 130;

    public const string Usage = """
        Usage: learningstack <command> [options]

        Commands:
          loops <file>    list the feedback loops of a factor map (causal loop diagram)
          generate        write a generated network (up to national scale) into a LearningStack database

        Run 'learningstack loops --help' for the options of a command.
        """;

    /// <summary>Runs a command; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            switch (args.FirstOrDefault())
            {
                case "loops":
                    return LoopsCommand.Run(args[1..], stdout, stderr, cancellationToken);
                case "generate":
                    return Generate.GenerateCommand.Run(args[1..], stdout, stderr, cancellationToken);
                case "-h" or "--help" or "help":
                    stdout.WriteLine(Usage);
                    return Ok;
                case null:
                    stderr.WriteLine(Usage);
                    return BadInput;
                default:
                    stderr.WriteLine($"learningstack: unknown command '{args[0]}'. Run 'learningstack --help'.");
                    return BadInput;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("learningstack: cancelled.");
            return Cancelled;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"learningstack: unexpected error: {e.Message}");
            stderr.WriteLine(e);
            return UnexpectedError;
        }
    }
}
