using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// poll_api as Mojo runs it: GET the URL (with <c>client=</c> merged), wait poll_interval after it completes,
/// repeat. Redirects are followed (at most <see cref="MaxRedirects"/>, each hop under the destination policy);
/// a redirect to a loopback URL under <c>/openwx/</c> is this API's own URL and is called through the API's
/// endpoint pipeline (<see cref="IApiLoopback"/>), with <c>client=</c> added when missing; its answer is
/// discarded, as Mojo does. Runs on an interleaving grain timer; a reminder resumes it after a silo loss.
/// </summary>
public sealed class PollApiGrain(
    [PersistentState("poll", OrleansNames.Storage)] IPersistentState<PollState> state,
    IOptions<WebhookOptions> options,
    IHttpClientFactory clients,
    IServiceProvider services,
    ILogger<PollApiGrain> logger)
    : Grain, IPollApiGrain, IRemindable
{
    /// <summary>Mojo's user agent follows at most 7 redirects.</summary>
    public const int MaxRedirects = 7;

    private const string WatchdogReminder = "openwx-poll";

    private readonly WebhookOptions _options = options.Value;
    private readonly GrainLoop _heartbeat = new();
    private long _polls;
    private long _localCalls;
    private string? _lastOutcome;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartTimer();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopTimer();
        return Task.CompletedTask;
    }

    public async Task ConfigureAsync(PollSettings? settings)
    {
        state.State.Settings = settings ?? Default();
        await state.WriteStateAsync();
        StopTimer();
        if (state.State.Settings is null)
        {
            await UnregisterAsync();
            // Off: every account started without poll_api would otherwise keep this activation until idle collection.
            this.DeactivateOnIdle();
            return;
        }
        await this.RegisterOrUpdateReminder(WatchdogReminder, _options.WatchdogPeriod, _options.WatchdogPeriod);
        StartTimer();
    }

    public async Task StopAsync()
    {
        StopTimer();
        if (state.State.Settings is not null)
        {
            state.State.Settings = null;
            await state.WriteStateAsync();
        }
        await UnregisterAsync();
        this.DeactivateOnIdle();
    }

    public Task<PollInfo> GetInfoAsync() => Task.FromResult(new PollInfo(state.State.Settings?.Url, _polls, _localCalls, _lastOutcome));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        StartTimer();
        return Task.CompletedTask;
    }

    private PollSettings? Default() =>
        string.IsNullOrWhiteSpace(_options.PollUrl) ? null : new PollSettings(_options.PollUrl, _options.PollInterval);

    private async Task UnregisterAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartTimer()
    {
        if (state.State.Settings is { } settings)
        {
            _heartbeat.Start(this, PollOnceAsync, settings.Interval > TimeSpan.Zero ? settings.Interval : TimeSpan.FromSeconds(5));
        }
    }

    private void StopTimer() => _heartbeat.Stop();

    private async Task PollOnceAsync(CancellationToken stopping)
    {
        if (state.State.Settings is not { } settings)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.AttemptTimeout);
        var client = AccountKey.ClientOf(Key);
        var url = WebhookTransport.WithClient(settings.Url, client);
        try
        {
            _lastOutcome = await FollowAsync(url, client, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            _lastOutcome = e is OperationCanceledException ? "timeout" : $"error: {e.GetType().Name}";
            logger.PollFailed(Key, _lastOutcome);
        }
        finally
        {
            _polls++;
        }
    }

    private async Task<string> FollowAsync(Uri url, string client, CancellationToken cancellation)
    {
        var http = clients.CreateClient(WebhookTransport.ClientName);
        for (var redirects = 0; ; redirects++)
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation);
            var status = (int)response.StatusCode;
            if (status is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return $"HTTP {status}";
            }
            if (redirects == MaxRedirects)
            {
                return "too many redirects";
            }
            url = location.IsAbsoluteUri ? location : new Uri(url, location);
            if (IsOwnApi(url))
            {
                // The host provides it (a silo co-hosting the web front does); a bare silo has no API to call.
                if (services.GetService<IApiLoopback>() is not { } loopback)
                {
                    return "no local API in this silo";
                }
                var called = await loopback.GetAsync(WithClientIfMissing(url, client), cancellation);
                _localCalls++;
                return $"local call answered {called}";
            }
        }
    }

    private static bool IsOwnApi(Uri url) =>
        (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
        && url.AbsolutePath.StartsWith("/openwx/", StringComparison.Ordinal);

    private static string WithClientIfMissing(Uri url, string client)
    {
        var query = url.Query.TrimStart('?');
        var hasClient = query.Split('&').Any(p => p.Split('=')[0] == "client");
        var merged = hasClient ? query : string.Join('&', new[] { query, "client=" + Uri.EscapeDataString(client) }.Where(p => p.Length > 0));
        return url.AbsolutePath + (merged.Length > 0 ? "?" + merged : "");
    }
}
