using System.Globalization;
using System.Text.Json;

namespace OpenWxCluster.QqProtocol.Http;

/// <summary>
/// Tolerant readers for OneBot JSON: implementations disagree on number vs string ids (NapCat, go-cqhttp, LLOneBot),
/// so a field is accepted in either form and a missing field reads as its zero value.
/// </summary>
internal static class OneBotJson
{
    public static long Long(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v))
        {
            return 0;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.Number => (long)v.GetDouble(),
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
            _ => 0,
        };
    }

    public static int Int(JsonElement obj, string name) => (int)Math.Clamp(Long(obj, name), int.MinValue, int.MaxValue);

    public static string String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v))
        {
            return "";
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => "",
        };
    }

    public static bool? Bool(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    public static QqGroupRole Role(JsonElement obj) => String(obj, "role") switch
    {
        "owner" => QqGroupRole.Owner,
        "admin" => QqGroupRole.Admin,
        "member" => QqGroupRole.Member,
        _ => QqGroupRole.Unknown,
    };

    public static QqStatus Status(JsonElement obj) => new(Bool(obj, "online"), Bool(obj, "good") ?? false);

    public static QqGroup Group(JsonElement e) =>
        new(Long(e, "group_id"), String(e, "group_name"), Int(e, "member_count"), Int(e, "max_member_count"));

    public static QqGroupMember Member(JsonElement e) => new(
        Long(e, "group_id"), Long(e, "user_id"), String(e, "nickname"), String(e, "card"), Role(e), String(e, "title"),
        Long(e, "join_time"), Long(e, "last_sent_time"));

    public static QqSender Sender(JsonElement e) => new(Long(e, "user_id"), String(e, "nickname"), String(e, "card"), Role(e));

    public static IEnumerable<JsonElement> Array(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : [];
}
