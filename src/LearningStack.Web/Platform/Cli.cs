using LearningStack.Web.Data;

namespace LearningStack.Web.Platform;

/// <summary>Command-line tasks run through the web project, e.g.
/// `dotnet run --project src/LearningStack.Web -- create-steward --email you@council.gov.uk --name "Your Name"` (password read from standard input).</summary>
public static class Cli
{
    public static async Task<int> CreateStewardAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Option("--email");
        var name = Option("--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine("Usage: create-steward --email EMAIL [--name \"Display name\"]  (the password is read from standard input)");
            return 2;
        }
        await Database.MigrateAsync(app.Services);
        Console.Error.Write("Password: ");
        var password = Console.ReadLine() ?? "";
        var errors = await FirstRun.CreateStewardAsync(app.Services, email, name!, password);
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }
        if (errors.Count == 0)
        {
            Console.WriteLine($"Created steward account {email}. Sign in and create your first network.");
        }
        return errors.Count == 0 ? 0 : 1;
    }
}
