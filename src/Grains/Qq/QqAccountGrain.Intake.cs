using System.Globalization;
using System.Text.Json;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.QqProtocol;
using OpenWxCluster.QqProtocol.Events;

namespace OpenWxCluster.Grains.Qq;

// Events the implementation pushed, handed over by the web front. Each answer comes after the state write that
// holds the event, so the implementation (or the front, for a socket) may forget it; an event seen before (same
// message id) is acknowledged again without a second event.
public sealed partial class QqAccountGrain
{
    public Task<QqIntakeResult> AuthorizeSocketAsync(string? accessToken, string? selfId)
    {
        if (!S.State.IsStarted() || S.Options.Qq is not { } upstream)
        {
            return Task.FromResult(QqIntakeResult.NotStarted);
        }
        if (upstream.AccessToken.Length > 0 && !FixedEquals(upstream.AccessToken, accessToken ?? ""))
        {
            return Task.FromResult(QqIntakeResult.Unauthorized);
        }
        return Task.FromResult(IsOtherSelf(selfId) ? QqIntakeResult.WrongSelf : QqIntakeResult.Accepted);
    }

    public async Task<QqIntakeResult> IngestAsync(QqIntake intake)
    {
        var result = await IngestCoreAsync(intake);
        if (result is QqIntakeResult.BadSignature or QqIntakeResult.WrongSelf)
        {
            logger.EventRefused(Key, result);
        }
        return result;
    }

    private async Task<QqIntakeResult> IngestCoreAsync(QqIntake intake)
    {
        if (!S.State.IsStarted() || S.Options.Qq is not { } upstream)
        {
            return QqIntakeResult.NotStarted;
        }
        // HTTP POST reports are signed; a socket's frames were authenticated by its handshake.
        if (intake.Transport == QqTransport.HttpPost && upstream.Secret.Length > 0
            && !OneBotSignature.Verify(upstream.Secret, intake.Body, intake.Signature))
        {
            return QqIntakeResult.BadSignature;
        }
        OneBotEvent e;
        try
        {
            e = OneBotEventParser.Parse(intake.Body);
        }
        catch (JsonException)
        {
            return QqIntakeResult.Malformed;
        }
        if (IsOtherSelf(intake.SelfId) || (e.SelfId != 0 && e.SelfId != S.SelfId))
        {
            return QqIntakeResult.WrongSelf;
        }
        _lastSeen = time.GetUtcNow();
        var before = S.NextEventSeq;
        await HandleAsync(e);
        if (S.NextEventSeq != before)
        {
            await Outbox.FlushAsync();
        }
        return QqIntakeResult.Accepted;
    }

    private async Task HandleAsync(OneBotEvent e)
    {
        switch (e)
        {
            case QqHeartbeatEvent h:
                _heartbeatInterval = h.IntervalMs > 0 ? TimeSpan.FromMilliseconds(h.IntervalMs) : _heartbeatInterval;
                if (!IsOnline(h.Status))
                {
                    await GoOfflineAsync(OfflineCauses.NotLoggedIn);
                }
                else
                {
                    await BackOnlineAsync();
                }
                break;
            case QqLifecycleEvent { SubType: "connect" }:
                // A (re)started implementation may count message ids from the start again (the emulator does):
                // ids seen before it must not hide its new messages. Retries and echoes never span a connect.
                S.RecentMessageIds.Clear();
                break;
            case QqBotOfflineEvent:
                await GoOfflineAsync(OfflineCauses.BotOffline);
                break;
            case QqPrivateMessageEvent or QqGroupMessageEvent or QqDiscussMessageEvent:
                await ReceiveMessageAsync(e);
                break;
            case QqGroupMemberChangeEvent change:
                await MemberChangedAsync(change);
                break;
            case QqFriendAddEvent add:
                await FriendAddedAsync(add);
                break;
            case QqGroupBanEvent ban:
                await BannedAsync(ban);
                break;
            case QqRecallEvent recall:
                await RecalledAsync(recall);
                break;
            case QqGroupCardEvent card:
                await CardChangedAsync(card);
                break;
        }
    }

