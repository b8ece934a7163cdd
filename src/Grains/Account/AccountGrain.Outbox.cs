using Orleans.Streams;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Logging;

namespace OpenWxCluster.Grains.Account;

// The outbox: events are saved in the same state write as the SyncKey that produced them, then delivered in order
// to the check_event inbox and the post_api delivery grain by idempotent calls (each drops sequence numbers it has)
// and published to the account's stream for other subscribers. A delivered event leaves the outbox; an undelivered one is retried by the pump, so
// a silo loss between the write and the delivery replays it instead of losing it.
public sealed partial class AccountGrain
{
    private readonly TaskChain _flushes = new();
    private IAsyncStream<AccountEvent>? _stream;

    private IAsyncStream<AccountEvent> Stream => _stream ??= this.GetStreamProvider(OrleansNames.StreamProvider)
        .GetStream<AccountEvent>(StreamId.Create(OrleansNames.AccountEvents, Key));

    private IEventInboxGrain Inbox => GrainFactory.GetGrain<IEventInboxGrain>(Key);

    private IWebhookGrain Webhook => GrainFactory.GetGrain<IWebhookGrain>(Key);

    /// <summary>
    /// Persists the state (outbox, SyncKey, sequence counter together), then delivers the outbox. Calls are chained:
    /// sends and the pump interleave, and two flushes must never deliver or trim the outbox at the same time.
    /// </summary>
    private Task FlushEventsAsync() => _flushes.RunAsync(FlushNowAsync);

    /// <summary>Delivers what is already saved, in turn with the flushes.</summary>
    private Task RetryDeliveryAsync() => _flushes.RunAsync(DeliverOutboxAsync);

    private async Task FlushNowAsync()
    {
        TrimOutbox();
        try
        {
            await _writer.WriteAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What is in memory (a SyncKey past unsaved events) must never reach upstream: stop this activation so
            // the next one resumes from the saved state and fetches the batch again.
            logger.StateWriteFailed(e, Key);
            StopPump();
            DeactivateOnIdle();
            throw;
        }
        await DeliverOutboxAsync();
    }

    /// <summary>Delivers saved events; on failure they stay for the next attempt (the pump retries).</summary>
    private async Task DeliverOutboxAsync()
    {
        var pending = state.State.Outbox;
        if (pending.Count == 0)
        {
            return;
        }
        var batch = pending.ToList();
        try
        {
            await Inbox.AcceptAsync(batch);
            if (state.State.WebhookOn)
            {
                await Webhook.AcceptAsync(batch);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.DeliveryFailed(Key, batch.Count, e.GetType().Name);
            return;
        }
        var delivered = batch[^1].Seq;
        pending.RemoveAll(e => e.Seq <= delivered);
        foreach (var e in batch)
        {
            await PublishQuietlyAsync(e);
        }
    }

    /// <summary>The stream is a live feed for other subscribers; the inbox does not depend on it.</summary>
    private async Task PublishQuietlyAsync(AccountEvent e)
    {
        try
        {
            await Stream.OnNextAsync(e);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.PublishFailed(Key, ex.GetType().Name);
        }
    }

    /// <summary>Bounds the saved backlog while the inbox is unreachable; the oldest events go first, counted.</summary>
    private void TrimOutbox()
    {
        var overflow = state.State.Outbox.Count - _options.OutboxCapacity;
        if (overflow > 0)
        {
            state.State.Outbox.RemoveRange(0, overflow);
            state.State.OutboxDropped += overflow;
            logger.OutboxOverflow(Key, overflow);
        }
    }
}
