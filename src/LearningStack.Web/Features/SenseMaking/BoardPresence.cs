namespace LearningStack.Web.Features.SenseMaking;

/// <summary>Who has each session's board open now, by connection; a person with several tabs open counts once.</summary>
public sealed class BoardPresence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Dictionary<string, PresentPerson>> _sessions = [];
    private readonly Dictionary<string, HashSet<Guid>> _connections = [];

    /// <summary>Adds the connection to the session; returns who is there now.</summary>
    public IReadOnlyList<PresentPerson> Join(Guid sessionId, string connectionId, PresentPerson person)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var here))
            {
                _sessions[sessionId] = here = [];
            }
            here[connectionId] = person;
            if (!_connections.TryGetValue(connectionId, out var joined))
            {
                _connections[connectionId] = joined = [];
            }
            joined.Add(sessionId);
            return PeopleIn(here);
        }
    }

    /// <summary>Removes the connection from one session; returns who is still there.</summary>
    public IReadOnlyList<PresentPerson> Leave(Guid sessionId, string connectionId)
    {
        lock (_lock)
        {
            _connections.GetValueOrDefault(connectionId)?.Remove(sessionId);
            return Remove(sessionId, connectionId);
        }
    }

    /// <summary>Removes a closed connection from every session it had joined; returns each session with who is still there.</summary>
    public IReadOnlyList<(Guid SessionId, IReadOnlyList<PresentPerson> Present)> Disconnect(string connectionId)
    {
        lock (_lock)
        {
            if (!_connections.Remove(connectionId, out var joined))
            {
                return [];
            }
            return [.. joined.Select(sessionId => (sessionId, (IReadOnlyList<PresentPerson>)Remove(sessionId, connectionId)))];
        }
    }

    public IReadOnlyList<PresentPerson> In(Guid sessionId)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(sessionId, out var here) ? PeopleIn(here) : [];
        }
    }

    private List<PresentPerson> Remove(Guid sessionId, string connectionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var here))
        {
            return [];
        }
        here.Remove(connectionId);
        if (here.Count == 0)
        {
            _sessions.Remove(sessionId);
        }
        return PeopleIn(here);
    }

    private static List<PresentPerson> PeopleIn(Dictionary<string, PresentPerson> here) =>
        [.. here.Values.DistinctBy(p => p.UserId).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
}
