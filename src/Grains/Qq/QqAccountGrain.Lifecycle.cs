using OpenWxCluster.Grains.Events;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.QqProtocol;

namespace OpenWxCluster.Grains.Qq;

// Start, stop, relogin and the state changes they make (each an event, saved with the state).
public sealed partial class QqAccountGrain
{
    private EventOutbox? _outbox;

    private EventOutbox Outbox => _outbox ??= EventOutbox.ForAccount(
        this, GrainFactory, () => state.State, _writer, _options.OutboxCapacity, logger, () =>
        {
            _loop.Stop();
            DeactivateOnIdle();
        });

    /// <summary>
    /// Asks the implementation who is logged in before anything is saved: an unreachable API, a refused token or
    /// a logged-out implementation leave the account stopped with the reason in <see cref="AccountStatus.LastError"/>.
    /// </summary>
    public async Task<AccountStatus> StartAsync(StartOptions options)
    {
        if (S.State.IsStarted())
        {
            return Status(startedNow: false);
        }
        if (options.Qq is not { } upstream)
        {
            S.LastError = "no OneBot implementation given (onebot_url)";
            return Status(startedNow: false);
        }
        var client = clients.Create(upstream.ApiUrl, upstream.AccessToken);
        QqLoginInfo login;
        try
        {
            using var timeout = new CancellationTokenSource(_options.ProbeTimeout);
            login = await client.GetLoginInfoAsync(timeout.Token);
        }
        catch (Exception e) when (e is QqProtocolException or OperationCanceledException)
        {
            S.LastError = StartError(e);
            logger.StartRefused(Key, e.GetType().Name);
            return Status(startedNow: false);
        }

        _client = client;
        S.Options = options;
        S.StartTime = time.GetUtcNow();
        S.LastError = null;
        S.OfflineCause = null;
        S.SelfId = login.UserId;
        S.User = QqContacts.Self(login);
        _lastSeen = time.GetUtcNow();
        _heartbeatInterval = null;
        // Before the first event, so post_api sees the whole start.
        S.WebhookOn = await GrainFactory.ForKey<IWebhookGrain>(Key).ConfigureAsync(options.Webhook);
        await GrainFactory.ForKey<IPollApiGrain>(Key).ConfigureAsync(options.Poll);
        ChangeState(ClientState.Loading);
        // Mojo-Webqq's login event: 0 = no QR scanned here (the implementation holds the QQ login).
        Outbox.Add(AccountEvent.EventPost, "login", [EventParam.Of(0)]);
        await Outbox.FlushAsync();
        await GrainFactory.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.ShardOf(Key)).AddAsync(Key);
        await this.RegisterOrUpdateReminder(WatchdogReminder, WatchdogPeriod, WatchdogPeriod);
        StartLoop();
        return Status(startedNow: true);
    }

    public async Task<AccountStatus> StopAsync()
    {
        _loop.Stop();
        if (S.State.IsStarted())
        {
            ChangeState(ClientState.Stop);
            S.OfflineCause = null;
            Outbox.Add(AccountEvent.EventPost, "stop", []);
            await Outbox.FlushAsync();
        }
        _client = null;
        await GrainFactory.ForKey<IPollApiGrain>(Key).StopAsync();
        await GrainFactory.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.ShardOf(Key)).RemoveAsync(Key);
        var reminder = await this.GetReminder(WatchdogReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        return Status(startedNow: false);
    }

    /// <summary>Openqq relogin: profile and contacts are read again (loading, then running).</summary>
    public async Task<AccountStatus> ReloginAsync()
    {
        if (!S.State.IsStarted())
        {
            return Status(startedNow: false);
        }
        if (S.State != ClientState.Loading)
        {
            S.OfflineCause = null;
            ChangeState(ClientState.Loading);
            await Outbox.FlushAsync();
        }
        _nextLoad = DateTimeOffset.MinValue;
        return Status(startedNow: false);
    }

    /// <summary>Moves the account to <paramref name="to"/> and queues Mojo's state_change [old, new].</summary>
    private void ChangeState(ClientState to)
    {
        var from = S.State;
        if (from == to)
        {
            return;
        }
        S.PreviousState = from;
        S.State = to;
        S.RunningSince = to == ClientState.Running ? time.GetUtcNow() : null;
        logger.StateChanged(Key, from.ToWire(), to.ToWire());
        Outbox.Add(AccountEvent.EventPost, "state_change", [EventParam.Of(from.ToWire()), EventParam.Of(to.ToWire())]);
    }

    private static string StartError(Exception e) => e switch
    {
        QqAuthException => "onebot api refused the access token",
        QqRetcodeException r => $"onebot api answered retcode {r.Retcode} to get_login_info (is the QQ account logged in?)",
        QqTransportException t => "onebot api unreachable: " + t.Message,
        _ => "onebot api did not answer in time",
    };
}
