using System.ComponentModel.DataAnnotations;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningStack.Web.Features.People;

/// <summary>One kind of task practitioners do in cases ("drive a van", "sort a benefits claim"), from the network's own list,
/// with the team's judgement of how complex it is (<see cref="TaskComplexity"/>). Visits record which tasks were done
/// (<see cref="CaseNoteTask"/>), so the work complexity matrix on a larger cycle's Patterns page builds itself from the work.</summary>
public sealed class CaseTaskType : IHistoried, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower case, single spaced: two tasks cannot differ only in case or spacing.</summary>
    public required string NormalisedName { get; set; }

    /// <summary>1 (anyone after a short briefing) to 5 (specialist, rarely needed skill); see <see cref="TaskComplexity"/>.</summary>
    public int Complexity { get; set; }

    /// <summary>Why the team judged it so.</summary>
    public string? ComplexityNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    Guid IHistoried.HistoryNetworkId => NetworkId;
    Guid? IHistoried.HistoryCycleId => null;
}

/// <summary>A task done on one visit or call. Only ever counted upwards (distinct cases, visits), never listed outside the file.</summary>
public sealed class CaseNoteTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NetworkId { get; set; }
    public Guid CaseFileId { get; set; }
    public Guid CaseNoteId { get; set; }
    public Guid TaskTypeId { get; set; }
}

/// <summary>The complexity scale a team uses to judge each kind of task, in our words.</summary>
public static class TaskComplexity
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public static string Describe(int level) => level switch
    {
        1 => "1 — anyone in the team after a short briefing",
        2 => "2 — routine, with some know-how",
        3 => "3 — needs practice and judgement",
        4 => "4 — needs specialist knowledge",
        5 => "5 — specialist skill, rarely needed",
        _ => level.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A starting list for a network, with the complexity a team would likely begin from (the team changes it).</summary>
    public static IReadOnlyList<(string Name, int Complexity)> Suggested { get; } =
    [
        ("Go shopping together", 1),
        ("Drive a van (move furniture, a food parcel)", 1),
        ("Open and sort letters together", 2),
        ("Sort a benefits claim", 3),
        ("Set up a budget or a bank account", 2),
        ("Negotiate with a creditor", 3),
        ("Arrange a repair with the landlord", 2),
        ("Arrange a medical assessment", 3),
        ("Support at a tribunal or appeal", 4),
        ("Mental health crisis support", 5),
        ("Immigration or legal status advice", 5),
    ];
}

