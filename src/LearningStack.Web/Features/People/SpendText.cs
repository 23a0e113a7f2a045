using System.Globalization;

namespace LearningStack.Web.Features.People;

/// <summary>How the spend log's pages write dates and sizes.</summary>
public static class SpendText
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"4 Mar 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", British);

    /// <summary>"4 March 2026 at 14:05".</summary>
    public static string When(DateTimeOffset at) => at.ToString("d MMMM yyyy 'at' HH:mm", British);

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
