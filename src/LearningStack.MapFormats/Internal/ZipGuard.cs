using System.IO.Compression;

namespace LearningStack.MapFormats.Internal;

/// <summary>Checks a zip (an XLSX workbook, or a zip of CSV files) before anything unpacks it.</summary>
internal static class ZipGuard
{
    public static bool IsZip(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;

    /// <summary>
    /// The entries' names, or null (with a problem) when the bytes are not a readable zip or would unpack to more
    /// than <see cref="ImportLimits.MaxUnpackedBytes"/>.
    /// </summary>
    public static List<string>? Entries(byte[] bytes, ProblemList problems, string what)
    {
        if (!IsZip(bytes))
        {
            problems.Add($"The file is not {what}: it is not a zip archive.");
            return null;
        }
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            var names = new List<string>(archive.Entries.Count);
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                names.Add(entry.FullName);
            }
            if (total > ImportLimits.MaxUnpackedBytes)
            {
                problems.Add($"The file would unpack to more than {ImportLimits.MaxUnpackedBytes / (1024 * 1024)} MiB, the most one import takes.");
                return null;
            }
            return names;
        }
        catch (InvalidDataException e)
        {
            problems.Add($"The file is not {what}: the zip archive is damaged ({e.Message}).");
            return null;
        }
    }
}
