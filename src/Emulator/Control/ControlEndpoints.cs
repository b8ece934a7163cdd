using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// JSON control API under /control (camelCase JSON). Thin wrappers over <see cref="EmulatorWorld"/>; failures answer
/// the exception's status with <c>{"error": "..."}</c>. Reference: docs/emulator.md.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/control").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (EmulatorControlException e)
            {
                return Results.Json(new ControlError(e.Message), statusCode: e.StatusCode);
            }
        });

        control.MapGet("/health", () => Results.Json(new { ok = true }));
        control.MapGet("/settings", (EmulatorWorld w) => w.GetSettings());
        control.MapPut("/settings", (SettingsPatch patch, EmulatorWorld w) => w.UpdateSettings(patch));

        control.MapPost("/users", (CreateUserRequest r, EmulatorWorld w) =>
        {
            var user = w.CreateUser(r);
            return Results.Created($"/control/users/{user.Wxid}", user);
        });
        control.MapGet("/users/{wxid}", (string wxid, EmulatorWorld w) =>
            w.GetUser(wxid) ?? throw EmulatorControlException.NotFound($"user {wxid}"));
        control.MapPatch("/users/{wxid}", (string wxid, UpdateUserRequest r, EmulatorWorld w) => w.UpdateUser(wxid, r));

        control.MapPost("/friendships", (FriendshipRequest r, EmulatorWorld w) =>
        {
            w.CreateFriendship(r);
            return Results.NoContent();
        });
        control.MapDelete("/friendships", (string a, string b, EmulatorWorld w) =>
        {
            w.DeleteFriendship(a, b);
            return Results.NoContent();
        });
        control.MapDelete("/accounts/{wxid}/contacts/{id}", (string wxid, string id, EmulatorWorld w) =>
        {
            w.DeleteFriendship(wxid, id);
            return Results.NoContent();
        });
        control.MapPut("/accounts/{wxid}/contacts/{id}/remark", (string wxid, string id, RemarkRequest r, EmulatorWorld w) =>
        {
            w.SetRemark(wxid, id, r.RemarkName);
            return Results.NoContent();
        });

        control.MapPost("/groups", (CreateGroupRequest r, EmulatorWorld w) =>
        {
            var group = w.CreateGroup(r);
            return Results.Created($"/control/groups/{group.GroupId}", group);
        });
        control.MapGet("/groups/{id}", (string id, EmulatorWorld w) =>
            w.GetGroup(id) ?? throw EmulatorControlException.NotFound($"group {id}"));
        control.MapPatch("/groups/{id}", (string id, UpdateGroupRequest r, EmulatorWorld w) => w.UpdateGroup(id, r));

        control.MapPut("/faults", (FaultRequest r, EmulatorWorld w) =>
        {
            w.SetFault(r);
            return Results.NoContent();
        });
        control.MapDelete("/faults", (EmulatorWorld w) =>
        {
            w.SetFault(null);
            return Results.NoContent();
        });
        control.MapGet("/faults/held", (EmulatorWorld w) => new HeldInfo(w.HeldRequests));
        control.MapPost("/faults/release", (EmulatorWorld w) =>
        {
            w.ReleaseHeld();
            return Results.NoContent();
        });

        MapSessions(control);
    }

    private static void MapSessions(RouteGroupBuilder control)
    {
        control.MapGet("/logins", (EmulatorWorld w) => w.ListLogins());
        control.MapPost("/logins/scan", (ScanRequest r, EmulatorWorld w) =>
        {
            if (!string.IsNullOrEmpty(r.Uuid))
            {
                return w.Scan(r.Uuid, r.Wxid);
            }

            if (string.IsNullOrEmpty(r.QrImageBase64))
            {
                throw EmulatorControlException.BadRequest("give uuid or qrImageBase64");
            }

            byte[] image;
            try
            {
                image = Convert.FromBase64String(r.QrImageBase64);
            }
            catch (FormatException)
            {
                throw EmulatorControlException.BadRequest("qrImageBase64 is not base64");
            }

            return w.ScanImage(image, r.Wxid);
        });
        control.MapPost("/logins/{uuid}/confirm", (string uuid, EmulatorWorld w) => w.Confirm(uuid));

        control.MapPost("/messages", (ControlMessageRequest r, EmulatorWorld w) => w.SendText(r.From, r.To, r.Content));
        control.MapPost("/messages/{msgId}/revoke", (string msgId, string from, EmulatorWorld w) =>
        {
            w.RevokeFromPhone(from, msgId);
            return Results.NoContent();
        });
        control.MapPost("/friend-requests", (FriendRequestRequest r, EmulatorWorld w) => w.SendFriendRequest(r));
        control.MapGet("/friend-requests", (EmulatorWorld w) => w.ListFriendRequests());
        control.MapGet("/accounts/{wxid}/sent", (string wxid, EmulatorWorld w) => w.GetSent(wxid));
        control.MapGet("/messages/{msgId}/media", (string msgId, EmulatorWorld w) => w.GetMessageMedia(msgId));

        control.MapGet("/sessions", (EmulatorWorld w) => w.ListSessions());
        control.MapGet("/accounts/{wxid}/session", (string wxid, EmulatorWorld w) =>
            w.GetSession(wxid) ?? throw EmulatorControlException.NotFound($"web session of {wxid}"));
        control.MapGet("/accounts/{wxid}/latest-session", (string wxid, EmulatorWorld w) =>
            w.GetLatestSession(wxid) ?? throw EmulatorControlException.NotFound($"any web session of {wxid}"));
        control.MapGet("/accounts/{wxid}/usernames/{id}", (string wxid, string id, EmulatorWorld w) => w.ResolveUserName(wxid, id));
        control.MapPost("/accounts/{wxid}/invalidate", (string wxid, InvalidateRequest r, EmulatorWorld w) =>
        {
            w.InvalidateSession(wxid, r.RetCode);
            return Results.NoContent();
        });
        control.MapPost("/accounts/{wxid}/ratelimit", (string wxid, RateLimitRequest r, EmulatorWorld w) =>
        {
            w.RateLimit(wxid, r);
            return Results.NoContent();
        });
    }
}
