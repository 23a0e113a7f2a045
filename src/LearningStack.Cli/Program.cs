using LearningStack.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the search to stop and lets the command end cleanly; a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
return Cli.Run(args, Console.Out, Console.Error, cancellation.Token);
