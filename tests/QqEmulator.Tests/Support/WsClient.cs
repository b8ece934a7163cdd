using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace OpenWxCluster.QqEmulator.Tests.Support;

/// <summary>A forward-WS OneBot client, as koishi 6.9 or NoneBot would connect.</summary>
internal sealed class WsClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private WsClient()
    {
    }

    /// <summary>Connects to <paramref name="path"/> of the emulator with an Authorization header (null: none).</summary>
    public static async Task<WsClient> ConnectAsync(Uri baseUri, string path, string? authorization)
    {
        var client = new WsClient();
        if (authorization is not null)
        {
            client._socket.Options.SetRequestHeader("Authorization", authorization);
        }

        var uri = new UriBuilder(new Uri(baseUri, path)) { Scheme = "ws" }.Uri;
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        return client;
    }

    /// <summary>The handshake's HTTP status when the emulator refuses it.</summary>
    public static async Task<HttpStatusCode> RefusedAsync(Uri baseUri, string path, string? authorization)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        var uri = new UriBuilder(new Uri(baseUri, path)) { Scheme = "ws" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        return socket.HttpStatusCode;
    }

    public Task SendAsync(object frame) => JsonFrames.SendAsync(_socket, frame);

    /// <summary>The next frame; the emulator closing the socket fails the test.</summary>
    public async Task<JsonElement> ReceiveAsync() =>
        await JsonFrames.ReceiveAsync(_socket) ?? throw new InvalidOperationException("the emulator closed the connection");

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        _socket.Dispose();
    }
}
