using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>
/// webwxsendappmsg (Type 6 file appmsg → recipients get MsgType 49 / AppMsgType 6), webwxsendvideomsg (43) and
/// webwxsendemoticon (47, EmojiFlag 2). All take an uploaded MediaId and answer like webwxsendmsg.
/// </summary>
internal static class MediaSendEndpoints
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Cgi + "webwxsendappmsg", SendAppMsgAsync).OnHost(HostKind.Main);
        app.MapPost(Cgi + "webwxsendvideomsg", SendVideoAsync).OnHost(HostKind.Main);
        app.MapPost(Cgi + "webwxsendemoticon", SendEmoticonAsync).OnHost(HostKind.Main);
    }

    private static async Task<IResult> SendAppMsgAsync(HttpContext http, EmulatorWorld world)
    {
        var (session, msg, error) = await ReadAsync(http, world);
        if (session is null)
        {
            return error!;
        }

        if (msg.Int("Type") != 6 || !TryParseFileAppMsg(msg.Str("Content"), out var title, out var totalLen, out var attachId))
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "Type 6 with a file appmsg (title, totallen, attachid) expected");
        }

        if (world.Media.Get(attachId) is not { } media || media.OwnerWxid != session.Wxid || media.Bytes.Length != totalLen)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "attachid is not a MediaId uploaded by this account, or totallen differs");
        }

        var content = WireText.Escape(AppMsgXml(session, title, media));
        return MessageEndpoints.Send(world, session, msg, 49, content, m =>
        {
            world.Media.Link(m.MsgId, media.MediaId, 49);
            return m with { AppMsgType = 6, FileName = title, FileSize = media.Bytes.Length.ToString(CultureInfo.InvariantCulture), MediaId = media.MediaId };
        });
    }

    private static async Task<IResult> SendVideoAsync(HttpContext http, EmulatorWorld world)
    {
        var (session, msg, error) = await ReadAsync(http, world);
        if (session is null)
        {
            return error!;
        }

        if (world.Media.Get(msg.Str("MediaId")) is not { } media || msg.Int("Type") is not (43 or 62))
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "unknown MediaId or Type is not 43");
        }

        var md5 = Convert.ToHexStringLower(MD5.HashData(media.Bytes));
        var xml = $"<?xml version=\"1.0\"?>\n<msg><videomsg aeskey=\"\" cdnthumbaeskey=\"\" cdnvideourl=\"\" cdnthumburl=\"\" length=\"{media.Bytes.Length}\" playlength=\"1\" cdnthumblength=\"0\" cdnthumbwidth=\"120\" cdnthumbheight=\"120\" fromusername=\"{session.SelfUserName}\" md5=\"{md5}\" newmd5=\"\" isad=\"0\" /></msg>";
        return MessageEndpoints.Send(world, session, msg, 43, WireText.Escape(xml), m =>
        {
            world.Media.Link(m.MsgId, media.MediaId, 43);
            return m with { ImgWidth = 120, ImgHeight = 120, PlayLength = 1 };
        });
    }

    private static async Task<IResult> SendEmoticonAsync(HttpContext http, EmulatorWorld world)
    {
        var (session, msg, error) = await ReadAsync(http, world);
        if (session is null)
        {
            return error!;
        }

        if (world.Media.Get(msg.Str("MediaId")) is not { } media || msg.Int("Type") != 47 || msg.Int("EmojiFlag") != 2)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "unknown MediaId, or Type is not 47 / EmojiFlag not 2");
        }

        var md5 = Convert.ToHexStringLower(MD5.HashData(media.Bytes));
        var xml = $"<msg><emoji fromusername=\"{session.SelfUserName}\" tousername=\"\" type=\"2\" idbuffer=\"media:0_0\" md5=\"{md5}\" len=\"{media.Bytes.Length}\" productid=\"\" androidmd5=\"{md5}\" androidlen=\"{media.Bytes.Length}\" s60v3md5=\"{md5}\" s60v3len=\"{media.Bytes.Length}\" s60v5md5=\"{md5}\" s60v5len=\"{media.Bytes.Length}\" cdnurl=\"\" designerid=\"\" thumburl=\"\" encrypturl=\"\" aeskey=\"\" width=\"120\" height=\"120\" ></emoji></msg>";
        return MessageEndpoints.Send(world, session, msg, 47, WireText.Escape(xml), m =>
        {
            world.Media.Link(m.MsgId, media.MediaId, 47);
            return m with { ImgWidth = 120, ImgHeight = 120 };
        });
    }

    /// <summary>Session check, rate limit (Ret 1205) and the Msg object shared by the three CGIs.</summary>
    private static async Task<(EmuSession? Session, System.Text.Json.JsonElement? Msg, IResult? Error)> ReadAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return (null, null, WireJson.Ret(ret));
        }

        return session.RateLimited ? (null, null, WireJson.Ret(MessageEndpoints.RateLimited)) : (session, body.Obj("Msg"), null);
    }

    /// <summary>Reads the web client's <c>&lt;appmsg&gt;&lt;type&gt;6..&lt;appattach&gt;</c> (raw or HTML-escaped).</summary>
    internal static bool TryParseFileAppMsg(string? content, out string title, out long totalLen, out string attachId)
    {
        title = attachId = "";
        totalLen = 0;
        if (string.IsNullOrEmpty(content))
        {
            return false;
        }

        try
        {
            var xml = XElement.Parse(content.TrimStart().StartsWith('<') ? content : WireText.Unescape(content));
            var appmsg = xml.Name.LocalName == "appmsg" ? xml : xml.Element("appmsg");
            var attach = appmsg?.Element("appattach");
            title = appmsg?.Element("title")?.Value ?? "";
            attachId = attach?.Element("attachid")?.Value ?? "";
            return appmsg?.Element("type")?.Value == "6" && title.Length > 0 && attachId.Length > 0 &&
                long.TryParse(attach?.Element("totallen")?.Value, out totalLen);
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>What recipients see in Content: the service wraps the appmsg in &lt;msg&gt; and adds its own fields.</summary>
    private static string AppMsgXml(EmuSession session, string title, StoredMedia media)
    {
        var ext = Path.GetExtension(title).TrimStart('.');
        var appmsg = new XElement("appmsg", new XAttribute("appid", "wxeb7ec651dd0aefa9"), new XAttribute("sdkver", ""),
            new XElement("title", title), new XElement("des", ""), new XElement("action", ""), new XElement("type", 6),
            new XElement("showtype", 0), new XElement("content", ""), new XElement("url", ""), new XElement("lowurl", ""),
            new XElement("appattach", new XElement("totallen", media.Bytes.Length), new XElement("attachid", media.MediaId),
                new XElement("fileext", ext)),
            new XElement("extinfo", ""));
        var msg = new XElement("msg", appmsg, new XElement("fromusername", session.SelfUserName), new XElement("scene", 0),
            new XElement("appinfo", new XElement("version", 1), new XElement("appname", "")), new XElement("commenturl", ""));
        return "<?xml version=\"1.0\"?>\n" + msg.ToString(SaveOptions.DisableFormatting);
    }
}
