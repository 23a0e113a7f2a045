namespace LearningStack.Web.Features.Experiments;

/// <summary>One piece of evidence. <see cref="FileUrl"/> (media only) needs the same access as the experiment; <see cref="Deleted"/>
/// is set only in a steward's list of recently deleted entries.</summary>
public sealed record EvidenceView(
    Guid Id,
    Guid ExperimentId,
    EvidenceKind Kind,
    DateOnly OccurredOn,
    string? Title,
    string? Text,
    string? WhatMeasured,
    decimal? Value,
    string? Unit,
    string? Context,
    Voice? ToldBy,
    MediaKind? MediaKind,
    string? FileName,
    string? ContentType,
    long? FileSize,
    string? FileUrl,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DeletedView? Deleted,
    int Version);

/// <summary>Who deleted an entry, when, and until when a steward can restore it (after that it is purged, file and all).</summary>
public sealed record DeletedView(DateTimeOffset At, string? By, DateTimeOffset PurgeAfter);

public sealed record EvidenceListView(Guid ExperimentId, int Total, int Page, int PageSize, IReadOnlyList<EvidenceView> Entries);

/// <summary>An experiment's measurements, one series per thing measured, each with the notes and stories of the same period.</summary>
public sealed record MeasurementsView(Guid ExperimentId, IReadOnlyList<MeasurementSeries> Series);

public sealed record MeasurementSeries(string WhatMeasured, string? Unit, DateOnly From, DateOnly To, IReadOnlyList<MeasurementPoint> Points,
    IReadOnlyList<AlongsideEntry> Alongside);

public sealed record MeasurementPoint(Guid Id, DateOnly Date, decimal Value, string? Context);

/// <summary>A note or story from the period of a series: the words that go with the numbers.</summary>
public sealed record AlongsideEntry(Guid Id, EvidenceKind Kind, DateOnly OccurredOn, string? Title, string? Text, Voice? ToldBy);

/// <summary>A stored media file, ready to stream.</summary>
public sealed record MediaFile(Stream Content, string ContentType, string FileName);

/// <summary>A checked upload waiting to be kept: the temporary file, what its content is, and what the uploader said about it.</summary>
public sealed record MediaUpload(Platform.Files.TempMedia Temp, Platform.Files.SniffedType Type, string FileName, string? Caption, DateOnly? OccurredOn);

public static class EvidenceText
{
    public static string Name(Voice voice) => voice switch
    {
        Voice.PersonServed => "Person served",
        Voice.Practitioner => "Practitioner",
        Voice.Manager => "Manager",
        Voice.Partner => "Partner",
        _ => "Someone else",
    };

    public static string Name(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Measurement => "Measurement",
        EvidenceKind.Note => "Note",
        EvidenceKind.Narrative => "Story",
        _ => "Media",
    };

    public static string Name(MediaKind kind) => kind switch
    {
        MediaKind.Photo => "Photo",
        MediaKind.Audio => "Recording",
        _ => "Video",
    };

    /// <summary>A size in words: "200 MB", "1.5 MB", "640 KB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024 * 1024):0.#} GB"),
        >= 1024L * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
