using OpenWxCluster.Grains.Account.Login;
using OpenWxCluster.Grains.Contacts;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Login steps: QR, login long-poll, then newloginpage → init → statusnotify → contacts → batch contacts.
public sealed partial class AccountGrain
{
    private string? _redirectUri;

    private IFriendsGrain Friends => GrainFactory.ForKey<IFriendsGrain>(Key);

    private IGroupsGrain Groups => GrainFactory.ForKey<IGroupsGrain>(Key);

    private ContactCache Contacts => _contacts ??= new ContactCache(Friends, Groups);

    private async Task FetchQrCodeAsync(int epoch, CancellationToken cancellation)
    {
        var uuid = await driver.GetUuidAsync(cancellation);
        var bytes = await driver.GetQrCodeAsync(uuid, cancellation);
        if (Stale(epoch))
        {
            return;
        }
        _uuid = uuid;
        _qr = new QrCodeImage(bytes, ImageType.Sniff(bytes), DateTimeOffset.UtcNow);
        echo.QrCode(Key, Protocol.Web.WxHosts.QrPayload(uuid));
        Emit(AccountEvent.EventPost, "input_qrcode", [EventParam.Of(""), EventParam.Of(Convert.ToBase64String(bytes))]);
        await ApplyAsync(new LoginTrigger.QrCodeFetched());
    }

    private async Task PollLoginAsync(int epoch, CancellationToken cancellation)
    {
        if (_uuid is null)
        {
            // Reactivated mid-scan: the uuid lived only in memory, so show a new QR.
            await FetchQrCodeAsync(epoch, cancellation);
            return;
        }
        var scanned = _machine.State == ClientState.Confirming;
        var answer = await driver.PollLoginAsync(_uuid, scanned, cancellation);
        if (Stale(epoch))
        {
            return;
        }
        if (answer.Code == LoginPollResult.Confirmed)
        {
            _redirectUri = answer.RedirectUri;
        }
        await ApplyAsync(new LoginTrigger.PollAnswered(answer.Code));
    }

    private async Task CompleteLoginAsync(int epoch, CancellationToken cancellation)
    {
        if (_redirectUri is null)
        {
            await ApplyAsync(new LoginTrigger.UpdateFailed("login redirect lost"));
            return;
        }
        try
        {
            var session = await driver.NewLoginPageAsync(_redirectUri, cancellation);
            if (Stale(epoch))
            {
                return;
            }
            // Known from here on, so a failure below logs this half-made session out upstream (UpdateFailed).
            _session = session;
            var init = await driver.InitAsync(session, cancellation);
            await driver.StatusNotifyAsync(session, 3, session.UserName, cancellation);
            var contacts = await driver.GetContactsAsync(session, cancellation);
            var groups = await FetchGroupsAsync(session, contacts, init, cancellation);
            if (Stale(epoch))
            {
                return;
            }
            var friends = contacts
                .Where(c => !c.IsGroup && c.UserName != session.UserName)
                .Select(ContactMapper.ToFriend)
                .ToList();
            if (!friends.Any(f => f.Id == ContactMapper.FileHelper.Id))
            {
                friends.Add(ContactMapper.FileHelper);
            }
            await Contacts.ReplaceAsync(friends, [.. groups.Select(ContactMapper.ToGroup)]);
            _redirectUri = null;
            _uuid = null;
            state.State.Session = SessionState.From(session);
            AnnounceUser(ContactMapper.ToUser(init.User));
            state.State.LastError = null;
            await ApplyAsync(new LoginTrigger.UpdateSucceeded());
        }
        catch (WxLoginRefusedException e)
        {
            logger.LoginRefused(Key, e.Ret);
            state.State.LastError = e.ErrMsg;
            _redirectUri = null;
            await ApplyAsync(new LoginTrigger.LoginRefused(e.Ret, e.ErrMsg));
        }
        catch (WxProtocolException e)
        {
            logger.StepFailed(Key, "login", e.Message);
            state.State.LastError = e.Message;
            _redirectUri = null;
            await ApplyAsync(new LoginTrigger.UpdateFailed(e.Message));
        }
    }

    /// <summary>Groups saved to contacts, groups among recent chats and in ChatSet, fetched with details.</summary>
    private async Task<IReadOnlyList<WxContact>> FetchGroupsAsync(
        WxSession session, IReadOnlyList<WxContact> contacts, WxInitResult init, CancellationToken cancellation)
    {
        var ids = contacts.Where(c => c.IsGroup).Select(c => c.UserName)
            .Concat(init.ContactList.Where(c => c.IsGroup).Select(c => c.UserName))
            .Concat(init.ChatSet.Where(id => id.StartsWith("@@", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Select(id => new WxBatchItem(id))
            .ToList();
        return ids.Count == 0 ? [] : await driver.BatchGetContactsAsync(session, ids, cancellation);
    }
}
