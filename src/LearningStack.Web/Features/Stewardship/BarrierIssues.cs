using LearningStack.Web.Data;
using LearningStack.Web.Features.Issues;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>A barrier turned into an issue follows the issue: when the issue is closed (anywhere: its page, the API, an import),
/// the barrier is marked addressed with the closing reason; when the issue is opened again, so is the barrier. Runs inside the
/// save that changes the issue (a <see cref="SaveStepInterceptor"/>), before history is written, so the barrier's change has its own history entry and version.</summary>
public static class BarrierIssues
{
    public static string AddressedNote(int number, string? reason) =>
        $"Issue #{number} was closed: {reason ?? "no reason given"}";

    public static string ReopenedNote(int number, string? reason) =>
        $"Issue #{number} was opened again: {reason ?? "no reason given"}";

    internal static async Task ApplyPendingAsync(AppDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Issue>()
            .Where(e => e.State == EntityState.Modified && e.Property(i => i.Status).IsModified &&
                !Equals(e.Property(i => i.Status).OriginalValue, e.Property(i => i.Status).CurrentValue))
            .Select(e => e.Entity)
            .ToDictionary(i => i.Id);
        if (changed.Count == 0)
        {
            return;
        }
        var ids = changed.Keys.ToList();
        var barriers = await db.EnablersBarriers.Where(b => b.IssueId != null && ids.Contains(b.IssueId.Value)).ToListAsync(ct);
        foreach (var barrier in barriers)
        {
            var issue = changed[barrier.IssueId!.Value];
            var status = issue.Status == IssueStatus.Closed ? EnablerStatus.Addressed : EnablerStatus.Open;
            if (barrier.Status == status)
            {
                continue;
            }
            barrier.Status = status;
            barrier.StatusNote = status == EnablerStatus.Addressed ? AddressedNote(issue.Number, issue.StatusReason) : ReopenedNote(issue.Number, issue.StatusReason);
            barrier.UpdatedAt = issue.UpdatedAt;
        }
    }
}
