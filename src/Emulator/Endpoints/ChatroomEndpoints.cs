using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>webwxcreatechatroom and webwxupdatechatroom (fun=modtopic|addmember|invitemember|delmember).</summary>
internal static class ChatroomEndpoints
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Cgi + "webwxcreatechatroom", CreateAsync).OnHost(HostKind.Main);
        app.MapPost(Cgi + "webwxupdatechatroom", UpdateAsync).OnHost(HostKind.Main);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var members = body.Array("MemberList").Select(m => session.Names.IdOf(((System.Text.Json.JsonElement?)m).Str("UserName"))).ToList();
        if (members.Count < 2 || members.Any(m => m is null || !world.Directory.IsFriend(session.Wxid, m)))
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "a group needs at least two friends");
        }

        var group = world.CreateGroup(new CreateGroupRequest { Name = body.Str("Topic") ?? "", Owner = session.Wxid, Members = [.. members.OfType<string>()] });
        var contact = world.Directory.Describe(session.Wxid, group.GroupId)!;
        var memberList = contact.Members.Select(m => WireRenderer.Member(session, m)).ToList();
        return WireJson.Json(new WireCreateChatRoomResponse(WireBaseResponse.Ok, group.Name, "", "", memberList.Count, memberList,
            session.Names.NameOf(group.GroupId), ""));
    }

    /// <summary>From this size on (members + new) the service wants fun=invitemember instead of addmember.</summary>
    private const int LargeGroup = 40;

    private static async Task<IResult> UpdateAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var groupId = session.Names.IdOf(body.Str("ChatRoomName"));
        var group = groupId is null ? null : world.GetGroup(groupId);
        if (group is null || !group.Members.Contains(session.Wxid))
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "unknown ChatRoomName");
        }

        UpdateGroupRequest? change = http.Request.Query["fun"].FirstOrDefault() switch
        {
            "modtopic" => new UpdateGroupRequest { Name = body.Str("NewTopic") ?? "" },
            "addmember" => new UpdateGroupRequest { AddMembers = Resolve(session, body.Str("AddMemberList")) },
            "invitemember" => new UpdateGroupRequest { AddMembers = Resolve(session, body.Str("InviteMemberList")) },
            "delmember" when group.Owner == session.Wxid => new UpdateGroupRequest { RemoveMembers = Resolve(session, body.Str("DelMemberList")) },
            _ => null,
        };
        if (change is null || (change.AddMembers ?? change.RemoveMembers) is { Count: 0 } || (change.AddMembers ?? change.RemoveMembers)?.Contains("") == true)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "bad fun or member list");
        }

        // Large groups only take invitations: addmember is refused once the group would reach 40 members.
        if (http.Request.Query["fun"].FirstOrDefault() == "addmember" && group.Members.Count + change.AddMembers!.Count >= LargeGroup)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "use invitemember for groups of 40 or more");
        }

        try
        {
            world.UpdateGroup(group.GroupId, change);
        }
        catch (EmulatorControlException)
        {
            return WireJson.Ret(MessageEndpoints.BadRequest, "update failed");
        }

        return WireJson.Ret(0);
    }

    /// <summary>"@a,@b" → wxids; an unknown name becomes "" so the caller can refuse the whole list.</summary>
    private static IReadOnlyList<string> Resolve(EmuSession session, string? list) =>
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => session.Names.IdOf(n) ?? "")];
}
