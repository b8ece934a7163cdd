using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// upload_media, and the media half of send_friend_message / send_group_message (content and media are two sends,
/// as in Mojo). Replies as Mojo: a bare upload hash without <c>code</c>, and <c>{"id","code","status","media_id"}</c>
/// for sends; failures also carry an honest HTTP status. The API document (seed 000) shows <c>msg_id</c> and
/// <c>"发送成功"</c>; Mojo's code (reference §2) renders <c>id</c> and the upstream info, and the code wins. Its
/// example upload hash also gives the whole server path as media_name; here it is the file name only.
/// </summary>
internal static class MediaSendEndpoints
{
    public static IEndpointRouteBuilder MapMediaSendEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("upload_media", UploadMediaAsync)
            .WithSummary("Upload media for a later send (media_id)")
            .Accepts(MojoParams.Media).Answers(MojoShapes.MediaUpload);
        return endpoints;
    }

    /// <summary>media_path, media_data or media_url plus media_type/media_mime/media_name (media_id makes no sense here).</summary>
    internal static async Task<IResult> UploadMediaAsync(
        HttpContext http, MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        if (parameters["media_id"] is { Length: > 0 })
        {
            return UploadFailed(parameters, MediaProblem.Invalid("media_id is already uploaded; give media_path, media_data or media_url"));
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var (media, problem) = await MediaReader.ReadAsync(http, parameters, grains);
        if (media?.Upload is not { } upload)
        {
            return UploadFailed(parameters, problem!);
        }
        var result = await grains.ForKey<IWxAccountGrain>(check.Key).UploadMediaAsync(upload);
        return result.Media is { } uploaded
            ? MojoReply.Json(UploadHash(uploaded, parameters["media_path"]))
            : UploadFailed(parameters, new MediaProblem(result.Status, UpstreamStatus(result.Code)));
    }

    /// <summary>The send flow after the account gate when the request carries media (async=1 queues it too).</summary>
    internal static async Task<IResult> SendAsync(
        HttpContext http, SendRequest request, string key, Func<IWxAccountGrain, string?, OutgoingMedia, Task<MediaSendReceipt>> send,
        Func<Task<bool>> targetExists, Action<Task<SendReceipt>> detach)
    {
        var (media, problem) = await MediaReader.ReadAsync(http, request.Parameters, request.Grains);
        if (media is null)
        {
            return SendFailed(problem!);
        }
        var account = request.Grains.ForKey<IWxAccountGrain>(key);
        var content = request.Parameters["content"];
        if (!MojoValues.IsFalsy(request.Parameters["async"]))
        {
            if (!await targetExists())
            {
                return MojoReply.SendError(SendCodes.ObjectNotFound, "object not found");
            }
            detach(AsReceiptAsync(send(account, content, media)));
            return MojoReply.Json(new JsonObject { ["code"] = 0, ["status"] = "request already in execution" });
        }
        var receipt = await send(account, content, media);
        // HTTP 200 like every send reply: Mojo clients read the code (bad media input above is a 4xx: Mojo had none).
        return MojoReply.Json(
            new JsonObject { ["id"] = receipt.Id, ["code"] = receipt.Code, ["status"] = receipt.Status, ["media_id"] = receipt.MediaId });
    }

    private static async Task<SendReceipt> AsReceiptAsync(Task<MediaSendReceipt> sending)
    {
        var receipt = await sending;
        return new SendReceipt(receipt.Id, receipt.Code, receipt.Status);
    }

    /// <summary>A send refused for its media: Mojo's send shape with an empty media_id and the problem's HTTP status.</summary>
    internal static MojoReply SendFailed(MediaProblem problem) => new(
        new JsonObject { ["id"] = null, ["code"] = SendCodes.Failure, ["status"] = problem.Status, ["media_id"] = "" },
        problem.HttpStatus);

    /// <summary>Mojo's failure hash: media_id null (no <c>code</c>); <c>error</c> says why.</summary>
    private static MojoReply UploadFailed(MojoParameters parameters, MediaProblem problem) => new(
        new JsonObject
        {
            ["media_id"] = null,
            ["media_path"] = parameters["media_path"],
            ["media_name"] = parameters["media_name"],
            ["media_type"] = parameters["media_type"],
            ["error"] = problem.Status,
        },
        problem.HttpStatus);

    private static JsonObject UploadHash(UploadedMedia media, string? path) => new()
    {
        ["media_id"] = media.MediaId,
        ["media_code"] = (int)media.Kind,
        ["media_type"] = media.Kind.ToString().ToLowerInvariant(),
        ["media_path"] = path,
        ["media_name"] = media.Name,
        ["media_size"] = media.Size,
        ["media_mime"] = media.Mime,
        ["media_mtime"] = media.Time,
        ["media_ext"] = media.Ext,
    };

    /// <summary>A refused upload's HTTP status: -2 not running is 503, upstream refusals 502.</summary>
    private static int UpstreamStatus(int code) => code switch
    {
        SendCodes.NotRunning => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };
}