public sealed class CaseTaskTypeConfiguration : IEntityTypeConfiguration<CaseTaskType>
{
    public void Configure(EntityTypeBuilder<CaseTaskType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(CaseTaskInput.NameLength);
        builder.Property(t => t.NormalisedName).HasMaxLength(CaseTaskInput.NameLength);
        builder.Property(t => t.ComplexityNote).HasMaxLength(Limits.Name);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.NetworkId, t.NormalisedName }).IsUnique();
        builder.HasOne<Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CaseNoteTaskConfiguration : IEntityTypeConfiguration<CaseNoteTask>
{
    public void Configure(EntityTypeBuilder<CaseNoteTask> builder)
    {
        builder.HasIndex(t => new { t.CaseNoteId, t.TaskTypeId }).IsUnique();
        builder.HasIndex(t => new { t.TaskTypeId, t.CaseFileId });
        builder.HasIndex(t => t.CaseFileId);
        builder.HasOne<CaseNote>().WithMany().HasForeignKey(t => t.CaseNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseTaskType>().WithMany().HasForeignKey(t => t.TaskTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Adds a task to the network's list, or changes its name or complexity.</summary>
public sealed class CaseTaskInput
{
    public const int NameLength = 120;

    [Required(ErrorMessage = "Name the task, e.g. \"Sort a benefits claim\".")]
    [MaxLength(NameLength, ErrorMessage = "Keep the task's name to 120 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Judge how complex the task is, from 1 to 5.")]
    [Range(TaskComplexity.Lowest, TaskComplexity.Highest, ErrorMessage = "Complexity is from 1 (anyone after a short briefing) to 5 (specialist, rarely needed).")]
    public int? Complexity { get; set; }

    [MaxLength(Limits.Name, ErrorMessage = "Keep the reason to 200 characters.")]
    public string? ComplexityNote { get; set; }

    public int? Version { get; set; }
}

public sealed record CaseTaskView(Guid Id, Guid NetworkId, string Name, int Complexity, string? ComplexityNote, int Version);

/// <summary>A network's task list as its page shows it; <paramref name="SuggestedMissing"/> is how many suggested tasks are not on it yet.</summary>
public sealed record CaseTaskList(Guid NetworkId, string NetworkName, bool CanEdit, IReadOnlyList<CaseTaskView> Tasks, int SuggestedMissing);

public sealed record CaseTaskChange(string Action, string UserName, DateTimeOffset At, IReadOnlyList<Cycles.HistoryText.Change> Changes);

public sealed record CaseTaskDetail(CaseTaskView Task, string NetworkName, bool CanEdit, IReadOnlyList<CaseTaskChange> History);

/// <summary>The network's task list: anyone who can see the network reads it, members add tasks and judge their complexity.</summary>
public sealed class CaseTaskCommands(AppDbContext db, NetworkAccess network, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<CaseTaskView>>> ListAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return await ViewsAsync(db, networkId, ct);
    }

    /// <summary>The task list page: the network, whether the caller may add and change tasks, and the list.</summary>
    public async Task<Outcome<CaseTaskList>> PageAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Observer, ct) is not null)
        {
            return Failure.NotFound;
        }
        var name = await db.Networks.AsNoTracking().Where(n => n.Id == networkId).Select(n => n.Name).FirstAsync(ct);
        var canEdit = await network.RequireAsync(networkId, NetworkRole.Member, ct) is null;
        var tasks = await ViewsAsync(db, networkId, ct);
        var have = tasks.Select(t => LifeThemes.Normalise(t.Name)).ToHashSet();
        return new CaseTaskList(networkId, name, canEdit, tasks, TaskComplexity.Suggested.Count(s => !have.Contains(LifeThemes.Normalise(s.Name))));
    }

    /// <summary>One task with every change made to it, newest first.</summary>
    public async Task<Outcome<CaseTaskDetail>> GetAsync(Guid taskId, CancellationToken ct = default)
    {
        var task = await db.CaseTaskTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || await network.RequireAsync(task.NetworkId, NetworkRole.Observer, ct) is not null)
        {
            return Failure.NotFound;
        }
        var name = await db.Networks.AsNoTracking().Where(n => n.Id == task.NetworkId).Select(n => n.Name).FirstAsync(ct);
        var history = (await db.History.AsNoTracking().Where(h => h.EntityType == nameof(CaseTaskType) && h.EntityId == taskId)
                .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Select(h => new { h.Action, h.UserName, h.At, h.Before, h.After }).ToListAsync(ct))
            .Select(h => new CaseTaskChange(h.Action, h.UserName, h.At, [.. Cycles.HistoryText.Changes(h.Before, h.After)
                .Where(c => ChangeLabels.ContainsKey(c.Field)).Select(c => c with { Field = ChangeLabels[c.Field] })])).ToList();
        return new CaseTaskDetail(new CaseTaskView(task.Id, task.NetworkId, task.Name, task.Complexity, task.ComplexityNote, task.Version), name,
            await network.RequireAsync(task.NetworkId, NetworkRole.Member, ct) is null, history);
    }

    private static readonly Dictionary<string, string> ChangeLabels = new()
    {
        [nameof(CaseTaskType.Name)] = "Name",
        [nameof(CaseTaskType.Complexity)] = "Complexity",
        [nameof(CaseTaskType.ComplexityNote)] = "Why",
    };

    public static async Task<List<CaseTaskView>> ViewsAsync(AppDbContext db, Guid networkId, CancellationToken ct) =>
        await db.CaseTaskTypes.AsNoTracking().Where(t => t.NetworkId == networkId).OrderBy(t => t.Name)
            .Select(t => new CaseTaskView(t.Id, t.NetworkId, t.Name, t.Complexity, t.ComplexityNote, t.Version)).ToListAsync(ct);

    public async Task<Outcome<CaseTaskView>> AddAsync(Guid networkId, CaseTaskInput input, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var normalised = LifeThemes.Normalise(input.Name)!;
        if (await db.CaseTaskTypes.AnyAsync(t => t.NetworkId == networkId && t.NormalisedName == normalised, ct))
        {
            return Failure.Invalid("name", "This task is already on the list.");
        }
        var task = new CaseTaskType
        {
            NetworkId = networkId, Name = input.Name!.Trim(), NormalisedName = normalised, Complexity = input.Complexity!.Value,
            ComplexityNote = string.IsNullOrWhiteSpace(input.ComplexityNote) ? null : input.ComplexityNote.Trim(), CreatedAt = clock.GetUtcNow(),
        };
        db.CaseTaskTypes.Add(task);
        await db.SaveChangesAsync(ct);
        return new CaseTaskView(task.Id, task.NetworkId, task.Name, task.Complexity, task.ComplexityNote, task.Version);
    }

    /// <summary>Adds the suggested tasks that are not on the network's list yet.</summary>
    public async Task<Outcome<IReadOnlyList<CaseTaskView>>> AddSuggestedAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        var have = (await db.CaseTaskTypes.Where(t => t.NetworkId == networkId).Select(t => t.NormalisedName).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var (name, complexity) in TaskComplexity.Suggested.Where(s => !have.Contains(LifeThemes.Normalise(s.Name)!)))
        {
            db.CaseTaskTypes.Add(new CaseTaskType { NetworkId = networkId, Name = name, NormalisedName = LifeThemes.Normalise(name)!, Complexity = complexity, CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);
        return await ViewsAsync(db, networkId, ct);
    }

    public async Task<Outcome<CaseTaskView>> UpdateAsync(Guid taskId, CaseTaskInput input, CancellationToken ct = default)
    {
        var task = await db.CaseTaskTypes.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || await network.RequireAsync(task.NetworkId, NetworkRole.Observer, ct) is not null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(task.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, task, input.Version) is { } stale)
        {
            return stale;
        }
        var normalised = LifeThemes.Normalise(input.Name)!;
        if (normalised != task.NormalisedName && await db.CaseTaskTypes.AnyAsync(t => t.NetworkId == task.NetworkId && t.NormalisedName == normalised, ct))
        {
            return Failure.Invalid("name", "This task is already on the list.");
        }
        task.Name = input.Name!.Trim();
        task.NormalisedName = normalised;
        task.Complexity = input.Complexity!.Value;
        task.ComplexityNote = string.IsNullOrWhiteSpace(input.ComplexityNote) ? null : input.ComplexityNote.Trim();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return new CaseTaskView(task.Id, task.NetworkId, task.Name, task.Complexity, task.ComplexityNote, task.Version);
    }
}

/// <summary>Tags on what matters: short, lower case, single spaced, no repeats.</summary>
public static class CaseTags
{
    public const int MaxTags = 8;

    public static List<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries)
                .Select(LifeThemes.Normalise).OfType<string>()
                .Select(t => t.Length > LifeThemes.MaxLength ? t[..LifeThemes.MaxLength].TrimEnd() : t)
                .Distinct().Take(MaxTags)];
}
