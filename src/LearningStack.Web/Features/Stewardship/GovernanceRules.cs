using System.Collections.Concurrent;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>The small rules of governing a cycle, kept pure so they can be tested on their own.</summary>
public static class GovernanceRules
{
    /// <summary>Someone without an account is named by their name and their role; null when both are given.</summary>
    public static IReadOnlyDictionary<string, string[]>? NamedMemberErrors(string? name, string? role)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["Give the person's name, or choose a member of the network."];
        }
        if (string.IsNullOrWhiteSpace(role))
        {
            errors["role"] = ["Give the role of someone without an account, for example \"Councillor, chair\" or \"Resident on the panel\"."];
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>A concern is read by the body's members with accounts, and by its sender when they gave their name. Nobody else —
    /// not the cycle's stewards, not the network's stewards — unless they sit on the body.</summary>
    public static bool CanReadConcern(bool isBodyMember, string? senderId, string? userId) =>
        isBodyMember || (senderId is not null && userId is not null && senderId == userId);

    /// <summary>A concern can be raised once the body has at least one member who can sign in and read it.</summary>
    public static bool CanRaiseConcern(bool hasBody, int readers) => hasBody && readers > 0;
}

/// <summary>Guards the concern channel against floods: at most <see cref="Limit"/> concerns per person per hour, counted in memory
/// only (never stored, so an anonymous concern leaves no trace of its sender in the database; forgotten on restart; per instance).</summary>
public sealed class ConcernThrottle(TimeProvider clock, int limit)
{
    public const int DefaultPerHour = 5;

    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    public int Limit { get; } = Math.Max(1, limit);

    /// <summary>True (and counted) when this person may raise another concern now.</summary>
    public bool TryTake(string userId)
    {
        var now = clock.GetUtcNow();
        var times = _sent.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }
            if (times.Count >= Limit)
            {
                return false;
            }
            times.Enqueue(now);
            return true;
        }
    }
}
