using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Understanding.Pages;

/// <summary>What the map pages' forms post. Tags are typed as one line ("housing | debt"); the commands check everything.</summary>
public sealed class ActorForm
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public ActorKind? Kind { get; set; }
    public string? Description { get; set; }
    public string? Tags { get; set; }
    public int? Version { get; set; }

    public ActorInput ToInput(IEnumerable<ActorRoles> roles) =>
        new() { Name = Name, Kind = Kind, Description = Description, Tags = [Tags ?? ""], Roles = [.. roles], Version = Version };

    public static ActorForm From(ActorView a) =>
        new() { Id = a.Id, Name = a.Name, Kind = a.Kind, Description = a.Description, Tags = UnderstandingText.Tags(a.Tags), Version = a.Version };
}

public sealed class RelationshipForm
{
    public Guid? Id { get; set; }
    public Guid? FromId { get; set; }
    public Guid? ToId { get; set; }
    public string? Kind { get; set; }
    public RelationshipDirection Direction { get; set; }
    public int Strength { get; set; } = 3;
    public TrustQuality Trust { get; set; }
    public DateOnly? Since { get; set; }
    public string? Notes { get; set; }
    public int? Version { get; set; }

    public RelationshipInput ToInput() => new()
    {
        FromId = FromId, ToId = ToId, Kind = Kind, Direction = Direction, Strength = Strength, Trust = Trust, Since = Since, Notes = Notes, Version = Version,
    };

    public static RelationshipForm From(RelationshipView r) => new()
    {
        Id = r.Id, FromId = r.FromId, ToId = r.ToId, Kind = r.Kind, Direction = r.Direction, Strength = r.Strength, Trust = r.Trust, Since = r.Since,
        Notes = r.Notes, Version = r.Version,
    };
}

public sealed class FactorForm
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Tags { get; set; }
    public string? EvidenceUrl { get; set; }
    public int? Version { get; set; }

    public FactorInput ToInput() => new() { Name = Name, Description = Description, Tags = [Tags ?? ""], EvidenceUrl = EvidenceUrl, Version = Version };

    public static FactorForm From(FactorView f) =>
        new() { Id = f.Id, Name = f.Name, Description = f.Description, Tags = UnderstandingText.Tags(f.Tags), EvidenceUrl = f.EvidenceUrl, Version = f.Version };
}

public sealed class CausalLinkForm
{
    public Guid? Id { get; set; }
    public Guid? FromId { get; set; }
    public Guid? ToId { get; set; }
    public LinkPolarity? Polarity { get; set; }
    public bool Delay { get; set; }
    public Confidence Confidence { get; set; } = Confidence.Medium;
    public string? EvidenceNote { get; set; }
    public int? Version { get; set; }

    public CausalLinkInput ToInput() => new()
    {
        FromId = FromId, ToId = ToId, Polarity = Polarity, Delay = Delay, Confidence = Confidence, EvidenceNote = EvidenceNote, Version = Version,
    };

    public static CausalLinkForm From(CausalLinkView l) => new()
    {
        Id = l.Id, FromId = l.FromId, ToId = l.ToId, Polarity = l.Polarity, Delay = l.Delay, Confidence = l.Confidence, EvidenceNote = l.EvidenceNote, Version = l.Version,
    };
}

/// <summary>Hidden id of the record a confirm-removal form is about.</summary>
public sealed class RemoveForm
{
    public Guid? Id { get; set; }
}

public static class FormErrors
{
    /// <summary>After a form's command: on success go to <paramref name="successUrl"/>; on failure, the messages for the error summary
    /// and the field errors to show beside the fields.</summary>
    public static (List<string> Summary, IReadOnlyDictionary<string, string[]>? Fields) AfterSubmit<T>(this Microsoft.AspNetCore.Components.NavigationManager navigation,
        Outcome<T> outcome, string successUrl)
    {
        if (outcome.IsOk)
        {
            navigation.NavigateTo(successUrl);
            return ([], null);
        }
        return (Summary(outcome), outcome.Errors);
    }

    /// <summary>The messages of a failed outcome, for the error summary.</summary>
    public static List<string> Summary<T>(Outcome<T> outcome) =>
        outcome.Errors is { Count: > 0 } errors ? [.. errors.SelectMany(e => e.Value).Distinct()] : [outcome.ErrorText];
}
