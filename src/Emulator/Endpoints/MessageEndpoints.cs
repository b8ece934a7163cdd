using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>webwxsendmsg (text, ClientMsgId dedupe) and webwxlogout.</summary>
internal static class MessageEndpoints
{
    /// <summary>Ret for a request that is well-formed JSON but makes no sense (unknown recipient, wrong sender...).</summary>
    public const int BadRequest = 1;

    public const int RateLimited = 1205;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/cgi-bin/mmwebwx-bin/webwxsendmsg", SendMsgAsync).OnHost(HostKind.Main);
        app.MapPost("/cgi-bin/mmwebwx-bin/webwxlogout", LogoutAsync).OnHost(HostKind.Main);
    }

    private static async Task<IResult> SendMsgAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        if (session.RateLimited)
        {
            return WireJson.Ret(RateLimited);
        }

        var msg = body.Obj("Msg");
        if (msg.Int("Type") != 1)
        {
            return WireJson.Ret(BadRequest, "webwxsendmsg sends Type 1 (text)");
        }

        return Send(world, session, msg, 1, msg.Str("Content") ?? "");
    }

    /// <summary>
    /// Shared by the send endpoints: checks sender and recipient, dedupes by ClientMsgId (a retry gets the same MsgID
    /// and is not delivered again), routes, records in the sent log and answers {BaseResponse, MsgID, LocalID}.
    /// </summary>
    internal static IResult Send(EmulatorWorld world, EmuSession session, JsonElement? msg, int msgType, string content,
        Func<EmuMessage, EmuMessage>? shape = null)
    {
        if (msg.Str("FromUserName") != session.SelfUserName)
        {
            return WireJson.Ret(BadRequest, "FromUserName must be the logged-in user");
        }

        var toName = msg.Str("ToUserName") ?? "";
        var to = session.Names.IdOf(toName);
        if (to is null || !world.Directory.CanSendTo(session.Wxid, to))
        {
            return WireJson.Ret(BadRequest, "unknown ToUserName");
        }

        var localId = msg.Str("LocalID") ?? msg.Str("ClientMsgId") ?? "";
        var clientMsgId = msg.Str("ClientMsgId") ?? localId;
        var (msgId, isNew) = string.IsNullOrEmpty(clientMsgId)
            ? (world.NewMsgId(), true)
            : session.Dedupe.Reserve(clientMsgId, world.NewMsgId);
        if (isNew)
        {
            var message = new EmuMessage
            {
                MsgId = msgId,
                FromId = session.Wxid,
                ToId = to,
                MsgType = msgType,
                Content = msgType == 1 ? WireText.Escape(content) : content,
                CreateTime = EmulatorWorld.Now(),
            };
            world.Route(shape is null ? message : shape(message), echoToSender: false);
            world.RecordSent(session.Wxid, new SentMessageInfo(msgId.ToString(), clientMsgId, to, toName, msgType, content, message.CreateTime, "web"));
        }

        return WireJson.Json(new WireSendResponse(WireBaseResponse.Ok, msgId.ToString(), localId));
    }

    /// <summary>type=0 then type=1 (both accepted); sid and uin come as a form, skey in the query.</summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, EmulatorWorld world)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var sid = form?["sid"].FirstOrDefault() ?? http.Request.Query["sid"].FirstOrDefault();
        var session = world.Sessions.BySid(sid) ?? world.Sessions.BySkey(http.Request.Query["skey"].FirstOrDefault());
        if (session is not null && http.Request.Query["skey"].FirstOrDefault() == session.Skey)
        {
            session.MarkLoggedOut();
            world.Sessions.End(session);
        }

        return Results.Text("", "text/plain");
    }
}
