using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Account.Login;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Contacts;
using OpenWxCluster.Grains.Diagnostics;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

/// <summary>
/// One bot account. The login life cycle and the sync loop run in an interleaving grain timer (the "pump"), so
/// API calls are served while an upstream long-poll hangs; the watchdog reminder restarts the pump after a silo
/// loss. Randomly placed so accounts spread over the silos.
/// </summary>
[RandomPlacement]
public sealed partial class AccountGrain(
    [PersistentState("account", OrleansNames.Storage)] IPersistentState<AccountState> state,
    IWxProtocolDriver driver,
    IWxChatAdminDriver adminDriver,
    IWxMediaDriver mediaDriver,
    IOptions<SyncOptions> syncOptions,
    IOptions<SendOptions> sendOptions,
    OpenWxMetrics metrics,
    ConsoleEcho echo,
    ILogger<AccountGrain> logger)
    : Grain, IWxAccountGrain, IContactCacheOwner, IRemindable
{
    private const string WatchdogReminder = "openwx-watchdog";

    private readonly SyncOptions _options = syncOptions.Value;
    private readonly SendOptions _sendOptions = sendOptions.Value;
    private readonly SerialStateWriter _writer = new(state.WriteStateAsync);
    private LoginStateMachine _machine = null!;
    private WxSession? _session;
    private string? _uuid;
    private QrCodeImage? _qr;
    private ContactCache? _contacts;
    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _machine = new LoginStateMachine(LoginOptionsFrom(_options), state.State.Login);
        _session = state.State.Session?.ToSession();
        metrics.Gauges.TrackAccount(Key, () => _machine.State);
        if (_machine.State == ClientState.Running && _session is not null)
        {
            logger.Resumed(Key);
        }
        if (_machine.State.IsStarted())
        {
            StartPump();
        }
        ResumeBroadcasts();
        if (state.State.WebhookOn)
        {
            await WakeWebhookAsync();
        }
    }

    /// <summary>
    /// After a silo loss the recovery sweep reactivates accounts; their webhook backlog moves with them at once
    /// instead of waiting for the webhook grain's own reminder.
    /// </summary>
    private async Task WakeWebhookAsync()
    {
        try
        {
            await Webhook.EnsureDeliveringAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.StepFailed(Key, "webhook wake-up", e.GetType().Name);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopPump();
        _broadcastLoop.Stop();
        metrics.Gauges.ForgetAccount(Key);
        return Task.CompletedTask;
    }

    public async Task<AccountStatus> StartAsync(StartOptions options)
    {
        if (_machine.State.IsStarted())
        {
            return Status(startedNow: false);
        }
        state.State.Options = options;
        state.State.StartTime = DateTimeOffset.UtcNow;
        state.State.LastError = null;
        // Before the first event, so post_api sees the whole start (state_change, input_qrcode, login).
        state.State.WebhookOn = await Webhook.ConfigureAsync(options.Webhook);
        await GrainFactory.ForKey<IPollApiGrain>(Key).ConfigureAsync(options.Poll);
        await ApplyAsync(new LoginTrigger.Start());
        await GrainFactory.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.ShardOf(Key)).AddAsync(Key);
        await this.RegisterOrUpdateReminder(WatchdogReminder, _options.WatchdogPeriod, _options.WatchdogPeriod);
        StartPump();
        return Status(startedNow: true);
    }

    public async Task<AccountStatus> StopAsync()
    {
        StopPump();
        await ApplyAsync(new LoginTrigger.Stop());
        await GrainFactory.ForKey<IPollApiGrain>(Key).StopAsync();
        await GrainFactory.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.ShardOf(Key)).RemoveAsync(Key);
        var reminder = await this.GetReminder(WatchdogReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        return Status(startedNow: false);
    }

    public async Task<AccountStatus> ReloginAsync()
    {
        if (_machine.State.IsStarted())
        {
            // As Mojo's relogin, the step in flight (a held synccheck) is abandoned: its answer is stale by epoch.
            StopPump();
            await ApplyAsync(new LoginTrigger.Relogin());
            StartPump();
        }
        return Status(startedNow: false);
    }

    public Task<AccountStatus> GetStatusAsync() => Task.FromResult(Status(startedNow: false));

    public Task<QrCodeImage?> GetQrCodeAsync() =>
        Task.FromResult(_machine.State is ClientState.Scaning or ClientState.Confirming ? _qr : null);

    public Task<ContactInfo?> GetUserAsync() => Task.FromResult(state.State.User);

    public Task<UserWithState> GetUserWithStateAsync() => Task.FromResult(new UserWithState(_machine.State, state.State.User));

    public async Task<FriendsWithState> GetFriendsWithStateAsync() =>
        _machine.State == ClientState.Running
            ? new FriendsWithState(_machine.State, await Contacts.AllFriendsAsync())
            : new FriendsWithState(_machine.State, null);

    public async Task<GroupsWithState> GetGroupsWithStateAsync(bool withMembers) =>
        _machine.State == ClientState.Running
            ? new GroupsWithState(_machine.State, await Contacts.AllGroupsAsync(withMembers), state.State.User)
            : new GroupsWithState(_machine.State, null, state.State.User);

    public Task<StartOptions> GetStartOptionsAsync() => Task.FromResult(state.State.Options);

    public Task EnsureActiveAsync()
    {
        if (_machine.State.IsStarted())
        {
            StartPump();
        }
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureActiveAsync();

    private AccountStatus Status(bool startedNow) => new(
        AccountKey.ClientOf(Key),
        AccountKey.PlatformOf(Key),
        _machine.State,
        _machine.Snapshot.PreviousState,
        state.State.StartTime,
        state.State.User?.Account is { Length: > 0 } account ? account : state.State.User?.Name,
        state.State.LastError,
        _machine.Snapshot.QrCodeCount,
        RuntimeIdentity,
        startedNow,
        _machine.Snapshot.OfflineCause,
        state.State.RunningSince);

    private static LoginOptions LoginOptionsFrom(SyncOptions o) => new()
    {
        PollsPerQrCode = o.PollsPerQrCode,
        MaxQrCodeCount = o.MaxQrCodeCount,
        MaxSyncErrors = o.MaxSyncErrors,
        StopWithMobile = o.StopWithMobile,
    };
}
