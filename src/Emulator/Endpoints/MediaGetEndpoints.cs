using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>
/// Raw-byte downloads of received media: webwxgetvoice and webwxgetvideo by msgid+skey on {d}, webwxgetmedia for
/// files on file.{d} (sender, mediaid, filename, fromuser, pass_ticket, webwx_data_ticket). Unknown → HTTP 404.
/// </summary>
internal static class MediaGetEndpoints
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Cgi + "webwxgetvoice", GetVoice).OnHost(HostKind.Main);
        app.MapGet(Cgi + "webwxgetvideo", GetVideo).OnHost(HostKind.Main);
        app.MapGet(Cgi + "webwxgetmedia", GetMedia).OnHost(HostKind.File);
    }

    private static IResult GetVoice(HttpContext http, EmulatorWorld world) =>
        ByMsgId(http, world, 34) is { } media ? Results.Bytes(media.Bytes, "audio/mp3") : Results.NotFound();

    /// <summary>The video CGI streams only to ranged requests (<c>Range: bytes=0-</c> → 206); without Range the body is empty.</summary>
    private static IResult GetVideo(HttpContext http, EmulatorWorld world)
    {
        if (ByMsgId(http, world, 43, 62) is not { } media)
        {
            return Results.NotFound();
        }

        return http.Request.Headers.Range.Count == 0
            ? Results.Bytes(Array.Empty<byte>(), "video/mp4")
            : Results.Bytes(media.Bytes, "video/mp4", enableRangeProcessing: true);
    }

    private static IResult GetMedia(HttpContext http, EmulatorWorld world)
    {
        var query = http.Request.Query;
        var ticket = query["webwx_data_ticket"].FirstOrDefault() ?? http.Request.Cookies["webwx_data_ticket"];
        var fromUser = query["fromuser"].FirstOrDefault();
        var session = world.Sessions.BySid(http.Request.Cookies["wxsid"])
            ?? world.Sessions.ActiveSessions().FirstOrDefault(s => s.DataTicket == ticket);
        if (session is null || session.InvalidRetCode != 0 || session.DataTicket != ticket || session.Uin.ToString() != fromUser)
        {
            return Results.NotFound();
        }

        // The sender must be a contact this session was told about, and the media must have travelled as a file message.
        var mediaId = query["mediaid"].FirstOrDefault();
        if (session.Names.IdOf(query["sender"].FirstOrDefault()) is null || world.Media.Get(mediaId) is not { } media ||
            !world.Media.IsSentAs(media.MediaId, 49))
        {
            return Results.NotFound();
        }

        var name = query["filename"].FirstOrDefault() is { Length: > 0 } f ? f : media.Name;
        world.Media.CountDownload(media.MediaId);
        return Results.File(media.Bytes, "application/octet-stream", name);
    }

    private static StoredMedia? ByMsgId(HttpContext http, EmulatorWorld world, params int[] msgTypes)
    {
        var (session, _) = SessionAuth.FromQuerySkey(world, http);
        var query = http.Request.Query;
        var raw = query["msgid"].FirstOrDefault() ?? query["MsgID"].FirstOrDefault();
        var media = session is null || !long.TryParse(raw, out var msgId) ? null : world.Media.ForMessage(msgId, msgTypes);
        if (media is not null)
        {
            world.Media.CountDownload(raw!);
        }
        return media;
    }
}
