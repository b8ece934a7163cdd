using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>revoke_message with the <c>&lt;MsgID&gt;:&lt;ToUserName&gt;</c> id a send returned.</summary>
internal static class RevokeEndpoints
{
    public static IEndpointRouteBuilder MapRevokeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("revoke_message", RevokeMessageAsync)
            .WithSummary("Revoke a sent message")
            .Accepts(Req("id", "the id a send answered")).Answers(MojoShapes.SendResult);
        return endpoints;
    }

    /// <summary>
    /// Mojo answers <c>{"id","code":0,"status":"revoke success"}</c>, and code 0 with <c>"revoke failure"</c> when the
    /// upstream refuses (kept: clients read the status). A missing or malformed id is Mojo's -1
    /// <c>msg id not found</c>, with HTTP 400 since no retry can help.
    /// </summary>
    internal static async Task<IResult> RevokeMessageAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        if (parameters["id"] is not { Length: > 0 } id)
        {
            return MojoReply.Error(AdminCodes.Invalid, "msg id not found", StatusCodes.Status400BadRequest);
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var result = await grains.ForKey<IWxAccountGrain>(check.Key).RevokeMessageAsync(id);
        var body = new JsonObject { ["id"] = result.Id, ["code"] = result.Code, ["status"] = result.Status };
        return result.Code == AdminCodes.Invalid
            ? new MojoReply(body, StatusCodes.Status400BadRequest)
            : MojoReply.Json(body);
    }
}
