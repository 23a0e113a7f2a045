using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningStack.Web.Data;

/// <summary>Runs one feature's "keep derived rows in step" work inside every save, before anything is written, so what it adds
/// or changes goes out in the same transaction as the change that called for it (the closure table of the cycle tree; barriers
/// following their issues). Registered before the history interceptor, so the step's own changes are historied and versioned.</summary>
public sealed class SaveStepInterceptor(Func<AppDbContext, CancellationToken, Task> step) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            step(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await step(db, cancellationToken);
        }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
