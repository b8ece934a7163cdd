using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>jslogin → qrcode → login long-poll → webwxnewloginpage, plus the cookie-check home page.</summary>
internal static class LoginEndpoints
{
    /// <summary>A 1×1 JPEG is all clients do with window.userAvatar (show it).</summary>
    private const string TinyAvatar =
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";

    private const string RefusedMessage =
        "为了你的帐号安全，此微信号已不允许登录网页微信。你可以使用Windows微信或Mac微信在电脑端登录。";

    public static void Map(IEndpointRouteBuilder app)
    {
        // The web page GETs it; wechat4u and other clients POST it (empty body). The real service answers both.
        app.MapMethods("/jslogin", ["GET", "POST"], JsLogin).OnHost(HostKind.Login);
        app.MapGet("/qrcode/{uuid}", QrCode).OnHost(HostKind.QrImage);
        app.MapGet("/cgi-bin/mmwebwx-bin/login", PollAsync).OnHost(HostKind.Login);
        app.MapGet("/cgi-bin/mmwebwx-bin/webwxnewloginpage", NewLoginPage).OnHost(HostKind.Main);
        app.MapGet("/", Home);
    }

    private static IResult JsLogin(EmulatorWorld world)
    {
        var login = world.Logins.Create(world.Settings.QrLifetime);
        return WireJson.Js($"window.QRLogin.code = 200; window.QRLogin.uuid = \"{login.Uuid}\";");
    }

    private static IResult QrCode(string uuid, EmulatorWorld world) =>
        world.Logins.ByUuid(uuid) is { } login ? Results.Bytes(login.QrPng, "image/png") : Results.NotFound();

    private static async Task<IResult> PollAsync(HttpContext http, EmulatorWorld world)
    {
        var login = world.Logins.ByUuid(http.Request.Query["uuid"].FirstOrDefault());
        if (login is null)
        {
            return WireJson.Js("window.code=400;");
        }

        int code;
        using var cts = world.LongPollToken(http.RequestAborted);
        try
        {
            code = await login.PollAsync(world.Settings.LoginPollHold, cts.Token);
        }
        catch (OperationCanceledException)
        {
            return Results.Empty;
        }

        return code switch
        {
            201 => WireJson.Js($"window.code=201;window.userAvatar = 'data:img/jpg;base64,{TinyAvatar}';"),
            200 => WireJson.Js(
                $"window.code=200;\nwindow.redirect_uri=\"https://{world.Domain}/cgi-bin/mmwebwx-bin/webwxnewloginpage" +
                $"?ticket={login.Ticket}&uuid={login.Uuid}&lang=zh_CN&scan={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}\";"),
            _ => WireJson.Js($"window.code={code};"),
        };
    }

    /// <summary>
    /// Answers 301 with the XML body (clients don't follow it; wechat4u treats 301 as success) and sets the session
    /// cookies on the base domain so every sub-host (webpush., file.) receives them.
    /// </summary>
    private static IResult NewLoginPage(HttpContext http, EmulatorWorld world)
    {
        var query = http.Request.Query;
        var login = world.Logins.ByUuid(query["uuid"].FirstOrDefault());
        if (login is null || login.Ticket is null || login.Ticket != query["ticket"].FirstOrDefault())
        {
            return LoginXml("<error><ret>-14</ret><message>ticket error</message></error>");
        }

        var wxid = login.Consume();
        if (wxid is null)
        {
            return LoginXml("<error><ret>-14</ret><message>ticket error</message></error>");
        }

        if (world.Directory.IsWebLoginRefused(wxid))
        {
            return LoginXml($"<error><ret>1203</ret><message>{RefusedMessage}</message></error>");
        }

        var session = world.StartSession(wxid);
        var cookieDomain = "." + BaseDomain(world.Domain);
        var expires = DateTime.UtcNow.AddHours(12).ToString("R", CultureInfo.InvariantCulture);
        foreach (var (name, value) in new[]
                 {
                     ("wxuin", session.Uin.ToString(CultureInfo.InvariantCulture)), ("wxsid", session.Sid),
                     ("webwx_data_ticket", session.DataTicket), ("webwx_auth_ticket", session.AuthTicket),
                     ("wxloadtime", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                     ("mm_lang", "zh_CN"),
                 })
        {
            // Written raw: the real service does not percent-encode '+' or '/' in these values.
            http.Response.Headers.Append("Set-Cookie", $"{name}={value}; Domain={cookieDomain}; Path=/; Expires={expires}");
        }

        return LoginXml(
            $"<error><ret>0</ret><message></message><skey>{session.Skey}</skey><wxsid>{session.Sid}</wxsid>" +
            $"<wxuin>{session.Uin}</wxuin><pass_ticket>{Uri.EscapeDataString(session.PassTicket)}</pass_ticket>" +
            "<isgrayscale>1</isgrayscale></error>");
    }

    /// <summary>GET https://{d}/: the page tells a client whether its cookies still hold a live session.</summary>
    private static IResult Home(HttpContext http, EmulatorWorld world)
    {
        var session = world.Sessions.BySid(http.Request.Cookies["wxsid"]);
        var live = session is { InvalidRetCode: 0 } && http.Request.Cookies["wxuin"] == session.Uin.ToString(CultureInfo.InvariantCulture);
        var flag = live ? "1" : "";
        return Results.Content($"<html><head><script>window.MMCgi = {{isLogin: !!\"{flag}\"}};</script></head><body></body></html>", "text/html; charset=utf-8");
    }

    private static IResult LoginXml(string xml) => Results.Text(xml, "text/plain; charset=utf-8", statusCode: 301);

    /// <summary>wx2.qq.com → qq.com; web.wechat.com → wechat.com.</summary>
    private static string BaseDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length <= 2 ? domain : string.Join('.', labels[^2..]);
    }
}
