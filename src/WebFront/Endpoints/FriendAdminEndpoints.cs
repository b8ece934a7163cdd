using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// set_markname (and Mojo's undocumented set_friend_markname), stick, make_friend, accept_friend_request: each one
/// account grain call, replying Mojo's <c>{"code","status"}</c>. Parameters are checked before the account gate.
/// </summary>
internal static class FriendAdminEndpoints
{
    public static IEndpointRouteBuilder MapFriendAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("set_markname", (MojoParameters p, [FromServices] IGrainFactory g, [FromServices] IOptions<OpenWxApiOptions> o) =>
            SetMarknameAsync(p, g, o, allowMember: true))
            .WithSummary("Set a friend's or group member's remark name")
            .Accepts([.. MojoParams.FriendLookup, Opt("group_id", "the group of a member"), Req("new_markname", "the new remark name")]).Answers(MojoShapes.Status);
        endpoints.MapMojo("set_friend_markname", (MojoParameters p, [FromServices] IGrainFactory g, [FromServices] IOptions<OpenWxApiOptions> o) =>
            SetMarknameAsync(p, g, o, allowMember: false))
            .WithSummary("Set a friend's remark name")
            .Accepts([.. MojoParams.FriendLookup, Opt("group_id", "ignored: friends only"), Req("new_markname", "the new remark name")]).Answers(MojoShapes.Status);
        endpoints.MapMojo("stick", StickAsync)
            .WithSummary("Stick (op=1) or unstick (op=0) a chat")
            .Accepts(Req("id", "friend or group id"), Opt("op", "1 stick (default), 0 unstick")).Answers(MojoShapes.Status);
        endpoints.MapMojo("make_friend", MakeFriendAsync)
            .WithSummary("Send a friend request")
            .Accepts(Req("id", "the contact id (e.g. a group member)"), Opt("verify", "the request text")).Answers(MojoShapes.Status);
        endpoints.MapMojo("accept_friend_request", AcceptFriendRequestAsync)
            .WithSummary("Accept a friend request (from the friend_request event)")
            .Accepts(Req("id", "the requester id"), Req("ticket", "the event's ticket"), Opt("displayname", "the requester name")).Answers(MojoShapes.FriendRequestResult);
        return endpoints;
    }

    /// <summary>A friend by id/account/displayname/markname, or with group_id (set_markname only) the member <c>id</c>.</summary>
    internal static async Task<IResult> SetMarknameAsync(
        MojoParameters parameters, IGrainFactory grains, IOptions<OpenWxApiOptions> options, bool allowMember)
    {
        var newMarkname = parameters["new_markname"];
        if (newMarkname is null)
        {
            return AdminCalls.Invalid("new_markname is required");
        }
        var groupId = allowMember && parameters["group_id"] is { Length: > 0 } g ? g : null;
        var lookup = new FriendLookup(parameters["id"], parameters["account"], parameters["displayname"], parameters["markname"]);
        if (groupId is not null && string.IsNullOrEmpty(lookup.Id))
        {
            return AdminCalls.Invalid("id (the member's id) is required with group_id");
        }
        if (lookup.IsEmpty)
        {
            return AdminCalls.NotFound();
        }
        return await AdminCalls.CallAsync(parameters, grains, options, a => a.SetMarknameAsync(lookup, groupId, newMarkname));
    }

    /// <summary><c>op</c> 1 sticks (Mojo's default), 0 unsticks.</summary>
    internal static async Task<IResult> StickAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        if (parameters["id"] is not { Length: > 0 } id)
        {
            return AdminCalls.Invalid("id is required");
        }
        bool on;
        switch (parameters["op"])
        {
            case null or "" or "1":
                on = true;
                break;
            case "0":
                on = false;
                break;
            default:
                return AdminCalls.Invalid("op must be 1 (stick) or 0 (unstick)");
        }
        return await AdminCalls.CallAsync(parameters, grains, options, a => a.StickAsync(id, on));
    }

    /// <summary><c>id</c> of a group member; <c>verify</c> is the request text (may be empty).</summary>
    internal static async Task<IResult> MakeFriendAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        if (parameters["id"] is not { Length: > 0 } id)
        {
            return AdminCalls.Invalid("id (a group member's id) is required");
        }
        var verify = parameters["verify"] ?? "";
        return await AdminCalls.CallAsync(parameters, grains, options, a => a.MakeFriendAsync(id, verify));
    }

    /// <summary>
    /// id, displayname and ticket come from the friend_request event's params and are echoed back, as Mojo does.
    /// A missing id or ticket is HTTP 400: Mojo's upstream failure is code -1 too, so only the HTTP status tells a
    /// malformed request (no retry helps) from a refused one.
    /// </summary>
    internal static async Task<IResult> AcceptFriendRequestAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var id = parameters["id"];
        var ticket = parameters["ticket"];
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(ticket))
        {
            var missing = string.IsNullOrEmpty(id) ? "id" : "ticket";
            return new MojoReply(Accepted(AdminCodes.Invalid, $"{missing} is required (from the friend_request event)", parameters), StatusCodes.Status400BadRequest);
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var result = await grains.ForKey<IWxAccountGrain>(check.Key).AcceptFriendRequestAsync(id, ticket);
        return MojoReply.Json(Accepted(result.Code, result.Status, parameters));
    }

    private static JsonObject Accepted(int code, string status, MojoParameters parameters) => new()
    {
        ["code"] = code,
        ["status"] = status,
        ["id"] = parameters["id"],
        ["displayname"] = parameters["displayname"],
        ["ticket"] = parameters["ticket"],
    };
}
