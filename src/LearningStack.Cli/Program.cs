namespace LearningStack.Cli;

/// <summary>The process entry point. Named in the CLI's namespace so projects that reference both the CLI and the web app see
/// one global <c>Program</c> (the app's).</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C asks the command to stop and lets it end cleanly; a second one kills the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        return Cli.Run(args, Console.Out, Console.Error, cancellation.Token);
    }
}
