using System.Text.RegularExpressions;
using LearningStack.Web.Features.Cycles;

namespace LearningStack.Tests.Features.Cycles;

public sealed partial class DesignQuestionBankTests
{
    public static TheoryData<Stage> Stages => [.. Enum.GetValues<Stage>()];

    public static TheoryData<Stage, ScaleKind> StagesAtGuideScales
    {
        get
        {
            var data = new TheoryData<Stage, ScaleKind>();
            foreach (var stage in Enum.GetValues<Stage>())
            {
                foreach (var kind in Enum.GetValues<ScaleKind>().Where(k => k != ScaleKind.Custom))
                {
                    data.Add(stage, kind);
                }
            }
            return data;
        }
    }

    [Fact]
    public void All_Keys_AreUnique()
    {
        var duplicates = DesignQuestionBank.All.GroupBy(q => q.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void All_Keys_AreLowercaseHyphenatedAndFitTheAnswerColumn()
    {
        Assert.All(DesignQuestionBank.All, q =>
        {
            Assert.Matches(KeyPattern(), q.Key);
            Assert.True(q.Key.Length <= 100, $"{q.Key} is longer than the 100 characters DesignAnswer.QuestionKey holds.");
        });
    }

    [Fact]
    public void All_Questions_HaveTextEndingInAQuestionMark()
    {
        Assert.All(DesignQuestionBank.All, q => Assert.EndsWith("?", q.Text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void All_EveryStage_HasGeneralQuestions(Stage stage)
    {
        Assert.Contains(DesignQuestionBank.All, q => q.Stage == stage && q.ScaleKind is null);
    }

    [Theory]
    [MemberData(nameof(StagesAtGuideScales))]
    public void For_GuideScale_GivesGeneralQuestionsAndThatScalesOwn(Stage stage, ScaleKind kind)
    {
        var questions = DesignQuestionBank.For(stage, kind);

        Assert.All(questions, q => Assert.Equal(stage, q.Stage));
        Assert.All(questions, q => Assert.True(q.ScaleKind is null || q.ScaleKind == kind));
        Assert.Contains(questions, q => q.ScaleKind == kind);
        Assert.Equal(DesignQuestionBank.All.Count(q => q.Stage == stage && q.ScaleKind is null), questions.Count(q => q.ScaleKind is null));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void For_CustomScale_GivesOnlyGeneralQuestions(Stage stage)
    {
        var questions = DesignQuestionBank.For(stage, ScaleKind.Custom);

        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Null(q.ScaleKind));
        Assert.Equal(DesignQuestionBank.All.Count(q => q.Stage == stage && q.ScaleKind is null), questions.Count);
    }

    [Fact]
    public void Find_KnownKey_ReturnsQuestion()
    {
        var question = DesignQuestionBank.Find("understand-purpose-who-sets");

        Assert.NotNull(question);
        Assert.Equal(Stage.UnderstandTheSystem, question.Stage);
    }

    [Fact]
    public void Find_UnknownKey_ReturnsNull()
    {
        Assert.Null(DesignQuestionBank.Find("no-such-question"));
    }

    [GeneratedRegex("^[a-z]+(-[a-z0-9]+)+$")]
    private static partial Regex KeyPattern();
}
