using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests.Support;

/// <summary>The user's side of reverse WS, as koishi or NoneBot would run it: a Kestrel WebSocket endpoint that hands each accepted connection to the test.</summary>
internal sealed class ReverseWsServer : IAsyncDisposable
{
    private readonly Channel<Connection> _connections = Channel.CreateUnbounded<Connection>();
    private readonly System.Collections.Concurrent.ConcurrentBag<Connection> _all = [];
    private readonly WebApplication _app;

    private ReverseWsServer(WebApplication app, int port)
    {
        _app = app;
        Url = new Uri($"ws://127.0.0.1:{port}/onebot");
    }

    public Uri Url { get; }

    public static async Task<ReverseWsServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseWebSockets();
        ReverseWsServer? server = null;
        app.Map("/onebot", async (HttpContext http) =>
        {
            var socket = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new Connection(socket, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
            server!._all.Add(connection);
            await server._connections.Writer.WriteAsync(connection);
            await connection.Closed.Task;
        });
        server = new ReverseWsServer(app, port);
        await app.StartAsync();
        return server;
    }

    /// <summary>The next connection the emulator opens (bounded wait against a hang, not a timing assertion).</summary>
    public async Task<Connection> AcceptAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _all)
        {
            connection.Closed.TrySetResult();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed class Connection(WebSocket socket, IReadOnlyDictionary<string, string> headers)
    {
        public IReadOnlyDictionary<string, string> Headers { get; } = headers;

        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(object frame) => JsonFrames.SendAsync(socket, frame);

        /// <summary>The next frame, or null when the emulator closed the connection.</summary>
        public Task<JsonElement?> ReceiveAsync() => JsonFrames.ReceiveAsync(socket);

        /// <summary>Frames until one matches (events and answers interleave).</summary>
        public async Task<JsonElement> ReceiveAsync(Func<JsonElement, bool> match)
        {
            while (true)
            {
                var frame = await ReceiveAsync() ?? throw new InvalidOperationException("the emulator closed the connection");
                if (match(frame))
                {
                    return frame;
                }
            }
        }

        public async Task CloseAsync()
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            Closed.TrySetResult();
        }
    }
}
