using LearningStack.Web.Platform;

namespace LearningStack.Web.Features.Experiments;

/// <summary>Moving an experiment between states. Any state may go to any other (going back to designing after a false start is
/// normal). Concluding asks for the decision and what was learned, about the work and about how we organise; reopening keeps
/// that text, so nothing learned is lost.</summary>
public static class ExperimentLifecycle
{
    /// <summary>Applies the move to <paramref name="experiment"/>, or returns field errors and changes nothing.</summary>
    public static Failure? Move(Experiment experiment, ExperimentState to, ExperimentDecision? decision, string? learningAboutWork,
        string? learningAboutOrganising, DateTimeOffset now)
    {
        var work = Clean(learningAboutWork);
        var organising = Clean(learningAboutOrganising);
        if (to == ExperimentState.Concluded)
        {
            var errors = new Dictionary<string, string[]>();
            if (decision is null)
            {
                errors["decision"] = ["Say what you decided: iterate, embed or stop. Stopping is a decision too, and worth sharing."];
            }
            if (work is null)
            {
                errors["learningAboutWork"] = ["Write what you learned about the work itself, even if it is that the idea did not help."];
            }
            if (organising is null)
            {
                errors["learningAboutOrganising"] = ["Write what you learned about how we organise and support this work."];
            }
            if (errors.Count > 0)
            {
                return Failure.Invalid(errors);
            }
        }
        if (decision is not null)
        {
            experiment.Decision = decision;
        }
        if (work is not null)
        {
            experiment.LearningAboutWork = work;
        }
        if (organising is not null)
        {
            experiment.LearningAboutOrganising = organising;
        }
        if (to == ExperimentState.Concluded)
        {
            if (experiment.State != ExperimentState.Concluded || experiment.ConcludedAt is null)
            {
                experiment.ConcludedAt = now;
            }
        }
        else
        {
            experiment.ConcludedAt = null;
        }
        experiment.State = to;
        return null;
    }

    /// <summary>Plain words for a state, for pages.</summary>
    public static string Label(ExperimentState state) => state switch
    {
        ExperimentState.Designing => "Designing",
        ExperimentState.Running => "Running",
        ExperimentState.Reflecting => "Reflecting",
        ExperimentState.Concluded => "Concluded",
        _ => state.ToString(),
    };

    /// <summary>Plain words for a decision; stopping is shown as learning, never as failure.</summary>
    public static string Label(ExperimentDecision decision) => decision switch
    {
        ExperimentDecision.Iterate => "Try another round",
        ExperimentDecision.Embed => "Make it how we work",
        ExperimentDecision.Stop => "Stop, and keep what we learned",
        _ => decision.ToString(),
    };

    public static string Label(PermissionStatus status) => status switch
    {
        PermissionStatus.NoneNeeded => "None needed",
        PermissionStatus.Asked => "Asked, waiting to hear",
        PermissionStatus.Granted => "Given",
        PermissionStatus.Refused => "Refused",
        _ => status.ToString(),
    };

    public static string Label(ExperimentType type) => type == ExperimentType.HypothesisTest ? "Hypothesis test" : "Probe";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
