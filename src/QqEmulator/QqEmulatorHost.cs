using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenWxCluster.QqEmulator.Control;
using OpenWxCluster.QqEmulator.Events;
using OpenWxCluster.QqEmulator.OneBot;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.EmulatorShared;

namespace OpenWxCluster.QqEmulator;

/// <summary>
/// A running QQ emulator: Kestrel with the OneBot v11 HTTP API and /control, the event poster and the heartbeat loop.
/// Used in-process by tests and by <see cref="Program"/> standalone.
/// </summary>
public sealed class QqEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _loops = new();
    private readonly List<Task> _background = [];

    private QqEmulatorHost(WebApplication app, QqWorld world, Uri baseUri)
    {
        _app = app;
        World = world;
        BaseUri = baseUri;
    }

    /// <summary>e.g. <c>http://127.0.0.1:5700/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Reverse WebSocket connections open now (one per online bot and URL once connected).</summary>
    public int ReverseConnections => _app.Services.GetRequiredService<ReverseWsClient>().Open;

    /// <summary>Direct in-process access to the world (same operations as the control API).</summary>
    public QqWorld World { get; }

    public static async Task<QqEmulatorHost> StartAsync(QqEmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(QqEmulatorHost).Assembly.GetName().Name,
            Args = [],
        });
        builder.WebHost.UseKestrel(k => k.Listen(options.ListenAddress, options.Port));
        // Request logs would carry access_token in query strings.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Its host prints its own labelled address line; no unlabelled "Now listening" in a silo's console.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<EventPoster>();
        builder.Services.AddSingleton<EventHub>();
        builder.Services.AddSingleton<ReverseWsClient>();
        builder.Services.AddSingleton(sp => new QqWorld(sp.GetRequiredService<EventHub>(), options.MessageFormat));

        var app = builder.Build();
        app.UseControlToken(options.ControlToken);
        app.UseWebSockets();
        QqControlEndpoints.Map(app);
        ForwardWsEndpoints.Map(app);
        OneBotEndpoints.Map(app);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new QqEmulatorHost(app, app.Services.GetRequiredService<QqWorld>(), new Uri(address.EndsWith('/') ? address : address + "/"));
        var poster = app.Services.GetRequiredService<EventPoster>();
        var log = app.Services.GetRequiredService<ILogger<QqEmulatorHost>>();
        poster.OnAnswer = (selfId, evt, op) =>
        {
            foreach (var refusal in QuickOperation.Apply(host.World, selfId, evt, op))
            {
                log.LogInformation("quick operation of bot {SelfId} refused: {Refusal}", selfId, refusal);
            }
        };
        host._background.Add(poster.RunAsync(host._loops.Token));
        host._background.Add(app.Services.GetRequiredService<ReverseWsClient>().RunAsync(host._loops.Token));
        if (options.Demo)
        {
            Demo.QqDemo.Seed(host.World);
            host._background.Add(Demo.QqDemo.ChatAsync(host.World, options.DemoChatInterval, host._loops.Token));
        }
        if (options.HeartbeatInterval is { } interval)
        {
            host._background.Add(host.HeartbeatLoopAsync(app.Services.GetRequiredService<EventHub>(), interval));
        }

        return host;
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C / SIGTERM); used by the standalone Program.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _loops.CancelAsync();
        foreach (var task in _background)
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException)
            {
                // Expected: the loops end by cancellation.
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _loops.Dispose();
    }

    /// <summary>Heartbeats only for online bots: an offline NapCat reports nothing.</summary>
    private async Task HeartbeatLoopAsync(EventHub poster, TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(_loops.Token))
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            foreach (var selfId in World.OnlineBots())
            {
                poster.Emit(selfId, OneBotEvents.Heartbeat(selfId, now, online: true, (long)interval.TotalMilliseconds));
            }
        }
    }
}
