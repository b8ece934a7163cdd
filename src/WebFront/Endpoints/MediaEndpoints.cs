using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// get_media (ours: Mojo serves media_path as a file on its own machine): the bytes of a received media by the
/// message's <c>id</c>, or by Mojo's <c>media_id</c> of an image, emoticon, voice or video (<c>&lt;MsgId&gt;:&lt;code&gt;</c>),
/// with its content type and name. Served from the media store, so it answers also when the account is stopped.
/// </summary>
internal static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("get_media", GetMediaAsync)
            .WithSummary("A received message's media file")
            .Accepts(Opt("id", "the message id"), Opt("media_id", "the event's media_id")).AnswersFile("application/octet-stream");
        return endpoints;
    }

    internal static async Task<IResult> GetMediaAsync(
        MojoParameters parameters, [FromServices] IMediaStore store, [FromServices] IOptions<OpenWxApiOptions> options, HttpContext http)
    {
        var (client, error) = AccountGate.ResolveClient(parameters, options.Value.DefaultClient);
        if (error is not null)
        {
            return error;
        }
        var id = parameters["id"] is { Length: > 0 } given ? given : parameters["media_id"]?.Split(':')[0];
        if (string.IsNullOrEmpty(id))
        {
            return MojoReply.Error(-1, "id or media_id is required", StatusCodes.Status400BadRequest);
        }
        // Upstream MsgIds are decimal numbers; anything else can name no stored media.
        if (id.Length > 32 || !id.All(char.IsAsciiDigit))
        {
            return MojoReply.Error(-1, $"invalid id: {(id.Length > 32 ? id[..32] + "..." : id)}", StatusCodes.Status400BadRequest);
        }
        var media = await store.ReadAsync(new MediaKey(AccountKey.WeChatClient(client!), id), http.RequestAborted);
        return media is null
            ? MojoReply.Error(100, "media not found", StatusCodes.Status404NotFound)
            : Results.File(media.Data, media.Info.Mime, media.Info.Name);
    }
}
