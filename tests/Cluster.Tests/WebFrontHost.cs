using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenWxCluster.TestKit;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>The real web front endpoints on Kestrel (loopback), calling grains through a cluster client.</summary>
public sealed class WebFrontHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebFrontHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public static async Task<WebFrontHost> StartAsync(IClusterClient client)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<IGrainFactory>(client);
        builder.Services.AddOpenWxApi(builder.Configuration);
        var app = builder.Build();
        app.MapOpenWx();
        await app.StartAsync();
        return new WebFrontHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
