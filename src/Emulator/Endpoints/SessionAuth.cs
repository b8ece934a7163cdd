using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>
/// Finds and checks the session behind a request. Unknown or mismatched credentials answer 1101 (cookie expired /
/// elsewhere), a wrong skey 1100; an invalidated session answers the retcode it was invalidated with.
/// </summary>
internal static class SessionAuth
{
    public const int LoggedOut = 1100;
    public const int Expired = 1101;

    /// <summary>JSON calls: BaseRequest {Uin, Sid, Skey}; skey may also come in the query (webwxsync).</summary>
    public static (EmuSession? Session, int Ret) FromBaseRequest(EmulatorWorld world, HttpContext http, JsonElement? body)
    {
        var baseRequest = body.Obj("BaseRequest");
        var query = http.Request.Query;
        var sid = baseRequest.Str("Sid") ?? query["sid"].FirstOrDefault();
        var uin = baseRequest.Str("Uin") ?? query["uin"].FirstOrDefault();
        var skey = NonEmpty(baseRequest.Str("Skey")) ?? query["skey"].FirstOrDefault();
        return Check(world.Sessions.BySid(sid), http, uin, skey);
    }

    /// <summary>GET calls without a body (webwxgetcontact...): the session is named by its skey, plus cookies if sent.</summary>
    public static (EmuSession? Session, int Ret) FromQuerySkey(EmulatorWorld world, HttpContext http)
    {
        var skey = http.Request.Query["skey"].FirstOrDefault();
        var session = world.Sessions.BySkey(skey);
        return Check(session, http, session?.Uin.ToString(), skey);
    }

    /// <summary>synccheck: sid, uin and skey all in the query.</summary>
    public static (EmuSession? Session, int Ret) FromSyncCheckQuery(EmulatorWorld world, HttpContext http)
    {
        var query = http.Request.Query;
        return Check(world.Sessions.BySid(query["sid"].FirstOrDefault()), http, query["uin"].FirstOrDefault(), query["skey"].FirstOrDefault());
    }

    private static (EmuSession? Session, int Ret) Check(EmuSession? session, HttpContext http, string? uin, string? skey)
    {
        if (session is null || uin != session.Uin.ToString())
        {
            return (null, Expired);
        }

        var cookies = http.Request.Cookies;
        if ((cookies["wxsid"] is { } cookieSid && cookieSid != session.Sid) ||
            (cookies["wxuin"] is { } cookieUin && cookieUin != session.Uin.ToString()))
        {
            return (null, Expired);
        }

        if (session.InvalidRetCode != 0)
        {
            return (null, session.InvalidRetCode);
        }

        return skey == session.Skey ? (session, 0) : (null, LoggedOut);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
