using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using OpenWxCluster.QqEmulator;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// Demo mode's QQ side: once the web front listens, a QQ emulator starts in this process (NapCat-like: token, signed
/// HTTP POST reports to this front's <c>/onebot/demo</c>, heartbeats) with the demo world whose friends chat, and
/// the account <c>qq/demo</c> is started on it, so Openqq answers at once (<c>/openqq/check_event?client=demo</c>).
/// </summary>
public sealed partial class QqDemoService(
    IServer server, IHostApplicationLifetime lifetime, IGrainFactory grains, AppOptions app, ILogger<QqDemoService> logger) : IHostedService, IAsyncDisposable
{
    public const string Client = "demo";

    private QqEmulatorHost? _emulator;
    private Task _starting = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _starting = StartDemoAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _starting.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or HttpRequestException)
        {
            // Stopping anyway.
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is { } emulator)
        {
            _emulator = null;
            await emulator.DisposeAsync();
        }
    }

    private async Task StartDemoAsync(CancellationToken stopping)
    {
        try
        {
            var front = WebFront.ApiLoopback.OwnAddress(server);
            // Fresh credentials per run: the demo shows the secure setup (token and signed reports).
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _emulator = await QqEmulatorHost.StartAsync(new QqEmulatorOptions
            {
                AccessToken = token,
                Secret = secret,
                PostUrls = [new Uri(front, "onebot/" + Client)],
                HeartbeatInterval = TimeSpan.FromSeconds(5),
                Demo = true,
                ControlToken = app.EmulatorControlToken,
            }, stopping);
            var api = _emulator.BaseUri.ToString().TrimEnd('/');
            var parameters = new Dictionary<string, string> { ["onebot_url"] = api, ["onebot_event"] = "http_post" };
            var status = await grains.ForKey<IQqAccountGrain>(AccountKey.For(AccountKey.QQ, Client))
                .StartAsync(new StartOptions(parameters, Qq: new QqUpstream(api, token, secret, QqTransport.HttpPost)));
            LogStarted(logger, api, status.State.ToWire());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(301, LogLevel.Information, "Demo QQ emulator (OneBot v11) on {Api}; account qq/demo is {State}")]
    private static partial void LogStarted(ILogger logger, string api, string state);

    [LoggerMessage(302, LogLevel.Warning, "Demo QQ account could not be started: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
