using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Diagnostics;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.QqProtocol;

namespace OpenWxCluster.Grains.Qq;

/// <summary>
/// One QQ account behind the operator's OneBot v11 implementation. The QQ login itself happens inside the
/// implementation (NapCat's QR or quick login), so the account starts by asking it who is logged in, then reads
/// contacts (<c>loading</c>) and runs. One interleaving grain loop loads, watches liveness (heartbeats, get_status)
/// and retries event delivery; events arrive through <see cref="IngestAsync"/>. Randomly placed so accounts spread.
/// </summary>
[RandomPlacement]
public sealed partial class QqAccountGrain(
    [PersistentState("qqaccount", OrleansNames.Storage)] IPersistentState<QqAccountState> state,
    IOneBotClientFactory clients,
    IOptions<QqOptions> qqOptions,
    IOptions<SendOptions> sendOptions,
    TimeProvider time,
    OpenWxMetrics metrics,
    ILogger<QqAccountGrain> logger)
    : Grain, IQqAccountGrain, IRemindable
{
    private const string WatchdogReminder = "openwx-qq-watchdog";
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(10);

    private readonly QqOptions _options = qqOptions.Value;
    private readonly SendOptions _sendOptions = sendOptions.Value;
    private readonly SerialStateWriter _writer = new(state.WriteStateAsync);
    private readonly GrainLoop _loop = new();
    private IOneBotClient? _client;

    private string Key => this.GetPrimaryKeyString();

    private QqAccountState S => state.State;

    private IOneBotClient Client => _client ??= clients.Create(S.Options.Qq!.ApiUrl, S.Options.Qq.AccessToken);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        metrics.Gauges.TrackAccount(Key, () => S.State);
        if (S.State.IsStarted())
        {
            // A moved or restarted account gets a full heartbeat grace before it can be judged silent.
            _lastSeen = time.GetUtcNow();
            StartLoop();
            if (S.WebhookOn)
            {
                await WakeWebhookAsync();
            }
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _loop.Stop();
        metrics.Gauges.ForgetAccount(Key);
        return Task.CompletedTask;
    }

    public Task<AccountStatus> GetStatusAsync() => Task.FromResult(Status(startedNow: false));

    public Task<QrCodeImage?> GetQrCodeAsync() => Task.FromResult<QrCodeImage?>(null);

    public Task<ContactInfo?> GetUserAsync() => Task.FromResult(S.User);

    public Task<UserWithState> GetUserWithStateAsync() => Task.FromResult(new UserWithState(S.State, S.User));

    public async Task<FriendsWithState> GetFriendsWithStateAsync() =>
        S.State == ClientState.Running
            ? new FriendsWithState(S.State, await GrainFactory.ForKey<IFriendsGrain>(Key).GetAllAsync())
            : new FriendsWithState(S.State, null);

    public async Task<GroupsWithState> GetGroupsWithStateAsync(bool withMembers)
    {
        if (S.State != ClientState.Running)
        {
            return new GroupsWithState(S.State, null, S.User);
        }
        var book = GrainFactory.ForKey<IGroupsGrain>(Key);
        return new GroupsWithState(S.State, withMembers ? await book.GetAllAsync() : await book.GetAllBasicAsync(), S.User);
    }

    /// <summary>The options as started, without the upstream's token and secret (they never leave the grain).</summary>
    public Task<StartOptions> GetStartOptionsAsync() => Task.FromResult(
        S.Options.Qq is { } qq ? S.Options with { Qq = qq with { AccessToken = "", Secret = "" } } : S.Options);

    public Task EnsureActiveAsync()
    {
        if (S.State.IsStarted())
        {
            StartLoop();
        }
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureActiveAsync();

    private AccountStatus Status(bool startedNow) => new(
        AccountKey.ClientOf(Key),
        AccountKey.QQ,
        S.State,
        S.PreviousState,
        S.StartTime,
        S.SelfId > 0 ? S.SelfId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        S.LastError,
        0,
        RuntimeIdentity,
        startedNow,
        S.OfflineCause,
        S.RunningSince);

    private async Task WakeWebhookAsync()
    {
        try
        {
            await GrainFactory.ForKey<IWebhookGrain>(Key).EnsureDeliveringAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.StepFailed(Key, "webhook wake-up", e.GetType().Name);
        }
    }
}
