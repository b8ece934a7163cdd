using System.Text.Json;
using OpenWxCluster.QqProtocol.Http;
using OpenWxCluster.QqProtocol.Messages;
using static OpenWxCluster.QqProtocol.Http.OneBotJson;

namespace OpenWxCluster.QqProtocol.Events;

/// <summary>
/// OneBot v11 event JSON (HTTP POST body or WS push) to typed records. Accepts both message formats (segment array
/// and CQ string) and number-or-string ids; anything unrecognised becomes <see cref="QqOtherEvent"/>.
/// </summary>
public static class OneBotEventParser
{
    /// <summary>Parses one event. Throws <see cref="JsonException"/> when the body is not a JSON object.</summary>
    public static OneBotEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var doc = JsonDocument.ParseValue(ref reader);
        return Parse(doc.RootElement);
    }

    public static OneBotEvent Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement);
    }

    public static OneBotEvent Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A OneBot event is a JSON object.");
        }

        var time = Long(e, "time");
        var self = Long(e, "self_id");
        var postType = String(e, "post_type");
        var detail = String(e, postType + "_type");
        var sub = String(e, "sub_type");
        return (postType, detail) switch
        {
            ("message" or "message_sent", "private") => new QqPrivateMessageEvent(
                time, self, sub, Long(e, "message_id"), Long(e, "user_id"), Message(e), String(e, "raw_message"), SenderOf(e))
            {
                TempGroupId = e.TryGetProperty("sender", out var s) && Long(s, "group_id") is > 0 and var g ? g : Long(e, "group_id"),
            },
            ("message" or "message_sent", "group") => new QqGroupMessageEvent(
                time, self, sub, Long(e, "message_id"), Long(e, "group_id"), Long(e, "user_id"), Message(e), String(e, "raw_message"), SenderOf(e)),
            ("message" or "message_sent", "discuss") => new QqDiscussMessageEvent(
                time, self, Long(e, "message_id"), Long(e, "discuss_id"), Long(e, "user_id"), Message(e), String(e, "raw_message"), SenderOf(e)),
            ("notice", "group_increase" or "group_decrease") => new QqGroupMemberChangeEvent(
                time, self, detail == "group_increase", sub, Long(e, "group_id"), Long(e, "user_id"), Long(e, "operator_id")),
            ("notice", "group_ban") => new QqGroupBanEvent(
                time, self, sub, Long(e, "group_id"), Long(e, "user_id"), Long(e, "operator_id"), Long(e, "duration")),
            ("notice", "group_recall") => new QqRecallEvent(
                time, self, Long(e, "group_id"), Long(e, "user_id"), Long(e, "operator_id"), Long(e, "message_id")),
            // A friend recall has no operator: the friend recalled their own message.
            ("notice", "friend_recall") => new QqRecallEvent(time, self, 0, Long(e, "user_id"), Long(e, "user_id"), Long(e, "message_id")),
            ("notice", "group_card") => new QqGroupCardEvent(
                time, self, Long(e, "group_id"), Long(e, "user_id"), String(e, "card_new"), String(e, "card_old")),
            ("notice", "friend_add") => new QqFriendAddEvent(time, self, Long(e, "user_id")),
            ("notice", "bot_offline") => new QqBotOfflineEvent(time, self, String(e, "tag"), String(e, "message")),
            ("meta_event", "lifecycle") => new QqLifecycleEvent(time, self, sub),
            ("meta_event", "heartbeat") => new QqHeartbeatEvent(
                time, self, e.TryGetProperty("status", out var status) ? Status(status) : new QqStatus(null, false), Long(e, "interval")),
            _ => new QqOtherEvent(time, self, postType, detail, sub, e.GetRawText()),
        };
    }

    private static QqSender SenderOf(JsonElement e)
    {
        var sender = e.TryGetProperty("sender", out var s) ? OneBotJson.Sender(s) : new QqSender(0, "", "", QqGroupRole.Unknown);
        return sender.UserId == 0 ? sender with { UserId = Long(e, "user_id") } : sender;
    }

    private static IReadOnlyList<OneBotSegment> Message(JsonElement e)
    {
        if (e.TryGetProperty("message", out var message))
        {
            if (message.ValueKind == JsonValueKind.Array)
            {
                return [.. message.EnumerateArray().Select(Segment)];
            }

            if (message.ValueKind == JsonValueKind.String)
            {
                return CqCode.Parse(message.GetString() ?? "");
            }
        }

        return CqCode.Parse(String(e, "raw_message"));
    }

    private static OneBotSegment Segment(JsonElement s)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (s.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in d.EnumerateObject())
            {
                // Nested values (NapCat's extra fields) are kept as their JSON text rather than dropped.
                data[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Null => "",
                    _ => p.Value.GetRawText(),
                };
            }
        }

        return new OneBotSegment(String(s, "type"), data);
    }
}
