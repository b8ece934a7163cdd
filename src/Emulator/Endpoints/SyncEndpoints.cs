using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>synccheck (long-poll on webpush.{d}) and webwxsync.</summary>
internal static class SyncEndpoints
{
    /// <summary>Answered for a SyncKey that is malformed, another session's, or ahead of anything issued.</summary>
    public const int BadSyncKey = 1102;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cgi-bin/mmwebwx-bin/synccheck", SyncCheckAsync).OnHost(HostKind.WebPush);
        app.MapPost("/cgi-bin/mmwebwx-bin/webwxsync", SyncAsync).OnHost(HostKind.Main);
    }

    private static async Task<IResult> SyncCheckAsync(HttpContext http, EmulatorWorld world)
    {
        var (session, ret) = SessionAuth.FromSyncCheckQuery(world, http);
        if (session is null)
        {
            return Answer(ret, 0);
        }

        if (SyncKeyParser.AckFromPipes(session, http.Request.Query["synckey"].FirstOrDefault()) is not { } ack)
        {
            return Answer(BadSyncKey, 0);
        }

        int selector;
        session.Acknowledge(ack);
        session.SyncCheckStarted();
        using var cts = world.LongPollToken(http.RequestAborted);
        try
        {
            selector = await session.WaitSelectorAsync(
                ack, world.Settings.SyncCheckHold, () => session.InvalidRetCode != 0 || session.RateLimitSyncCheck, cts.Token);
        }
        catch (OperationCanceledException)
        {
            return Results.Empty;
        }
        finally
        {
            session.SyncCheckEnded();
        }

        if (session.InvalidRetCode != 0)
        {
            return Answer(session.InvalidRetCode, 0);
        }

        return session.RateLimitSyncCheck ? Answer(1205, 0) : Answer(0, selector);
    }

    private static async Task<IResult> SyncAsync(HttpContext http, EmulatorWorld world)
    {
        var body = await WireRequest.ReadJsonAsync(http.Request, http.RequestAborted);
        var (session, ret) = SessionAuth.FromBaseRequest(world, http, body);
        if (session is null)
        {
            return WireJson.Ret(ret);
        }

        if (SyncKeyParser.AckFromJson(session, body.Obj("SyncKey")) is not { } ack)
        {
            return WireJson.Ret(BadSyncKey, "invalid SyncKey");
        }

        session.SyncArrived();
        session.Acknowledge(ack);

        var (events, newAck, more) = session.Take(ack, world.Settings.SyncBatchSize);
        var messages = new List<WireMessage>();
        var modified = new Dictionary<string, WireContact>(StringComparer.Ordinal);
        var deleted = new List<WireDelContact>();
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case SessionEventKind.Message when e.Message is not null:
                    messages.Add(WireRenderer.Message(session, e.Message));
                    break;
                case SessionEventKind.ModContact when world.Directory.Describe(session.Wxid, e.ContactId!) is { } contact:
                    modified[contact.Id] = WireRenderer.Contact(session, contact, withMembers: contact.Kind == ContactKind.Group);
                    break;
                case SessionEventKind.DelContact:
                    modified.Remove(e.ContactId!);
                    deleted.Add(new WireDelContact(session.Names.NameOf(e.ContactId!), 0));
                    break;
            }
        }

        return WireJson.Json(new WireSyncResponse
        {
            BaseResponse = WireBaseResponse.Ok,
            AddMsgCount = messages.Count,
            AddMsgList = messages,
            ModContactCount = modified.Count,
            ModContactList = [.. modified.Values],
            DelContactCount = deleted.Count,
            DelContactList = deleted,
            ContinueFlag = more ? 1 : 0,
            SyncKey = WireRenderer.SyncKey(session, newAck),
            SKey = session.Skey,
            SyncCheckKey = WireRenderer.SyncCheckKey(session, ack, newAck),
        });
    }

    private static IResult Answer(int retcode, int selector) =>
        WireJson.Js($"window.synccheck={{retcode:\"{retcode}\",selector:\"{selector}\"}}");
}
