using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Sending text through webwxsendmsg: every send of the account passes its send lane (order, pacing, a bounded
// queue); idempotency keys answer a repeated call with the first send's receipt.
public sealed partial class AccountGrain
{
    private readonly Dictionary<string, Task<SendReceipt>> _sendsInFlight = new(StringComparer.Ordinal);
    private SendLane? _lane;

    private SendLane Lane => _lane ??= new SendLane(_sendOptions.QueueCapacity);

    public async Task<SendReceipt> SendFriendTextAsync(FriendLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refuse(content) is { } refusal)
        {
            return refusal;
        }
        var friend = await Friends.FindAsync(lookup);
        return friend is null
            ? new SendReceipt(null, SendCodes.ObjectNotFound, "object not found")
            : await IdempotentAsync(idempotencyKey, clientMsgId => SendTextAsync(friend.Id, content, friend, group: null, clientMsgId, idempotencyKey));
    }

    public async Task<SendReceipt> SendGroupTextAsync(GroupLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refuse(content) is { } refusal)
        {
            return refusal;
        }
        var group = await Groups.FindAsync(lookup);
        return group is null
            ? new SendReceipt(null, SendCodes.ObjectNotFound, "object not found")
            : await IdempotentAsync(idempotencyKey, clientMsgId => SendTextAsync(group.Id, content, receiver: null, group, clientMsgId, idempotencyKey));
    }

    public async Task<SendReceipt> SendReplyAsync(ReplyRequest request)
    {
        if (Refuse(request.Content) is { } refusal)
        {
            return refusal;
        }
        var clientMsgId = StableClientMsgId(request.Key);
        if (request.ToGroup)
        {
            var group = (await Groups.GetByIdsAsync([request.TargetId])).FirstOrDefault();
            return group is null
                ? new SendReceipt(null, SendCodes.ObjectNotFound, "object not found")
                : await SendTextAsync(group.Id, request.Content, receiver: null, group, clientMsgId);
        }
        var friend = (await Friends.GetByIdsAsync([request.TargetId])).FirstOrDefault();
        return friend is null
            ? new SendReceipt(null, SendCodes.ObjectNotFound, "object not found")
            : await SendTextAsync(friend.Id, request.Content, friend, group: null, clientMsgId);
    }

    /// <summary>
    /// A ClientMsgId (17 digits, like Mojo's) derived from the key: a reply retried after a failure carries the same
    /// id, so the upstream delivers it once.
    /// </summary>
    internal static string StableClientMsgId(string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        var number = BitConverter.ToUInt64(hash, 0) % 100_000_000_000_000_000UL;
        return number.ToString("D17", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Mojo's ClientMsgId/LocalID: ms epoch + 4 random digits.</summary>
    private static string NewClientMsgId() => $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}{Random.Shared.Next(10000):D4}";

    private SendReceipt? Refuse(string content)
    {
        if (_machine.State != ClientState.Running || _session is null)
        {
            return new SendReceipt(null, SendCodes.NotRunning, $"client is not running (state: {_machine.State.ToWire()})");
        }
        return string.IsNullOrEmpty(content) ? new SendReceipt(null, SendCodes.Failure, "content missing") : null;
    }

    /// <summary>
    /// Without a key: a send with a fresh ClientMsgId. With one: the kept receipt if the key already sent, the running
    /// send if it is in flight, else a send whose ClientMsgId derives from the key (so even a send whose receipt was
    /// lost with a silo is deduplicated upstream). Only successes are kept: a failed send may be retried.
    /// </summary>
    private async Task<SendReceipt> IdempotentAsync(string? key, Func<string, Task<SendReceipt>> send)
    {
        if (key is null)
        {
            return await send(NewClientMsgId());
        }
        var kept = state.State.Sends.Receipts;
        if (kept.TryGetValue(key, out var receipt) && receipt.At + _sendOptions.IdempotencyWindow > DateTimeOffset.UtcNow)
        {
            return receipt.Receipt;
        }
        if (_sendsInFlight.TryGetValue(key, out var running))
        {
            return await running;
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
    private void KeepReceipt(string key, SendReceipt receipt)
    {
        var kept = state.State.Sends.Receipts;
        kept[key] = new KeptReceipt(receipt, DateTimeOffset.UtcNow);
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
        var single = state.State.Options.Parameters.TryGetValue("send_interval", out var text)
            && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : _sendOptions.Interval;
        return broadcast && _sendOptions.BroadcastInterval > single ? _sendOptions.BroadcastInterval : single;
    }

    private Task<SendReceipt> SendTextAsync(
        string to, string content, ContactInfo? receiver, GroupInfo? group, string? clientMsgId = null, string? idempotencyKey = null,
        bool broadcast = false)
    {
        var id = clientMsgId ?? NewClientMsgId();
        return Lane.TryRun(() => SendNowAsync(to, content, receiver, group, id, idempotencyKey), SendGap(broadcast))
            ?? Task.FromResult(new SendReceipt(null, SendCodes.QueueFull, $"send queue full ({_sendOptions.QueueCapacity} waiting), try again later"));
    }

    private async Task<SendReceipt> SendNowAsync(
        string to, string content, ContactInfo? receiver, GroupInfo? group, string clientMsgId, string? idempotencyKey)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = _session;
            if (session is null)
            {
                return new SendReceipt(clientMsgId, SendCodes.NotRunning, "client is not running");
            }
            try
            {
                // The same ClientMsgId on every retry lets the server dedupe.
                var sent = await driver.SendTextAsync(session, to, content, clientMsgId, CancellationToken.None);
                var receipt = new SendReceipt(sent.MojoId, SendCodes.Success, "success");
                EmitSent(sent.MojoId, to, content, receiver, group);
                if (idempotencyKey is not null)
                {
                    KeepReceipt(idempotencyKey, receipt);
                }
                await FlushEventsAsync();
                return receipt;
            }
            catch (WxRetException e) when (e.Ret == SendCodes.RiskControl)
            {
                return await RiskControlAsync(clientMsgId, to);
            }
            catch (WxRetException e)
            {
                return new SendReceipt(clientMsgId, e.Ret, string.IsNullOrEmpty(e.ErrMsg) ? "unknown error" : e.ErrMsg);
            }
            catch (WxTransportException) when (attempt < _options.SendAttempts)
            {
                // retried with the same ClientMsgId
            }
            catch (WxTransportException)
            {
                return new SendReceipt(clientMsgId, SendCodes.Failure, "unknown error");
            }
        }
    }

    /// <summary>
    /// Ret 1205 is the upstream's risk control, not a generic failure: a typed code and text for the caller, and a
    /// <c>risk_control</c> event (reason, code, target) for whoever watches the account.
    /// </summary>
    private async Task<SendReceipt> RiskControlAsync(string clientMsgId, string to)
    {
        Emit(AccountEvent.EventPost, "risk_control", [EventParam.Of("send_too_frequent"), EventParam.Of(SendCodes.RiskControl), EventParam.Of(to)]);
        await FlushEventsAsync();
        return new SendReceipt(clientMsgId, SendCodes.RiskControl, "risk control: the upstream refused the send as too frequent (1205); slow down");
    }

    private void EmitSent(string id, string to, string content, ContactInfo? receiver, GroupInfo? group)
    {
        var self = state.State.User;
        var message = new ChatMessage
        {
            Id = id,
            Time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Content = content,
            Type = group is null ? "friend_message" : "group_message",
            Class = "send",
            Format = "text",
            Source = "local",
            From = "api",
            SenderId = self?.Id,
            Sender = self?.DisplayName,
            SenderName = self?.Name,
            SenderAccount = self?.Account,
            ReceiverId = group is null ? to : null,
            Receiver = receiver?.DisplayName,
            ReceiverName = receiver?.Name,
            ReceiverAccount = receiver?.Account,
            ReceiverMarkname = receiver?.Markname,
            GroupId = group?.Id,
            Group = group?.DisplayName,
            GroupName = group?.Name,
        };
        Emit(AccountEvent.SendMessage, null, [], message);
    }
}
