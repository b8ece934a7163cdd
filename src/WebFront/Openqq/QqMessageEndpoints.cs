using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's text sends: send_friend_message (and the older document's send_message), send_group_message,
/// send_sess_message, send_discuss_message. Same flow as Openwx (content, idempotency key, lookup, account gate,
/// async=1), with Openqq's lookups and not-found codes.
/// </summary>
internal static class QqMessageEndpoints
{
    public static IEndpointRouteBuilder MapQqMessageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("send_friend_message", SendFriendMessageAsync, OpenQqApiExtensions.Api)
            .WithSummary("Send a message to a QQ friend")
            .Accepts([Opt("id", "friend id"), Opt("uid", "QQ number"), Opt("qq", "QQ number"), Opt("name", "nick"), Opt("markname", "remark name"), Opt("displayname", "display name"), .. MojoParams.SendOptions]).AnswersSend(MojoShapes.SendResult);
        endpoints.MapMojo("send_message", SendFriendMessageAsync, OpenQqApiExtensions.Api)
            .WithSummary("Send a message to a QQ friend (alias of send_friend_message)")
            .Accepts([Opt("id", "friend id"), Opt("uid", "QQ number"), Opt("qq", "QQ number"), Opt("name", "nick"), Opt("markname", "remark name"), Opt("displayname", "display name"), .. MojoParams.SendOptions]).AnswersSend(MojoShapes.SendResult);
        endpoints.MapMojo("send_group_message", SendGroupMessageAsync, OpenQqApiExtensions.Api)
            .WithSummary("Send a message to a QQ group")
            .Accepts([Opt("id", "group id"), Opt("gid", "group id"), Opt("uid", "group number"), Opt("gnumber", "group number"), Opt("name", "group name"), Opt("displayname", "group display name"), .. MojoParams.SendOptions]).AnswersSend(MojoShapes.SendResult);
        endpoints.MapMojo("send_sess_message", SendSessMessageAsync, OpenQqApiExtensions.Api)
            .WithSummary("Send a temporary (session) message to a group or discussion member")
            .Accepts([Opt("group_id", "group id"), Opt("gid", "group id"), Opt("group_uid", "group number"), Opt("gnumber", "group number"), Opt("discuss_id", "discussion id"), Opt("did", "discussion id"), Opt("id", "member id"), Opt("uid", "member QQ number"), Opt("qq", "member QQ number"), .. MojoParams.SendOptions]).AnswersSend(MojoShapes.SendResult);
        endpoints.MapMojo("send_discuss_message", SendDiscussMessageAsync, OpenQqApiExtensions.Api)
            .WithSummary("Send a message to a discussion group")
            .Accepts([Opt("id", "discussion id"), Opt("did", "discussion id"), Opt("name", "discussion name"), .. MojoParams.SendOptions]).AnswersSend(MojoShapes.SendResult);
        return endpoints;
    }

    internal static Task<IResult> SendFriendMessageAsync(
        HttpContext http, MojoParameters parameters, [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options, [FromServices] ILoggerFactory loggers)
    {
        var lookup = QqLookups.Friend(parameters);
        return SendAsync(
            new SendRequest(parameters, grains, options.Value, loggers, http),
            lookup.IsEmpty ? QqSendReply.FriendMissing() : null,
            async key => await grains.ForKey<IFriendsGrain>(key).FindAsync(lookup) is not null,
            QqSendReply.FriendMissing,
            (account, content, idempotencyKey) => account.SendFriendTextAsync(lookup, content, idempotencyKey));
    }

    internal static Task<IResult> SendGroupMessageAsync(
        HttpContext http, MojoParameters parameters, [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options, [FromServices] ILoggerFactory loggers)
    {
        var lookup = QqLookups.Group(parameters);
        return SendAsync(
            new SendRequest(parameters, grains, options.Value, loggers, http),
            lookup.IsEmpty ? QqSendReply.GroupMissing() : null,
            async key => await grains.ForKey<IGroupsGrain>(key).FindAsync(lookup) is not null,
            QqSendReply.GroupMissing,
            (account, content, idempotencyKey) => account.SendGroupTextAsync(lookup, content, idempotencyKey));
    }

    /// <summary>
    /// Group form (<c>group_id|group_uid</c> + <c>id|uid</c>): the grain's temporary-session send. Discuss form
    /// (<c>discuss_id</c>, 003 <c>did</c>): a learned member of a learned discuss, else 104. Neither: 105.
    /// </summary>
    internal static Task<IResult> SendSessMessageAsync(
        HttpContext http, MojoParameters parameters, [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options, [FromServices] ILoggerFactory loggers)
    {
        var request = new SendRequest(parameters, grains, options.Value, loggers, http);
        var group = QqLookups.MemberGroup(parameters);
        var member = QqLookups.Member(parameters);
        if (group.IsEmpty && QqLookups.NamesDiscuss(parameters))
        {
            var discuss = QqLookups.MemberDiscuss(parameters);
            var discussMemberMissing = QqSendReply.NotFound(QqSendReply.DiscussMemberNotFound, "discuss member not found");
            return SendAsync(
                request,
                member is null || discuss.IsEmpty ? discussMemberMissing : null,
                async key => (await FindDiscussAsync(grains, key, discuss))?.Members.Any(m => m.Id == member || m.Uid == member) == true,
                () => discussMemberMissing,
                (account, content, idempotencyKey) => account.SendDiscussSessTextAsync(discuss, member!, content, idempotencyKey));
        }
        if (group.IsEmpty)
        {
            var missing = QqSendReply.SessTargetMissing();
            return SendAsync(request, missing, _ => Task.FromResult(false), () => missing, (_, _, _) => throw new InvalidOperationException());
        }
        var memberMissing = QqSendReply.NotFound(QqSendReply.GroupMemberNotFound, "group member not found");
        return SendAsync(
            request,
            member is null ? memberMissing : null,
            async key => (await grains.ForKey<IGroupsGrain>(key).FindAsync(group))?.Members.Any(m => m.Id == member || m.Uid == member) == true,
            () => memberMissing,
            (account, content, idempotencyKey) => account.SendSessTextAsync(group, member!, content, idempotencyKey));
    }

    /// <summary>
    /// To a discuss group the account learned from its messages (OneBot cannot list them), by <c>id</c> (003:
    /// <c>did</c>) or <c>name</c>; 102 when none matches. An implementation without send_discuss_msg (NapCat) is
    /// answered code -3 with what it lacks.
    /// </summary>
    internal static Task<IResult> SendDiscussMessageAsync(
        HttpContext http, MojoParameters parameters, [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options, [FromServices] ILoggerFactory loggers)
    {
        var lookup = QqLookups.Discuss(parameters);
        var missing = QqSendReply.NotFound(QqSendReply.DiscussNotFound, "discuss not found");
        return SendAsync(
            new SendRequest(parameters, grains, options.Value, loggers, http),
            lookup.IsEmpty ? missing : null,
            async key => await FindDiscussAsync(grains, key, lookup) is not null,
            () => missing,
            (account, content, idempotencyKey) => account.SendDiscussTextAsync(lookup, content, idempotencyKey));
    }

    private static async Task<GroupInfo?> FindDiscussAsync(IGrainFactory grains, string key, GroupLookup lookup) =>
        (await grains.ForKey<IQqAccountGrain>(key).GetDiscussesAsync()).FirstOrDefault(lookup.Matches);

    /// <param name="refusal">The not-found answer when the parameters name no target (given after the content check).</param>
    private static async Task<IResult> SendAsync(
        SendRequest request,
        MojoReply? refusal,
        Func<string, Task<bool>> targetExists,
        Func<MojoReply> notFound,
        Func<IQqAccountGrain, string, string?, Task<SendReceipt>> send)
    {
        var parameters = request.Parameters;
        if (MessageEndpoints.ContentError(parameters, request.Options.MaxContentLength) is { } contentError)
        {
            return contentError;
        }
        var (idempotencyKey, keyError) = IdempotencyKey.Read(parameters, request.Http.Request);
        if (keyError is not null)
        {
            return MojoReply.Error(SendCodes.Failure, keyError, StatusCodes.Status400BadRequest);
        }
        if (refusal is not null)
        {
            return refusal;
        }
        if (!MessageEndpoints.IsAsync(parameters))
        {
            // One call into the account grain, which refuses a send itself when it is not running.
            var (client, clientError) = AccountGate.ResolveClient(parameters, request.Options.DefaultClient);
            return client is null
                ? clientError!
                : QqSendReply.Receipt(await send(request.Grains.ForKey<IQqAccountGrain>(AccountKey.For(AccountKey.QQ, client)), parameters["content"]!, idempotencyKey));
        }
        var check = await AccountGate.OpenAsync(
            request.Grains, parameters, request.Options.DefaultClient, requireRunning: true, AccountKey.QQ);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        if (!await targetExists(check.Key))
        {
            return notFound();
        }
        var account = request.Grains.ForKey<IQqAccountGrain>(check.Key);
        MessageEndpoints.Detach(send(account, parameters["content"]!, idempotencyKey), check.Client, request.Loggers);
        return MessageEndpoints.Queued();
    }
}
