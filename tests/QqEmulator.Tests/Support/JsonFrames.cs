using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OpenWxCluster.QqEmulator.Tests.Support;

/// <summary>JSON text frames over a WebSocket, for both test-side ends (forward client, reverse server).</summary>
internal static class JsonFrames
{
    public static Task SendAsync(WebSocket socket, object frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(frame)), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame, or null when the peer closed (bounded wait against a hang, not a timing assertion).</summary>
    public static async Task<JsonElement?> ReceiveAsync(WebSocket socket)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cts.Token);
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close ? null : JsonDocument.Parse(frame.ToArray()).RootElement.Clone();
    }
}
