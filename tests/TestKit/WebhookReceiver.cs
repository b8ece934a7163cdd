using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OpenWxCluster.TestKit;

/// <summary>
/// A bot's post_api endpoint on loopback (real Kestrel): records every POST, answers what the test says (a status
/// and an optional JSON body per post), and can be taken down (connection refused) and brought back on the same
/// port, as a receiver that is redeployed would be.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedPost> _posts = new();
    private readonly ConcurrentQueue<ReceivedPoll> _polls = new();
    private WebApplication? _app;
    private int _mediaFetches;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    /// <summary>The URL to pass as post_api (a path of its own, so merged query parameters are visible).</summary>
    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Decides the answer to a post: status code and JSON body (null: none). Default 200 with <c>{}</c>.</summary>
    public Func<ReceivedPost, (int Status, string? Json)> Answer { get; set; } = _ => (200, "{}");

    /// <summary>The URL to pass as poll_api.</summary>
    public string PollUrl => $"http://127.0.0.1:{Port}/poll";

    /// <summary>Decides the answer to a GET under <c>/poll</c>: a status and a Location (null: none). Default 200.</summary>
    public Func<ReceivedPoll, (int Status, string? Location)> PollAnswer { get; set; } = _ => (200, null);

    /// <summary>Bytes served (as image/png) at <see cref="MediaUrl"/>, for a post_api answer's <c>media</c>.</summary>
    public byte[] Media { get; set; } = [];

    public string MediaUrl => $"http://127.0.0.1:{Port}/media/reply.png";

    /// <summary>How many times <see cref="MediaUrl"/> was fetched.</summary>
    public int MediaFetches => Volatile.Read(ref _mediaFetches);

    /// <summary>Every GET under <c>/poll</c>, in arrival order.</summary>
    public IReadOnlyList<ReceivedPoll> Polls => [.. _polls];

    /// <summary>Every post taken, in arrival order (also those answered with an error status).</summary>
    public IReadOnlyList<ReceivedPost> Posts => [.. _posts];

    public static async Task<WebhookReceiver> StartAsync(int? port = null)
    {
        var receiver = new WebhookReceiver(port ?? FreePort.Next());
        await receiver.UpAsync();
        return receiver;
    }

    /// <summary>Listens (again) on the same port.</summary>
    public async Task UpAsync()
    {
        if (_app is not null)
        {
            return;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hook", HandleAsync);
        app.MapGet("/poll/{**rest}", HandlePoll);
        app.MapGet("/media/reply.png", () =>
        {
            Interlocked.Increment(ref _mediaFetches);
            return Results.Bytes(Media, "image/png");
        });
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Stops listening: posts now get connection refused.</summary>
    public async Task DownAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var post = new ReceivedPost(
            body,
            JsonDocument.Parse(body).RootElement.Clone(),
            http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            DateTimeOffset.UtcNow);
        var (status, json) = Answer(post);
        _posts.Enqueue(post);
        http.Response.StatusCode = status;
        if (json is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(json);
        }
    }

    private IResult HandlePoll(HttpContext http)
    {
        var poll = new ReceivedPoll(http.Request.Path.Value ?? "", http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
        var (status, location) = PollAnswer(poll);
        _polls.Enqueue(poll);
        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync() => await DownAsync();
}
