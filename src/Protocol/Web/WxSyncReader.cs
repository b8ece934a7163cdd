using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>SyncKey (de)serialisation and AddMsgList entries.</summary>
internal static class WxSyncReader
{
    /// <summary>Reads a <c>{Count, List:[{Key,Val}]}</c> property; null when absent.</summary>
    public static WxSyncKey? ReadKey(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var key) || key.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var items = WxJson.Array(key, "List")
            .Select(i => new WxSyncKeyItem(WxJson.Int(i, "Key"), WxJson.Long(i, "Val")))
            .ToList();
        return new WxSyncKey(items);
    }

    public static JsonObject WriteKey(WxSyncKey key)
    {
        var list = new JsonArray();
        foreach (var item in key.List)
        {
            list.Add(new JsonObject { ["Key"] = item.Key, ["Val"] = item.Val });
        }

        return new JsonObject { ["Count"] = key.Count, ["List"] = list };
    }

    public static WxRawMessage ReadMessage(JsonElement e) => new()
    {
        MsgId = WxJson.Str(e, "MsgId"),
        FromUserName = WxJson.Str(e, "FromUserName"),
        ToUserName = WxJson.Str(e, "ToUserName"),
        MsgType = WxJson.Int(e, "MsgType"),
        Content = WxJson.Str(e, "Content"),
        CreateTime = WxJson.Long(e, "CreateTime"),
        AppMsgType = WxJson.Int(e, "AppMsgType"),
        SubMsgType = WxJson.Int(e, "SubMsgType"),
        FileName = WxJson.Str(e, "FileName"),
        FileSize = WxJson.Str(e, "FileSize"),
        MediaId = WxJson.Str(e, "MediaId"),
        Url = WxJson.Str(e, "Url"),
        StatusNotifyCode = WxJson.Int(e, "StatusNotifyCode"),
        StatusNotifyUserName = WxJson.Str(e, "StatusNotifyUserName"),
        RecommendInfo = ReadRecommendInfo(e),
    };

    private static WxRecommendInfo? ReadRecommendInfo(JsonElement e)
    {
        if (!e.TryGetProperty("RecommendInfo", out var info) || info.ValueKind != JsonValueKind.Object
            || WxJson.Str(info, "UserName").Length == 0)
        {
            return null;
        }

        return new WxRecommendInfo(
            WxJson.Str(info, "UserName"),
            WxJson.Str(info, "NickName"),
            WxJson.Str(info, "Content"),
            WxJson.Str(info, "Ticket"),
            WxJson.Str(info, "Alias"),
            WxJson.Str(info, "Province"),
            WxJson.Str(info, "City"),
            WxJson.Int(info, "Sex"));
    }
}
