using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// consult: sends a text and/or media (as the send routes take it) to a friend and answers with that friend's next
/// message, or a timeout.
/// </summary>
internal static class ConsultEndpoints
{
    /// <summary>Mojo's default wait for the reply.</summary>
    public const int DefaultTimeoutSeconds = 30;

    public const int MaxTimeoutSeconds = 300;

    /// <summary>One grain wait stays well below the Orleans call timeout; the route asks again until the deadline.</summary>
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapConsultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("consult", ConsultAsync)
            .WithSummary("Send to a friend and wait for the friend's next message as the reply")
            .Accepts([.. MojoParams.FriendLookup, .. MojoParams.Media, Opt("content", "the text"), Opt("timeout", "seconds to wait for the reply")]).Answers(MojoShapes.ConsultResult);
        return endpoints;
    }

    /// <summary>
    /// The reply, as Mojo's code renders it: <c>{"reply","id"(the reply's id),"code":null,"status":null}</c>; a
    /// timeout <c>{"id"(the sent message),"code":0,"status","reply_status":"reply timeout","reply":null}</c>. (The API
    /// document shows msg_id and code 0 on a reply; the reference's real behaviour wins.) A failed send answers as
    /// send_friend_message does.
    /// </summary>
    internal static async Task<IResult> ConsultAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        HttpContext http)
    {
        var hasMedia = MediaReader.HasMedia(http, parameters);
        if (MessageEndpoints.ContentError(parameters, options.Value.MaxContentLength, hasMedia) is { } contentError)
        {
            return contentError;
        }
        if (Timeout(parameters["timeout"]) is not { } timeout)
        {
            return MojoReply.Error(
                AdminCodes.Invalid, $"timeout must be whole seconds from 1 to {MaxTimeoutSeconds}", StatusCodes.Status400BadRequest);
        }
        var lookup = new FriendLookup(parameters["id"], parameters["account"], parameters["displayname"], parameters["markname"]);
        if (lookup.IsEmpty)
        {
            return MojoReply.SendError(SendCodes.ObjectNotFound, "object not found");
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }

        OutgoingMedia? media = null;
        if (hasMedia)
        {
            var (read, problem) = await MediaReader.ReadAsync(http, parameters, grains);
            if (read is null)
            {
                return MediaSendEndpoints.SendFailed(problem!);
            }
            media = read;
        }
        var account = grains.ForKey<IWxAccountGrain>(check.Key);
        var ticket = await account.ConsultAsync(lookup, parameters["content"], timeout, media);
        if (ticket.WaiterId is not { } waiter)
        {
            return MessageEndpoints.Receipt(ticket.Receipt);
        }
        ConsultReply answer;
        do
        {
            answer = await account.AwaitConsultReplyAsync(waiter, WaitSlice);
        }
        while (!answer.Done && !http.RequestAborted.IsCancellationRequested);

        return answer.Reply is { } reply
            ? MojoReply.Json(new JsonObject { ["reply"] = reply.Content, ["id"] = reply.Id, ["code"] = null, ["status"] = null })
            : MojoReply.Json(new JsonObject
            {
                ["id"] = ticket.Receipt.Id,
                ["code"] = ticket.Receipt.Code,
                ["status"] = ticket.Receipt.Status,
                ["reply_status"] = "reply timeout",
                ["reply"] = null,
            });
    }

    private static TimeSpan? Timeout(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return TimeSpan.FromSeconds(DefaultTimeoutSeconds);
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxTimeoutSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
