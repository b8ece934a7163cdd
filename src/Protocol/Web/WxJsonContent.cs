using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IO;

namespace OpenWxCluster.Protocol.Web;

/// <summary>
/// JSON request bodies written once, as UTF-8, into pooled buffers that go back to the pool when the request is
/// disposed (before: the body as a string, then a second copy as UTF-8 bytes, per send and per sync).
/// </summary>
internal static class WxJsonContent
{
    /// <summary>
    /// Small blocks (a send's body is under 1 KB) and a bounded free pool: without limits the manager keeps every
    /// block ever returned, so a burst of concurrent requests would stay in memory for good.
    /// </summary>
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 4 * 1024,
        LargeBufferMultiple = 64 * 1024,
        MaximumBufferSize = 4 * 1024 * 1024,
        MaximumSmallPoolFreeBytes = 4 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 8 * 1024 * 1024,
    });

    public static HttpContent From(JsonNode body) => Write(body, static (json, node) => node.WriteTo(json));

    /// <summary>A body written by <paramref name="write"/> straight into the pooled buffers, without a JSON tree first.</summary>
    public static HttpContent Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var stream = Buffers.GetStream(nameof(WxJsonContent));
        using (var json = new Utf8JsonWriter((IBufferWriter<byte>)stream, WxJson.WriterOptions))
        {
            write(json, state);
        }
        stream.Position = 0;
        // StreamContent disposes the stream with the request, which returns its buffers to the pool.
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
