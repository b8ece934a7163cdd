using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using OpenWxCluster.QqEmulator.OneBot;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Events;

/// <summary>
/// One bot's OneBot WebSocket (ws.md), reverse or forward: lifecycle connect first, then the bot's events (unless the
/// role is API only), while action frames <c>{action, params, echo}</c> are answered with the envelope plus
/// <c>echo</c> (1404 for unknown actions; none on an Event-only socket). Ends when either side closes or the bot goes offline.
/// </summary>
public sealed class OneBotSocket : IQqEventSink
{
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new() { SingleReader = true });
    private readonly WebSocket _socket;
    private readonly QqWorld _world;
    private readonly long _selfId;
    private readonly bool _events;
    private readonly bool _actions;
    private readonly QqEmulatorOptions _options;

    /// <summary>Queues lifecycle connect (for sockets that carry events) before the connection can receive any event, so it is the first frame.</summary>
    public OneBotSocket(WebSocket socket, QqWorld world, long selfId, QqEmulatorOptions options, bool events = true, bool actions = true)
    {
        (_socket, _world, _selfId, _options, _events, _actions) = (socket, world, selfId, options, events, actions);
        if (events)
        {
            _outgoing.Writer.TryWrite(OneBotEvents.Lifecycle(selfId, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "connect").ToJsonString());
        }
    }

    public void Emit(long eventSelfId, JsonObject evt)
    {
        if (eventSelfId == _selfId)
        {
            if (_events)
            {
                _outgoing.Writer.TryWrite(evt.ToJsonString());
            }

            if (evt["notice_type"]?.GetValue<string>() == "bot_offline")
            {
                _outgoing.Writer.TryComplete();
            }
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = SendLoopAsync(linked.Token);
        try
        {
            await ReceiveLoopAsync(linked.Token);
        }
        finally
        {
            // Let the send loop flush and answer the close, then stop whatever is left.
            _outgoing.Writer.TryComplete();
            await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(5), ct));
            await linked.CancelAsync();
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        await foreach (var frame in _outgoing.Reader.ReadAllAsync(ct))
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, ct);
        }

        // Completed by bot_offline (a logged-out NapCat drops its connections) or by the peer's close, which we answer.
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", ct);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (_socket.State == WebSocketState.Open)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, ct);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (_actions)
            {
                _outgoing.Writer.TryWrite(Answer(frame.ToArray()).ToJsonString());
            }
        }
    }

    private JsonObject Answer(byte[] frame)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(frame) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        var echo = request?["echo"]?.DeepClone();
        var action = request?["action"] is JsonValue a && a.TryGetValue<string>(out var s) ? s : null;
        JsonObject envelope;
        if (request is null || action is null)
        {
            envelope = Failed(1400);
        }
        else if (!OneBotActions.Exists(action, _options))
        {
            envelope = Failed(1404);
        }
        else
        {
            var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            if (request["params"] is JsonObject p)
            {
                foreach (var (k, v) in p)
                {
                    values[k] = v?.DeepClone();
                }
            }

            envelope = OneBotActions.Envelope(action, _world, _selfId, new ActionParameters(values));
        }

        envelope["echo"] = echo;
        return envelope;
    }

    private static JsonObject Failed(int retcode) => new() { ["status"] = "failed", ["retcode"] = retcode, ["data"] = null };
}
