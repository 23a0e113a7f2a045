using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Features.Experiments;

namespace LearningStack.Tests.Features.Experiments;

/// <summary>The experiment calendar: starts, review points, planned ends and countermeasure reviews, within a range.</summary>
public abstract class ExperimentCalendarApiTests(AppFactory app)
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Fact]
    public async Task NetworkCalendar_Range_OnlyDatesInsideInDateOrder()
    {
        var (network, cycle, experimentId) = await CountermeasureTestData.ExperimentAsync(app, "Home visits",
            startsOn: Day, reviewPoints: [Day.AddDays(14), Day.AddDays(60)], plannedEndOn: Day.AddDays(90));
        var other = await network.Member.CreateCycleAsync(network.Id, network.Scale(2), "Council finance");
        await CountermeasureTestData.AddExperimentAsync(app, network.Id, other.Id, "Budget circles", startsOn: Day.AddDays(1));
        await network.Member.CreatedIdAsync($"/api/experiments/{experimentId}/countermeasures",
            new { rule = "Three contacts", instead = "Open", agreedByName = "Head of service", from = Day, reviewOn = Day.AddDays(20) });

        var calendar = await network.Observer.GetAsync<ExperimentCalendarView>($"{network.Url}/experiment-calendar?from={Day:yyyy-MM-dd}&to={Day.AddDays(30):yyyy-MM-dd}");

        Assert.Equal(
            [
                (Day, CalendarItemKind.Start, "Home visits", "Debt advice team"),
                (Day.AddDays(1), CalendarItemKind.Start, "Budget circles", "Council finance"),
                (Day.AddDays(14), CalendarItemKind.ReviewPoint, "Home visits", "Debt advice team"),
                (Day.AddDays(20), CalendarItemKind.CountermeasureReview, "Home visits", "Debt advice team"),
            ],
            calendar.Items.Select(i => (i.Date, i.Kind, i.ExperimentTitle, i.CycleName)));
        Assert.Equal((Day, Day.AddDays(30)), (calendar.From, calendar.To));
        _ = cycle;
    }

    [Fact]
    public async Task CycleCalendar_OtherCyclesLeftOut()
    {
        var (network, cycle, _) = await CountermeasureTestData.ExperimentAsync(app, "Home visits", startsOn: Day, plannedEndOn: Day.AddDays(10));
        var other = await network.Member.CreateCycleAsync(network.Id, network.Scale(2), "Council finance");
        await CountermeasureTestData.AddExperimentAsync(app, network.Id, other.Id, "Budget circles", startsOn: Day);

        var calendar = await network.Observer.GetAsync<ExperimentCalendarView>($"/api/cycles/{cycle.Id}/experiment-calendar?from={Day:yyyy-MM-dd}&to={Day.AddDays(30):yyyy-MM-dd}");

        Assert.Equal([CalendarItemKind.Start, CalendarItemKind.PlannedEnd], calendar.Items.Select(i => i.Kind));
        Assert.Equal("Debt advice team", calendar.CycleName);
    }

    [Fact]
    public async Task NetworkCalendar_NoRange_ThisMonthAndTheNextTwo()
    {
        var network = await app.NewNetworkAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);

        var calendar = await network.Observer.GetAsync<ExperimentCalendarView>($"{network.Url}/experiment-calendar");

        Assert.Equal(CalendarCommands.DefaultRange(today), (calendar.From, calendar.To));
        Assert.Empty(calendar.Items);
    }

    [Fact]
    public async Task NetworkCalendar_EndBeforeStart_FieldError()
    {
        var network = await app.NewNetworkAsync();

        using var response = await network.Observer.GetAsync($"{network.Url}/experiment-calendar?from=2026-05-01&to=2026-04-01");

        await response.ShouldBeInvalidAsync("to");
    }
}

public sealed class ExperimentCalendarApiSqliteTests(SqliteAppFactory app) : ExperimentCalendarApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ExperimentCalendarApiPostgresTests(PostgresAppFactory app) : ExperimentCalendarApiTests(app), IClassFixture<PostgresAppFactory>;
