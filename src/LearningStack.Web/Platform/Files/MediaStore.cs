using System.Security.Cryptography;

namespace LearningStack.Web.Platform.Files;

/// <summary>Where uploaded media files live. An upload is first written to a temporary file (<see cref="WriteTempAsync"/>), checked,
/// then kept under an unguessable name (<see cref="Keep"/>) or discarded. Names are never the uploader's.</summary>
public interface IMediaStore
{
    /// <summary>Copies <paramref name="source"/> to a new temporary file, at most <paramref name="maxBytes"/> bytes, without holding it in
    /// memory. Throws <see cref="MediaTooLargeException"/> past the limit; on any failure the temporary file is already gone.</summary>
    Task<TempMedia> WriteTempAsync(Stream source, long maxBytes, CancellationToken ct);

    /// <summary>Moves a checked temporary file to its permanent, unguessable name and returns that name.</summary>
    string Keep(TempMedia temp);

    void Discard(TempMedia temp);

    /// <summary>The stored file for reading (seekable, for range requests), or null if it is missing.</summary>
    Stream? OpenRead(string storedName);

    void Delete(string storedName);

    /// <summary>Removes temporary files left by uploads that never finished (a crash, a killed process), untouched for
    /// <paramref name="olderThan"/>. Returns how many.</summary>
    int SweepTemp(TimeSpan olderThan);
}

/// <summary>A temporary upload: where it is, how long it is, and its first bytes (for content sniffing).</summary>
public sealed record TempMedia(string Path, long Length, byte[] Header);

public sealed class MediaTooLargeException(long limit) : Exception($"The file is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>Media files on the local disk: &lt;data folder&gt;/media/&lt;32 hex digits&gt; (128 random bits, no extension), temporary
/// uploads in media/tmp.</summary>
public sealed class LocalMediaStore : IMediaStore
{
    private readonly string _root;
    private readonly string _temp;

    public LocalMediaStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
    }

    public string Root => _root;

    public async Task<TempMedia> WriteTempAsync(Stream source, long maxBytes, CancellationToken ct)
    {
        var path = Path.Combine(_temp, RandomName() + ".part");
        try
        {
            var header = new byte[ContentSniffer.HeaderLength];
            var headerLength = 0;
            long total = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new MediaTooLargeException(maxBytes);
                    }
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                    }
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return new TempMedia(path, total, header[..headerLength]);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
    }

    public string Keep(TempMedia temp)
    {
        var name = RandomName();
        File.Move(temp.Path, Path.Combine(_root, name));
        return name;
    }

    public void Discard(TempMedia temp) => TryDelete(temp.Path);

    public Stream? OpenRead(string storedName)
    {
        if (!IsStoredName(storedName))
        {
            return null;
        }
        try
        {
            return new FileStream(Path.Combine(_root, storedName), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Delete(string storedName)
    {
        if (IsStoredName(storedName))
        {
            TryDelete(Path.Combine(_root, storedName));
        }
    }

    public int SweepTemp(TimeSpan olderThan)
    {
        var count = 0;
        var before = DateTime.UtcNow - olderThan;
        foreach (var file in new DirectoryInfo(_temp).EnumerateFiles("*.part"))
        {
            if (file.LastWriteTimeUtc <= before && TryDelete(file.FullName))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>32 lowercase hex digits: 128 random bits.</summary>
    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static bool IsStoredName(string name) => name.Length == 32 && name.All(char.IsAsciiHexDigitLower);

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
