using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.SenseMaking.Pages;

public partial class SessionFormPage
{
    private CycleScope? _cycle;
    private IReadOnlyList<MemberChoice> _members = [];
    private bool _notFound;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private SessionCommands Sessions { get; set; } = null!;
    [Inject] private MapScope Scope { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IHttpContextAccessor Http { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter] public Guid? CycleId { get; set; }
    [Parameter] public Guid? SessionId { get; set; }

    [SupplyParameterFromForm(FormName = "session")] private SessionForm Form { get; set; } = default!;

    private string Heading => SessionId is null ? "Plan a session" : "Edit the session";

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        var isPost = HttpMethods.IsPost(Http.HttpContext?.Request.Method ?? "");
        Guid cycleId;
        if (SessionId is { } id)
        {
            var session = await Sessions.GetAsync(id);
            if (!session.IsOk)
            {
                _notFound = true;
                return;
            }
            cycleId = session.Value!.CycleId;
            if (!isPost)
            {
                Form = SessionForm.Of(session.Value);
            }
        }
        else
        {
            cycleId = CycleId!.Value;
            if (!isPost)
            {
                Form.Date = DateOnly.FromDateTime(Clock.GetLocalNow().Date.AddDays(7));
                Form.Time = new TimeOnly(10, 0);
            }
        }
        var (cycle, _) = await Scope.ForCycleAsync(cycleId, Networks.NetworkRole.Observer, default);
        if (cycle is null)
        {
            _notFound = true;
            return;
        }
        var members = cycle.CanEdit ? (await Sessions.ChoicesAsync(cycle.CycleId, cycle.NetworkId)).Members : [];
        (_cycle, _members) = (cycle, members);
    }

    private async Task SaveAsync()
    {
        var input = Form.ToInput(Clock.LocalTimeZone);
        var result = SessionId is { } id ? await Sessions.UpdateAsync(id, input) : await Sessions.CreateAsync(_cycle!.CycleId, input);
        (_summary, _errors) = Navigation.AfterSubmit(result, result.IsOk ? $"/sessions/{result.Value!.Id}?done={(SessionId is null ? "planned" : "saved")}" : "");
    }
}

/// <summary>What the session form posts: the date and time separately, joined in the server's time zone.</summary>
public sealed class SessionForm
{
    public string? Title { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public string? Place { get; set; }
    public string? CallLink { get; set; }
    public string? FacilitatorUserId { get; set; }
    public string? FacilitatorName { get; set; }
    public string? Purpose { get; set; }
    public int? Version { get; set; }

    public SessionInput ToInput(TimeZoneInfo zone)
    {
        DateTimeOffset? startsAt = null;
        if (Date is { } date)
        {
            var local = date.ToDateTime(Time ?? new TimeOnly(9, 0));
            startsAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        return new SessionInput
        {
            Title = Title, StartsAt = startsAt, Place = Place, CallLink = CallLink, FacilitatorUserId = string.IsNullOrWhiteSpace(FacilitatorUserId) ? null : FacilitatorUserId,
            FacilitatorName = FacilitatorName, Purpose = Purpose, Version = Version,
        };
    }

    public static SessionForm Of(SessionView s) => new()
    {
        Title = s.Title, Date = DateOnly.FromDateTime(s.StartsAt.DateTime), Time = TimeOnly.FromDateTime(s.StartsAt.DateTime), Place = s.Place, CallLink = s.CallLink,
        FacilitatorUserId = s.FacilitatorUserId, FacilitatorName = s.FacilitatorName, Purpose = s.Purpose, Version = s.Version,
    };
}
