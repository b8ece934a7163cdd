using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>get_user_info, get_friend_info, get_group_info, get_group_basic_info and get_client_info.</summary>
internal static class InfoEndpoints
{
    public static IEndpointRouteBuilder MapInfoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("get_user_info", GetUserInfoAsync)
            .WithSummary("The logged-in user")
            .Accepts().Answers(MojoShapes.User);
        endpoints.MapMojo("get_friend_info", GetFriendInfoAsync)
            .WithSummary("All friends")
            .Accepts().Answers(MojoShapes.Friends);
        endpoints.MapMojo("get_group_info", GetGroupInfoAsync)
            .WithSummary("All groups with their members")
            .Accepts().Answers(MojoShapes.Groups);
        endpoints.MapMojo("get_group_basic_info", GetGroupBasicInfoAsync)
            .WithSummary("All groups without members")
            .Accepts().Answers(MojoShapes.Groups);
        endpoints.MapMojo("get_client_info", GetClientInfoAsync)
            .WithSummary("The account's process info")
            .Accepts().Answers(MojoShapes.ClientInfo);
        return endpoints;
    }

    internal static async Task<IResult> GetUserInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var (user, error) = await AccountGate.RunningUserAsync(grains, parameters, options.Value.DefaultClient, AccountKey.WeChat);
        if (error is not null)
        {
            return error;
        }
        return user is null ? MojoReply.Error(-1, "user info not available") : new MojoStreamedReply(json => ContactJson.WriteUser(json, user));
    }

    /// <summary>All friends, with the account's state, in one call to the account grain.</summary>
    internal static async Task<IResult> GetFriendInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var (friends, error) = await AccountGate.RunningFriendsAsync(grains, parameters, options.Value.DefaultClient, AccountKey.WeChat);
        return error ?? ContactJson.FriendsReply(friends!);
    }

    internal static Task<IResult> GetGroupInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        GroupsAsync(parameters, grains, options.Value, withMembers: true);

    /// <summary>Groups without <c>member</c>.</summary>
    internal static Task<IResult> GetGroupBasicInfoAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        GroupsAsync(parameters, grains, options.Value, withMembers: false);

    /// <summary>Any started account answers, whatever its state (Mojo answers it only while running).</summary>
    internal static async Task<IResult> GetClientInfoAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] TimeProvider time)
    {
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: false);
        return check.IsOk ? MojoReply.Json(ClientStateJson.ClientInfo(check.Status!, time.GetUtcNow())) : check.Error!;
    }

    /// <summary>All groups, with the account's state, in one call to the account grain.</summary>
    private static async Task<IResult> GroupsAsync(
        MojoParameters parameters, IGrainFactory grains, OpenWxApiOptions options, bool withMembers)
    {
        var (read, error) = await AccountGate.RunningGroupsAsync(grains, parameters, options.DefaultClient, AccountKey.WeChat, withMembers);
        return error ?? GroupJson.GroupsReply(read!.Groups ?? [], withMembers);
    }
}
