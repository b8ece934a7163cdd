using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Sending text through webwxsendmsg. Every send (text or media) passes the account's send lane (order, pacing, a
// bounded queue, see AccountGrain.SendLane.cs); idempotency keys answer a repeated call with the first receipt.
public sealed partial class AccountGrain
{
    public async Task<SendReceipt> SendFriendTextAsync(FriendLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refuse(content) is { } refusal)
        {
            return refusal;
        }
        var friend = await Contacts.FindFriendAsync(lookup);
        return friend is null
            ? new SendReceipt(null, SendCodes.ObjectNotFound, "object not found")
            : await IdempotentAsync(idempotencyKey, clientMsgId => SendTextAsync(friend.Id, content, friend, group: null, clientMsgId, idempotencyKey), Kept);
    }

    public async Task<SendReceipt> SendGroupTextAsync(GroupLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refuse(content) is { } refusal)
        {
            return refusal;
        }
        var group = await Contacts.FindGroupAsync(lookup);
        return group is null
            ? new SendReceipt(null, SendCodes.ObjectNotFound, "object not found")
            : await IdempotentAsync(idempotencyKey, clientMsgId => SendTextAsync(group.Id, content, receiver: null, group, clientMsgId, idempotencyKey), Kept);
    }

    public async Task<SendReceipt> SendReplyAsync(ReplyRequest request)
    {
        if (Refuse(string.IsNullOrEmpty(request.Content) && request.MediaUrl is not null ? "media" : request.Content) is { } refusal)
        {
            return refusal;
        }
        ContactInfo? friend = null;
        GroupInfo? group = null;
        if (request.ToGroup)
        {
            group = (await Contacts.GroupsByIdsAsync([request.TargetId])).FirstOrDefault();
        }
        else
        {
            friend = (await Contacts.FriendsByIdsAsync([request.TargetId])).FirstOrDefault();
        }
        var to = group?.Id ?? friend?.Id;
        if (to is null)
        {
            return new SendReceipt(null, SendCodes.ObjectNotFound, "object not found");
        }
        var text = string.IsNullOrEmpty(request.Content)
            ? null
            : await SendTextAsync(to, request.Content, friend, group, WxIds.StableClientMsgId(request.Key));
        return request.MediaUrl is null ? text! : await SendReplyMediaAsync(request, to, friend, group, text);
    }

    /// <summary>
    /// Openwx's <c>media</c> reply: the URL is fetched under the webhooks' destination policy (a stateless worker),
    /// then sent with a ClientMsgId derived from the reply's key, so a retried reply is delivered once.
    /// </summary>
    private async Task<SendReceipt> SendReplyMediaAsync(ReplyRequest request, string to, ContactInfo? friend, GroupInfo? group, SendReceipt? text)
    {
        var fetched = await GrainFactory.GetGrain<IMediaFetchGrain>(0).FetchAsync(request.MediaUrl!);
        if (fetched.Upload is not { } upload)
        {
            return text ?? new SendReceipt(null, SendCodes.Failure, fetched.Status);
        }
        var media = await SendMediaAsync(
            to, new OutgoingMedia(upload, null), friend, group, WxIds.StableClientMsgId(request.Key + ":media"), idempotencyKey: null);
        return text is { Code: not SendCodes.Success } ? text : new SendReceipt(media.Id, media.Code, media.Status);
    }

    private static SendReceipt Kept(KeptReceipt kept) => kept.Receipt;

    private SendReceipt? Refuse(string content)
    {
        if (_machine.State != ClientState.Running || _session is null)
        {
            return new SendReceipt(null, SendCodes.NotRunning, StatusTexts.NotRunning(_machine.State), _machine.State);
        }
        return string.IsNullOrEmpty(content) ? new SendReceipt(null, SendCodes.Failure, StatusTexts.ContentMissing) : null;
    }

    /// <summary>Queues a text send in the lane; its event is delivered (and saved with the idempotency receipt, if any).</summary>
    private Task<SendReceipt> SendTextAsync(
        string to, string content, ContactInfo? receiver, GroupInfo? group, string? clientMsgId = null, string? idempotencyKey = null,
        bool broadcast = false) =>
        EnqueueSendAsync(
            to,
            clientMsgId,
            broadcast,
            (session, id) => driver.SendTextAsync(session, to, content, id, CancellationToken.None),
            (sent, receipt) =>
            {
                EmitSent(sent.MojoId, to, content, receiver, group);
                if (idempotencyKey is not null)
                {
                    KeepReceipt(idempotencyKey, receipt);
                }
            },
            // A kept receipt and a broadcast's progress must be saved with the event; a plain send has only its event.
            saveFirst: idempotencyKey is not null || broadcast);

    /// <summary>
    /// The one path that sends a message upstream (text or media): Mojo's ClientMsgId, transport retries with the
    /// same id, Ret ≠ 0 as Mojo's code and ErrMsg, 1205 as typed risk control. <c>Sent</c> is null unless the upstream
    /// took the message.
    /// </summary>
    private async Task<(SendReceipt Receipt, WxSendResult? Sent)> SendUpstreamAsync(
        Func<WxSession, string, Task<WxSendResult>> send, string clientMsgId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = _session;
            if (session is null)
            {
                return (new SendReceipt(clientMsgId, SendCodes.NotRunning, "client is not running"), null);
            }
            try
            {
                // The same ClientMsgId on every retry lets the server dedupe.
                var sent = await send(session, clientMsgId);
                return (new SendReceipt(sent.MojoId, SendCodes.Success, "success"), sent);
            }
            catch (WxRetException e) when (e.Ret == SendCodes.RiskControl)
            {
                return (new SendReceipt(clientMsgId, SendCodes.RiskControl, RiskControlStatus), null);
            }
            catch (WxRetException e)
            {
                return (new SendReceipt(clientMsgId, e.Ret, string.IsNullOrEmpty(e.ErrMsg) ? "unknown error" : e.ErrMsg), null);
            }
            catch (WxTransportException) when (attempt < _options.SendAttempts)
            {
                // retried with the same ClientMsgId
            }
            catch (WxTransportException)
            {
                return (new SendReceipt(clientMsgId, SendCodes.Failure, "unknown error"), null);
            }
        }
    }

    private void EmitSent(
        string id, string to, string content, ContactInfo? receiver, GroupInfo? group,
        string format = "text", IReadOnlyDictionary<string, string>? extra = null)
    {
        var self = state.State.User;
        var message = new ChatMessage
        {
            Id = id,
            Time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Content = content,
            Type = group is null ? "friend_message" : "group_message",
            Class = "send",
            Format = format,
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
            Extra = extra ?? new Dictionary<string, string>(),
        };
        Emit(AccountEvent.SendMessage, null, [], message);
    }
}
