using OpenWxCluster.Grains.Common;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// The account's send lane, idempotency keys and risk control: what every send (text, media, reply, broadcast,
// consult) goes through.
public sealed partial class AccountGrain
{
    private const string RiskControlStatus = "risk control: the upstream refused the send as too frequent (1205); slow down";

    private SendLane? _lane;
    private IdempotentSends? _idempotency;

    private IdempotentSends Idempotency => _idempotency ??= new IdempotentSends(
        () => state.State.Sends.Receipts, _sendOptions.IdempotencyWindow, _sendOptions.IdempotencyCapacity);

    private SendLane Lane => _lane ??= SendLane.For(_sendOptions, metrics, Key);

    /// <summary>
    /// Runs one upstream send in the lane: <paramref name="onSent"/> records its event (and receipt) before the state
    /// write, so both are saved together. With <paramref name="saveFirst"/> false (nothing but the event to keep),
    /// the event is delivered first and the state written only if it must be
    /// (<see cref="Events.EventOutbox.FlushDeliveringFirstAsync"/>). A full lane answers code -7 at once.
    /// </summary>
    private Task<SendReceipt> EnqueueSendAsync(
        string to,
        string? clientMsgId,
        bool broadcast,
        Func<Protocol.WxSession, string, Task<Protocol.WxSendResult>> send,
        Action<Protocol.WxSendResult, SendReceipt> onSent,
        bool saveFirst = true)
    {
        var id = clientMsgId ?? WxIds.NewClientMsgId();
        return Lane.TryRun(to, () => SendNowAsync(to, id, send, onSent, saveFirst), SendGap(broadcast))
            ?? Task.FromResult(new SendReceipt(null, SendCodes.QueueFull, $"send queue full ({_sendOptions.QueueCapacity} waiting), try again later"));
    }

    private async Task<SendReceipt> SendNowAsync(
        string to,
        string clientMsgId,
        Func<Protocol.WxSession, string, Task<Protocol.WxSendResult>> send,
        Action<Protocol.WxSendResult, SendReceipt> onSent,
        bool saveFirst)
    {
        var (receipt, sent) = await SendUpstreamAsync(send, clientMsgId);
        if (sent is not null)
        {
            onSent(sent, receipt);
            await (saveFirst ? FlushEventsAsync() : Outbox.FlushDeliveringFirstAsync());
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
    /// Without a key: a send with a fresh ClientMsgId. With one: as <see cref="IdempotentSends"/>, and a send whose
    /// ClientMsgId derives from the key, so even a send whose receipt was lost with a silo is deduplicated upstream.
    /// </summary>
    private Task<T> IdempotentAsync<T>(string? key, Func<string, Task<T>> send, Func<KeptReceipt, T> fromKept) =>
        key is null
            ? send(WxIds.NewClientMsgId())
            : Idempotency.RunAsync(key, () => send(WxIds.StableClientMsgId("idempotency:" + key)), fromKept);

    /// <summary>Keeps a successful receipt for its key (saved with the send's event).</summary>
    private void KeepReceipt(string key, SendReceipt receipt, string? mediaId = null) => Idempotency.Keep(key, receipt, mediaId);

    /// <summary>The gap this account keeps after a send: start_client's send_interval, else the configured one.</summary>
    private TimeSpan SendGap(bool broadcast)
    {
        var single = state.State.Options.SendInterval ?? _sendOptions.Interval;
        return broadcast && _sendOptions.BroadcastInterval > single ? _sendOptions.BroadcastInterval : single;
    }
}
