using OpenWxCluster.Grains.Account;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.QqProtocol;
using OpenWxCluster.QqProtocol.Messages;

namespace OpenWxCluster.Grains.Qq;

// Text sends: through the account's paced, bounded send lane (one at a time, in call order), idempotent by key,
// each saved as a send_message event with the upstream's message id (which the implementation's echo of the
// same message then matches, so it is not reported twice).
public sealed partial class QqAccountGrain
{
    /// <summary>An unknown action: HTTP 404 as the driver reports it, or the WS retcode.</summary>
    private const int UnknownAction = 1404;

    private SendLane? _lane;
    private IdempotentSends? _idempotency;

    private SendLane Lane => _lane ??= SendLane.For(_sendOptions, metrics, Key);

    private IdempotentSends Idempotency => _idempotency ??= new IdempotentSends(
        () => S.Receipts, _sendOptions.IdempotencyWindow, _sendOptions.IdempotencyCapacity);

    public async Task<SendReceipt> SendFriendTextAsync(FriendLookup lookup, string content, string? idempotencyKey = null)
    {
        if (NotRunning() is { } refused)
        {
            return refused;
        }
        var friend = await GrainFactory.ForKey<IFriendsGrain>(Key).FindAsync(lookup);
        return friend is null
            ? new SendReceipt(null, QqSendCodes.FriendNotFound, "friend not found")
            : await SendAsync(idempotencyKey, content, "friend_message", friend, null,
                (segments, ct) => Client.SendPrivateMsgAsync(QqContacts.Number(friend.Uid), segments, ct));
    }

    public async Task<SendReceipt> SendGroupTextAsync(GroupLookup lookup, string content, string? idempotencyKey = null)
    {
        if (NotRunning() is { } refused)
        {
            return refused;
        }
        var group = await GrainFactory.ForKey<IGroupsGrain>(Key).FindAsync(lookup);
        return group is null
            ? new SendReceipt(null, QqSendCodes.GroupNotFound, "group not found")
            : await SendToGroupAsync(idempotencyKey, content, group);
    }

    public async Task<SendReceipt> SendSessTextAsync(GroupLookup lookup, string memberId, string content, string? idempotencyKey = null)
    {
        if (NotRunning() is { } refused)
        {
            return refused;
        }
        var group = await GrainFactory.ForKey<IGroupsGrain>(Key).FindAsync(lookup);
        if (group is null)
        {
            return new SendReceipt(null, QqSendCodes.GroupNotFound, "group not found");
        }
        var member = group.Members.FirstOrDefault(m => m.Id == memberId || m.Uid == memberId);
        if (member is null)
        {
            return new SendReceipt(null, QqSendCodes.GroupMemberNotFound, "group member not found");
        }
        // A temporary session: a private message to a member, through the group they share (the group_id
        // parameter NapCat and go-cqhttp read for send_private_msg).
        return await SendAsync(idempotencyKey, content, "sess_message", member, group,
            (segments, ct) => Client.SendTempMsgAsync(
                QqContacts.Number(member.Uid),
                QqContacts.Number(group.Uid),
                segments,
                ct));
    }

    /// <summary>A webhook's reply (idempotent by its key), then Openqq's shutup of the group message's sender.</summary>
    public async Task<SendReceipt> SendReplyAsync(ReplyRequest request)
    {
        var receipt = request switch
        {
            { ToGroup: true } => await SendGroupTextAsync(new GroupLookup(Id: request.TargetId), request.Content, request.Key),
            { ToDiscuss: true } => await SendDiscussTextAsync(new GroupLookup(Id: request.TargetId), request.Content, request.Key),
            { ViaGroupId: { } via } => await SendSessTextAsync(new GroupLookup(Id: via), request.TargetId, request.Content, request.Key),
            _ => await SendFriendTextAsync(new FriendLookup(Id: request.TargetId), request.Content, request.Key),
        };
        if (receipt.Code == SendCodes.Success && request.ToGroup && request.Shutup is { } duration && request.SenderId is { } sender)
        {
            await ShutupAsync(new GroupLookup(Id: request.TargetId), [sender], duration);
        }
        return receipt;
    }

    private Task<SendReceipt> SendToGroupAsync(string? key, string content, GroupInfo group) =>
        SendAsync(key, content, "group_message", null, group,
            (segments, ct) => Client.SendGroupMsgAsync(QqContacts.Number(group.Uid), segments, ct));

    private SendReceipt? NotRunning() => S.State == ClientState.Running
        ? null
        : new SendReceipt(null, SendCodes.NotRunning, StatusTexts.NotRunning(S.State), S.State);

    private Task<SendReceipt> SendAsync(
        string? key,
        string content,
        string type,
        ContactInfo? to,
        GroupInfo? group,
        Func<IReadOnlyList<QqProtocol.OneBotSegment>, CancellationToken, Task<long>> send)
    {
        Task<SendReceipt> Run() =>
            Lane.TryRun(type + ":" + (to?.Id ?? group?.Id), () => SendNowAsync(key, content, type, to, group, send), S.Options.SendInterval ?? _sendOptions.Interval)
            ?? Task.FromResult(new SendReceipt(null, SendCodes.QueueFull, $"send queue full ({_sendOptions.QueueCapacity} waiting), try again later"));
        return key is null ? Run() : Idempotency.RunAsync(key, Run, kept => kept.Receipt);
    }

    private async Task<SendReceipt> SendNowAsync(
        string? key,
        string content,
        string type,
        ContactInfo? to,
        GroupInfo? group,
        Func<IReadOnlyList<QqProtocol.OneBotSegment>, CancellationToken, Task<long>> send)
    {
        long messageId;
        try
        {
            messageId = await send(MojoMessageText.FromMojoText(content), CancellationToken.None);
        }
        catch (QqRetcodeException e) when (e.Retcode == UnknownAction)
        {
            // NapCat and other implementations without discuss groups know no send_discuss_msg.
            return new SendReceipt(null, QqSendCodes.ErrorAnswer, $"the onebot implementation does not support {e.Action} (retcode {UnknownAction})");
        }
        catch (QqRetcodeException e)
        {
            return new SendReceipt(null, QqSendCodes.ErrorAnswer, $"retcode {e.Retcode}: {e.Detail}".TrimEnd(' ', ':'));
        }
        catch (QqAuthException)
        {
            return new SendReceipt(null, SendCodes.Failure, "onebot api refused the access token");
        }
        catch (QqTransportException e)
        {
            // The outcome is unknown (the message may have gone out): reported, never retried.
            return new SendReceipt(null, SendCodes.Failure, "onebot api unreachable: " + e.GetType().Name);
        }
        var receipt = new SendReceipt(QqContacts.Number(messageId), SendCodes.Success, "success");
        RememberMessageId(messageId);
        EmitMessage(QqMessages.Sent(messageId, time.GetUtcNow().ToUnixTimeSeconds(), content, type, S.User, to, group));
        if (key is not null)
        {
            Idempotency.Keep(key, receipt);
        }
        // A kept receipt must be saved with the event; a plain send has only its event, delivered first.
        await (key is null ? Outbox.FlushDeliveringFirstAsync() : Outbox.FlushAsync());
        return receipt;
    }
}
