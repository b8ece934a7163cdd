using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// shutup_group_member, kick_group_member and relogin. The group is <c>group_id|group_uid</c> (003:
/// <c>gid|gnumber</c>), the members <c>member_id</c> and/or <c>member_uid</c> comma lists; the grain answers 0, 100
/// (not found), 200 (member id empty) or 201 (failure).
/// </summary>
internal static class QqAdminEndpoints
{
    /// <summary>QQ mutes for at most 30 days.</summary>
    public const long MaxShutupMinutes = 30 * 24 * 60;

    public static IEndpointRouteBuilder MapQqAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("shutup_group_member", ShutupGroupMemberAsync, OpenQqApiExtensions.Api)
            .WithSummary("Mute group members for time minutes")
            .Accepts(Opt("group_id", "group id"), Opt("gid", "group id"), Opt("group_uid", "group number"), Opt("gnumber", "group number"), Opt("member_id", "comma-separated QQ numbers"), Opt("member_uid", "comma-separated QQ numbers"), Req("time", "minutes, 1 to 30 days")).Answers(MojoShapes.Status);
        endpoints.MapMojo("kick_group_member", KickGroupMemberAsync, OpenQqApiExtensions.Api)
            .WithSummary("Remove members from a QQ group")
            .Accepts(Opt("group_id", "group id"), Opt("gid", "group id"), Opt("group_uid", "group number"), Opt("gnumber", "group number"), Opt("member_id", "comma-separated QQ numbers"), Opt("member_uid", "comma-separated QQ numbers")).Answers(MojoShapes.Status);
        endpoints.MapMojo("relogin", ReloginAsync, OpenQqApiExtensions.Api)
            .WithSummary("Log the account in again (reconnect to its OneBot implementation)")
            .Accepts().Answers(MojoShapes.Relogin);
        return endpoints;
    }

    /// <summary>
    /// <c>time</c> is in minutes, required and digits only as in Mojo-Webqq's code (the API document says seconds;
    /// the code wins), converted to seconds. 0 and more than 30 days are refused too: QQ mutes for 1 minute to 30 days.
    /// </summary>
    internal static async Task<IResult> ShutupGroupMemberAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var time = parameters["time"];
        if (string.IsNullOrEmpty(time) || !time.All(char.IsAsciiDigit)
            || !long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes is < 1 or > MaxShutupMinutes)
        {
            return MojoReply.Error(400, "shutup time missing or error", StatusCodes.Status400BadRequest);
        }
        return await MemberCallAsync(parameters, grains, options, (a, g, ids) => a.ShutupAsync(g, ids, TimeSpan.FromMinutes(minutes)));
    }

    internal static Task<IResult> KickGroupMemberAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options) =>
        MemberCallAsync(parameters, grains, options, (a, g, ids) => a.KickAsync(g, ids));

    /// <summary>The grain reads the profile and contacts again; Mojo's text (with its 3 seconds) is kept for clients that match it.</summary>
    internal static async Task<IResult> ReloginAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var check = await QqInfoEndpoints.OpenAsync(grains, parameters, options, requireRunning: false);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        await grains.ForKey<IQqAccountGrain>(check.Key).ReloginAsync();
        return MojoReply.Json(new JsonObject
        {
            ["code"] = 0,
            ["account"] = check.Client,
            ["status"] = $"success, client({ServerInfo.Pid}) will relogin in 3 seconds",
        });
    }

    private static async Task<IResult> MemberCallAsync(
        MojoParameters parameters,
        IGrainFactory grains,
        IOptions<OpenWxApiOptions> options,
        Func<IQqAccountGrain, GroupLookup, IReadOnlyList<string>, Task<AdminResult>> call)
    {
        // member_id and member_uid are both QQ numbers for QQ, so one list serves both.
        var ids = AdminCalls.Ids(string.Join(',', parameters["member_id"], parameters["member_uid"]));
        if (ids.Count > AdminCalls.MaxIds)
        {
            return AdminCalls.TooMany("members");
        }
        var group = QqLookups.MemberGroup(parameters);
        if (group.IsEmpty)
        {
            return AdminCalls.NotFound();
        }
        var check = await QqInfoEndpoints.OpenAsync(grains, parameters, options, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var result = await call(grains.ForKey<IQqAccountGrain>(check.Key), group, ids);
        return MojoReply.Error(result.Code, result.Status);
    }
}
