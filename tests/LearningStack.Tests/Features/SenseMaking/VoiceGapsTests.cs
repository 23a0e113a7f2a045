using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.SenseMaking;

namespace LearningStack.Tests.Features.SenseMaking;

public sealed class VoiceGapsTests
{
    [Fact]
    public void Prompt_NoSessions_Nothing() => Assert.Null(VoiceGaps.Prompt([]));

    [Fact]
    public void Prompt_PersonServedInOneOfTheLastFive_Nothing() =>
        Assert.Null(VoiceGaps.Prompt([[Voice.Practitioner], [Voice.Manager], [Voice.PersonServed, Voice.Manager], [], [Voice.Partner]]));

    [Fact]
    public void Prompt_NoPersonServedInTheLastFive_PlainQuestionNamingFive()
    {
        var prompt = VoiceGaps.Prompt([[Voice.Practitioner], [Voice.Manager], [], [Voice.Partner], [Voice.Other]]);

        Assert.Equal("No one has taken part as a person served or expert by experience in the last 5 sessions. Who could you invite next time?", prompt);
    }

    [Fact]
    public void Prompt_PersonServedOnlyInTheSixthSession_StillAPrompt() =>
        Assert.NotNull(VoiceGaps.Prompt([[Voice.Practitioner], [], [], [], [], [Voice.PersonServed]]));

    [Fact]
    public void Prompt_OneSessionWithoutPersonServed_SaysTheLastSession() =>
        Assert.Contains("in the last session.", VoiceGaps.Prompt([[Voice.Manager]]), StringComparison.Ordinal);
}
