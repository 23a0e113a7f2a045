using LearningStack.Web.Features.Experiments;

namespace LearningStack.Tests.Features.Experiments;

public sealed class DesignChecklistTests
{
    private static DesignFacts Complete(ExperimentType type = ExperimentType.Probe) => new(
        type, type == ExperimentType.HypothesisTest ? "Does it help?" : null, type == ExperimentType.HypothesisTest ? "It helps because…" : null,
        ["What happens when we try it?"], ["Do no harm"], EvidenceKinds.Narrative, "Caseworkers", 14,
        [ParticipantRoles.CoDesigner, ParticipantRoles.CouldStopIt | ParticipantRoles.OpinionLeader]);

    private static string[] Keys(DesignFacts facts) => [.. DesignChecklist.Gaps(facts).Select(g => g.Key)];

    [Theory]
    [InlineData(ExperimentType.Probe)]
    [InlineData(ExperimentType.HypothesisTest)]
    public void Gaps_CompleteDesign_None(ExperimentType type) => Assert.Empty(Keys(Complete(type)));

    [Fact]
    public void Gaps_EmptyProbe_EveryGapWithASection()
    {
        var facts = new DesignFacts(ExperimentType.Probe, null, null, [], [], EvidenceKinds.None, null, null, []);

        var gaps = DesignChecklist.Gaps(facts);

        Assert.Equal(["no-co-designer", "no-data-plan", "no-reflection-cadence", "no-safe-to-fail", "nobody-could-stop-it"], gaps.Select(g => g.Key).Order());
        Assert.All(gaps, g => Assert.True(ExperimentSections.IsKnown(g.Section)));
    }

    [Fact]
    public void Gaps_DataPlanWithOnlySomeoneGathering_NotAGap() =>
        Assert.DoesNotContain("no-data-plan", Keys(Complete() with { EvidenceKinds = EvidenceKinds.None }));

    [Fact]
    public void Gaps_ProbeWithHypothesis_Prompted() =>
        Assert.Equal(["probe-with-hypothesis"], Keys(Complete() with { Hypothesis = "It will help" }));

    [Theory]
    [InlineData("We expect residents to save money")]
    [InlineData("Shopping together will lead to better diets")]
    [InlineData("If we go together then people buy less")]
    public void Gaps_ProbeWithPredictionAsQuestion_Prompted(string question) =>
        Assert.Equal(["probe-with-prediction"], Keys(Complete() with { InquiryQuestions = ["What do residents notice?", question] }));

    [Theory]
    [InlineData("What happens if we shop together?")]
    [InlineData("What will residents tell us?")]
    public void IsPrediction_OpenQuestion_False(string question) => Assert.False(DesignChecklist.IsPrediction(question));

    [Fact]
    public void Gaps_HypothesisTestWithoutHypothesis_Prompted() =>
        Assert.Equal(["hypothesis-test-incomplete"], Keys(Complete(ExperimentType.HypothesisTest) with { Hypothesis = " " }));

    [Fact]
    public void Gaps_NoOneCouldStopIt_Prompted() =>
        Assert.Equal(["nobody-could-stop-it"], Keys(Complete() with { ParticipantRoles = [ParticipantRoles.CoDesigner | ParticipantRoles.HasEnergy] }));
}
