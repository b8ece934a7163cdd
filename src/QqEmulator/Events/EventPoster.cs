using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Events;

/// <summary>
/// HTTP POST reporting (http-post.md): one queue, posted in order to every URL with <c>X-Self-ID</c> and, with a secret,
/// <c>X-Signature: sha1=&lt;hex HMAC-SHA1 of the body&gt;</c>. A failed post is logged and dropped, as implementations do.
/// </summary>
public sealed class EventPoster(QqEmulatorOptions options, ILogger<EventPoster> logger) : IQqEventSink, IDisposable
{
    private readonly Channel<(long SelfId, string Body)> _queue = Channel.CreateUnbounded<(long, string)>(new() { SingleReader = true });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Emit(long selfId, JsonObject evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (options.PostUrls.Count > 0)
        {
            _queue.Writer.TryWrite((selfId, evt.ToJsonString()));
        }
    }

    public static string Sign(string secret, byte[] body) =>
        "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));

    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var (selfId, body) in _queue.Reader.ReadAllAsync(ct))
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            foreach (var url in options.PostUrls)
            {
                await PostAsync(url, selfId, bytes, ct);
            }
        }
    }

    /// <summary>Called with (self id, event, answer object) when a post is answered with a JSON object: the quick operation.</summary>
    public Action<long, JsonObject, JsonObject>? OnAnswer { get; set; }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(Uri url, long selfId, byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        request.Headers.Add("X-Self-ID", selfId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(options.Secret))
        {
            request.Headers.Add("X-Signature", Sign(options.Secret, body));
        }

        try
        {
            using var response = await _http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("event post to {Url} answered {Status}", url, (int)response.StatusCode);
                return;
            }

            var answer = await response.Content.ReadAsStringAsync(ct);
            if (OnAnswer is { } handle && answer.TrimStart().StartsWith('{') && JsonNode.Parse(answer) is JsonObject op && op.Count > 0)
            {
                handle(selfId, (JsonObject)JsonNode.Parse(body)!, op);
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            logger.LogWarning("event post to {Url}: unreadable answer: {Error}", url, e.Message);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("event post to {Url} failed: {Error}", url, e.Message);
        }
    }
}
