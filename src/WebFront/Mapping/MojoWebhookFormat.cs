using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// post_api bodies and replies as Mojo-Weixin's Openwx plugin has them: the same entry check_event gives (with
/// <c>event_id</c> and <c>event_time</c>), <c>media_data</c> read from the media store unless post_media_data is 0; the answer is read
/// only when its content type is <c>text/json</c> or <c>application/json</c>, for <c>reply</c> and Openwx's <c>media</c>
/// (an http/https URL, as Mojo's code checks; a local path is ignored) or Openqq's <c>shutup</c> /
/// <c>shutup_time</c>. A QQ account's events are rendered as Openqq JSON (<see cref="EventJson"/> picks by the
/// event's account key).
/// </summary>
public sealed class MojoWebhookFormat(IMediaStore media) : IWebhookFormat
{
    public async Task<string> RenderAsync(AccountEvent accountEvent, bool includeMediaData, CancellationToken cancellation)
    {
        var mediaData = includeMediaData ? await MediaDataJson.ReadAsync(accountEvent, media, long.MaxValue, cancellation) : null;
        return EventJson.Serialize(accountEvent, mediaData);
    }

    /// <summary>Judged on the JSON the message is posted as: a QQ account's filter names Openqq's fields.</summary>
    public bool Passes(string platform, ChatMessage message, string postType, IReadOnlyDictionary<string, string> filter)
    {
        // The fields alone, no tree: a message's values are all text, and an empty one matches nothing (as Scalar has it).
        var fields = platform == AccountKey.QQ ? QqMessageJson.Fields(message, postType) : MessageJson.Fields(message, postType);
        return filter.All(f => !fields.TryGetText(f.Key, out var text) || (text is { Length: > 0 } && text == f.Value));
    }

    public WebhookReply? ReadReply(string platform, string? contentType, string body)
    {
        if (contentType is not ("application/json" or "text/json") || string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        var qq = platform == AccountKey.QQ;
        var text = Scalar(json?["reply"]);
        // Each plugin's own keys: Openqq never had media replies, Openwx never muted anyone.
        var media = qq ? null : Scalar(json?["media"]);
        var shutup = qq ? Shutup(json) : null;
        if (media is not null && !media.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !media.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            media = null;
        }
        return text is null && media is null ? null : new WebhookReply(text, media, shutup);
    }

    public const long MinShutupSeconds = 60;
    public const long MaxShutupSeconds = 30L * 24 * 3600;

    /// <summary>
    /// Openqq: <c>shutup</c> 1 or true mutes the group message's sender for <c>shutup_time</c> seconds (digits only,
    /// default 60, kept within QQ's 60 s .. 30 days).
    /// </summary>
    private static TimeSpan? Shutup(JsonObject? json)
    {
        var on = json?["shutup"] is JsonValue flag
            && (flag.GetValueKind() == JsonValueKind.True || Scalar(flag) == "1");
        if (!on)
        {
            return null;
        }
        var seconds = Scalar(json!["shutup_time"]) is { } text && text.All(char.IsAsciiDigit)
            && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? Math.Clamp(parsed, MinShutupSeconds, MaxShutupSeconds)
                : MinShutupSeconds;
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A string or number as text (Perl does not tell them apart); anything else is no value.</summary>
    private static string? Scalar(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
