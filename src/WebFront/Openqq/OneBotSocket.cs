using System.Net.WebSockets;
using System.Text.Json;

namespace OpenWxCluster.WebFront;

/// <summary>
/// OneBot's reverse WebSocket (Universal): the implementation connects with its access token
/// (<c>Authorization: Bearer|Token</c> or <c>access_token=</c>) and <c>X-Self-ID</c>; the grain authorizes the
/// handshake before the upgrade, then each text message is handed to the grain in order, one at a time.
/// </summary>
internal static partial class OneBotSocket
{
    internal static async Task<IResult> RunAsync(string client, HttpContext http, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!ClientNames.IsValid(client))
        {
            return IntakeReplies.Reply(StatusCodes.Status400BadRequest, "invalid client name");
        }
        var account = grains.ForKey<IQqAccountGrain>(AccountKey.For(AccountKey.QQ, client));
        var selfId = OneBotIntakeEndpoints.Header(http, OneBotIntakeEndpoints.SelfIdHeader);
        var logger = loggers.CreateLogger(typeof(OneBotSocket));
        QqIntakeResult authorized;
        try
        {
            authorized = await account.AuthorizeSocketAsync(Token(http.Request), selfId);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            // A 5xx before the upgrade: the implementation retries the connection later.
            OneBotIntakeEndpoints.LogFailed(logger, ex, client);
            return IntakeReplies.Reply(StatusCodes.Status503ServiceUnavailable, "account unavailable");
        }
        if (IntakeReplies.For(authorized) is { } refusal)
        {
            return refusal;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return IntakeReplies.Reply(StatusCodes.Status400BadRequest, "websocket upgrade required");
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        try
        {
            await PumpAsync(socket, account, selfId, client, logger, http.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The implementation went away; it reconnects on its own.
        }
        return Results.Empty;
    }

    /// <summary>The token as OneBot sends it: <c>Authorization: Bearer t</c> or <c>Token t</c>, else <c>access_token=</c>.</summary>
    internal static string? Token(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.LastOrDefault() ?? "";
        foreach (var scheme in (string[])["Bearer ", "Token "])
        {
            if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return authorization[scheme.Length..].Trim();
            }
        }
        return request.Query["access_token"].LastOrDefault();
    }

    private static async Task PumpAsync(
        WebSocket socket, IQqAccountGrain account, string? selfId, string client, ILogger logger, CancellationToken aborted)
    {
        var chunk = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(chunk, aborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, aborted);
                return;
            }
            if (message.Length + received.Count > IntakeReplies.MaxEventBytes)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "event too large", aborted);
                return;
            }
            message.Write(chunk, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }
            var bytes = message.ToArray();
            message.SetLength(0);
            // OneBot sends events as text; action responses answer calls this side never makes over the socket.
            if (received.MessageType != WebSocketMessageType.Text || IsActionResponse(bytes))
            {
                continue;
            }
            var result = await IngestAsync(account, new QqIntake(bytes, selfId, null, QqTransport.ReverseWebSocket), client, logger, aborted);
            if (result is null)
            {
                await socket.CloseAsync(WebSocketCloseStatus.InternalServerError, "event not saved", aborted);
                return;
            }
            if (result is not (QqIntakeResult.Accepted or QqIntakeResult.Malformed))
            {
                // Stopped, or the token or self id no longer fit: the reconnect's handshake gets the HTTP answer.
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, result.Value.ToString(), aborted);
                return;
            }
        }
    }

    /// <summary>The grain's answer, or null once <see cref="IntakeRetry"/> gave up.</summary>
    private static async Task<QqIntakeResult?> IngestAsync(
        IQqAccountGrain account, QqIntake intake, string client, ILogger logger, CancellationToken aborted)
    {
        try
        {
            return await IntakeRetry.IngestAsync(account, intake, aborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !aborted.IsCancellationRequested)
        {
            OneBotIntakeEndpoints.LogFailed(logger, ex, client);
            return null;
        }
    }

    /// <summary>An action response has <c>echo</c> or <c>retcode</c> and no <c>post_type</c>.</summary>
    private static bool IsActionResponse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && !root.TryGetProperty("post_type", out _)
                && (root.TryGetProperty("echo", out _) || root.TryGetProperty("retcode", out _));
        }
        catch (JsonException)
        {
            return false; // the grain answers Malformed
        }
    }
}
