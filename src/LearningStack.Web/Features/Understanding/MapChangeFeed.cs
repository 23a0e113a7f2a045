using System.Collections.Concurrent;
using System.Threading.Channels;

namespace LearningStack.Web.Features.Understanding;

/// <summary>Tells everyone looking at a map what others change, as it happens (served as server-sent events).
/// In-process: with several web instances, sticky sessions keep a map's editors together; a shared backplane would be the next step.</summary>
public sealed class MapChangeFeed
{
    private readonly ConcurrentDictionary<(Guid CycleId, MapKind Map), ConcurrentDictionary<Guid, Channel<MapChange>>> _listeners = new();

    public Subscription Subscribe(Guid cycleId, MapKind map)
    {
        var channel = Channel.CreateBounded<MapChange>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _listeners.GetOrAdd((cycleId, map), _ => new()).TryAdd(id, channel);
        return new Subscription(channel.Reader, () =>
        {
            if (_listeners.TryGetValue((cycleId, map), out var set))
            {
                set.TryRemove(id, out _);
            }
        });
    }

    public void Publish(Guid cycleId, MapKind map, MapChange change)
    {
        if (_listeners.TryGetValue((cycleId, map), out var set))
        {
            foreach (var channel in set.Values)
            {
                channel.Writer.TryWrite(change);
            }
        }
    }

    public int ListenerCount(Guid cycleId, MapKind map) => _listeners.TryGetValue((cycleId, map), out var set) ? set.Count : 0;

    public sealed class Subscription(ChannelReader<MapChange> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<MapChange> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
