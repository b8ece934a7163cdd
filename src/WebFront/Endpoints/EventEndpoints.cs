using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains;

namespace OpenWxCluster.WebFront;

/// <summary>
/// check_event, Mojo's long poll: pending events at once, else wait for the next ones up to
/// <see cref="OpenWxApiOptions.CheckEventHold"/> (30 s) and answer <c>[]</c>. The wait is a loop of short
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
        endpoints.MapMojo("check_event", CheckEventAsync);
        return endpoints;
    }

    /// <summary>Events are buffered in every state, so any started account may be polled (Mojo blocks until running).</summary>
    internal static async Task<IResult> CheckEventAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] TimeProvider time,
        HttpContext http)
    {
        var settings = options.Value;
        var check = await AccountGate.OpenAsync(grains, parameters, settings.DefaultClient, requireRunning: false);
        if (!check.IsOk)
        {
            return check.Error!;
        }

        var inbox = grains.GetGrain<IEventInboxGrain>(check.Key);
        var aborted = http.RequestAborted;
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
            var events = await inbox.PeekAsync(wait);
            if (events.Count > 0)
            {
                if (aborted.IsCancellationRequested)
                {
                    return Results.Empty; // the poller is gone: the events stay for the next one
                }
                // Removed only once the answer is written: a client gone before that finds them at its next poll.
                await MojoReply.Json(EventJson.Events(events)).ExecuteAsync(http);
                await http.Response.CompleteAsync();
                if (!aborted.IsCancellationRequested)
                {
                    await inbox.AcknowledgeAsync(events[^1].Seq);
                }
                return Results.Empty;
            }
            if (time.GetElapsedTime(pollStarted) < FastEmptyPoll)
            {
                await PauseAsync(time, aborted);
            }
        }
        return aborted.IsCancellationRequested ? Results.Empty : MojoReply.Json(new JsonArray());
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
