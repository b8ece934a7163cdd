using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenWxCluster.Grains.Hosting;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.Protocol.Hosting;
using OpenWxCluster.TestKit;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// The product as src/Silo runs it with memory providers: one silo (localhost clustering on free ports) co-hosting
/// the Mojo-compatible HTTP API on a loopback port, its driver pointed at the emulator.
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<bool> _quiet;

    private ProductHost(WebApplication app, Uri baseUri, StrongBox<bool> quiet)
    {
        _app = app;
        _quiet = quiet;
        BaseUri = baseUri;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>openwx/</c>.</summary>
    public Uri BaseUri { get; }

    public static async Task<ProductHost> StartAsync(Uri emulator, TimeSpan pumpInterval)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Once the bench tears the emulator down, every account reports its broken synccheck: not worth printing.
        var quiet = new StrongBox<bool>();
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning && !quiet.Value);
        var baseUrl = emulator.ToString().TrimEnd('/');
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: FreePort.Next(),
                gatewayPort: FreePort.Next(),
                serviceId: "latency-bench",
                clusterId: "latency-bench-" + Environment.ProcessId);
            silo.AddMemoryGrainStorage(OrleansNames.Storage);
            silo.UseInMemoryReminderService();
            silo.Services.AddWebWxProtocol(o => o.LoopbackBaseUrl = baseUrl);
            silo.AddOpenWxGrains();
            silo.Services.Configure<SyncOptions>(o => o.PumpInterval = pumpInterval);
        });
        builder.Services.AddOpenWxApi(builder.Configuration);
        var app = builder.Build();
        app.MapOpenWx();
        await app.StartAsync();
        return new ProductHost(app, new Uri($"http://127.0.0.1:{port}/"), quiet);
    }

    /// <summary>Stops printing the silo's log (before the emulator goes away).</summary>
    public void Quiet() => _quiet.Value = true;

    public async ValueTask DisposeAsync()
    {
        Quiet();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("silo stop timed out");
        }
        await _app.DisposeAsync();
    }
}
