using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>get_avatar: the image bytes of a friend, a group, the user, or (with group_id) a group member.</summary>
internal static class AvatarEndpoints
{
    public static IEndpointRouteBuilder MapAvatarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("get_avatar", GetAvatarAsync)
            .WithSummary("A friend's or member's avatar image")
            .Accepts(Req("id", "friend or member id"), Opt("group_id", "the group of a member")).AnswersFile("image/*");
        return endpoints;
    }

    /// <summary>
    /// As Mojo: the bytes with their image type and <c>Cache-Control: max-age=3600</c>; no image from the upstream in
    /// time: HTTP 503 with an empty body; unknown id: code 100.
    /// </summary>
    internal static async Task<IResult> GetAvatarAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options, HttpContext http)
    {
        if (parameters["id"] is not { Length: > 0 } id)
        {
            return MojoReply.Error(AdminCodes.Invalid, "id is required", StatusCodes.Status400BadRequest);
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var groupId = parameters["group_id"] is { Length: > 0 } g ? g : null;
        var avatar = await grains.ForKey<IWxAccountGrain>(check.Key).GetAvatarAsync(id, groupId);
        switch (avatar.Code)
        {
            case AdminCodes.Success:
                http.Response.Headers.CacheControl = "max-age=3600";
                return Results.Bytes(avatar.Bytes!, avatar.ContentType);
            case AvatarImage.Unavailable:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                return MojoReply.Error(avatar.Code, avatar.Status);
        }
    }
}
