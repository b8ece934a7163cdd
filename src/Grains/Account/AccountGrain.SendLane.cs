namespace OpenWxCluster.Grains.Account;

// The account's send lane, idempotency keys and risk control: what every send (text, media, reply, broadcast,
// consult) goes through.
public sealed partial class AccountGrain
{
    private const string RiskControlStatus = "risk control: the upstream refused the send as too frequent (1205); slow down";

    private readonly Dictionary<string, Task> _sendsInFlight = new(StringComparer.Ordinal);
    private SendLane? _lane;

    private SendLane Lane => _lane ??= new SendLane(_sendOptions.QueueCapacity);

    /// <summary>
    /// Runs one upstream send in the lane: <paramref name="onSent"/> records its event (and receipt) before the state
    /// write, so both are saved together. A full lane answers code -7 at once.
    /// </summary>
    private Task<SendReceipt> EnqueueSendAsync(
        string to,
        string? clientMsgId,
        bool broadcast,
        Func<Protocol.WxSession, string, Task<Protocol.WxSendResult>> send,
        Action<Protocol.WxSendResult, SendReceipt> onSent)
    {
        var id = clientMsgId ?? NewClientMsgId();
        return Lane.TryRun(() => SendNowAsync(to, id, send, onSent), SendGap(broadcast))
            ?? Task.FromResult(new SendReceipt(null, SendCodes.QueueFull, $"send queue full ({_sendOptions.QueueCapacity} waiting), try again later"));
    }

    private async Task<SendReceipt> SendNowAsync(
        string to,
        string clientMsgId,
        Func<Protocol.WxSession, string, Task<Protocol.WxSendResult>> send,
        Action<Protocol.WxSendResult, SendReceipt> onSent)
    {
        var (receipt, sent) = await SendUpstreamAsync(send, clientMsgId);
        if (sent is not null)
        {
            onSent(sent, receipt);
            await FlushEventsAsync();
        }
        else if (receipt.Code == SendCodes.RiskControl)
        {
            // Risk control is reported as such: an event (reason, code, target) for whoever watches the account.
            Emit(AccountEvent.EventPost, "risk_control", [EventParam.Of("send_too_frequent"), EventParam.Of(SendCodes.RiskControl), EventParam.Of(to)]);
            await FlushEventsAsync();
        }
        return receipt;
    }

    /// <summary>
    /// Without a key: a send with a fresh ClientMsgId. With one: the kept receipt if the key already sent, the running
    /// send if it is in flight, else a send whose ClientMsgId derives from the key (so even a send whose receipt was
    /// lost with a silo is deduplicated upstream). Only successes are kept: a failed send may be retried.
    /// </summary>
    private async Task<T> IdempotentAsync<T>(string? key, Func<string, Task<T>> send, Func<KeptReceipt, T> fromKept)
    {
        if (key is null)
        {
            return await send(NewClientMsgId());
        }
        if (state.State.Sends.Receipts.TryGetValue(key, out var kept) && kept.At + _sendOptions.IdempotencyWindow > DateTimeOffset.UtcNow)
        {
            return fromKept(kept);
        }
        if (_sendsInFlight.TryGetValue(key, out var running) && running is Task<T> same)
        {
            return await same;
        }
        var task = send(StableClientMsgId("idempotency:" + key));
        _sendsInFlight[key] = task;
        try
        {
            return await task;
        }
        finally
        {
            _sendsInFlight.Remove(key);
        }
    }

    /// <summary>Keeps a successful receipt for its key (saved with the send's event), oldest keys forgotten first.</summary>
    private void KeepReceipt(string key, SendReceipt receipt, string? mediaId = null)
    {
        var kept = state.State.Sends.Receipts;
        kept[key] = new KeptReceipt(receipt, DateTimeOffset.UtcNow, mediaId);
        if (kept.Count > _sendOptions.IdempotencyCapacity)
        {
            foreach (var old in kept.OrderBy(k => k.Value.At).Take(kept.Count - _sendOptions.IdempotencyCapacity).Select(k => k.Key).ToList())
            {
                kept.Remove(old);
            }
        }
    }

    /// <summary>The gap this account keeps after a send: start_client's send_interval, else the configured one.</summary>
    private TimeSpan SendGap(bool broadcast)
    {
        var single = state.State.Options.SendInterval ?? _sendOptions.Interval;
        return broadcast && _sendOptions.BroadcastInterval > single ? _sendOptions.BroadcastInterval : single;
    }
}
