using System.Text.Json;
using System.Text.Json.Serialization;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.People.Pages;

public partial class CaseLifeMapPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private CaseFileView? _file;
    private LifeMapView? _map;
    private bool _notFound;
    private LifeElementView? _removing;
    private LifeLinkView? _removingLink;
    private List<string> _elementSummary = [], _linkSummary = [];
    private IReadOnlyDictionary<string, string[]>? _elementErrors, _linkErrors;

    [Inject] private CaseCommands Cases { get; set; } = null!;
    [Inject] private LifeMapCommands LifeMap { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CaseId { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "edit")] private Guid? EditId { get; set; }
    [SupplyParameterFromQuery(Name = "remove")] private Guid? RemoveId { get; set; }
    [SupplyParameterFromQuery(Name = "editLink")] private Guid? EditLinkId { get; set; }
    [SupplyParameterFromQuery(Name = "removeLink")] private Guid? RemoveLinkId { get; set; }

    [SupplyParameterFromForm(FormName = "life-element")] private LifeElementForm Element { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "life-link")] private LifeLinkForm Link { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-life-element")] private RemoveForm RemoveElement { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-life-link")] private RemoveForm RemoveLink { get; set; } = default!;

    private bool IsPost => HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");

    private string Url => $"/cases/{CaseId}/life-map";

    private string? DoneText => Done switch
    {
        "added" => "Added to the map.",
        "saved" => "Saved.",
        "removed" => "Removed from the map, with its links.",
        "link-added" => "Link added.",
        "link-saved" => "Link saved.",
        "link-removed" => "Link removed.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Element ??= new();
        Link ??= new();
        RemoveElement ??= new();
        RemoveLink ??= new();
        var file = (await Cases.GetAsync(CaseId, "Life map page")).Value;
        var map = file is null ? null : (await LifeMap.GetAsync(CaseId, what: null)).Value;
        // Set together, after both reads: Blazor renders between awaits, and a half-loaded page must show nothing rather than "not found"
        // (which would also set the response's status to 404).
        (_file, _map, _notFound) = (file, map, map is null);
        if (map is null)
        {
            return;
        }
        if (!IsPost && EditId is { } id && map.Elements.FirstOrDefault(e => e.Id == id) is { } editing)
        {
            Element = LifeElementForm.From(editing);
        }
        if (!IsPost && EditLinkId is { } linkId && map.Links.FirstOrDefault(l => l.Id == linkId) is { } link)
        {
            Link = LifeLinkForm.From(link);
        }
        _removing = map.Elements.FirstOrDefault(e => e.Id == RemoveId);
        _removingLink = map.Links.FirstOrDefault(l => l.Id == RemoveLinkId);
    }

    /// <summary>The map as the editor reads it from the API, so the picture is drawn without reading the file a second time.</summary>
    private string InitialJson => JsonSerializer.Serialize(_map, Json);

    private string NameOf(Guid id) => _map?.Elements.FirstOrDefault(e => e.Id == id)?.Name ?? "(removed)";

    private int LinkCount(Guid id) => _map!.Links.Count(l => l.FromId == id || l.ToId == id);

    private string RemovalText(LifeElementView element) => LinkCount(element.Id) switch
    {
        0 => "It has no links.",
        1 => "Its one link goes too.",
        var n => $"Its {n} links go too.",
    };

    private async Task SaveElementAsync()
    {
        var input = Element.ToInput();
        var result = Element.Id is { } id ? await LifeMap.UpdateElementAsync(CaseId, id, input) : await LifeMap.AddElementAsync(CaseId, input);
        (_elementSummary, _elementErrors) = Navigation.AfterSubmit(result, $"{Url}?done={(Element.Id is null ? "added" : "saved")}#elements-heading");
    }

    private async Task SaveLinkAsync()
    {
        var input = Link.ToInput();
        var result = Link.Id is { } id ? await LifeMap.UpdateLinkAsync(CaseId, id, input) : await LifeMap.AddLinkAsync(CaseId, input);
        (_linkSummary, _linkErrors) = Navigation.AfterSubmit(result, $"{Url}?done={(Link.Id is null ? "link-added" : "link-saved")}#links-heading");
    }

    private async Task RemoveElementAsync()
    {
        var result = RemoveElement.Id is { } id ? await LifeMap.DeleteElementAsync(CaseId, id) : Platform.Failure.NotFound;
        Navigation.NavigateTo($"{Url}?done={(result.IsOk ? "removed" : "")}#elements-heading");
    }

    private async Task RemoveLinkAsync()
    {
        var result = RemoveLink.Id is { } id ? await LifeMap.DeleteLinkAsync(CaseId, id) : Platform.Failure.NotFound;
        Navigation.NavigateTo($"{Url}?done={(result.IsOk ? "link-removed" : "")}#links-heading");
    }
}

/// <summary>The add/edit form of a person, organisation or factor on the life map.</summary>
public sealed class LifeElementForm
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public LifeMapElementKind Kind { get; set; } = LifeMapElementKind.Person;
    public string? Theme { get; set; }
    public LifeEffect Effect { get; set; } = LifeEffect.NotSure;
    public int Closeness { get; set; } = 2;
    public string? Note { get; set; }
    public int? Version { get; set; }

    public LifeElementInput ToInput() => new()
    {
        Name = Name, Kind = Kind, Theme = Theme, Effect = Effect, Closeness = Closeness, Note = Note, Version = Version,
    };

    public static LifeElementForm From(LifeElementView e) => new()
    {
        Id = e.Id, Name = e.Name, Kind = e.Kind, Theme = e.Theme, Effect = e.Effect, Closeness = e.Closeness, Note = e.Note, Version = e.Version,
    };
}

/// <summary>The add/edit form of a link; Polarity is "", "Same" or "Opposite".</summary>
public sealed class LifeLinkForm
{
    public Guid? Id { get; set; }
    public Guid? FromId { get; set; }
    public Guid? ToId { get; set; }
    public string? Polarity { get; set; }
    public string? Note { get; set; }
    public int? Version { get; set; }

    public LifeLinkInput ToInput() => new()
    {
        FromId = FromId, ToId = ToId, Note = Note, Version = Version,
        Polarity = Enum.TryParse<LinkPolarity>(Polarity, out var p) && Enum.IsDefined(p) ? p : null,
    };

    public static LifeLinkForm From(LifeLinkView l) => new()
    {
        Id = l.Id, FromId = l.FromId, ToId = l.ToId, Polarity = l.Polarity?.ToString(), Note = l.Note, Version = l.Version,
    };
}
