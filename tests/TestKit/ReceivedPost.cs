using System.Text.Json;

namespace OpenWxCluster.TestKit;

/// <summary>One POST a <see cref="WebhookReceiver"/> took: the raw body, its JSON, the headers and query that came with it.</summary>
public sealed record ReceivedPost(
    string Body,
    JsonElement Json,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    DateTimeOffset ReceivedAt)
{
    public string? EventId => Json.TryGetProperty("event_id", out var id) ? id.GetString() : null;

    public string? PostType => Json.TryGetProperty("post_type", out var t) ? t.GetString() : null;

    public string? Content => Json.TryGetProperty("content", out var c) ? c.GetString() : null;

    public string? Event => Json.TryGetProperty("event", out var e) ? e.GetString() : null;

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
