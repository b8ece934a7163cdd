using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Diagnostics;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// post_api of one account: a persisted, bounded backlog fed by the account's outbox (idempotent by sequence),
/// POSTed in order by one interleaving grain timer, so API calls and new events are taken while a post waits.
/// A reminder (registered while a destination is set) resumes delivery after a silo loss.
/// </summary>
public sealed partial class WebhookGrain(
    [PersistentState("webhook", OrleansNames.Storage)] IPersistentState<WebhookState> state,
    [PersistentState("webhook-log", OrleansNames.Storage)] IPersistentState<WebhookLogState> attemptLog,
    IOptions<WebhookOptions> options,
    DestinationPolicy policy,
    WebhookTransport transport,
    OpenWxMetrics metrics,
    IServiceProvider services,
    TimeProvider time,
    ILogger<WebhookGrain> logger)
    : Grain, IWebhookGrain, IRemindable
{
    private const string WatchdogReminder = "openwx-webhook";

    private readonly WebhookOptions _options = options.Value;
    private readonly SerialStateWriter _writer = new(state.WriteStateAsync);

    /// <summary>Every change of the backlog, one at a time (see <see cref="WebhookBacklog"/>).</summary>
    private readonly TaskChain _changes = new();
    private WebhookBacklog? _backlog;
    private bool _failed;

    private string Key => this.GetPrimaryKeyString();

    private WebhookBacklog Backlog => _backlog ??= new WebhookBacklog(
        () => state.State, ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage), this.GetGrainId(),
        _options.BacklogChunk, _options.Capacity, ServiceProvider.GetRequiredService<Serializer<AccountEvent>>());

    /// <summary>The host's (the web front's) body format; resolved when first needed, so a bare silo still starts accounts.</summary>
    private IWebhookFormat Format => services.GetRequiredService<IWebhookFormat>();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        AdoptOldLog();
        metrics.Gauges.TrackBacklog(Key, () => Backlog.Count);
        if (HasWork)
        {
            StartDelivery();
        }
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopDelivery();
        metrics.Gauges.ForgetBacklog(Key);
        await SaveLogAsync(now: true);
    }

    public async Task<string?> CheckAsync(string url) => await policy.CheckAsync(url, CancellationToken.None);

    public async Task<bool> ConfigureAsync(WebhookSettings? settings)
    {
        var effective = settings ?? Default();
        await _changes.RunAsync(async () =>
        {
            if (!SameDestination(state.State.Settings, effective))
            {
                Retarget();
            }
            state.State.Settings = effective;
            if (effective is null && Backlog.Count > 0)
            {
                Backlog.DropOldest(Backlog.Count);
            }
            await Backlog.SaveAsync(_writer.WriteAsync);
        });
        if (effective is null)
        {
            if (await this.GetReminder(WatchdogReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            // Nothing to deliver and nowhere to: every account started without post_api would otherwise keep this
            // activation (and its backlog gauge) in memory until idle collection. A later call reads the saved state.
            this.DeactivateOnIdle();
            return false;
        }
        await this.RegisterOrUpdateReminder(WatchdogReminder, _options.WatchdogPeriod, _options.WatchdogPeriod);
        return true;
    }

    public async Task AcceptAsync(IReadOnlyList<AccountEvent> events)
    {
        await _changes.RunAsync(() => AcceptNowAsync(events));
        if (HasWork)
        {
            StartDelivery();
        }
    }

    private async Task AcceptNowAsync(IReadOnlyList<AccountEvent> events)
    {
        ThrowIfFailed();
        var changed = false;
        foreach (var e in events)
        {
            if (e.Seq <= state.State.LastSeq)
            {
                continue; // a replay after a failover or a retried delivery
            }
            state.State.LastSeq = e.Seq;
            changed = true;
            if (state.State.Settings is { } settings && WebhookFilter.Posts(settings, e))
            {
                Backlog.Add(e);
            }
        }
        if (!changed)
        {
            return;
        }
        TrimBacklog();
        await WriteOrStopAsync();
    }

    public Task<WebhookInfo> GetInfoAsync()
    {
        var s = state.State;
        return Task.FromResult(new WebhookInfo(
            s.Settings?.Url, Backlog.Count, s.LastSeq, s.Delivered, s.Failed, s.Dropped, [.. attemptLog.State.Attempts]));
    }

    public Task EnsureDeliveringAsync()
    {
        if (HasWork && !_failed)
        {
            StartDelivery();
        }
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureDeliveringAsync();

    private bool HasWork => state.State.Settings is not null && (Backlog.Count > 0 || state.State.PendingReplies.Count > 0);

    private WebhookSettings? Default() => string.IsNullOrWhiteSpace(_options.Url)
        ? null
        : new WebhookSettings
        {
            Url = _options.Url,
            Secret = string.IsNullOrEmpty(_options.Secret) ? null : _options.Secret,
            PostEvent = _options.PostEvent,
            PostEventList = _options.PostEventList.Count == 0 ? null : [.. _options.PostEventList],
            PostMediaData = _options.PostMediaData,
        };

    /// <summary>Bounds the saved backlog while the receiver is down; the oldest go first, counted.</summary>
    private void TrimBacklog()
    {
        var overflow = Backlog.Count - Math.Max(1, _options.Capacity);
        if (overflow > 0)
        {
            Backlog.DropOldest(overflow);
            logger.BacklogOverflow(Key, overflow);
        }
    }

    /// <summary>
    /// Saves the accepted events. If that fails, memory is ahead of storage (their sequence counted as accepted):
    /// this activation stops taking events and goes, so the account's retry reaches a fresh one that reads what was
    /// really saved, instead of being dropped here as a replay.
    /// </summary>
    private async Task WriteOrStopAsync()
    {
        try
        {
            await Backlog.SaveAsync(_writer.WriteAsync);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failed = true;
            logger.WebhookWriteFailed(Key, e.GetType().Name);
            StopDelivery();
            DeactivateOnIdle();
            throw;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failed)
        {
            throw new InvalidOperationException("the webhook activation stopped after a failed write; call again");
        }
    }
}
