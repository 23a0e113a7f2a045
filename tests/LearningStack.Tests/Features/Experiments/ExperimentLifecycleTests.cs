using LearningStack.Web.Features.Experiments;

namespace LearningStack.Tests.Features.Experiments;

public sealed class ExperimentLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static Experiment New(ExperimentState state = ExperimentState.Designing) => new() { Title = "T", State = state };

    [Theory]
    [InlineData(ExperimentState.Designing, ExperimentState.Reflecting)]
    [InlineData(ExperimentState.Reflecting, ExperimentState.Designing)]
    [InlineData(ExperimentState.Running, ExperimentState.Designing)]
    [InlineData(ExperimentState.Designing, ExperimentState.Running)]
    public void Move_AnyStateToAnyOtherButConcluded_Allowed(ExperimentState from, ExperimentState to)
    {
        var e = New(from);

        Assert.Null(ExperimentLifecycle.Move(e, to, null, null, null, Now));
        Assert.Equal(to, e.State);
    }

    [Fact]
    public void Move_ConcludeWithNothing_ThreeFieldErrorsAndNothingChanged()
    {
        var e = New(ExperimentState.Reflecting);

        var failure = ExperimentLifecycle.Move(e, ExperimentState.Concluded, null, " ", null, Now);

        Assert.Equal(["decision", "learningAboutOrganising", "learningAboutWork"], failure!.Errors!.Keys.Order());
        Assert.Equal((ExperimentState.Reflecting, null), (e.State, e.ConcludedAt));
    }

    [Fact]
    public void Move_ConcludeWithDecisionAndBothLearnings_SetsConcludedAt()
    {
        var e = New(ExperimentState.Reflecting);

        Assert.Null(ExperimentLifecycle.Move(e, ExperimentState.Concluded, ExperimentDecision.Embed, " Work ", "Organising", Now));

        Assert.Equal((ExperimentState.Concluded, ExperimentDecision.Embed, "Work", "Organising", Now),
            (e.State, e.Decision, e.LearningAboutWork, e.LearningAboutOrganising, e.ConcludedAt));
    }

    [Fact]
    public void Move_LeaveConcluded_KeepsDecisionAndLearningClearsConcludedAt()
    {
        var e = New(ExperimentState.Reflecting);
        ExperimentLifecycle.Move(e, ExperimentState.Concluded, ExperimentDecision.Stop, "Work", "Organising", Now);

        Assert.Null(ExperimentLifecycle.Move(e, ExperimentState.Running, null, null, null, Now.AddDays(1)));

        Assert.Equal((ExperimentState.Running, ExperimentDecision.Stop, "Work", "Organising", null),
            (e.State, e.Decision, e.LearningAboutWork, e.LearningAboutOrganising, e.ConcludedAt));
    }

    [Fact]
    public void Move_ConcludeAgainWhileConcluded_KeepsTheFirstConcludedAt()
    {
        var e = New(ExperimentState.Reflecting);
        ExperimentLifecycle.Move(e, ExperimentState.Concluded, ExperimentDecision.Stop, "Work", "Organising", Now);

        ExperimentLifecycle.Move(e, ExperimentState.Concluded, ExperimentDecision.Iterate, "More work", "Organising", Now.AddDays(2));

        Assert.Equal((ExperimentDecision.Iterate, "More work", Now), (e.Decision, e.LearningAboutWork, e.ConcludedAt));
    }
}
