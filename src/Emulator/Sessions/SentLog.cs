using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Emulator.Sessions;

/// <summary>The last N messages one account sent (web or phone), for GET /control/accounts/{wxid}/sent.</summary>
internal sealed class SentLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<SentMessageInfo> _items = new();

    public void Add(SentMessageInfo item)
    {
        lock (_gate)
        {
            _items.Enqueue(item);
            while (_items.Count > capacity)
            {
                _items.Dequeue();
            }
        }
    }

    public IReadOnlyList<SentMessageInfo> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }
}
