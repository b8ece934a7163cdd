using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's reads: get_user_info, get_friend_info, get_group_info, get_group_basic_info, get_discuss_info,
/// get_client_info, search_friend and search_group, over the same friends and groups grains as Openwx.
/// </summary>
internal static class QqInfoEndpoints
{
    public static IEndpointRouteBuilder MapQqInfoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("get_user_info", GetUserInfoAsync, OpenQqApiExtensions.Api)
            .WithSummary("The logged-in QQ user")
            .Accepts().Answers(MojoShapes.QqUser);
        endpoints.MapMojo("get_friend_info", GetFriendInfoAsync, OpenQqApiExtensions.Api)
            .WithSummary("All QQ friends")
            .Accepts().Answers(MojoShapes.QqFriends);
        endpoints.MapMojo("get_group_info", GetGroupInfoAsync, OpenQqApiExtensions.Api)
            .WithSummary("All QQ groups with their members")
            .Accepts().Answers(MojoShapes.QqGroups);
        endpoints.MapMojo("get_group_basic_info", GetGroupBasicInfoAsync, OpenQqApiExtensions.Api)
            .WithSummary("All QQ groups without members")
            .Accepts().Answers(MojoShapes.QqGroups);
        endpoints.MapMojo("get_discuss_info", GetDiscussInfoAsync, OpenQqApiExtensions.Api)
            .WithSummary("All discussion groups with their members")
            .Accepts().Answers(MojoShape.ArrayOf(MojoShapes.QqDiscuss));
        endpoints.MapMojo("get_client_info", GetClientInfoAsync, OpenQqApiExtensions.Api)
            .WithSummary("The account's process info")
            .Accepts().Answers(MojoShapes.ClientInfo);
        endpoints.MapMojo("search_friend", SearchFriendAsync, OpenQqApiExtensions.Api)
            .WithSummary("QQ friends whose attributes equal every given one")
            .AcceptsMore(Opt("id", "friend id"), Opt("uid", "QQ number"), Opt("qq", "QQ number"), Opt("name", "nick"), Opt("markname", "remark name"), Opt("displayname", "display name")).Answers(MojoShapes.QqFriends);
        endpoints.MapMojo("search_group", SearchGroupAsync, OpenQqApiExtensions.Api)
            .WithSummary("QQ groups whose attributes equal every given one")
            .AcceptsMore(Opt("id", "group id"), Opt("gid", "group id"), Opt("uid", "group number"), Opt("gnumber", "group number"), Opt("name", "group name"), Opt("displayname", "group display name")).Answers(MojoShapes.QqGroups);
        return endpoints;
    }

    internal static async Task<IResult> GetUserInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var (user, error) = await AccountGate.RunningUserAsync(grains, parameters, options.Value.DefaultClient, AccountKey.QQ);
        if (error is not null)
        {
            return error;
        }
        return user is null ? MojoReply.Error(-1, "user info not available") : QqJson.UserReply(user);
    }

    internal static async Task<IResult> GetFriendInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var (friends, error) = await AccountGate.RunningFriendsAsync(grains, parameters, options.Value.DefaultClient, AccountKey.QQ);
        return error ?? QqJson.FriendsReply(friends!);
    }

    internal static Task<IResult> GetGroupInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        GroupsAsync(parameters, grains, options, withMembers: true);

    internal static Task<IResult> GetGroupBasicInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        GroupsAsync(parameters, grains, options, withMembers: false);

    /// <summary>
    /// The discuss groups the account learned from their messages: OneBot v11 has discuss messages and
    /// send_discuss_msg but no action that lists discuss groups (and NapCat, as QQ since 2020, has none at all).
    /// </summary>
    internal static async Task<IResult> GetDiscussInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var check = await OpenAsync(grains, parameters, options, requireRunning: true);
        return check.IsOk
            ? MojoReply.Json(QqDiscussJson.Discusses(await grains.ForKey<IQqAccountGrain>(check.Key).GetDiscussesAsync()))
            : check.Error!;
    }

    internal static async Task<IResult> GetClientInfoAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] TimeProvider time)
    {
        var check = await OpenAsync(grains, parameters, options, requireRunning: false);
        return check.IsOk ? MojoReply.Json(ClientStateJson.ClientInfo(check.Status!, time.GetUtcNow())) : check.Error!;
    }

    /// <summary>
    /// Any of id, uid (003: qq), name, markname and displayname, ANDed. Unlike Mojo-Webqq, <c>client=</c> is not
    /// taken for a search key (Mojo's controller bug made every such search "object not found").
    /// </summary>
    internal static Task<IResult> SearchFriendAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        SearchAsync(parameters, grains, options, QqLookups.FriendKeys, async key =>
        {
            var found = await grains.ForKey<IFriendsGrain>(key).SearchAsync(QqLookups.Friend(parameters));
            return found.Count == 0 ? null : QqJson.FriendsReply(found);
        });

    /// <summary>Any of id (003: gid), uid (003: gnumber), name and displayname, ANDed.</summary>
    internal static Task<IResult> SearchGroupAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        SearchAsync(parameters, grains, options, QqLookups.GroupKeys, async key =>
        {
            var found = await grains.ForKey<IGroupsGrain>(key).SearchAsync(QqLookups.Group(parameters));
            // The account's own role needs its QQ number; no call for it when nothing matched.
            return found.Count == 0 ? null : QqJson.GroupsReply(found, (await grains.GetAccount(key).GetUserAsync())?.Uid);
        });

    /// <summary>Refuses unknown keys, opens the account, then answers the matches (null: none) or Mojo's "object not found".</summary>
    private static async Task<IResult> SearchAsync(
        MojoParameters parameters, IGrainFactory grains, IOptions<OpenWxApiOptions> options,
        IReadOnlyList<string> keys, Func<string, Task<IResult?>> search)
    {
        if (SearchEndpoints.Refuse([.. parameters.Unreserved], keys) is { } refusal)
        {
            return refusal;
        }
        var check = await OpenAsync(grains, parameters, options, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        return await search(check.Key) ?? AdminCalls.NotFound();
    }

    internal static Task<AccountCheck> OpenAsync(
        IGrainFactory grains, MojoParameters parameters, IOptions<OpenWxApiOptions> options, bool requireRunning) =>
        AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning, AccountKey.QQ);

    /// <summary>
    /// All groups with the account's state and user in one grain call. Basic groups carry no members, so the
    /// account's own role in each comes from the groups grain (a second call, only when there are groups).
    /// </summary>
    private static async Task<IResult> GroupsAsync(
        MojoParameters parameters, IGrainFactory grains, IOptions<OpenWxApiOptions> options, bool withMembers)
    {
        var (reply, error) = await AccountGate.RunningReadAsync(grains, parameters, options.Value.DefaultClient, AccountKey.QQ, async (key, account) =>
        {
            var read = await account.GetGroupsWithStateAsync(withMembers);
            if (read.State != ClientState.Running)
            {
                return (read.State, null); // refused by the gate; no reply to build
            }
            var groups = read.Groups ?? [];
            var self = read.User?.Uid;
            if (withMembers)
            {
                return (read.State, QqJson.GroupsReply(groups, self));
            }
            var roles = self is null || groups.Count == 0
                ? new Dictionary<string, string>()
                : await grains.ForKey<IGroupsGrain>(key).GetRolesOfAsync(self);
            return (read.State, QqJson.GroupsReply(groups, roles));
        });
        return error ?? reply!;
    }
}
