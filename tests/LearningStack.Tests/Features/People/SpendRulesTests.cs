using LearningStack.Web.Features.People;

namespace LearningStack.Tests.Features.People;

/// <summary>How the spend log adds up and writes money, without a database.</summary>
public sealed class SpendRulesTests
{
    private static readonly Guid Furniture = Guid.NewGuid(), Food = Guid.NewGuid();

    [Fact]
    public void Summarise_TwoCurrencies_SeparateTotalsLargestNeedFirstAndEmptyMonthsKept()
    {
        SpendFigure[] figures =
        [
            new(new DateOnly(2026, 1, 31), 100m, "GBP", Furniture, "Furniture"),
            new(new DateOnly(2026, 3, 1), 33.33m, "GBP", Food, "Food"),
            new(new DateOnly(2026, 3, 9), 66.67m, "GBP", Furniture, "Furniture"),
            new(new DateOnly(2026, 2, 2), 10m, "EUR", Food, "Food"),
        ];

        var summary = SpendRules.Summarise(figures);

        Assert.Equal(["GBP", "EUR"], summary.Select(s => s.Currency));
        var gbp = summary[0];
        Assert.Equal((200m, 3), (gbp.Amount, gbp.Count));
        Assert.Equal([("Furniture", 166.67m, 83), ("Food", 33.33m, 17)], gbp.Categories.Select(c => (c.Category, c.Amount, c.SharePercent)));
        Assert.Equal([("2026-01", 100m), ("2026-02", 0m), ("2026-03", 100m)], gbp.Months.Select(m => (m.Month, m.Amount)));
        Assert.Empty(gbp.Months[1].ByCategory);
    }

    [Fact]
    public void Summarise_Nothing_NoCurrencies() => Assert.Empty(SpendRules.Summarise([]));

    [Theory]
    [InlineData("2026-03", "2026-03-01", "2026-03-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    public void ParseMonth_YearMonth_FirstAndLastDay(string month, string from, string to)
    {
        var range = SpendRules.ParseMonth(month);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), range);
    }

    [Theory]
    [InlineData("March")]
    [InlineData("2026-13")]
    [InlineData("")]
    public void ParseMonth_NotAMonth_Null(string month) => Assert.Null(SpendRules.ParseMonth(month));

    [Theory]
    [InlineData(1240, "GBP", "£1,240.00")]
    [InlineData(12.5, "EUR", "€12.50")]
    [InlineData(3, "CHF", "3.00 CHF")]
    public void Money_Currency_WrittenPlainly(decimal amount, string currency, string expected) => Assert.Equal(expected, SpendRules.Money(amount, currency));

    [Fact]
    public void ShareText_Category_PlainWords() =>
        Assert.Equal("furniture: £1,240.00, 31% of spend in 2026",
            SpendRules.ShareText(new CategoryTotal(Furniture, "furniture", 1240m, 4, 31), "GBP", "in 2026"));

    [Theory]
    [InlineData(12.5, true)]
    [InlineData(12.345, false)]
    public void IsWholePence_DecimalPlaces(decimal amount, bool expected) => Assert.Equal(expected, SpendRules.IsWholePence(amount));
}
