using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>The delivery log as JSON; the destination without its query (it may carry a receiver's token).</summary>
public static class WebhookJson
{
    public static JsonObject Info(WebhookInfo info) => new()
    {
        ["code"] = 0,
        ["status"] = "success",
        ["post_api"] = info.Url is null ? null : WithoutQuery(info.Url),
        ["backlog"] = info.Backlog,
        ["last_event_seq"] = info.LastSeq,
        ["delivered"] = info.Delivered,
        ["failed"] = info.Failed,
        ["dropped"] = info.Dropped,
        ["attempts"] = new JsonArray([.. info.Attempts.Select(Attempt)]),
    };

    private static JsonNode Attempt(WebhookAttempt a) => new JsonObject
    {
        ["event_id"] = a.EventId,
        ["attempt"] = a.Attempt,
        ["status_code"] = a.StatusCode,
        ["latency_ms"] = Math.Round(a.Latency.TotalMilliseconds, 1),
        ["error"] = a.Error,
        ["time"] = a.Time.ToUnixTimeMilliseconds(),
    };

    private static string WithoutQuery(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "";
}
