using Microsoft.EntityFrameworkCore;
using LearningStack.Web.Features.Cycles;

namespace LearningStack.Tests.Features.Cycles;

public sealed class HistoryTextTests
{
    [Fact]
    public void Describe_EveryHistoriedEntity_HasWordsOfItsOwn()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<LearningStack.Web.Data.SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new LearningStack.Web.Data.SqliteAppDbContext(options);
        var historied = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(LearningStack.Web.Platform.IHistoried).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(historied);
        Assert.All(historied, t => Assert.NotEqual(t.Name, HistoryText.Describe(t.Name)));
    }

    [Fact]
    public void Changes_Updated_ListsOnlyChangedVisibleFields()
    {
        var changes = HistoryText.Changes(
            """{"Id":"a","Name":"Team","Purpose":"Old","Kind":"StandingBody","UpdatedAt":"x"}""",
            """{"Id":"a","Name":"Team","Purpose":"New","Kind":"StandingBody","UpdatedAt":"y"}""");

        var change = Assert.Single(changes);
        Assert.Equal(("Purpose", "Old", "New"), (change.Field, change.Before, change.After));
    }

    [Fact]
    public void Changes_Created_ListsFilledFieldsAndHidesIds()
    {
        var changes = HistoryText.Changes(null, """{"Id":"a","CycleId":"b","Text":"Note","Stage":null,"Date":"2026-11-20"}""");

        Assert.Equal(["Date", "Text"], changes.Select(c => c.Field).Order());
    }

    [Fact]
    public void Changes_Deleted_KeepsTheOldValues()
    {
        var change = Assert.Single(HistoryText.Changes("""{"Direction":"Vertical"}""", null));

        Assert.Equal(("Direction", "Vertical", ""), (change.Field, change.Before, change.After));
    }
}