    private async Task ReceiveMessageAsync(OneBotEvent e)
    {
        if (S.State == ClientState.Offline && S.OfflineCause == OfflineCauses.HeartbeatLost)
        {
            await BackOnlineAsync(); // messages flow again
        }
        var id = e switch
        {
            QqPrivateMessageEvent p => p.MessageId,
            QqDiscussMessageEvent d => d.MessageId,
            _ => ((QqGroupMessageEvent)e).MessageId,
        };
        if (S.RecentMessageIds.Contains(id))
        {
            return; // sent again, or the echo of a send through this API
        }
        var message = e is QqDiscussMessageEvent discuss ? HeardInDiscuss(discuss) : await QqMessages.FromEventAsync(e, S.User, GrainFactory, Key);
        if (message is null)
        {
            return;
        }
        RememberMessageId(id);
        EmitMessage(message);
    }

    private void RememberMessageId(long id)
    {
        S.RecentMessageIds.Add(id);
        var overflow = S.RecentMessageIds.Count - _options.RecentMessageIds;
        if (overflow > 0)
        {
            S.RecentMessageIds.RemoveRange(0, overflow);
        }
    }

    private async Task MemberChangedAsync(QqGroupMemberChangeEvent change)
    {
        var groups = GrainFactory.ForKey<IGroupsGrain>(Key);
        var groupId = QqContacts.Number(change.GroupId);
        var known = (await groups.GetByIdsAsync([groupId])).FirstOrDefault();
        var group = known ?? new GroupInfo { Id = groupId, Uid = groupId };
        var userId = QqContacts.Number(change.UserId);
        if (!change.Joined && change.UserId == S.SelfId)
        {
            await groups.ApplyAsync([], [groupId]);
            Outbox.Add(AccountEvent.EventPost, "lose_group", [EventParam.Of(group.Basic())]);
            return;
        }
        var member = group.Members.FirstOrDefault(m => m.Id == userId) ?? await MemberInfoAsync(change.GroupId, change.UserId);
        var members = change.Joined
            ? [.. group.Members.Where(m => m.Id != userId), member]
            : group.Members.Where(m => m.Id != userId).ToArray();
        var updated = group with { Members = members };
        await groups.ApplyAsync([updated], []);
        Outbox.Add(AccountEvent.EventPost, change.Joined ? "new_group_member" : "lose_group_member",
            [EventParam.OfMember(member), EventParam.Of(updated.Basic())]);
    }

    /// <summary>A joining member's card and nickname, asked once with a short timeout; the number alone otherwise.</summary>
    private async Task<ContactInfo> MemberInfoAsync(long groupId, long userId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.ProbeTimeout);
            return QqContacts.Member(await Client.GetGroupMemberInfoAsync(groupId, userId, noCache: false, timeout.Token));
        }
        catch (Exception e) when (e is QqProtocolException or OperationCanceledException)
        {
            return QqContacts.Member(userId);
        }
    }

    /// <summary>
    /// A friend the account does not know yet: read from the friend list (the notice carries only the number), then
    /// one new_friend. A notice for a known friend (reported again after a reconnect, or queued before the account
    /// loaded its list) changes nothing: it must not blank a cached name or announce an old friend.
    /// </summary>
    private async Task FriendAddedAsync(QqFriendAddEvent add)
    {
        var id = QqContacts.Number(add.UserId);
        var friends = GrainFactory.ForKey<IFriendsGrain>(Key);
        if ((await friends.GetByIdsAsync([id])).Count > 0)
        {
            return;
        }
        var friend = await NewFriendAsync(add.UserId);
        await friends.ApplyAsync([friend], []);
        Outbox.Add(AccountEvent.EventPost, "new_friend", [EventParam.Of(friend)]);
    }

    private async Task<ContactInfo> NewFriendAsync(long userId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.ProbeTimeout);
            var listed = (await Client.GetFriendListAsync(timeout.Token)).FirstOrDefault(f => f.UserId == userId);
            if (listed is not null)
            {
                return QqContacts.Friend(listed);
            }
        }
        catch (Exception e) when (e is QqProtocolException or OperationCanceledException)
        {
            // The number alone, as the notice gave it.
        }
        var id = QqContacts.Number(userId);
        return new ContactInfo { Id = id, Uid = id, Account = id };
    }

    private bool IsOtherSelf(string? selfId) =>
        !string.IsNullOrEmpty(selfId)
        && (!long.TryParse(selfId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id != S.SelfId);

    private static bool FixedEquals(string expected, string actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));
}
