using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

/// <summary>A countermeasure as people write it. On create the status is always Active; on edit the whole record is sent with its version.</summary>
public sealed class CountermeasureInput
{
    [Required(ErrorMessage = "Say which business-as-usual rule or process the experiment is shielded from.")]
    [MaxLength(Limits.LongText, ErrorMessage = "The rule can be at most 20,000 characters.")]
    public string? Rule { get; set; }

    [Required(ErrorMessage = "Say what is done instead while the countermeasure is in place.")]
    [MaxLength(Limits.LongText, ErrorMessage = "What is done instead can be at most 20,000 characters.")]
    public string? Instead { get; set; }

    /// <summary>One of the cycle's actors who agreed it; or use <see cref="AgreedByName"/>.</summary>
    public Guid? AgreedByActorId { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "Who agreed it can be at most 200 characters.")]
    public string? AgreedByName { get; set; }

    [Required(ErrorMessage = "Enter the date the countermeasure starts.")]
    public DateOnly? From { get; set; }

    public DateOnly? ReviewOn { get; set; }

    /// <summary>For a countermeasure added because the running experiment disturbed something unexpected: what or who.</summary>
    [MaxLength(Limits.LongText, ErrorMessage = "What was disturbed can be at most 20,000 characters.")]
    public string? Disturbed { get; set; }

    public DateOnly? NoticedOn { get; set; }

    /// <summary>Edits only; left out, the status stays as it is.</summary>
    public CountermeasureStatus? Status { get; set; }

    [MaxLength(Limits.LongText, ErrorMessage = "Why it ended can be at most 20,000 characters.")]
    public string? WhyEnded { get; set; }

    /// <summary>Edits only: when it stopped being active (default today).</summary>
    public DateOnly? EndedOn { get; set; }

    public int? Version { get; set; }
}

/// <summary>Something about a countermeasure worth a second look, in plain words, with what to do about it. Never a score or a colour.</summary>
public sealed record CountermeasureFlag(string Kind, string Explanation, string WhatToDo);

public sealed record CountermeasureView(
    Guid Id,
    Guid CycleId,
    Guid ExperimentId,
    string ExperimentTitle,
    ExperimentState ExperimentState,
    string Rule,
    string Instead,
    Guid? AgreedByActorId,
    /// <summary>Who agreed it: the actor's name when an actor was chosen, otherwise the typed name.</summary>
    string? AgreedByName,
    DateOnly From,
    DateOnly? ReviewOn,
    CountermeasureStatus Status,
    DateOnly? EndedOn,
    string? WhyEnded,
    string? Disturbed,
    DateOnly? NoticedOn,
    IReadOnlyList<CountermeasureFlag> Flags,
    int Version)
{
    public bool IsDisturbance => Disturbed is not null;
}

/// <summary>A cycle's register of countermeasures, with the cycle for headings and links.</summary>
public sealed record CountermeasureRegisterView(Understanding.CycleScope Cycle, CountermeasureStatus? Status, IReadOnlyList<CountermeasureView> Countermeasures)
{
    public bool CanEdit => Cycle.CanEdit;
}
