using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// The API as either hosting shape wires it (AddOpenWxApi + MapOpenWx + MapOpenQq + MapAdminConsole, with the WebSockets middleware) on a TestServer, with
/// <see cref="FakeGrainFactory"/> as the <see cref="IGrainFactory"/> the handlers resolve.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, FakeGrainFactory grains, HandledRequests handled, Uri? kestrelAddress)
    {
        _app = app;
        Grains = grains;
        Handled = handled;
        Address = kestrelAddress;
        Client = kestrelAddress is null ? app.GetTestClient() : new HttpClient { BaseAddress = kestrelAddress };
    }

    /// <summary>The loopback address of a Kestrel host (null on a TestServer).</summary>
    public Uri? Address { get; }

    public FakeGrainFactory Grains { get; }

    /// <summary>Requests whose handling has ended, also those the client gave up on.</summary>
    public HandledRequests Handled { get; }

    public HttpClient Client { get; }

    /// <summary>The TestServer, for its WebSocket client.</summary>
    public TestServer Server => _app.GetTestServer();

    /// <param name="logs">Where the host logs (none when null).</param>
    /// <param name="kestrel">Real Kestrel on a loopback port instead of a TestServer (server limits, raw sockets).</param>
    public static async Task<ApiHost> StartAsync(IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder();
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // A body that stops arriving is never timed out: a test of "refused before the body is read" then hangs
            // (and fails) instead of being answered late by Kestrel's data-rate check.
            builder.WebHost.ConfigureKestrel(o => o.Limits.MinRequestBodyDataRate = null);
        }
        else
        {
            builder.WebHost.UseTestServer();
        }
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        // Strict docs: the routes read only declared parameters and answer declared shapes (a test may switch it off).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["App:Api:StrictDocs"] = "true" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var grains = new FakeGrainFactory();
        builder.Services.AddSingleton<IGrainFactory>(grains);
        builder.Services.AddOpenWxApi(builder.Configuration);

        var app = builder.Build();
        var handled = new HandledRequests();
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            finally
            {
                handled.Add();
            }
        });
        app.UseWebSockets();
        app.MapOpenWx();
        app.MapOpenQq();
        app.MapAdminConsole();
        await app.StartAsync();
        var address = kestrel ? new Uri(app.Urls.First()) : null;
        return new ApiHost(app, grains, handled, address);
    }

    public async Task<JsonNode?> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The status and the body as sent (Mojo's JSON keeps non-ASCII text unescaped).</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body)> GetTextAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonNode?> PostFormAsync(string url, IDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await Client.PostAsync(url, content);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
