using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>webwxinit, webwxstatusnotify, webwxgetcontact (Seq paging) and webwxbatchgetcontact (≤ 50 per call).</summary>
internal static class ContactEndpoints
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Cgi + "webwxinit", InitAsync).OnHost(HostKind.Main);
        app.MapPost(Cgi + "webwxstatusnotify", StatusNotifyAsync).OnHost(HostKind.Main);
        app.MapGet(Cgi + "webwxgetcontact", GetContact).OnHost(HostKind.Main);
        app.MapPost(Cgi + "webwxbatchgetcontact", BatchGetContactAsync).OnHost(HostKind.Main);
    }

    private static async Task<IResult> InitAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var self = world.Directory.Describe(session.Wxid, session.Wxid);
        if (self is null)
        {
            return WireJson.Ret(SessionAuth.Expired);
        }

        var contacts = world.Directory.RecentChatsOf(session.Wxid)
            .Select(id => world.Directory.Describe(session.Wxid, id))
            .OfType<ContactData>()
            .Select(c => WireRenderer.Contact(session, c, withMembers: c.Kind == ContactKind.Group))
            .ToList();
        session.Initialized = true;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return WireJson.Json(new WireInitResponse(
            WireBaseResponse.Ok,
            contacts.Count,
            contacts,
            WireRenderer.SyncKey(session, 0),
            WireRenderer.Self(session, self),
            string.Join(',', contacts.Select(c => c.UserName)) + ",",
            session.Skey,
            0x26060A37,
            now,
            1,
            40,
            0,
            [],
            600000));
    }

    private static async Task<IResult> StatusNotifyAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        if (body.Int("Code") is null || body.Str("FromUserName") != session.SelfUserName)
        {
            return WireJson.Ret(1, "Code and FromUserName (self) are required");
        }

        return WireJson.Json(new WireStatusNotifyResponse(WireBaseResponse.Ok, world.NewMsgId().ToString()));
    }

    private static IResult GetContact(HttpContext http, EmulatorWorld world)
    {
        var (session, ret) = SessionAuth.FromQuerySkey(world, http);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        _ = long.TryParse(http.Request.Query["seq"].FirstOrDefault(), out var seq);
        if (seq == 0 || session.ContactSnapshot is null)
        {
            session.ContactSnapshot = world.Directory.ContactListOf(session.Wxid);
        }

        var all = session.ContactSnapshot;
        var offset = (int)Math.Clamp(seq, 0, all.Count);
        var page = all.Skip(offset).Take(world.Settings.ContactPageSize)
            .Select(id => world.Directory.Describe(session.Wxid, id))
            .OfType<ContactData>()
            .Select(c => WireRenderer.Contact(session, c, withMembers: false))
            .ToList();
        var next = offset + world.Settings.ContactPageSize;
        return WireJson.Json(new WireGetContactResponse(WireBaseResponse.Ok, page.Count, page, next < all.Count ? next : 0));
    }

    private static async Task<IResult> BatchGetContactAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        var items = body.Array("List");
        if (items.Count > world.Settings.BatchGetContactLimit)
        {
            return WireJson.Json(new WireBatchResponse(new WireBaseResponse(1, "too many contacts in one request"), 0, []));
        }

        var contacts = new List<WireContact>();
        foreach (var item in items)
        {
            JsonElement? entry = item;
            var userName = entry.Str("UserName");
            var encry = entry.Str("EncryChatRoomId");
            var id = session.Names.IdOf(userName);
            if (id is null || (!string.IsNullOrEmpty(encry) && session.Names.GroupOfEncry(encry) is null))
            {
                continue;
            }

            if (world.Directory.Describe(session.Wxid, id) is { } contact)
            {
                contacts.Add(WireRenderer.Contact(session, contact, withMembers: contact.Kind == ContactKind.Group));
            }
        }

        return WireJson.Json(new WireBatchResponse(WireBaseResponse.Ok, contacts.Count, contacts));
    }
}
