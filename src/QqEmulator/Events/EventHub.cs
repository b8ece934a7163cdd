using System.Collections.Immutable;
using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Events;

/// <summary>The world's sink: fans each event out to the HTTP poster and to every reverse WebSocket connected now.</summary>
public sealed class EventHub(EventPoster poster) : IQqEventSink
{
    private ImmutableArray<IQqEventSink> _sockets = [];

    public void Emit(long selfId, JsonObject evt)
    {
        poster.Emit(selfId, evt);
        foreach (var socket in _sockets)
        {
            socket.Emit(selfId, evt);
        }
    }

    public void Add(IQqEventSink socket) => ImmutableInterlocked.Update(ref _sockets, s => s.Add(socket));

    public void Remove(IQqEventSink socket) => ImmutableInterlocked.Update(ref _sockets, s => s.Remove(socket));
}
