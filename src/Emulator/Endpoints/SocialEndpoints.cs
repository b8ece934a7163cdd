using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>webwxverifyuser (friend requests), webwxoplog (remark, stick) and webwxrevokemsg.</summary>
internal static class SocialEndpoints
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Cgi + "webwxverifyuser", VerifyUserAsync).OnHost(HostKind.Main);
        app.MapPost(Cgi + "webwxoplog", OpLogAsync).OnHost(HostKind.Main);
        app.MapPost(Cgi + "webwxrevokemsg", RevokeAsync).OnHost(HostKind.Main);
    }

    /// <summary>Opcode 2 sends a request to the named user; Opcode 3 accepts one with the ticket from RecommendInfo.</summary>
    private static async Task<IResult> VerifyUserAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var entry = body.Array("VerifyUserList").FirstOrDefault();
        System.Text.Json.JsonElement? item = entry.ValueKind == System.Text.Json.JsonValueKind.Object ? entry : null;
        var target = session.Names.IdOf(item.Str("Value"));
        if (target is null)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "unknown user");
        }

        try
        {
            switch (body.Int("Opcode"))
            {
                case 2:
                    world.SendFriendRequest(new FriendRequestRequest(session.Wxid, target, body.Str("VerifyContent") ?? ""));
                    break;
                case 3:
                    world.AcceptFriendRequest(session.Wxid, target, item.Str("VerifyUserTicket") ?? "");
                    break;
                default:
                    return WireJson.Ret(MessageEndpoints.BadRequest, "Opcode 2 or 3");
            }
        }
        catch (EmulatorControlException)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "verify failed");
        }

        return WireJson.Ret(0);
    }

    private static async Task<IResult> OpLogAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var target = session.Names.IdOf(body.Str("UserName"));
        if (target is null)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "unknown UserName");
        }

        try
        {
            switch (body.Int("CmdId"))
            {
                case 2:
                    world.SetRemark(session.Wxid, target, body.Str("RemarkName") ?? "");
                    break;
                case 3:
                    world.Directory.SetStick(session.Wxid, target, body.Int("OP") != 0);
                    break;
                default:
                    return WireJson.Ret(MessageEndpoints.BadRequest, "CmdId 2 or 3");
            }
        }
        catch (EmulatorControlException)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "not a contact");
        }

        return WireJson.Ret(0);
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var ok = body.Str("SvrMsgId") is { } msgId && world.Revoke(session.Wxid, msgId);
        return ok
            ? WireJson.Json(new WireRevokeResponse(WireBaseResponse.Ok, "撤回了一条消息"))
            : WireJson.Ret(MessageEndpoints.BadRequest, "message not found");
    }
}
