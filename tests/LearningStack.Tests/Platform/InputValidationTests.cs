using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;

namespace LearningStack.Tests.Platform;

public sealed class InputValidationTests
{
    [Fact]
    public void Check_ValidInput_ReturnsNull()
    {
        Assert.Null(InputValidation.Check(new NetworkInput { Name = "Gateshead", Description = "Debt and welfare" }));
    }

    [Fact]
    public void Check_NameAtLimit_IsValid()
    {
        Assert.Null(InputValidation.Check(new NetworkInput { Name = new string('a', Limits.Name) }));
    }

    [Fact]
    public void Check_NameOverLimit_ErrorKeyedCamelCase()
    {
        var failure = InputValidation.Check(new NetworkInput { Name = new string('a', Limits.Name + 1) });

        Assert.NotNull(failure);
        Assert.Equal(OutcomeStatus.Invalid, failure.Status);
        Assert.Equal(["name"], failure.Errors!.Keys);
        Assert.Equal(["The name can be at most 200 characters."], failure.Errors["name"]);
    }

    [Fact]
    public void Check_EmptyRequiredName_ErrorForName()
    {
        var failure = InputValidation.Check(new NetworkInput { Name = "" });

        Assert.NotNull(failure);
        Assert.Contains("name", failure.Errors!.Keys);
    }

    [Fact]
    public void Check_LongTextAtLimit_IsValid()
    {
        Assert.Null(InputValidation.Check(new CycleInput { ScaleId = Guid.NewGuid(), Name = "Team", Purpose = new string('p', Limits.LongText) }));
    }

    [Fact]
    public void Check_SeveralProblems_ReportsEachFieldInCamelCase()
    {
        var failure = InputValidation.Check(new CycleInput
        {
            ScaleId = null,
            Name = "",
            Purpose = new string('p', Limits.LongText + 1),
            Boundary = new string('b', Limits.LongText + 1),
        });

        Assert.NotNull(failure);
        Assert.Equal(["boundary", "name", "purpose", "scaleId"], failure.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    public void Check_BadEmail_ErrorForEmail(string email)
    {
        var failure = InputValidation.Check(new InvitationInput { Email = email });

        Assert.NotNull(failure);
        Assert.Contains("email", failure.Errors!.Keys);
    }

    [Fact]
    public void Check_RoleOutsideEnum_ErrorForRole()
    {
        var failure = InputValidation.Check(new MemberRoleInput { Role = (NetworkRole)42 });

        Assert.NotNull(failure);
        Assert.Contains("role", failure.Errors!.Keys);
    }

    [Theory]
    [InlineData("ScaleId", "scaleId")]
    [InlineData("Name", "name")]
    [InlineData("X", "x")]
    [InlineData("", "")]
    public void JsonName_PropertyName_IsCamelCase(string member, string expected)
    {
        Assert.Equal(expected, InputValidation.JsonName(member));
    }
}
