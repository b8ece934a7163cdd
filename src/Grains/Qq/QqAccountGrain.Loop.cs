using OpenWxCluster.Grains.Logging;
using OpenWxCluster.QqProtocol;

namespace OpenWxCluster.Grains.Qq;

// The account's one grain loop (interleaving, on the grain scheduler): loads contacts while loading, judges
// liveness while running or offline, and retries the delivery of saved events. No tick waits on a long-poll: every
// upstream call here is a bounded request.
public sealed partial class QqAccountGrain
{
    private DateTimeOffset _lastSeen;
    private TimeSpan? _heartbeatInterval;
    private DateTimeOffset _nextProbe;
    private DateTimeOffset _nextLoad;

    private void StartLoop() => _loop.Start(this, TickAsync, _options.LivenessPeriod);

    private async Task TickAsync(CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested || !S.State.IsStarted())
        {
            return;
        }
        try
        {
            if (S.State == ClientState.Loading)
            {
                await LoadIfDueAsync(stopping);
            }
            else
            {
                await CheckLivenessAsync(stopping);
            }
            if (S.Outbox.Count > 0)
            {
                await Outbox.RetryDeliveryAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A tick never ends the loop: the next one tries again.
            logger.StepFailed(Key, "qq loop", e.GetType().Name);
        }
    }

    private async Task LoadIfDueAsync(CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        if (now < _nextLoad)
        {
            return;
        }
        try
        {
            await LoadContactsAsync(stopping);
        }
        catch (Exception e) when (e is QqProtocolException or OperationCanceledException)
        {
            S.LastError = "loading contacts failed: " + e.GetType().Name;
            _nextLoad = time.GetUtcNow() + _options.LoadRetryDelay;
            logger.StepFailed(Key, "qq loading", e.GetType().Name);
            return;
        }
        if (S.State != ClientState.Loading)
        {
            return; // stopped meanwhile
        }
        S.LastError = null;
        _lastSeen = time.GetUtcNow();
        _nextProbe = _lastSeen + _options.StatusProbePeriod;
        ChangeState(ClientState.Running);
        await Outbox.FlushAsync();
    }

    /// <summary>Reads the profile, friends, groups and (up to a bound) their members into the contact grains.</summary>
    private async Task LoadContactsAsync(CancellationToken stopping)
    {
        var login = await Client.GetLoginInfoAsync(stopping);
        var friends = await FriendsAsync(stopping);
        var groups = await Client.GetGroupListAsync(stopping);
        var loaded = new List<GroupInfo>(groups.Count);
        foreach (var (group, index) in groups.Select((g, i) => (g, i)))
        {
            var members = index < _options.MaxGroupsWithMembers
                ? await Client.GetGroupMemberListAsync(group.GroupId, stopping)
                : [];
            loaded.Add(QqContacts.Group(group, members));
        }
        S.User = QqContacts.Self(login);
        await GrainFactory.ForKey<IFriendsGrain>(Key).ReplaceAsync([.. friends.Select(QqContacts.Friend)]);
        await GrainFactory.ForKey<IGroupsGrain>(Key).ReplaceAsync(loaded);
    }

    /// <summary>
    /// Friends with their category from NapCat's get_friends_with_category; an implementation without it (plain
    /// OneBot v11 has no friend groups) answers retcode 1404 or another refusal, and the plain list is read instead,
    /// categories left empty.
    /// </summary>
    private async Task<IReadOnlyList<QqFriend>> FriendsAsync(CancellationToken stopping)
    {
        try
        {
            return await Client.GetFriendsWithCategoryAsync(stopping);
        }
        catch (QqRetcodeException)
        {
            return await Client.GetFriendListAsync(stopping);
        }
    }

    /// <summary>
    /// Offline when the heartbeats stop (three intervals by default) or get_status says the QQ account is not
    /// logged in or the API cannot be reached; back online when get_status (or a heartbeat or event) says so,
    /// except after lost heartbeats, which only returning events end.
    /// </summary>
    private async Task CheckLivenessAsync(CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        if (S.State == ClientState.Running && _heartbeatInterval is { } interval
            && now - _lastSeen > interval * Math.Max(1, _options.HeartbeatMisses))
        {
            await GoOfflineAsync(OfflineCauses.HeartbeatLost);
        }
        if (now < _nextProbe)
        {
            return;
        }
        _nextProbe = now + _options.StatusProbePeriod;
        string? cause;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(_options.ProbeTimeout);
            var status = await Client.GetStatusAsync(timeout.Token);
            cause = IsOnline(status) ? null : OfflineCauses.NotLoggedIn;
        }
        catch (QqRetcodeException)
        {
            // An implementation whose QQ account is logged out refuses every action (NapCat serves nothing).
            cause = OfflineCauses.NotLoggedIn;
        }
        catch (Exception e) when (e is QqProtocolException or OperationCanceledException)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            cause = OfflineCauses.Transport;
        }
        if (cause is not null)
        {
            await GoOfflineAsync(cause);
        }
        else if (S.State == ClientState.Offline && S.OfflineCause != OfflineCauses.HeartbeatLost)
        {
            await BackOnlineAsync();
        }
    }

    private static bool IsOnline(QqStatus status) => status.Online ?? status.Good;

    private async Task GoOfflineAsync(string cause)
    {
        if (S.State != ClientState.Running)
        {
            return; // the first cause stays: bot_offline says more than the not_logged_in probe that follows it
        }
        S.OfflineCause = cause;
        ChangeState(ClientState.Offline);
        logger.WentOffline(Key, cause);
        metrics.SyncError(Key, cause);
        Outbox.Add(AccountEvent.EventPost, "offline", [EventParam.Of(cause)]);
        await Outbox.FlushAsync();
    }

    private async Task BackOnlineAsync()
    {
        if (S.State != ClientState.Offline)
        {
            return;
        }
        S.OfflineCause = null;
        ChangeState(ClientState.Running);
        logger.BackOnline(Key);
        Outbox.Add(AccountEvent.EventPost, "online", []);
        await Outbox.FlushAsync();
    }
}
