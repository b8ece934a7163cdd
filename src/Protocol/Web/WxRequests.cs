using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>Request pieces shared by the CGIs: BaseRequest, JSON bodies and query strings.</summary>
internal static class WxRequests
{
    /// <summary><c>{Uin, Sid, Skey, DeviceID}</c> with a fresh DeviceID, as the web client sends on every call.</summary>
    public static JsonObject BaseRequest(WxSession session) => new()
    {
        ["Uin"] = long.TryParse(session.Uin, NumberStyles.Integer, CultureInfo.InvariantCulture, out var uin)
            ? JsonValue.Create(uin)
            : JsonValue.Create(session.Uin),
        ["Sid"] = session.Sid,
        ["Skey"] = session.Skey,
        ["DeviceID"] = WxStamp.NewDeviceId(),
    };

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
