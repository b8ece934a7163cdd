using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// create_group, invite_friend, kick_group_member, set_group_displayname: one account grain call each, Mojo's
/// <c>{"code","status"}</c>. Groups are named by <c>id</c> and/or <c>displayname</c>; friends=/members= are
/// comma-separated ids. Whether the lists are empty or name unknown people is the grain's check (codes 200 / 100).
/// </summary>
internal static class GroupAdminEndpoints
{
    public static IEndpointRouteBuilder MapGroupAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("create_group", CreateGroupAsync)
            .WithSummary("Create a group with friends")
            .Accepts(Req("friends", "comma-separated friend ids"), Opt("displayname", "the topic")).Answers(MojoShapes.CreateGroupResult);
        endpoints.MapMojo("invite_friend", InviteFriendAsync)
            .WithSummary("Invite friends into a group")
            .Accepts([.. MojoParams.GroupLookup, Req("friends", "comma-separated friend ids")]).Answers(MojoShapes.Status);
        endpoints.MapMojo("kick_group_member", KickGroupMemberAsync)
            .WithSummary("Remove members from a group")
            .Accepts([.. MojoParams.GroupLookup, Req("members", "comma-separated member ids")]).Answers(MojoShapes.Status);
        endpoints.MapMojo("set_group_displayname", SetGroupDisplaynameAsync)
            .WithSummary("Rename a group")
            .Accepts([.. MojoParams.GroupLookup, Req("new_displayname", "the new name")]).Answers(MojoShapes.Status);
        return endpoints;
    }

    /// <summary>Success answers the new group's id as <c>group_id</c>; an upstream failure adds Mojo's <c>"id":null</c>.</summary>
    internal static async Task<IResult> CreateGroupAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var friends = AdminCalls.Ids(parameters["friends"]);
        if (friends.Count > AdminCalls.MaxIds)
        {
            return AdminCalls.TooMany("friends");
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var topic = parameters["displayname"] is { Length: > 0 } name ? name : null;
        var result = await grains.ForKey<IWxAccountGrain>(check.Key).CreateGroupAsync(friends, topic);
        return result.Code switch
        {
            AdminCodes.Success => MojoReply.Json(new JsonObject { ["code"] = 0, ["group_id"] = result.Id, ["status"] = result.Status }),
            AdminCodes.Failure => MojoReply.Json(new JsonObject { ["code"] = result.Code, ["id"] = null, ["status"] = result.Status }),
            _ => MojoReply.Error(result.Code, result.Status),
        };
    }

    internal static Task<IResult> InviteFriendAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        ListCallAsync(parameters, grains, options, "friends", (a, g, ids) => a.InviteToGroupAsync(g, ids));

    internal static Task<IResult> KickGroupMemberAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        ListCallAsync(parameters, grains, options, "members", (a, g, ids) => a.KickGroupMembersAsync(g, ids));

    internal static async Task<IResult> SetGroupDisplaynameAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        if (parameters["new_displayname"] is not { Length: > 0 } newName)
        {
            return AdminCalls.Invalid("new_displayname is required");
        }
        var group = Group(parameters);
        return group.IsEmpty
            ? AdminCalls.NotFound()
            : await AdminCalls.CallAsync(parameters, grains, options, a => a.SetGroupDisplaynameAsync(group, newName));
    }

    private static async Task<IResult> ListCallAsync(
        MojoParameters parameters,
        IGrainFactory grains,
        IOptions<OpenWxApiOptions> options,
        string listName,
        Func<IWxAccountGrain, GroupLookup, IReadOnlyList<string>, Task<AdminResult>> call)
    {
        var ids = AdminCalls.Ids(parameters[listName]);
        if (ids.Count > AdminCalls.MaxIds)
        {
            return AdminCalls.TooMany(listName);
        }
        var group = Group(parameters);
        return group.IsEmpty
            ? AdminCalls.NotFound()
            : await AdminCalls.CallAsync(parameters, grains, options, a => call(a, group, ids));
    }

    private static GroupLookup Group(MojoParameters parameters) => new(parameters["id"], parameters["displayname"]);
}
