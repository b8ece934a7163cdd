using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Demo;
using OpenWxCluster.Emulator.Endpoints;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.EmulatorShared;

namespace OpenWxCluster.Emulator;

/// <summary>
/// A running emulator: Kestrel on <see cref="EmulatorOptions.ListenAddress"/> with the protocol and /control
/// endpoints, plus the maintenance (and, in demo mode, the simulated phone) loops. Used in-process by tests, the demo
/// and benchmarks, and by <see cref="Program"/> standalone.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeepEnded = TimeSpan.FromMinutes(10);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _loops = new();
    private readonly List<Task> _background = [];

    private EmulatorHost(WebApplication app, EmulatorWorld world, Uri baseUri)
    {
        _app = app;
        World = world;
        BaseUri = baseUri;
    }

    /// <summary>e.g. <c>http://127.0.0.1:5800/</c>: the single origin every upstream host maps to.</summary>
    public Uri BaseUri { get; }

    /// <summary>Direct in-process access to the emulated world (same operations as the control API).</summary>
    public EmulatorWorld World { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            Args = [],
        });
        builder.WebHost.UseKestrel(k => k.Listen(options.ListenAddress, options.Port));

        // Request logs carry query strings (skey, pass_ticket): keep ASP.NET's own logging to warnings and above.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Its host prints its own labelled address line; no unlabelled "Now listening" in a silo's console.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var world = new EmulatorWorld(options);
        builder.Services.AddSingleton(world);

        var app = builder.Build();
        app.UseControlToken(options.ControlToken);
        app.UseFaults(world);
        LoginEndpoints.Map(app);
        ContactEndpoints.Map(app);
        SyncEndpoints.Map(app);
        MessageEndpoints.Map(app);
        SocialEndpoints.Map(app);
        ChatroomEndpoints.Map(app);
        MediaEndpoints.Map(app);
        MediaSendEndpoints.Map(app);
        MediaGetEndpoints.Map(app);
        ControlMediaEndpoints.Map(app);
        ControlEndpoints.Map(app);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new EmulatorHost(app, world, new Uri(address.EndsWith('/') ? address : address + "/"));
        host._background.Add(host.SweepLoopAsync());
        if (options.Demo)
        {
            host._background.Add(new DemoDriver(world, app.Services.GetRequiredService<ILogger<DemoDriver>>()).RunAsync(host._loops.Token));
        }

        return host;
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C / SIGTERM); used by the standalone Program.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _loops.CancelAsync();
        World.Stop();
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

    private async Task SweepLoopAsync()
    {
        using var timer = new PeriodicTimer(SweepInterval);
        while (await timer.WaitForNextTickAsync(_loops.Token))
        {
            var cutoff = DateTimeOffset.UtcNow - KeepEnded;
            World.Logins.Sweep(cutoff);
            World.Sessions.Sweep(cutoff);
        }
    }
}
