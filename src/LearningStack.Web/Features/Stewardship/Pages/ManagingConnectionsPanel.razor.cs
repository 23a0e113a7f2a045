using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class ManagingConnectionsPanel
{
    private ExperimentConnectionsView? _view;
    private ConnectionView? _editing;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private ManagingLogCommands Log { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ExperimentId { get; set; }
    [SupplyParameterFromQuery(Name = "conn")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "conn-edit")] private Guid? EditId { get; set; }
    [SupplyParameterFromForm(FormName = "connection")] private ConnectionForm Form { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "added" => "Added to the connections to make.",
        "saved" => "Saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        _view = (await Log.ForExperimentAsync(ExperimentId)).Value;
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        _editing = _view?.Connections.FirstOrDefault(c => c.Id == (isPost ? Form.Id : EditId));
        if (!isPost && _editing is { } c)
        {
            Form = new ConnectionForm
            {
                Id = c.Id, Name = c.Name, Why = c.Why, LinkedCycleId = c.LinkedCycleId, LinkedUserId = c.LinkedUserId, TalkedOn = c.TalkedOn,
                ConversationNote = c.ConversationNote, Version = c.Version,
            };
        }
    }

    private async Task SaveAsync()
    {
        var input = new ConnectionInput
        {
            Name = Form.Name, Why = Form.Why, LinkedCycleId = Form.LinkedCycleId, LinkedUserId = Form.LinkedUserId, TalkedOn = Form.TalkedOn,
            ConversationNote = Form.ConversationNote, Version = Form.Version,
        };
        var result = Form.Id is { } id ? await Log.UpdateConnectionAsync(id, input) : await Log.AddConnectionAsync(ExperimentId, input);
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/experiments/{ExperimentId}?conn={(Form.Id is null ? "added" : "saved")}#connections-heading");
    }
}

/// <summary>What the connection form posts: the input plus which connection is being edited.</summary>
public sealed class ConnectionForm
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public string? Why { get; set; }
    public Guid? LinkedCycleId { get; set; }
    public string? LinkedUserId { get; set; }
    public DateOnly? TalkedOn { get; set; }
    public string? ConversationNote { get; set; }
    public int? Version { get; set; }
}
