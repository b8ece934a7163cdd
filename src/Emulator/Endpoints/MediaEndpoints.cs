using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>webwxuploadmedia (multipart, chunked), webwxsendmsgimg, webwxgetmsgimg and the avatar endpoints.</summary>
internal static class MediaEndpoints
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";
    private const int MaxMediaBytes = 20 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Cgi + "webwxuploadmedia", UploadAsync).OnHost(HostKind.File).DisableAntiforgery();
        app.MapPost(Cgi + "webwxsendmsgimg", SendImageAsync).OnHost(HostKind.Main);
        app.MapGet(Cgi + "webwxgetmsgimg", GetMsgImg).OnHost(HostKind.Main);
        app.MapGet(Cgi + "webwxgeticon", Avatar).OnHost(HostKind.Main);
        app.MapGet(Cgi + "webwxgetheadimg", Avatar).OnHost(HostKind.Main);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, EmulatorWorld world)
    {
        if (!http.Request.HasFormContentType)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "multipart form expected");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        JsonElement? request = null;
        try
        {
            request = JsonDocument.Parse(form["uploadmediarequest"].FirstOrDefault() ?? "").RootElement.Clone();
        }
        catch (JsonException)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "uploadmediarequest is not JSON");
        }

        var (session, ret) = SessionAuth.FromBaseRequest(world, http, request);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var file = form.Files.GetFile("filename");
        var dataTicket = form["webwx_data_ticket"].FirstOrDefault() ?? http.Request.Cookies["webwx_data_ticket"];
        if (file is null || dataTicket != session.DataTicket)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "filename part and webwx_data_ticket are required");
        }

        var totalLen = long.TryParse(request.Str("TotalLen"), out var total) ? total : file.Length;
        if (totalLen > MaxMediaBytes)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "media too large");
        }

        var chunks = int.TryParse(form["chunks"].FirstOrDefault(), out var c) ? c : 1;
        var chunk = int.TryParse(form["chunk"].FirstOrDefault(), out var n) ? n : 0;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        StoredMedia? media;
        try
        {
            media = world.Media.AddChunk(session.Wxid, request.Str("ClientMediaId") ?? "", chunk, chunks, buffer.ToArray(),
                form["name"].FirstOrDefault() ?? file.FileName, form["type"].FirstOrDefault() ?? "application/octet-stream");
        }
        catch (InvalidOperationException)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "bad chunk numbering");
        }

        if (media is not null && media.Bytes.Length != totalLen)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "TotalLen does not match the bytes received");
        }

        return WireJson.Json(new WireUploadResponse(WireBaseResponse.Ok, media?.MediaId ?? "", 0, media?.Bytes.Length ?? 0, ""));
    }

    private static async Task<IResult> SendImageAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var msg = body.Obj("Msg");
        if (world.Media.Get(msg.Str("MediaId")) is not { } media || msg.Int("Type") != 3)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "unknown MediaId or Type is not 3");
        }

        var md5 = Convert.ToHexStringLower(MD5.HashData(media.Bytes));
        var xml = WireText.Escape($"<?xml version=\"1.0\"?>\n<msg><img aeskey=\"\" encryver=\"1\" length=\"{media.Bytes.Length}\" md5=\"{md5}\" /></msg>");
        return MessageEndpoints.Send(world, session, msg, 3, xml, m =>
        {
            world.Media.Link(m.MsgId, media.MediaId);
            return m with { ImgWidth = 120, ImgHeight = 120 };
        });
    }

    /// <summary>Image bytes of a message (type=slave asks for the thumbnail; the same bytes are served).</summary>
    private static IResult GetMsgImg(HttpContext http, EmulatorWorld world)
    {
        var (session, _) = SessionAuth.FromQuerySkey(world, http);
        if (session is null || !long.TryParse(http.Request.Query["MsgID"].FirstOrDefault(), out var msgId) ||
            world.Media.ForMessage(msgId) is not { } media)
        {
            return Results.NotFound();
        }

        world.Media.CountDownload(msgId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Results.Bytes(media.Bytes, media.Mime);
    }

    private static IResult Avatar(HttpContext http, EmulatorWorld world)
    {
        var (session, _) = SessionAuth.FromQuerySkey(world, http);
        var id = session?.Names.IdOf(http.Request.Query["username"].FirstOrDefault());
        return session is null || id is null ? Results.NotFound() : Results.Bytes(AvatarImages.For(id), "image/png");
    }
}
