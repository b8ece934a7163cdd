using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// A bot's post_api endpoint: a bare Kestrel on loopback taking the product's POSTs (the accounts are started with
/// <c>post_api=</c> its URL) and reporting each receive_message content when the POST is in its hands. It answers
/// 200 with no body, so no reply is sent.
/// </summary>
public sealed class WebhookConsumer : ILatencyConsumer
{
    private readonly WebApplication _app;
    private ArrivalSink? _sink;

    private WebhookConsumer(WebApplication app, int port, IReadOnlyList<string> targets)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}/hook";
        Targets = targets;
    }

    public string Name => "post_api";

    public IReadOnlyList<string> Targets { get; }

    /// <summary>The post_api URL to start the accounts with.</summary>
    public string Url { get; }

    public static async Task<WebhookConsumer> StartAsync(IReadOnlyList<string> targets)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var consumer = new WebhookConsumer(app, port, targets);
        app.MapPost("/hook", (Delegate)consumer.TakeAsync);
        await app.StartAsync();
        return consumer;
    }

    public void Start(ArrivalSink sink) => _sink = sink;

    private async Task<IResult> TakeAsync(HttpContext http)
    {
        using var json = await JsonDocument.ParseAsync(http.Request.Body);
        var at = DateTimeOffset.UtcNow;
        if (json.RootElement.TryGetProperty("post_type", out var type) && type.GetString() == "receive_message")
        {
            _sink?.Arrived(Name, json.RootElement.GetProperty("content").GetString(), at);
        }
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
