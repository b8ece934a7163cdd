namespace OpenWxCluster.Protocol.Parsing;

/// <summary>Per-MsgType content of a message whose direction and ids are already set (mojo-reference §3 table).</summary>
internal static class WxMessageFormatter
{
    private const string SelfRevokeText = "你撤回了一条消息";

    public static WxMessage? Format(WxRawMessage raw, WxMessage envelope, string body, bool emojiToText) => raw.MsgType switch
    {
        1 or 10000 => envelope with { Format = "text", Content = WxContentCleaner.Clean(body, emojiToText) },
        3 => Media(raw, envelope, "image", "[图片]"),
        34 => Media(raw, envelope, "voice", "[语音]"),
        43 => Media(raw, envelope, "video", "[视频]"),
        47 => Media(raw, envelope, "emoticon", "[表情]"),
        62 => Media(raw, envelope, "microvideo", "[小视频]"),
        42 => Card(raw, envelope, body),
        49 => App(raw, envelope, body),
        10002 => Revoke(envelope, body),
        _ => null,
    };

    private static WxMessage Media(WxRawMessage raw, WxMessage envelope, string mediaType, string content) => envelope with
    {
        Format = "media",
        Content = content,
        MediaType = mediaType,
        MediaCode = raw.MsgType,
        MediaId = $"{raw.MsgId}:{raw.MsgType}",
    };

    private static WxMessage? App(WxRawMessage raw, WxMessage envelope, string body)
    {
        var xml = WxXmlDoc.Parse(WxContentCleaner.UnescapeXml(body));
        switch (raw.AppMsgType)
        {
            case 6:
                var name = raw.FileName.Length > 0 ? raw.FileName : xml.Value("appmsg", "title");
                return envelope with
                {
                    Format = "media",
                    Content = "[文件]",
                    MediaType = "file",
                    MediaCode = 6,
                    MediaId = $"{raw.MediaId}:6",
                    MediaName = name,
                    MediaSize = raw.FileSize.Length > 0 ? raw.FileSize : xml.Value("appmsg", "appattach", "totallen"),
                };
            case 5:
                var title = xml.Value("appmsg", "title");
                var desc = xml.Value("appmsg", "des");
                var url = xml.Value("appmsg", "url") is { Length: > 0 } u ? u : WxContentCleaner.UnescapeXml(raw.Url);
                var appName = xml.Value("appinfo", "appname");
                return envelope with
                {
                    Format = "app",
                    AppTitle = title,
                    AppDesc = desc,
                    AppUrl = url,
                    AppName = appName,
                    AppId = xml.Attribute("appid", "appmsg"),
                    Content = $"[应用分享]标题：{OrUnknown(title)}\n[应用分享]描述：{OrUnknown(desc)}\n"
                        + $"[应用分享]应用：{OrUnknown(appName)}\n[应用分享]链接：{OrUnknown(url)}",
                };
            case 2000:
                return envelope with { Format = "payment", Content = $"[转账]({xml.Value("appmsg", "des")})" };
            default:
                return null;
        }
    }

    private static WxMessage Card(WxRawMessage raw, WxMessage envelope, string body)
    {
        var xml = WxXmlDoc.Parse(WxContentCleaner.UnescapeXml(body));
        var info = raw.RecommendInfo;
        var name = info?.NickName is { Length: > 0 } n ? n : xml.Attribute("nickname");
        var account = info?.Alias is { Length: > 0 } a ? a : xml.Attribute("alias");
        var province = info?.Province is { Length: > 0 } p ? p : xml.Attribute("province");
        var city = info?.City is { Length: > 0 } c ? c : xml.Attribute("city");
        var sex = info?.Sex ?? (int.TryParse(xml.Attribute("sex"), out var s) ? s : 0);
        return envelope with
        {
            Format = "card",
            CardId = info?.UserName is { Length: > 0 } id ? id : xml.Attribute("username"),
            CardName = name,
            CardAccount = account,
            CardProvince = province,
            CardCity = city,
            CardSex = sex switch { 1 => "male", 2 => "female", _ => "" },
            CardAvatar = xml.Attribute("bigheadimgurl"),
            Content = $"[名片]昵称：{OrUnknown(name)}\n[名片]微信号：{OrUnknown(account)}\n[名片]地区：{OrUnknown($"{province} {city}".Trim())}",
        };
    }

    private static WxMessage Revoke(WxMessage envelope, string body)
    {
        var xml = WxXmlDoc.Parse(WxContentCleaner.UnescapeXml(body));
        var replace = xml.Value("revokemsg", "replacemsg");
        var message = envelope with
        {
            Format = "revoke",
            RevokeId = xml.Value("revokemsg", "msgid"),
            Content = $"[撤回消息]({replace})",
        };

        // The phone's own recall can arrive as an incoming message; Mojo flips it to what it is.
        return replace == SelfRevokeText && message.Class == "recv"
            ? message with { Class = "send", Source = "outer" }
            : message;
    }

    private static string OrUnknown(string value) => value.Length > 0 ? value : "未知";
}
