using OpenWxCluster.Grains.Account.Login;
using OpenWxCluster.Grains.Contacts;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// synccheck → webwxsync, and turning a sync batch into contact updates and events.
public sealed partial class AccountGrain
{
    /// <summary>One synccheck and, on news, the webwxsync batches; true when a batch brought content.</summary>
    private async Task<bool> SyncOnceAsync(int epoch, CancellationToken cancellation)
    {
        if (_session is null)
        {
            await ApplyAsync(new LoginTrigger.SyncRejected(SyncCheckResult.SessionInvalid, FromSync: false));
            return false;
        }
        SyncCheckResult check;
        try
        {
            check = await driver.SyncCheckAsync(_session, cancellation);
        }
        catch (WxTransportException)
        {
            await ApplyAsync(new LoginTrigger.SyncFailed());
            throw; // the pump logs and backs off
        }
        if (Stale(epoch))
        {
            return false;
        }
        if (check.RetCode != 0)
        {
            logger.SyncRejected(Key, check.RetCode);
            await ApplyAsync(new LoginTrigger.SyncRejected(check.RetCode, FromSync: false));
            return false;
        }
        var content = false;
        for (var round = 0; check.HasNews && round < _options.MaxContinue; round++)
        {
            WxSyncResult batch;
            try
            {
                batch = await driver.SyncAsync(_session, cancellation);
            }
            catch (WxRetException e)
            {
                logger.SyncRejected(Key, e.Ret);
                await ApplyAsync(new LoginTrigger.SyncRejected(e.Ret, FromSync: true));
                return false;
            }
            catch (WxTransportException)
            {
                await ApplyAsync(new LoginTrigger.SyncFailed());
                throw;
            }
            if (Stale(epoch))
            {
                return false;
            }
            // News with an empty batch, repeated, would otherwise chain steps without end: it counts as no news.
            content |= batch.AddMsgList.Count + batch.ModContactList.Count + batch.DelContactList.Count > 0;
            try
            {
                await HandleBatchAsync(batch, cancellation);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                // The session in memory already holds the batch's new SyncKey: the next webwxsync would confirm a
                // batch whose events were never saved (a contact grain on a dying silo did this). Stop this
                // activation; the next one resumes from the saved SyncKey and fetches the batch again.
                logger.BatchFailed(e, Key);
                StopPump();
                DeactivateOnIdle();
                throw;
            }
            state.State.Session = SessionState.From(_session);
            await FlushEventsAsync();
            if (batch.ContinueFlag == 0)
            {
                break;
            }
        }
        await ApplyAsync(new LoginTrigger.SyncSucceeded());
        return content;
    }

    private async Task HandleBatchAsync(WxSyncResult batch, CancellationToken cancellation)
    {
        await ApplyContactListsAsync(batch.ModContactList, batch.DelContactList);

        var self = _session!.UserName;
        var items = batch.AddMsgList.Select(raw => WxMessageParser.Parse(raw, self)).OfType<WxParsedItem>().ToList();
        var messages = items.OfType<WxMessageItem>().Select(i => i.Message).ToList();
        var lookup = await LookupAsync(messages);
        foreach (var item in items)
        {
            switch (item)
            {
                case WxMessageItem { Message: var m }:
                    var chat = await WithMediaAsync(m, MessageMapper.ToChat(m, state.State.User, lookup, _options.MaxTextLength), cancellation);
                    Emit(m.Class == "send" ? AccountEvent.SendMessage : AccountEvent.ReceiveMessage, null, [], chat);
                    break;
                case WxFriendRequestItem request:
                    Emit(AccountEvent.EventPost, "friend_request",
                        [EventParam.Of(request.UserName), EventParam.Of(request.NickName), EventParam.Of(request.VerifyContent), EventParam.Of(request.Ticket)]);
                    await driver.StatusNotifyAsync(_session, 1, request.UserName, cancellation);
                    break;
                case WxStatusNotifyItem notify:
                    await FetchUnknownGroupsAsync(notify.UserNames, cancellation);
                    break;
            }
        }
    }

    private async Task<ContactLookup> LookupAsync(IReadOnlyList<WxMessage> messages)
    {
        if (messages.Count == 0)
        {
            return ContactLookup.Empty;
        }
        var people = messages.SelectMany(m => new[] { m.SenderId, m.ReceiverId }).OfType<string>().Distinct().ToList();
        var groups = messages.Select(m => m.GroupId).OfType<string>().Distinct().ToList();
        return new ContactLookup(
            await Contacts.FriendsByIdsAsync(people),
            groups.Count == 0 ? [] : await Contacts.GroupsByIdsAsync(groups));
    }
}
