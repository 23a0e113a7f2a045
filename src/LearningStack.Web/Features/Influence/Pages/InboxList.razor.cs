using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Influence.Pages;

public partial class InboxList
{
    private static readonly (RouteSpawn Value, string Label)[] Spawns =
    [
        (RouteSpawn.Nothing, "Nothing more: take it into our understanding of the system"),
        (RouteSpawn.Issue, "Add to our issue log"),
        (RouteSpawn.Experiment, "Start an experiment"),
        (RouteSpawn.Cycle, "Convene an issue-based cycle"),
    ];

    private InboxView? _inbox;
    private IssueRouteView? _answering;
    private RecipientView? _responding;
    private List<string> _summary = [], _respondSummary = [];
    private IReadOnlyDictionary<string, string[]>? _errors, _respondErrors;

    [Inject] private InboxQuery Inbox { get; set; } = null!;
    [Inject] private RouteCommands Routes { get; set; } = null!;
    [Inject] private InfluenceCommands Influence { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;

    [Parameter, EditorRequired] public Guid CycleId { get; set; }

    /// <summary>Everything, answered too (the inbox page); otherwise only what waits (the cycle page).</summary>
    [Parameter] public bool All { get; set; }

    [Parameter, EditorRequired] public string Here { get; set; } = "";
    [Parameter] public string IdPrefix { get; set; } = "inbox";

    [SupplyParameterFromQuery(Name = "answer")] private Guid? AnswerId { get; set; }
    [SupplyParameterFromQuery(Name = "respond")] private Guid? RespondId { get; set; }
    [SupplyParameterFromQuery(Name = "inbox")] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "route-answer")] private AnswerForm Answer { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "learning-answer")] private RespondForm Respond { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "accept" => "Accepted. The cycle that sent it can see your response.",
        "decline" => "Declined. The cycle that sent it can see why.",
        "close" => "Closed. The cycle that sent it can see what was done.",
        "responded" => "Response saved. The cycle that handed it on can see it.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Answer ??= new();
        Respond ??= new();
        var inbox = (await Inbox.ForCycleAsync(CycleId, All)).Value;
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        var answerId = isPost && Answer.RouteId is { } posted ? posted : AnswerId;
        var respondId = isPost && Respond.RecipientId is { } postedRecipient ? postedRecipient : RespondId;
        var answering = inbox?.Routes.FirstOrDefault(r => r.Id == answerId);
        var responding = inbox?.Learning.Select(l => l.Recipient).FirstOrDefault(r => r.Id == respondId);
        if (!isPost && responding is not null)
        {
            Respond = new RespondForm { Response = responding.Response == InfluenceResponse.Pending ? null : responding.Response, Note = responding.Note };
        }
        (_inbox, _answering, _responding) = (inbox, answering, responding);
    }

    private async Task AnswerAsync()
    {
        if (Answer.RouteId is not { } id)
        {
            Navigation.NavigateTo(Here);
            return;
        }
        var input = new RouteAnswerInput { Response = Answer.Response, Spawn = Answer.Spawn, CycleName = Answer.CycleName, Version = Answer.Version };
        var decision = Answer.Decision is "decline" or "close" ? Answer.Decision : "accept";
        var result = decision switch
        {
            "decline" => await Routes.DeclineAsync(id, input),
            "close" => await Routes.CloseAsync(id, input),
            _ => await Routes.AcceptAsync(id, input),
        };
        (_summary, _errors) = Navigation.AfterSubmit(result, $"{Here}?inbox={decision}#{IdPrefix}-routes");
    }

    private async Task RespondAsync()
    {
        if (Respond.RecipientId is not { } id)
        {
            Navigation.NavigateTo(Here);
            return;
        }
        var result = await Influence.RespondAsync(id, new InfluenceResponseInput { Response = Respond.Response, Note = Respond.Note, Version = Respond.Version });
        (_respondSummary, _respondErrors) = Navigation.AfterSubmit(result, $"{Here}?inbox=responded#{IdPrefix}-learning");
    }

    public sealed class AnswerForm
    {
        public Guid? RouteId { get; set; }
        public string? Decision { get; set; }
        public string? Response { get; set; }
        public RouteSpawn? Spawn { get; set; }
        public string? CycleName { get; set; }
        public int? Version { get; set; }
    }

    public sealed class RespondForm
    {
        public Guid? RecipientId { get; set; }
        public InfluenceResponse? Response { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }
}
