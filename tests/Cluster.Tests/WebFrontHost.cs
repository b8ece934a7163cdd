using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenWxCluster.TestKit;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>The real web front endpoints on Kestrel (loopback), calling grains through a cluster client.</summary>
public sealed class WebFrontHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<int> _aborted;

    private WebFrontHost(WebApplication app, Uri baseUri, StrongBox<int> aborted)
    {
        _app = app;
        _aborted = aborted;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    /// <summary>The host's services (its routing's <c>EndpointDataSource</c>: every mapped route).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Requests whose client went away while they were being handled (seen by the server).</summary>
    public int AbortedRequests => Volatile.Read(ref _aborted.Value);

    /// <param name="services">More registrations (options of the front's own services, such as its media store).</param>
    /// <param name="settings">Extra configuration (e.g. <c>OpenWx:Media:SendFolder</c>).</param>
    public static async Task<WebFrontHost> StartAsync(
        IClusterClient client, int? port = null, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        port ??= FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        // Strict docs: every test's requests prove the routes read only declared parameters and answer declared shapes.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["App:Api:StrictDocs"] = "true" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<IGrainFactory>(client);
        builder.Services.AddOpenWxApi(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        var aborted = new StrongBox<int>();
        app.Use(async (http, next) =>
        {
            using var counted = http.RequestAborted.Register(() => Interlocked.Increment(ref aborted.Value));
            await next(http);
        });
        app.UseWebSockets();
        app.MapOpenWx();
        app.MapOpenQq();
        app.MapAdminConsole();
        await app.StartAsync();
        return new WebFrontHost(app, new Uri($"http://127.0.0.1:{port}/"), aborted);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
