using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// send_friend_message / send_group_message (text; media through <see cref="MediaSendEndpoints"/>). Replies as Mojo's code does: <c>{"id","code","status"}</c> with
/// status = the upstream info. The API document shows <c>msg_id</c> and <c>"发送成功"</c>; the reference (Mojo's
/// actual code) wins, so the key is <c>id</c> and a success says <c>"success"</c>.
/// </summary>
internal static partial class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("send_friend_message", SendFriendMessageAsync)
            .WithSummary("Send text or media to a friend (id=@all: every friend)")
            .Accepts([.. MojoParams.FriendLookup, .. MojoParams.SendOptions, .. MojoParams.Media]).AnswersSend(MojoShapes.SendResult);
        endpoints.MapMojo("send_group_message", SendGroupMessageAsync)
            .WithSummary("Send text or media to a group")
            .Accepts([.. MojoParams.GroupLookup, .. MojoParams.SendOptions, .. MojoParams.Media]).AnswersSend(MojoShapes.SendResult);
        return endpoints;
    }

    /// <summary>Friends are looked up by id, account, displayname and markname (ANDed; the first match gets it).</summary>
    internal static Task<IResult> SendFriendMessageAsync(
        HttpContext http,
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] ILoggerFactory loggers)
    {
        var lookup = new FriendLookup(parameters["id"], parameters["account"], parameters["displayname"], parameters["markname"]);
        var request = new SendRequest(parameters, grains, options.Value, loggers, http);
        if (lookup.Id == "@all")
        {
            return BroadcastAsync(request);
        }
        return SendAsync(
            request,
            lookup.IsEmpty,
            async key => await grains.ForKey<IFriendsGrain>(key).FindAsync(lookup) is not null,
            (account, content, idempotencyKey) => account.SendFriendTextAsync(lookup, content, idempotencyKey),
            (account, content, media, idempotencyKey) => account.SendFriendMediaAsync(lookup, content, media, idempotencyKey));
    }

    /// <summary>Groups are looked up by id and displayname only, as in Mojo.</summary>
    internal static Task<IResult> SendGroupMessageAsync(
        HttpContext http,
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] ILoggerFactory loggers)
    {
        var lookup = new GroupLookup(parameters["id"], parameters["displayname"]);
        return SendAsync(
            new SendRequest(parameters, grains, options.Value, loggers, http),
            lookup.IsEmpty,
            async key => await grains.ForKey<IGroupsGrain>(key).FindAsync(lookup) is not null,
            (account, content, idempotencyKey) => account.SendGroupTextAsync(lookup, content, idempotencyKey),
            (account, content, media, idempotencyKey) => account.SendGroupMediaAsync(lookup, content, media, idempotencyKey));
    }

    /// <summary>
    /// id=@all: every friend gets the text and/or media, paced, in the background; Mojo answers at once
    /// <c>{"id":0,"code":0,"status":"request already executed"}</c>.
    /// </summary>
    private static async Task<IResult> BroadcastAsync(SendRequest request)
    {
        var parameters = request.Parameters;
        var hasMedia = MediaReader.HasMedia(request.Http, parameters);
        if (ContentError(parameters, request.Options.MaxContentLength, hasMedia) is { } contentError)
        {
            return contentError;
        }
        var check = await AccountGate.OpenAsync(request.Grains, parameters, request.Options.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        OutgoingMedia? media = null;
        if (hasMedia)
        {
            var (read, problem) = await MediaReader.ReadAsync(request.Http, parameters, request.Grains);
            if (read is null)
            {
                return MediaSendEndpoints.SendFailed(problem!);
            }
            media = read;
        }
        var receipt = await request.Grains.ForKey<IWxAccountGrain>(check.Key).BroadcastAsync(parameters["content"], media);
        return receipt.Code == SendCodes.Success
            ? MojoReply.Json(new JsonObject { ["id"] = 0, ["code"] = 0, ["status"] = receipt.Status })
            : Receipt(receipt);
    }

    /// <summary>
    /// The send flow shared by friends and groups: content check, lookup check, account gate, then a synchronous
    /// send or (async=1) a detached one after the target is known to exist.
    /// </summary>
    private static async Task<IResult> SendAsync(
        SendRequest request,
        bool lookupIsEmpty,
        Func<string, Task<bool>> targetExists,
        Func<IWxAccountGrain, string, string?, Task<SendReceipt>> send,
        Func<IWxAccountGrain, string?, OutgoingMedia, string?, Task<MediaSendReceipt>> sendMedia)
    {
        var parameters = request.Parameters;
        var hasMedia = MediaReader.HasMedia(request.Http, parameters);
        if (ContentError(parameters, request.Options.MaxContentLength, hasMedia) is { } contentError)
        {
            return contentError;
        }
        var (idempotencyKey, keyError) = IdempotencyKey.Read(parameters, request.Http.Request);
        if (keyError is not null)
        {
            return new MojoReply(
                new JsonObject { ["id"] = null, ["code"] = SendCodes.Failure, ["status"] = keyError }, StatusCodes.Status400BadRequest);
        }
        if (lookupIsEmpty)
        {
            return NotFound();
        }
        if (!hasMedia && !IsAsync(parameters))
        {
            // The common case is one call into the account grain: it refuses a send itself when it is not running.
            var (client, clientError) = AccountGate.ResolveClient(parameters, request.Options.DefaultClient);
            if (client is null)
            {
                return clientError!;
            }
            var receipt = await send(request.Grains.ForKey<IWxAccountGrain>(AccountKey.For(AccountKey.WeChat, client)), parameters["content"]!, idempotencyKey);
            return Reply(receipt);
        }
        var check = await AccountGate.OpenAsync(request.Grains, parameters, request.Options.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        if (hasMedia)
        {
            return await MediaSendEndpoints.SendAsync(
                request.Http,
                request,
                check.Key,
                (account, content, media) => sendMedia(account, content, media, idempotencyKey),
                () => targetExists(check.Key),
                t => Detach(t, check.Client, request.Loggers));
        }
        if (!await targetExists(check.Key))
        {
            return NotFound();
        }
        Detach(send(request.Grains.ForKey<IWxAccountGrain>(check.Key), parameters["content"]!, idempotencyKey), check.Client, request.Loggers);
        return Queued();
    }

    /// <summary>The reply to a send: the receipt, or the account gate's answer when the account refused it as not running.</summary>
    internal static IResult Reply(SendReceipt receipt) =>
        receipt.RefusedIn is { } state ? AccountGate.Refusal(state) : Receipt(receipt);

    /// <summary>
    /// Mojo renders nothing at all when there is neither content nor media; that hangs clients, so the request is
    /// refused at once instead. Text past <paramref name="maxLength"/> characters is refused (HTTP 413): an event
    /// carrying it must stay far below the Orleans message limit, and WeChat itself takes only a few thousand
    /// characters.
    /// </summary>
    internal static IResult? ContentError(MojoParameters parameters, int maxLength, bool hasMedia = false)
    {
        if (parameters["content"] is { Length: > 0 } content)
        {
            return content.Length <= maxLength
                ? null
                : new MojoReply(
                    new JsonObject { ["id"] = null, ["code"] = SendCodes.Failure, ["status"] = $"content too long: at most {maxLength} characters" },
                    StatusCodes.Status413PayloadTooLarge);
        }
        return hasMedia ? null : MojoReply.SendError(SendCodes.Failure, StatusTexts.ContentMissing);
    }

    /// <summary><c>{"id":..,"code":..,"status":..}</c>, written straight to the response: every send answers this.</summary>
    internal static IResult Receipt(SendReceipt receipt) => new MojoStreamedReply(json =>
    {
        json.WriteStartObject();
        json.WriteString(ReplyJsonNames.Id, receipt.Id);
        json.WriteNumber(ReplyJsonNames.Code, receipt.Code);
        json.WriteString(ReplyJsonNames.Status, receipt.Status);
        json.WriteEndObject();
    });

    internal static bool IsAsync(MojoParameters parameters) => !MojoValues.IsFalsy(parameters["async"]);

    private static MojoReply NotFound() => MojoReply.SendError(SendCodes.ObjectNotFound, "object not found");

    /// <summary>Mojo's async reply: queued, no id.</summary>
    internal static MojoReply Queued() =>
        MojoReply.Json(new JsonObject { ["code"] = 0, ["status"] = "request already in execution" });

    /// <summary>async=1: the grain queues and retries the send; the front only observes the outcome for the log.</summary>
    internal static void Detach(Task<SendReceipt> send, string client, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MessageEndpoints));
        _ = send.ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    LogAsyncFailure(logger, t.Exception, client);
                }
                else if (t.Result.Code != SendCodes.Success)
                {
                    LogAsyncRefused(logger, client, t.Result.Code, t.Result.Status);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asynchronous send for client {Client} failed")]
    private static partial void LogAsyncFailure(ILogger logger, Exception? exception, string client);

    [LoggerMessage(Level = LogLevel.Information, Message = "Asynchronous send for client {Client} answered code {Code}: {Status}")]
    private static partial void LogAsyncRefused(ILogger logger, string client, int code, string status);
}
