using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The bare Kestrel ceilings, each its own process (<c>serve &lt;mode&gt; &lt;port&gt; [upstream]</c>) so its CPU is
/// measured apart: <c>json</c> answers a small Mojo-like JSON (ceiling A, reads); <c>relay</c> makes one loopback
/// POST to <c>upstream</c> before answering (ceiling B, sends); <c>upstream</c> is that bare upstream; <c>bytes</c>
/// answers a file's bytes as JSON (a read route's own reply: the same I/O as a long list); <c>receiver</c> is the bare
/// post_api receiver of the webhook phase (<see cref="WebhookReceiver"/>).
/// Every path answers: wrk sends the product's own paths, so the requests are the same size.
/// </summary>
internal static class CeilingServer
{
    /// <summary>What a send answers (<c>{"id","code","status"}</c>), so wrk's body check treats both sides alike.</summary>
    private static readonly byte[] Reply = Encoding.UTF8.GetBytes("""{"id":"1700000000000000001","code":0,"status":"success"}""");

    /// <summary>A webwxsendmsg-like answer of the upstream.</summary>
    private static readonly byte[] UpstreamReply = Encoding.UTF8.GetBytes(
        """{"BaseResponse":{"Ret":0,"ErrMsg":""},"MsgID":"1700000000000000001","LocalID":"17000000000001234"}""");

    /// <summary>A webwxsendmsg-like request body of the relay.</summary>
    private const string SendBody =
        """{"BaseRequest":{"Uin":1000001,"Sid":"sid","Skey":"@crypt_0","DeviceID":"e000000000000001"},"Msg":{"Type":1,"Content":"bench","FromUserName":"@a","ToUserName":"@b","LocalID":"17000000000001234","ClientMsgId":"17000000000001234"},"Scene":0}""";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[2], out var port) || (args[1] is "relay" or "bytes" && args.Length < 4))
        {
            await Console.Error.WriteLineAsync("usage: serve json|upstream|receiver <port> | serve relay <port> <upstream url> | serve bytes <port> <file>");
            return 2;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        switch (args[1])
        {
            case "json":
                app.MapFallback(() => Results.Bytes(Reply, "application/json"));
                break;
            case "upstream":
                app.MapFallback(() => Results.Bytes(UpstreamReply, "application/json"));
                break;
            case "bytes":
                var bytes = await File.ReadAllBytesAsync(args[3]);
                app.MapFallback(() => Results.Bytes(bytes, "application/json"));
                break;
            case "relay":
                var upstream = new Uri(args[3]);
                var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) });
                app.MapFallback(async (CancellationToken ct) =>
                {
                    using var content = new StringContent(SendBody, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(upstream, content, ct);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync(ct);
                    return Results.Bytes(Reply, "application/json");
                });
                break;
            case "receiver":
                WebhookReceiver.Map(app);
                break;
            default:
                await Console.Error.WriteLineAsync("unknown ceiling " + args[1]);
                return 2;
        }
        await app.RunAsync();
        return 0;
    }
}
