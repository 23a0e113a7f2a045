using LearningStack.Web.Features.Understanding.Pages;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Features.Stewardship.Pages;

public partial class LearningAccountPage
{
    private AccountView? _account;
    private bool _notFound;
    private List<string> _summary = [];
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] private LearningAccountCommands Accounts { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid CycleId { get; set; }
    [Parameter] public Guid AccountId { get; set; }

    /// <summary>The section being edited (?edit=key).</summary>
    [SupplyParameterFromQuery] private string? Edit { get; set; }

    /// <summary>The question being answered (?answer=id).</summary>
    [SupplyParameterFromQuery] private Guid? Answer { get; set; }

    [SupplyParameterFromQuery] private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "section")] private SectionForm Section { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "publish")] private AccountPublishInput Publish { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "discard")] private AccountPublishInput Discard { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "revise")] private ReviseForm Revise { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "ask")] private AccountQuestionInput Ask { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "answer")] private AnswerForm AnswerForm { get; set; } = default!;

    private string? DoneText => Done switch
    {
        "written" => "Draft written from the cycle's records. Read each section and change what needs saying differently.",
        "saved" => "Section saved.",
        "published" => "Published. Everyone in the network can now read it and ask questions.",
        "revised" => "A new draft was started from the published version, which stays as it was.",
        "asked" => "Question sent. The cycle's stewards will answer here.",
        "answered" => "Answer added.",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        Section ??= new();
        Publish ??= new();
        Discard ??= new();
        Revise ??= new();
        Ask ??= new();
        AnswerForm ??= new();
        var account = await Accounts.GetAsync(AccountId);
        (_notFound, _account) = (!account.IsOk || account.Value!.CycleId != CycleId, account.Value);
    }

    private string Here(string done, string? anchor = null) => $"/cycles/{CycleId}/accounts/{AccountId}?done={done}" + (anchor is null ? "" : "#" + anchor);

    private async Task SaveSectionAsync()
    {
        var result = await Accounts.UpdateSectionAsync(AccountId, Section.Id ?? Guid.Empty, new AccountSectionInput { Markdown = Section.Markdown, Version = Section.Version });
        (_summary, _errors) = Navigation.AfterSubmit(result, Here("saved", "section-" + Section.Key));
        if (!result.IsOk)
        {
            Edit = Section.Key;
        }
    }

    private async Task PublishAsync()
    {
        var result = await Accounts.PublishAsync(AccountId, Publish);
        (_summary, _errors) = Navigation.AfterSubmit(result, Here("published"));
    }

    private async Task DiscardAsync()
    {
        var result = await Accounts.DiscardAsync(AccountId, Discard);
        (_summary, _errors) = Navigation.AfterSubmit(result, $"/cycles/{CycleId}/accounts?done=discarded");
    }

    private async Task ReviseAsync()
    {
        var result = await Accounts.ReviseAsync(AccountId);
        (_summary, _errors) = Navigation.AfterSubmit(result, result.IsOk ? $"/cycles/{CycleId}/accounts/{result.Value!.Id}?done=revised" : "");
    }

    private async Task AskAsync()
    {
        var result = await Accounts.AskAsync(AccountId, Ask);
        (_summary, _errors) = Navigation.AfterSubmit(result, result.IsOk ? Here("asked", "question-" + result.Value!.Id) : "");
    }

    private async Task AnswerAsync()
    {
        var result = await Accounts.AnswerAsync(AccountId, AnswerForm.QuestionId ?? Guid.Empty, new AccountAnswerInput { Text = AnswerForm.Text });
        (_summary, _errors) = Navigation.AfterSubmit(result, Here("answered", "question-" + AnswerForm.QuestionId));
        if (!result.IsOk)
        {
            Answer = AnswerForm.QuestionId;
        }
    }

    public sealed class SectionForm
    {
        public Guid? Id { get; set; }
        public string? Key { get; set; }
        public string? Markdown { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ReviseForm
    {
        public bool Go { get; set; }
    }
}

public sealed class AnswerForm
{
    public Guid? QuestionId { get; set; }
    public string? Text { get; set; }
}
