using OpenWxCluster.QqEmulator.OneBot;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Control;

/// <summary>
/// JSON control API under /control (camelCase, roles as strings): scripts the world as the tests and the demo need it.
/// Refusals answer the exception's status with <c>{"error", "retcode"}</c>. Never behind the access token.
/// </summary>
internal static class QqControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/control").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (QqWorldException e)
            {
                return Results.Json(new ControlError(e.Message, e.Retcode), statusCode: e.HttpStatus);
            }
        });

        control.MapGet("/health", () => Results.Json(new { ok = true }));

        control.MapPost("/bots", (CreateBotRequest r, QqWorld w) =>
        {
            w.CreateBot(r.SelfId, r.Nickname);
            return Results.Created($"/control/bots/{r.SelfId}", r);
        });
        control.MapPut("/bots/{selfId:long}/online", (long selfId, OnlineRequest r, QqWorld w) =>
        {
            w.SetOnline(selfId, r.Online);
            return Results.NoContent();
        });
        control.MapPut("/hold", (HoldRequest r, QqWorld w) =>
        {
            w.HoldActions(r.Action, r.Count);
            return Results.NoContent();
        });
        control.MapGet("/hold", (QqWorld w) => Results.Json(new { held = w.HeldActions }));
        control.MapPost("/hold/release", (QqWorld w) =>
        {
            w.ReleaseHeld();
            return Results.NoContent();
        });
        control.MapGet("/bots/{selfId:long}/sent", (long selfId, QqWorld w) => w.SentBy(selfId).Select(MessageInfo.From).ToList());

        control.MapPut("/bots/{selfId:long}/friends/{userId:long}/category", (long selfId, long userId, CategoryRequest r, QqWorld w) =>
        {
            w.SetFriendCategory(selfId, userId, r.CategoryId, r.Name);
            return Results.NoContent();
        });

        control.MapPost("/users", (QqUser u, QqWorld w) => Results.Created($"/control/users/{u.UserId}", w.CreateUser(u)));
        control.MapGet("/users/{userId:long}", (long userId, QqWorld w) =>
            w.GetUser(userId) ?? throw QqWorldException.NotFound($"user {userId}"));

        control.MapPost("/friendships", (FriendshipRequest r, QqWorld w) =>
        {
            w.CreateFriendship(r.A, r.B);
            return Results.NoContent();
        });

        control.MapPost("/groups", (CreateGroupRequest r, QqWorld w) =>
            Results.Created($"/control/groups/{r.GroupId}", w.CreateGroup(r.GroupId, r.Name, r.OwnerId)));
        control.MapGet("/groups/{groupId:long}", (long groupId, QqWorld w) =>
            new GroupInfo(w.GetGroup(groupId) ?? throw QqWorldException.NotFound($"group {groupId}"), w.Members(groupId)));
        control.MapPost("/groups/{groupId:long}/members", (long groupId, AddMemberRequest r, QqWorld w) =>
            w.AddMember(groupId, r.UserId, r.Role, r.Card ?? "", r.OperatorId));
        control.MapDelete("/groups/{groupId:long}/members/{userId:long}", (long groupId, long userId, long? operatorId, QqWorld w) =>
        {
            w.RemoveMember(groupId, userId, operatorId);
            return Results.NoContent();
        });
        control.MapPut("/groups/{groupId:long}/members/{userId:long}/ban", (long groupId, long userId, OperatorRequest r, QqWorld w) =>
        {
            w.Ban(groupId, userId, r.OperatorId, r.Duration);
            return Results.NoContent();
        });
        control.MapPut("/groups/{groupId:long}/members/{userId:long}/card", (long groupId, long userId, CardRequest r, QqWorld w) =>
        {
            w.SetCard(groupId, userId, r.OperatorId ?? userId, r.Card);
            return Results.NoContent();
        });
        control.MapPost("/groups/{groupId:long}/messages", (long groupId, GroupMessageRequest r, QqWorld w) =>
            MessageInfo.From(w.UserSendsGroup(r.UserId, groupId, SegmentJson.Parse(r.Message, autoEscape: false))));

        control.MapPost("/discusses", (CreateDiscussRequest r, QqWorld w) =>
            Results.Created($"/control/discusses/{r.DiscussId}", w.CreateDiscuss(r.DiscussId, r.Name, r.MemberIds ?? [])));
        control.MapGet("/discusses/{discussId:long}", (long discussId, QqWorld w) =>
            w.GetDiscuss(discussId) ?? throw QqWorldException.NotFound($"discuss {discussId}"));
        control.MapPost("/discusses/{discussId:long}/messages", (long discussId, GroupMessageRequest r, QqWorld w) =>
            MessageInfo.From(w.UserSendsDiscuss(r.UserId, discussId, SegmentJson.Parse(r.Message, autoEscape: false))));

        control.MapPost("/messages/private", (PrivateMessageRequest r, QqWorld w) =>
            MessageInfo.From(w.UserSendsPrivate(r.UserId, r.SelfId, SegmentJson.Parse(r.Message, autoEscape: false), r.GroupId)));
        control.MapGet("/messages/{messageId:int}", (int messageId, QqWorld w) =>
            MessageInfo.From(w.GetMessage(messageId) ?? throw QqWorldException.NotFound($"message {messageId}")));
        control.MapPost("/messages/{messageId:int}/recall", (int messageId, OperatorRequest r, QqWorld w) =>
        {
            w.Recall(messageId, r.OperatorId);
            return Results.NoContent();
        });
    }
}
