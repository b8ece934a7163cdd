using OpenWxCluster.QqEmulator.Events;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>
/// Forward WebSocket (ws.md): the client connects to <c>/</c> (Universal), <c>/api</c> (actions only) or <c>/event</c>
/// (events only), for the first bot, or under <c>/bots/{self_id}</c> for any. The handshake is refused with 401/403
/// like HTTP calls, 404 for an unknown bot and 503 while the bot is offline (a logged-out NapCat serves nothing).
/// </summary>
internal static class ForwardWsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, events, actions) in new[] { ("", true, true), ("/api", false, true), ("/event", true, false) })
        {
            app.Map(path.Length == 0 ? "/" : path, (HttpContext http, QqWorld w, QqEmulatorOptions o, EventHub hub) =>
                AcceptAsync(http, w, o, hub, w.DefaultBotId, events, actions));
            app.Map("/bots/{selfId:long}" + path, (long selfId, HttpContext http, QqWorld w, QqEmulatorOptions o, EventHub hub) =>
                AcceptAsync(http, w, o, hub, selfId, events, actions));
        }
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, QqWorld world, QqEmulatorOptions options, EventHub hub, long? selfId, bool events, bool actions)
    {
        if (OneBotEndpoints.Authorize(http.Request, options.AccessToken) is { } denied)
        {
            return Results.StatusCode(denied);
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Results.BadRequest();
        }

        if (selfId is not { } id || !world.IsBot(id))
        {
            return Results.NotFound();
        }

        if (!world.IsOnline(id))
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new OneBotSocket(socket, world, id, options, events, actions);
        hub.Add(connection);
        try
        {
            await connection.RunAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            hub.Remove(connection);
        }

        return Results.Empty;
    }
}
