using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>A loopback HTTP server for media_url: <c>/pic.png</c> (the given bytes) and <c>/huge</c> (past 20 MB, no length).</summary>
public sealed class MediaFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MediaFileServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<MediaFileServer> StartAsync(byte[] picture)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/pic.png", () => Results.Bytes(picture, "image/png"));
        // Chunked, so only the bounded read (not Content-Length) can stop it.
        app.MapGet("/huge", async (HttpContext http) =>
        {
            var chunk = new byte[64 * 1024];
            for (var sent = 0; sent <= 21 * 1024 * 1024 && !http.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
            }
        });
        await app.StartAsync();
        return new MediaFileServer(app, $"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
