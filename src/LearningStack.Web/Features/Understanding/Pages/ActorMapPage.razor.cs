using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Understanding.Pages;

public partial class ActorMapPage
{
    private ActorMapView? _map;
    private ActorMeasuresView? _measures;
    private bool _notFound;
    private ActorView? _removing;
    private RelationshipView? _removingRelationship;
    private HashSet<ActorRoles> _roles = [];
    private List<string> _actorSummary = [];
    private IReadOnlyDictionary<string, string[]>? _actorErrors;
    private List<string> _relationshipSummary = [];
    private IReadOnlyDictionary<string, string[]>? _relationshipErrors;

    [Inject] private MapCommands Maps { get; set; } = null!;
    [Inject] private ActorMeasureCommands MeasureCommands { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromQuery] private Guid? Edit { get; set; }
    [SupplyParameterFromQuery(Name = "remove")] private Guid? RemoveId { get; set; }
    [SupplyParameterFromQuery] private Guid? EditRelationship { get; set; }
    [SupplyParameterFromQuery] private Guid? RemoveRelationship { get; set; }
    [SupplyParameterFromQuery] private string? Kind { get; set; }
    [SupplyParameterFromQuery] private string? Tag { get; set; }

    [SupplyParameterFromForm(FormName = "actor")] private ActorForm Actor { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "relationship")] private RelationshipForm Relationship { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-actor")] private RemoveForm RemoveActor { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "remove-relationship")] private RemoveForm RemoveRel { get; set; } = default!;

    private bool IsPost => HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");

    private string? DoneText => Done switch
    {
        "actor-added" => "Actor added.",
        "actor-saved" => "Actor saved.",
        "actor-removed" => "Actor removed, with its relationships.",
        "relationship-added" => "Relationship added.",
        "relationship-saved" => "Relationship saved.",
        "relationship-removed" => "Relationship removed.",
        "reviewed" => "Boundary review saved.",
        _ => null,
    };

    private IEnumerable<ActorView> FilteredActors => _map!.Actors
        .Where(a => Kind is null || a.Kind.ToString() == Kind)
        .Where(a => Tag is null || a.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase));

    protected override async Task OnInitializedAsync()
    {
        Actor ??= new();
        Relationship ??= new();
        RemoveActor ??= new();
        RemoveRel ??= new();
        await LoadAsync();
        if (_map is null)
        {
            return;
        }
        if (!IsPost && Edit is { } id && _map.Actors.FirstOrDefault(a => a.Id == id) is { } editing)
        {
            Actor = ActorForm.From(editing);
            _roles = [.. editing.Roles];
        }
        if (!IsPost && EditRelationship is { } rid && _map.Relationships.FirstOrDefault(r => r.Id == rid) is { } r)
        {
            Relationship = RelationshipForm.From(r);
        }
        _removing = _map.Actors.FirstOrDefault(a => a.Id == RemoveId);
        _removingRelationship = _map.Relationships.FirstOrDefault(x => x.Id == RemoveRelationship);
    }

    private async Task LoadAsync()
    {
        // Both are set together: Blazor renders between awaits, and the page must never show a map without its measures.
        var result = await Maps.ActorMapAsync(CycleId);
        var measures = result.IsOk ? (await MeasureCommands.GetAsync(CycleId)).Value : null;
        (_notFound, _map, _measures) = (!result.IsOk, result.Value, measures);
    }

    private string ActorName(Guid id) => _map?.Actors.FirstOrDefault(a => a.Id == id)?.Name ?? "(removed)";

    private string RemovalText(ActorView actor)
    {
        var count = _map!.Relationships.Count(r => r.FromId == actor.Id || r.ToId == actor.Id);
        return count == 0 ? "It has no relationships." : count == 1 ? "Its one relationship goes too." : $"Its {count} relationships go too.";
    }

    private async Task SaveActorAsync()
    {
        var posted = Http.HttpContext!.Request.Form["roles"];
        _roles = [.. posted.Select(v => Enum.TryParse<ActorRoles>(v, out var role) ? role : ActorRoles.None).Where(r => r != ActorRoles.None)];
        var input = Actor.ToInput(_roles);
        var result = Actor.Id is { } id ? await Maps.UpdateActorAsync(id, input) : await Maps.CreateActorAsync(CycleId, input);
        (_actorSummary, _actorErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/actor-map?done={(Actor.Id is null ? "actor-added" : "actor-saved")}#actors-heading");
    }

    private async Task SaveRelationshipAsync()
    {
        var input = Relationship.ToInput();
        var result = Relationship.Id is { } id ? await Maps.UpdateRelationshipAsync(id, input) : await Maps.CreateRelationshipAsync(CycleId, input);
        (_relationshipSummary, _relationshipErrors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/actor-map?done={(Relationship.Id is null ? "relationship-added" : "relationship-saved")}#relationships-heading");
    }

    private async Task RemoveActorAsync()
    {
        var result = RemoveActor.Id is { } id ? await Maps.DeleteActorAsync(id) : Platform.Failure.NotFound;
        Navigation.NavigateTo($"/cycles/{CycleId}/actor-map?done={(result.IsOk ? "actor-removed" : "")}#actors-heading");
    }

    private async Task RemoveRelationshipAsync()
    {
        var result = RemoveRel.Id is { } id ? await Maps.DeleteRelationshipAsync(id) : Platform.Failure.NotFound;
        Navigation.NavigateTo($"/cycles/{CycleId}/actor-map?done={(result.IsOk ? "relationship-removed" : "")}#relationships-heading");
    }
}
