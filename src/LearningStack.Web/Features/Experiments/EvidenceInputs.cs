using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

/// <summary>A measurement, note or narrative, as added or edited (whole record; edits carry the version read).
/// Media files are uploaded as multipart to …/media instead.</summary>
public sealed class EvidenceInput
{
    /// <summary>Measurement, Note or Narrative. On an edit it may be left out (the kind stays as it is).</summary>
    public EvidenceKind? Kind { get; set; }

    [Required(ErrorMessage = "Give the date it happened or was observed.")]
    public DateOnly? OccurredOn { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "A title can be at most 200 characters.")]
    public string? Title { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The text can be at most 20,000 characters.")]
    public string? Text { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "What was measured can be at most 200 characters.")]
    public string? WhatMeasured { get; set; }

    [Range(-1e12, 1e12, ErrorMessage = "Give the value as a number between minus and plus one trillion.")]
    public decimal? Value { get; set; }

    [MaxLength(50, ErrorMessage = "A unit can be at most 50 characters.")]
    public string? Unit { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "The context can be at most 20,000 characters.")]
    public string? Context { get; set; }

    public Voice? ToldBy { get; set; }

    /// <summary>The case file this entry belongs to: the experiment's case, or another case of the same cycle the caller works on.
    /// Its content is then shown only to people who can open that file. An edit that leaves it out unlinks the entry.</summary>
    public Guid? CaseId { get; set; }

    public int? Version { get; set; }
}

/// <summary>The rules that depend on the kind of evidence: a measurement needs what was measured and a value, a note or a story needs
/// its text; nothing is dated in the future.</summary>
public static class EvidenceRules
{
    public static Dictionary<string, string[]> Check(EvidenceKind kind, EvidenceInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.OccurredOn > today)
        {
            errors["occurredOn"] = ["The date is in the future. Give the day it happened or was observed (today at the latest)."];
        }
        switch (kind)
        {
            case EvidenceKind.Measurement:
                if (string.IsNullOrWhiteSpace(input.WhatMeasured))
                {
                    errors["whatMeasured"] = ["Say what was measured, for example \"days from referral to first visit\"."];
                }
                if (input.Value is null)
                {
                    errors["value"] = ["Give the value that was measured, as a number."];
                }
                break;
            case EvidenceKind.Note:
                if (string.IsNullOrWhiteSpace(input.Text))
                {
                    errors["text"] = ["Write the note: what you saw, heard or noticed."];
                }
                break;
            case EvidenceKind.Narrative:
                if (string.IsNullOrWhiteSpace(input.Text))
                {
                    errors["text"] = ["Write the story, in the words of the person who told it where you can."];
                }
                break;
            case EvidenceKind.Media:
                break;
        }
        return errors;
    }
}
