namespace OpenWxCluster.Emulator.Sessions;

/// <summary>
/// Remembers the MsgID given to recent ClientMsgIds so a retried webwxsendmsg gets the same MsgID and is not
/// delivered twice. Bounded: only the last N ClientMsgIds are kept.
/// </summary>
internal sealed class SendDedupe(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Returns the MsgID already given to clientMsgId, or reserves a new one (isNew = true).</summary>
    public (long MsgId, bool IsNew) Reserve(string clientMsgId, Func<long> newId)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue(clientMsgId, out var existing))
            {
                return (existing, false);
            }

            var id = newId();
            _ids[clientMsgId] = id;
            _order.Enqueue(clientMsgId);
            while (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return (id, true);
        }
    }
}
