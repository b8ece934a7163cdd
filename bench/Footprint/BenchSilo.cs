using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenWxCluster.Grains.Hosting;
using OpenWxCluster.Protocol.Hosting;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>One in-process silo: localhost clustering on free ports, memory storage/reminders, driver → emulator.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly StrongBox<bool> _quiet;

    private BenchSilo(IHost host, StrongBox<bool> quiet)
    {
        _host = host;
        _quiet = quiet;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync(Uri emulator)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Once the bench tears the emulator down, every account reports its broken synccheck: not worth printing.
        var quiet = new StrongBox<bool>();
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning && !quiet.Value);
        var baseUrl = emulator.ToString().TrimEnd('/');
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: FreePort.Next(),
                gatewayPort: FreePort.Next(),
                serviceId: "footprint-bench",
                clusterId: "footprint-bench-" + Environment.ProcessId);
            silo.AddMemoryGrainStorage(OrleansNames.Storage);
            silo.UseInMemoryReminderService();
            silo.Services.AddWebWxProtocol(o => o.LoopbackBaseUrl = baseUrl);
            silo.AddOpenWxGrains();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, quiet);
    }

    /// <summary>Stops printing the silo's log (before the emulator goes away).</summary>
    public void Quiet() => _quiet.Value = true;

    public async ValueTask DisposeAsync()
    {
        Quiet();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("silo stop timed out");
        }
        _host.Dispose();
    }
}
