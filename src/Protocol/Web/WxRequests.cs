using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>Request pieces shared by the CGIs: BaseRequest, JSON bodies and query strings.</summary>
internal static class WxRequests
{
    /// <summary><c>{Uin, Sid, Skey, DeviceID}</c> with a fresh DeviceID, as the web client sends on every call.</summary>
    public static JsonObject BaseRequest(WxSession session) => new()
    {
        ["Uin"] = NumericUin(session) is { } uin ? JsonValue.Create(uin) : JsonValue.Create(session.Uin),
        ["Sid"] = session.Sid,
        ["Skey"] = session.Skey,
        ["DeviceID"] = WxStamp.NewDeviceId(),
    };

    /// <summary>The same BaseRequest as <see cref="BaseRequest"/>, written as the value of the current property.</summary>
    public static void WriteBaseRequest(Utf8JsonWriter json, WxSession session)
    {
        json.WriteStartObject();
        if (NumericUin(session) is { } uin)
        {
            json.WriteNumber("Uin", uin);
        }
        else
        {
            json.WriteString("Uin", session.Uin);
        }
        json.WriteString("Sid", session.Sid);
        json.WriteString("Skey", session.Skey);
        json.WriteString("DeviceID", WxStamp.NewDeviceId());
        json.WriteEndObject();
    }

    /// <summary>The web client sends Uin as a number; one that is not numeric goes as the string it is.</summary>
    private static long? NumericUin(WxSession session) =>
        long.TryParse(session.Uin, NumberStyles.Integer, CultureInfo.InvariantCulture, out var uin) ? uin : null;

    /// <summary>A body that starts with BaseRequest followed by <paramref name="fields"/>.</summary>
    public static JsonObject Body(WxSession session, params (string Name, JsonNode? Value)[] fields)
    {
        var body = new JsonObject { ["BaseRequest"] = BaseRequest(session) };
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        return body;
    }

    public static HttpContent Json(JsonNode body) => WxJsonContent.From(body);

    /// <summary>Builds an encoded query; values are escaped, names are trusted constants.</summary>
    public static string Query(params (string Name, object? Value)[] pairs) =>
        string.Join('&', pairs.Select(p => p.Name + "=" + Uri.EscapeDataString(Format(p.Value))));

    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
