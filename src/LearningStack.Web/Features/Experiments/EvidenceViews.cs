namespace LearningStack.Web.Features.Experiments;

/// <summary>One piece of evidence. <see cref="FileUrl"/> (media only) needs the same access as the experiment, or for an entry linked to
/// a case file (<see cref="CaseId"/>, <see cref="CaseReference"/>) the right to open that file; <see cref="Deleted"/> is set only in a
/// steward's list of recently deleted entries.</summary>
public sealed record EvidenceView(
    Guid Id,
    Guid ExperimentId,
    Guid? CaseId,
    string? CaseReference,
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

/// <summary>A page of an experiment's evidence. <see cref="Hidden"/> counts the entries linked to case files the caller cannot open:
/// they are left out of <see cref="Entries"/> and <see cref="Total"/>, and nothing of them is shown.</summary>
public sealed record EvidenceListView(Guid ExperimentId, int Total, int Page, int PageSize, IReadOnlyList<EvidenceView> Entries, int Hidden = 0);

/// <summary>An experiment's measurements, one series per thing measured, each with the notes and stories of the same period. Entries
/// linked to case files the caller cannot open are left out (values and words alike) and counted in <see cref="Hidden"/>.</summary>
public sealed record MeasurementsView(Guid ExperimentId, IReadOnlyList<MeasurementSeries> Series, int Hidden = 0);

public sealed record MeasurementSeries(string WhatMeasured, string? Unit, DateOnly From, DateOnly To, IReadOnlyList<MeasurementPoint> Points,
    IReadOnlyList<AlongsideEntry> Alongside);

public sealed record MeasurementPoint(Guid Id, DateOnly Date, decimal Value, string? Context);

/// <summary>A note or story from the period of a series: the words that go with the numbers.</summary>
public sealed record AlongsideEntry(Guid Id, EvidenceKind Kind, DateOnly OccurredOn, string? Title, string? Text, Voice? ToldBy);

/// <summary>A stored media file, ready to stream.</summary>
public sealed record MediaFile(Stream Content, string ContentType, string FileName);

/// <summary>A checked upload waiting to be kept: the temporary file, what its content is, and what the uploader said about it.</summary>
public sealed record MediaUpload(Platform.Files.TempMedia Temp, Platform.Files.SniffedType Type, string FileName, string? Caption, DateOnly? OccurredOn,
    Guid? CaseId = null);

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

    /// <summary>What is shown of entries linked to case files the caller does not work on: how many, nothing more.</summary>
    public static string HiddenEntries(int count) => count == 1
        ? "1 entry is linked to a case file you are not working on, so only the people working with that person see it."
        : $"{count} entries are linked to case files you are not working on, so only the people working with those people see them.";

    /// <summary>A title for a case-linked entry where it is listed outside the file (session materials, influence records): its kind
    /// and date only, never its words.</summary>
    public static string Neutral(EvidenceKind kind, DateOnly on) =>
        $"{Name(kind)} of {on.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} (linked to a case file)";

    /// <summary>A size in words: "200 MB", "1.5 MB", "640 KB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024 * 1024):0.#} GB"),
        >= 1024L * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
