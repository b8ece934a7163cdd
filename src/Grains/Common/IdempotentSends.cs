using OpenWxCluster.Grains.Account;

namespace OpenWxCluster.Grains.Common;

/// <summary>
/// Idempotency keys of an account's sends: a key that already sent answers its kept receipt (within the window), a
/// key whose send is running answers that send, else the send runs. Only successes are kept (by the caller, saved
/// with the send's event): a failed send may be retried. At most <c>capacity</c> keys, the oldest forgotten first.
/// </summary>
public sealed class IdempotentSends(Func<Dictionary<string, KeptReceipt>> receipts, TimeSpan window, int capacity)
{
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> send, Func<KeptReceipt, T> fromKept)
    {
        if (receipts().TryGetValue(key, out var kept) && kept.At + window > DateTimeOffset.UtcNow)
        {
            return fromKept(kept);
        }
        if (_inFlight.TryGetValue(key, out var running) && running is Task<T> same)
        {
            return await same;
        }
        var task = send();
        _inFlight[key] = task;
        try
        {
            return await task;
        }
        finally
        {
            _inFlight.Remove(key);
        }
    }

    /// <summary>Keeps a successful receipt for its key; the oldest keys beyond the capacity are forgotten.</summary>
    public void Keep(string key, SendReceipt receipt, string? mediaId = null)
    {
        var kept = receipts();
        kept[key] = new KeptReceipt(receipt, DateTimeOffset.UtcNow, mediaId);
        if (kept.Count > capacity)
        {
            foreach (var old in kept.OrderBy(k => k.Value.At).Take(kept.Count - capacity).Select(k => k.Key).ToList())
            {
                kept.Remove(old);
            }
        }
    }
}
