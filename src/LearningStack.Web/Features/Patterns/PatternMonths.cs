using System.Globalization;
using System.Linq.Expressions;

namespace LearningStack.Web.Features.Patterns;

/// <summary>Months for the "over time" figures. SQLite keeps a date-time-with-offset as a sortable number, which has no month
/// function, so a month is found by comparing with each month's first moment — a CASE that both databases run inside GROUP BY.</summary>
public sealed class PatternMonths
{
    /// <summary>The label of everything before the window.</summary>
    public const string Earlier = "earlier";

    private readonly DateTimeOffset[] _starts;

    /// <param name="count">How many months, ending with the month of <paramref name="now"/>.</param>
    public PatternMonths(DateTimeOffset now, int count = 24)
    {
        var first = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - count);
        _starts = [.. Enumerable.Range(0, count).Select(first.AddMonths)];
    }

    public IReadOnlyList<string> Labels => [.. _starts.Select(Label)];

    public DateOnly FirstDay => DateOnly.FromDateTime(_starts[0].UtcDateTime);

    public static string Label(DateTimeOffset start) => start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Label(int year, int month) => $"{year:D4}-{month:D2}";

    /// <summary>The label of month index <paramref name="index"/> (-1 = earlier).</summary>
    public string LabelOf(int index) => index < 0 ? Earlier : Label(_starts[index]);

    /// <summary>A marker for use inside a query: replaced by <see cref="Expand{T, TKey}"/> with the month index of the moment
    /// (0 = the window's first month, -1 = earlier). Never called.</summary>
    public static int Of(DateTimeOffset at) => throw new InvalidOperationException($"{nameof(PatternMonths)}.{nameof(Of)} is only for queries; use {nameof(Expand)}.");

    /// <summary>The selector with every <see cref="Of"/> replaced by a CASE over the window's month starts.</summary>
    public Expression<Func<T, TKey>> Expand<T, TKey>(Expression<Func<T, TKey>> selector) =>
        (Expression<Func<T, TKey>>)new Expander(_starts).Visit(selector);

    private sealed class Expander(DateTimeOffset[] starts) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(PatternMonths) || node.Method.Name != nameof(Of))
            {
                return base.VisitMethodCall(node);
            }
            var at = Visit(node.Arguments[0]);
            Expression body = Expression.Constant(-1);
            for (var i = 0; i < starts.Length; i++)
            {
                body = Expression.Condition(Expression.GreaterThanOrEqual(at, Expression.Constant(starts[i])), Expression.Constant(i), body);
            }
            return body;
        }
    }
}
