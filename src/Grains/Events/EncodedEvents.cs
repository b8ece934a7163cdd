using Orleans.Serialization;

namespace OpenWxCluster.Grains.Events;

/// <summary>
/// A grain's bounded list of events whose persisted form is each event's bytes, encoded once when it is added. A
/// state write then copies the bytes of the events it holds instead of encoding all of them again: with check_event's
/// 20 events, re-encoding the list on every accepted event was 10 % of a send's silo CPU in the throughput bench's
/// profile. The decoded events stay in memory beside their bytes, in the same order.
/// </summary>
public sealed class EncodedEvents
{
    private readonly Serializer<AccountEvent> _serializer;
    private readonly List<byte[]> _stored;
    private readonly List<AccountEvent> _events;

    /// <param name="stored">The state's list of encoded events; this class keeps it in step with the events.</param>
    public EncodedEvents(Serializer<AccountEvent> serializer, List<byte[]> stored)
    {
        _serializer = serializer;
        _stored = stored;
        _events = stored.ConvertAll(bytes => serializer.Deserialize(bytes)!);
        Bytes = stored.Sum(b => b.Length);
    }

    public int Count => _events.Count;

    /// <summary>Bytes of the encoded events, as a state write copies them.</summary>
    public int Bytes { get; private set; }

    /// <summary>The events, oldest first.</summary>
    public IReadOnlyList<AccountEvent> Events => _events;

    public void Add(AccountEvent e) => Add(e, _serializer.SerializeToArray(e));

    /// <summary>Adds an event already encoded by the same serializer.</summary>
    public void Add(AccountEvent e, byte[] encoded)
    {
        _stored.Add(encoded);
        _events.Add(e);
        Bytes += encoded.Length;
    }

    /// <summary>Removes the events up to sequence <paramref name="seq"/> (events are in sequence order); how many went.</summary>
    public int RemoveUpTo(long seq)
    {
        var count = 0;
        while (count < _events.Count && _events[count].Seq <= seq)
        {
            count++;
        }
        RemoveOldest(count);
        return count;
    }

    public void RemoveOldest(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Bytes -= _stored[i].Length;
        }
        _events.RemoveRange(0, count);
        _stored.RemoveRange(0, count);
    }
}
