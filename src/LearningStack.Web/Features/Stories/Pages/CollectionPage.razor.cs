using System.Globalization;
using LearningStack.Web.Features.Networks;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stories.Pages;

public partial class CollectionPage
{
    private PatternView? _view;
    private StoryCollectionView? _collection;
    private NetworkRole? _role;
    private string? _networkName, _newLink;
    private bool _notFound;
    private IReadOnlyList<(Guid SignifierId, string Option)> _options = [];

    [Inject] private StoryCommands Stories { get; set; } = null!;
    [Inject] private PatternQuery Patterns { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid CollectionId { get; set; }

    [SupplyParameterFromQuery(Name = "f")] private string[]? F { get; set; }
    [SupplyParameterFromQuery(Name = "triad")] private Guid? Triad { get; set; }
    [SupplyParameterFromQuery(Name = "region")] private string? Region { get; set; }
    [SupplyParameterFromQuery(Name = "cell")] private string? Cell { get; set; }
    [SupplyParameterFromQuery(Name = "dyad")] private Guid? Dyad { get; set; }
    [SupplyParameterFromQuery(Name = "bin")] private int? Bin { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    private bool IsSteward => _role == NetworkRole.Steward;
    private bool Filtered => _options.Count > 0;

    private string? DoneText => Done switch
    {
        "saved" => "The collection is saved.",
        "told" => "Thank you: the story is saved.",
        "closed" => "The link is closed. It now tells anyone who opens it that the collection is not taking stories.",
        _ => null,
    };

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var (collection, role, networkName) = await Stories.ScopeAsync(CollectionId);
        if (collection is null)
        {
            _notFound = true;
            return;
        }
        _options = PatternFilter.ParseOptions(F);
        var view = await Patterns.PatternsAsync(CollectionId, new PatternFilter(_options, Triad, Region, Cell, Dyad, Bin));
        (_collection, _role, _networkName, _view, _notFound) = (collection, role, networkName, view.Value, !view.IsOk);
    }

    /// <summary>This page with the current filter and the given selection.</summary>
    private string Link(IReadOnlyList<(string Key, string Value)> extra)
    {
        var parts = _options.Select(o => ("f", $"{o.SignifierId}|{o.Option}")).Concat(extra)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}").ToList();
        var query = parts.Count > 0 ? "?" + string.Join("&", parts) : "";
        return $"/story-collections/{CollectionId}{query}{(extra.Count > 0 ? "#stories" : "")}";
    }

    private string FilterLink(Guid signifierId, string option)
    {
        var options = _options.Where(o => o.SignifierId != signifierId).Append((signifierId, option));
        return $"/story-collections/{CollectionId}?" + string.Join("&", options.Select(o => "f=" + Uri.EscapeDataString($"{o.Item1}|{o.Item2}")));
    }

    private async Task OpenLinkAsync()
    {
        var result = await Stories.OpenLinkAsync(CollectionId);
        if (result.Value is { } link)
        {
            _newLink = Navigation.ToAbsoluteUri(link.Link).ToString();
        }
        await LoadAsync();
    }

    private async Task CloseLinkAsync()
    {
        await Stories.CloseLinkAsync(CollectionId);
        Navigation.NavigateTo($"/story-collections/{CollectionId}?done=closed");
    }

    internal static string Percent(double? w) => w is { } v ? Math.Round(v * 100).ToString(CultureInfo.InvariantCulture) : "–";
}
