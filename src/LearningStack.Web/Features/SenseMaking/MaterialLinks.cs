using LearningStack.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>The materials of sessions, each with the page it lives on: an experiment, evidence on its experiment's page, a
/// reflection on its pod's page, or one of the cycle's maps. Shared by the session page and the live board.</summary>
public static class MaterialLinks
{
    public static async Task<List<MaterialView>> ListAsync(AppDbContext db, List<Guid> sessionIds, CancellationToken ct)
    {
        var materials = await db.SessionMaterials.AsNoTracking().Where(m => sessionIds.Contains(m.SessionId)).ToListAsync(ct);
        var evidenceIds = materials.Where(m => m.Kind == MaterialKind.Evidence).Select(m => m.TargetId).ToList();
        var reflectionIds = materials.Where(m => m.Kind == MaterialKind.PodReflection).Select(m => m.TargetId).ToList();
        var evidence = evidenceIds.Count == 0 ? [] : await db.Evidence.AsNoTracking().Where(e => evidenceIds.Contains(e.Id))
            .Select(e => new { e.Id, e.ExperimentId }).ToDictionaryAsync(e => e.Id, e => e.ExperimentId, ct);
        var pods = reflectionIds.Count == 0 ? [] : await db.PodReflections.AsNoTracking().Where(r => reflectionIds.Contains(r.Id))
            .Select(r => new { r.Id, r.PodId }).ToDictionaryAsync(r => r.Id, r => r.PodId, ct);
        return [.. materials.OrderBy(m => m.Kind).ThenBy(m => m.AddedAt).Select(m => new MaterialView(m.Id, m.Kind, m.TargetId, m.MapKind, m.Title, m.Kind switch
        {
            MaterialKind.Experiment => $"/experiments/{m.TargetId}",
            MaterialKind.Evidence => evidence.TryGetValue(m.TargetId, out var experimentId) ? $"/experiments/{experimentId}#evidence" : $"/cycles/{m.CycleId}",
            MaterialKind.PodReflection => pods.TryGetValue(m.TargetId, out var podId) ? $"/pods/{podId}" : $"/cycles/{m.CycleId}",
            _ => $"/cycles/{m.CycleId}/{SessionText.MapPath(m.MapKind ?? "process")}",
        }, m.AddedAt))];
    }
}
