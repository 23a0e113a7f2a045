namespace LearningStack.Web.Platform.Files;

/// <summary>What a file's first bytes say it is. <see cref="Family"/> groups types that share a container, so that a phone's
/// .mov that is really MPEG-4 (or an .m4a holding video) is not mistaken for a disguise.</summary>
public sealed record SniffedType(string ContentType, string Family, MediaFamily Media, string Description);

public enum MediaFamily
{
    Image,
    Audio,
    Video,
}

/// <summary>Recognises photos, audio and video by their magic bytes, never by the name or the type the browser claims.</summary>
public static class ContentSniffer
{
    /// <summary>How many bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeaderLength = 64;

    private static readonly Dictionary<string, string> FamilyByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "jpeg", [".jpeg"] = "jpeg", [".jfif"] = "jpeg",
        [".png"] = "png",
        [".gif"] = "gif",
        [".webp"] = "webp",
        [".heic"] = "isobmff", [".heif"] = "isobmff", [".avif"] = "isobmff",
        [".mp4"] = "isobmff", [".m4v"] = "isobmff", [".mov"] = "isobmff", [".qt"] = "isobmff", [".m4a"] = "isobmff", [".3gp"] = "isobmff", [".3g2"] = "isobmff",
        [".webm"] = "matroska", [".mkv"] = "matroska", [".mka"] = "matroska",
        [".mp3"] = "mpeg-audio",
        [".wav"] = "wav",
        [".ogg"] = "ogg", [".oga"] = "ogg", [".ogv"] = "ogg", [".opus"] = "ogg",
        [".aac"] = "aac",
        [".flac"] = "flac",
    };

    /// <summary>The type of the content, or null when it is none of the photo, audio or video formats we accept.</summary>
    public static SniffedType? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new("image/jpeg", "jpeg", MediaFamily.Image, "a JPEG photo");
        }
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new("image/png", "png", MediaFamily.Image, "a PNG image");
        }
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return new("image/gif", "gif", MediaFamily.Image, "a GIF image");
        }
        if (b.Length >= 12 && b.StartsWith("RIFF"u8))
        {
            if (b[8..12].SequenceEqual("WEBP"u8))
            {
                return new("image/webp", "webp", MediaFamily.Image, "a WebP image");
            }
            if (b[8..12].SequenceEqual("WAVE"u8))
            {
                return new("audio/wav", "wav", MediaFamily.Audio, "a WAV recording");
            }
            return null;
        }
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoMedia(b[8..12]);
        }
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return b.IndexOf("webm"u8) >= 0
                ? new("video/webm", "matroska", MediaFamily.Video, "a WebM video")
                : new("video/x-matroska", "matroska", MediaFamily.Video, "a Matroska video");
        }
        if (b.StartsWith("OggS"u8))
        {
            return new("audio/ogg", "ogg", MediaFamily.Audio, "an Ogg recording");
        }
        if (b.StartsWith("fLaC"u8))
        {
            return new("audio/flac", "flac", MediaFamily.Audio, "a FLAC recording");
        }
        if (b.StartsWith("ID3"u8))
        {
            return new("audio/mpeg", "mpeg-audio", MediaFamily.Audio, "an MP3 recording");
        }
        if (b.Length >= 2 && b[0] == 0xFF)
        {
            if ((b[1] & 0xF6) == 0xF0)
            {
                return new("audio/aac", "aac", MediaFamily.Audio, "an AAC recording");
            }
            if ((b[1] & 0xE0) == 0xE0 && ((b[1] >> 1) & 0x3) != 0)
            {
                return new("audio/mpeg", "mpeg-audio", MediaFamily.Audio, "an MP3 recording");
            }
        }
        return null;
    }

    private static SniffedType IsoMedia(ReadOnlySpan<byte> brand)
    {
        var name = System.Text.Encoding.ASCII.GetString(brand);
        return name switch
        {
            "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" => new("image/heic", "isobmff", MediaFamily.Image, "a HEIC photo"),
            "mif1" or "msf1" => new("image/heif", "isobmff", MediaFamily.Image, "a HEIF photo"),
            "avif" or "avis" => new("image/avif", "isobmff", MediaFamily.Image, "an AVIF image"),
            "M4A " or "M4B " or "M4P " => new("audio/mp4", "isobmff", MediaFamily.Audio, "an M4A recording"),
            "qt  " => new("video/quicktime", "isobmff", MediaFamily.Video, "a QuickTime video"),
            _ when name.StartsWith("3g", StringComparison.Ordinal) => new("video/3gpp", "isobmff", MediaFamily.Video, "a 3GP video"),
            _ => new("video/mp4", "isobmff", MediaFamily.Video, "an MP4 video"),
        };
    }

    /// <summary>Null when the file's name agrees with its content (or has no extension, as a phone's "blob" may not); otherwise why not.</summary>
    public static string? Disguise(string fileName, SniffedType sniffed)
    {
        var extension = Path.GetExtension(fileName);
        if (string.IsNullOrEmpty(extension))
        {
            return null;
        }
        if (FamilyByExtension.TryGetValue(extension, out var family) && family == sniffed.Family)
        {
            return null;
        }
        return $"The file is called “{fileName}” but its content is {sniffed.Description}. Rename it to match what it is, or choose the file you meant.";
    }

    /// <summary>What to tell someone whose file is not one we accept.</summary>
    public const string UnknownType =
        "This file is not a photo, audio recording or video we can play back (its content is not JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, M4A, 3GP, WebM, MP3, WAV, Ogg, AAC or FLAC). Choose a photo, recording or video.";
}
