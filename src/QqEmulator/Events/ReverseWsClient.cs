using System.Globalization;
using System.Net.WebSockets;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Events;

/// <summary>
/// ws_reverse: for every online bot and every configured URL, keeps one Universal connection with <c>X-Self-ID</c>,
/// <c>X-Client-Role: Universal</c> and, with a token, <c>Authorization: Bearer</c>; after a failure or a close it
/// tries again every <see cref="QqEmulatorOptions.ReconnectInterval"/>.
/// </summary>
internal sealed class ReverseWsClient(QqEmulatorOptions options, QqWorld world, EventHub hub, ILogger<ReverseWsClient> logger)
{
    private int _open;

    /// <summary>Reverse connections established and not yet closed (what a test waits for before it sends).</summary>
    public int Open => Volatile.Read(ref _open);

    public async Task RunAsync(CancellationToken ct)
    {
        var running = new Dictionary<(long, Uri), Task>();
        using var timer = new PeriodicTimer(options.ReconnectInterval);
        do
        {
            foreach (var key in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
            {
                running.Remove(key);
            }

            foreach (var selfId in world.OnlineBots())
            {
                foreach (var url in options.ReverseWsUrls)
                {
                    // One connection per bot and URL: a new one only once the previous has ended.
                    if (!running.ContainsKey((selfId, url)))
                    {
                        running[(selfId, url)] = ConnectAsync(selfId, url, ct);
                    }
                }
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    private async Task ConnectAsync(long selfId, Uri url, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Self-ID", selfId.ToString(CultureInfo.InvariantCulture));
        socket.Options.SetRequestHeader("X-Client-Role", "Universal");
        if (!string.IsNullOrEmpty(options.AccessToken))
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + options.AccessToken);
        }

        var connection = new OneBotSocket(socket, world, selfId, options);
        var opened = false;
        try
        {
            await socket.ConnectAsync(url, ct);
            hub.Add(connection);
            opened = true;
            Interlocked.Increment(ref _open);
            await connection.RunAsync(ct);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
        {
            logger.LogDebug("reverse ws {Url} for {SelfId}: {Error}", url, selfId, e.Message);
        }
        finally
        {
            hub.Remove(connection);
            if (opened)
            {
                Interlocked.Decrement(ref _open);
            }
        }
    }
}
