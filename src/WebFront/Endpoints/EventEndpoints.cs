using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// check_event, Mojo's long poll: pending events at once, else wait for the next ones up to
/// <see cref="OpenWxApiOptions.CheckEventHold"/> (30 s) and answer <c>[]</c>. With <c>cursor=</c>, the cursor mode
/// (<see cref="IEventInboxGrain.PollCursorAsync"/>) instead, with the same hold. The wait is a loop of short
/// <see cref="IEventInboxGrain.PeekAsync"/> calls (each ≤ <see cref="OpenWxApiOptions.InboxPollWait"/>), so no grain
/// call nears the Orleans response timeout and a silo failover costs at most one short call.
/// </summary>
internal static class EventEndpoints
{
    /// <summary>An empty poll quicker than this is treated as "the inbox did not wait" and paced.</summary>
    private static readonly TimeSpan FastEmptyPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan EmptyPollPause = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("check_event", CheckEventAsync)
            .WithSummary("Long-poll the received events (cursor=: replayable from the cursor log)")
            .Accepts(Opt("cursor", "an event_id: answer the events after it")).Answers(MojoShapes.Events);
        return endpoints;
    }

    /// <summary>Events are buffered in every state, so any started account may be polled (Mojo blocks until running).</summary>
    internal static Task<IResult> CheckEventAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] TimeProvider time,
        HttpContext http) =>
        CheckAsync(AccountKey.WeChat, parameters, grains, options, time, http);

    /// <summary>check_event of either API; <see cref="EventJson"/> renders each entry in its account's platform's JSON.</summary>
    internal static async Task<IResult> CheckAsync(
        string platform, MojoParameters parameters, IGrainFactory grains, IOptions<OpenWxApiOptions> options, TimeProvider time, HttpContext http)
    {
        var settings = options.Value;
        var check = await AccountGate.OpenAsync(grains, parameters, settings.DefaultClient, requireRunning: false, platform);
        if (!check.IsOk)
        {
            return check.Error!;
        }

        var inbox = grains.ForKey<IEventInboxGrain>(check.Key);
        if (parameters["cursor"] is { } cursor)
        {
            return await CursorPollAsync(inbox, check.Key, cursor, settings, time, http);
        }
        var aborted = http.RequestAborted;
        var events = await HoldAsync(w => inbox.PeekAsync(w), e => e.Count > 0, settings, time, aborted);
        if (aborted.IsCancellationRequested)
        {
            return Results.Empty; // the poller is gone: the events stay for the next one
        }
        if (events is null)
        {
            return MojoReply.Json(new JsonArray());
        }
        // Removed only once the answer is written: a client gone before that finds them at its next poll.
        await EventJson.Reply(null, check.Key, events, await MediaDataAsync(events, settings, http)).ExecuteAsync(http);
        await http.Response.CompleteAsync();
        if (!aborted.IsCancellationRequested)
        {
            await inbox.AcknowledgeAsync(events[^1].Seq);
        }
        return Results.Empty;
    }

    /// <summary>
    /// Cursor mode (ours, not Mojo's): the events after the cursor, first an <c>events_lost</c> entry if the log
    /// dropped some of them. Answering removes nothing; the cursor itself acknowledges what precedes it, so a client
    /// that misses an answer polls again with the same cursor and gets the same events.
    /// </summary>
    private static async Task<IResult> CursorPollAsync(
        IEventInboxGrain inbox, string key, string text, OpenWxApiOptions settings, TimeProvider time, HttpContext http)
    {
        if (!EventCursor.TryParse(text, key, out var cursor, out var problem))
        {
            return EventCursor.Invalid(problem!);
        }
        var aborted = http.RequestAborted;
        var batch = await HoldAsync(
            w => inbox.PollCursorAsync(cursor, settings.CursorBatchSize, w), b => !b.IsEmpty || b.CursorAhead, settings, time, aborted);
        if (aborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        if (batch?.CursorAhead == true)
        {
            return EventCursor.Invalid($"invalid cursor: {cursor} is past the last event ({batch.LastSeq})");
        }
        if (batch is null)
        {
            return MojoReply.Json(new JsonArray());
        }
        // The Lost entry first when events were dropped, then the events.
        return EventJson.Reply(batch.Lost, key, batch.Events, await MediaDataAsync(batch.Events, settings, http));
    }

    /// <summary>Mojo's check_event entries carry media_data like its posts; bounded per answer here.</summary>
    private static Task<string?[]> MediaDataAsync(IReadOnlyList<AccountEvent> events, OpenWxApiOptions settings, HttpContext http) =>
        MediaDataJson.ReadAllAsync(events, http.RequestServices.GetRequiredService<IMediaStore>(), settings.MaxMediaDataBytes, http.RequestAborted);

    /// <summary>
    /// Polls the inbox with waits of at most <see cref="OpenWxApiOptions.InboxPollWait"/> until it has an answer,
    /// the hold ends or the client leaves; null when it has none.
    /// </summary>
    private static async Task<T?> HoldAsync<T>(
        Func<TimeSpan, Task<T>> poll, Func<T, bool> answered, OpenWxApiOptions settings, TimeProvider time, CancellationToken aborted)
        where T : class
    {
        var started = time.GetTimestamp();
        while (!aborted.IsCancellationRequested)
        {
            var remaining = settings.CheckEventHold - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }
            var wait = remaining < settings.InboxPollWait ? remaining : settings.InboxPollWait;
            var pollStarted = time.GetTimestamp();
            var result = await poll(wait);
            if (answered(result))
            {
                return result;
            }
            if (time.GetElapsedTime(pollStarted) < FastEmptyPoll)
            {
                await PauseAsync(time, aborted);
            }
        }
        return null;
    }

    private static async Task PauseAsync(TimeProvider time, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(EmptyPollPause, time, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away; the loop sees it.
        }
    }
}
