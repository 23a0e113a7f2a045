using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Influence.Pages;

public partial class EmbeddingPage
{
    private EmbeddingRegisterView? _register;
    private bool _notFound;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;
    private List<CountermeasureRef> _retirable = [];

    [Inject] private EmbeddingCommands Embeddings { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "edit")] private Guid? EditId { get; set; }

    [SupplyParameterFromForm(FormName = "embedding")] private EmbeddingForm Form { get; set; } = default!;

    private List<CountermeasureRef> Retirable => _retirable;

    private string? DoneText => Done switch
    {
        "recorded" => "Recorded in the embedding register.",
        "saved" => "Changes saved.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        // Unticked checkbox groups post nothing, which binds as null.
        (Form.ExperimentIds, Form.SessionIds, Form.RetiredCountermeasureIds) = (Form.ExperimentIds ?? [], Form.SessionIds ?? [], Form.RetiredCountermeasureIds ?? []);
        var result = await Embeddings.RegisterAsync(CycleId);
        var register = result.Value;
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        var editing = register?.Embeddings.FirstOrDefault(e => e.Id == (isPost ? Form.Id : EditId));
        if (!isPost)
        {
            Form = editing is null ? new EmbeddingForm { EmbeddedOn = DateOnly.FromDateTime(Clock.GetLocalNow().Date) } : EmbeddingForm.Of(editing);
        }
        // Active countermeasures, plus those this entry already retired (so an edit can keep or give them back).
        List<CountermeasureRef> retirable = [.. register?.ActiveCountermeasures ?? [], .. editing?.RetiredCountermeasures ?? []];
        (_notFound, _register, _retirable) = (!result.IsOk, register, retirable);
    }

    private async Task SaveAsync()
    {
        var input = new EmbeddingInput
        {
            What = Form.What, Kind = Form.Kind, Replaced = Form.Replaced, EmbeddedOn = Form.EmbeddedOn, ExperimentIds = Form.ExperimentIds,
            SessionIds = Form.SessionIds, RetiredCountermeasureIds = Form.RetiredCountermeasureIds, Version = Form.Version,
        };
        var result = Form.Id is { } id ? await Embeddings.UpdateAsync(id, input) : await Embeddings.CreateAsync(CycleId, input);
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/embedding?done={(Form.Id is null ? "recorded" : "saved")}");
    }

    public sealed class EmbeddingForm
    {
        public Guid? Id { get; set; }
        public string? What { get; set; }
        public EmbeddingKind? Kind { get; set; }
        public string? Replaced { get; set; }
        public DateOnly? EmbeddedOn { get; set; }
        public List<Guid> ExperimentIds { get; set; } = [];
        public List<Guid> SessionIds { get; set; } = [];
        public List<Guid> RetiredCountermeasureIds { get; set; } = [];
        public int? Version { get; set; }

        public static EmbeddingForm Of(EmbeddingView e) => new()
        {
            Id = e.Id, What = e.What, Kind = e.Kind, Replaced = e.Replaced, EmbeddedOn = e.EmbeddedOn, ExperimentIds = [.. e.Experiments.Select(x => x.Id)],
            SessionIds = [.. e.Sessions.Select(x => x.Id)], RetiredCountermeasureIds = [.. e.RetiredCountermeasures.Select(c => c.Id)], Version = e.Version,
        };
    }
}
