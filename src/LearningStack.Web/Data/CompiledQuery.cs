using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LearningStack.Web.Data;

/// <summary>A query written once, as an expression of the context and one argument, that runs as an EF Core compiled query
/// (<see cref="EF.CompileAsyncQuery{TContext,TParam1,TResult}(Expression{Func{TContext,TParam1,IQueryable{TResult}}})"/>): no
/// parameter extraction and no query-cache lookup on each run, which is most of EF Core's own time on a small query. The same
/// expression also gives an ordinary <see cref="IQueryable{T}"/> (<see cref="Query"/>) for <c>ToQueryString()</c>, composition and
/// the benchmark's raw twin, so the SQL cannot drift from what is run.
/// <para>EF Core binds a compiled query to the model it first ran with, and one process can hold several models (the tests run a
/// SQLite and a PostgreSQL app side by side), so the query is compiled once per model.</para></summary>
public sealed class CompiledQuery<TParam, TResult>(Expression<Func<AppDbContext, TParam, IQueryable<TResult>>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<AppDbContext, TParam, IAsyncEnumerable<TResult>>> _compiled = new();
    private readonly Func<AppDbContext, TParam, IQueryable<TResult>> _build = query.Compile();

    /// <summary>The query as an <see cref="IQueryable{T}"/>, to print, compose or run the ordinary way.</summary>
    public IQueryable<TResult> Query(AppDbContext db, TParam argument) => _build(db, argument);

    public async Task<List<TResult>> ToListAsync(AppDbContext db, TParam argument, CancellationToken ct = default)
    {
        var run = _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query));
        var rows = new List<TResult>();
        await foreach (var row in run(db, argument).WithCancellation(ct))
        {
            rows.Add(row);
        }
        return rows;
    }
}
