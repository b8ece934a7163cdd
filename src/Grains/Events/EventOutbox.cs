using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Diagnostics;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Events;

/// <summary>
/// An account's outbox, shared by the platforms' account grains: events are saved in the same state write as what
/// produced them (a SyncKey, an acknowledged OneBot event), then delivered in order to the check_event inbox and the
/// post_api delivery grain by idempotent calls (each drops sequence numbers it has) and, when
/// <c>OpenWx:Inbox:Stream</c> is on, published to the account's stream for other subscribers. A delivered event
/// leaves the outbox; an undelivered one is retried by the owner's timer, so a silo loss between the write and the
/// delivery replays it instead of losing it. Flushes are chained: an interleaving grain must never deliver or trim
/// the outbox twice at the same time.
/// </summary>
public sealed class EventOutbox(
    string key,
    IGrainFactory grains,
    Func<IAsyncStream<AccountEvent>>? stream,
    Func<IOutboxState> state,
    SerialStateWriter writer,
    int capacity,
    ILogger logger,
    OpenWxMetrics metrics,
    ConsoleEcho echo,
    Action onWriteFailed)
{
    /// <summary>How far ahead of the next sequence number a state write reserves numbers (see <see cref="IOutboxState.SeqReserved"/>).</summary>
    public const long SeqReserveBlock = 1_000;

    private readonly TaskChain _flushes = new();
    private bool _resumed;

    /// <summary>
    /// The outbox of the account <paramref name="grain"/> is (its key), publishing to the account's stream if
    /// <see cref="EventInboxOptions.Stream"/> is on.
    /// </summary>
    public static EventOutbox ForAccount(
        Grain grain,
        IGrainFactory grains,
        Func<IOutboxState> state,
        SerialStateWriter writer,
        int capacity,
        ILogger logger,
        Action onWriteFailed)
    {
        var key = grain.GetPrimaryKeyString();
        var services = grain.GrainContext.ActivationServices;
        var publish = services.GetRequiredService<IOptions<EventInboxOptions>>().Value.Stream;
        return new EventOutbox(
            key,
            grains,
            publish
                ? () => grain.GetStreamProvider(OrleansNames.StreamProvider).GetStream<AccountEvent>(StreamId.Create(OrleansNames.AccountEvents, key))
                : null,
            state,
            writer,
            capacity,
            logger,
            services.GetRequiredService<OpenWxMetrics>(),
            services.GetRequiredService<ConsoleEcho>(),
            onWriteFailed);
    }

    /// <summary>Queues an event in the persisted outbox; it becomes durable with the next state write.</summary>
    public void Add(string postType, string? eventName, IReadOnlyList<EventParam> parameters, ChatMessage? message = null)
    {
        var s = state();
        if (!_resumed)
        {
            // Numbers up to the saved reservation may have gone out unsaved before this activation: skip them.
            _resumed = true;
            s.NextEventSeq = Math.Max(s.NextEventSeq, s.SeqReserved);
        }
        s.Outbox.Add(new AccountEvent
        {
            AccountKey = key,
            Seq = s.NextEventSeq++,
            PostType = postType,
            Event = eventName,
            // An array: a collection expression typed IReadOnlyList is a compiler-made type Orleans cannot serialize.
            Params = parameters.ToArray(),
            Message = message,
            Time = DateTimeOffset.UtcNow,
        });
    }

    /// <summary>Persists the state (outbox and whatever produced it together), then delivers the outbox.</summary>
    public Task FlushAsync() => _flushes.RunAsync(FlushNowAsync);

    /// <summary>
    /// For events that need nothing else saved with them (a sent message): delivers them first, and writes the state
    /// only if that fails, if a post_api destination must get them too (two destinations need the saved outbox between
    /// them), or if their sequence numbers are past the reservation. The check_event inbox saves what it accepts, so a
    /// send answered after its event was delivered has it stored once; what is at risk before that moment is the same
    /// as with a write first (the upstream has taken the message, nothing is saved yet). Saves one state write per
    /// send (9 % of a send's silo CPU).
    /// </summary>
    public Task FlushDeliveringFirstAsync() => _flushes.RunAsync(async () =>
    {
        var s = state();
        if (s.Outbox.Count == 0)
        {
            // An earlier flush took this send's event along (pipelined sends finish close together).
            return;
        }
        if (s.WebhookOn || s.NextEventSeq > s.SeqReserved || s.Outbox.Count > capacity || !await DeliverAsync())
        {
            await FlushNowAsync();
        }
    });

    /// <summary>Delivers what is already saved, in turn with the flushes.</summary>
    public Task RetryDeliveryAsync() => _flushes.RunAsync(DeliverAsync);

    private async Task FlushNowAsync()
    {
        Trim();
        var s = state();
        s.SeqReserved = s.NextEventSeq + SeqReserveBlock;
        try
        {
            await writer.WriteAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What is in memory (a SyncKey past unsaved events) must never reach upstream: the owner stops this
            // activation so the next one resumes from the saved state.
            logger.StateWriteFailed(e, key);
            onWriteFailed();
            throw;
        }
        await DeliverAsync();
    }

    /// <summary>Delivers the outbox; on failure the events stay for the next attempt. False when it failed.</summary>
    private async Task<bool> DeliverAsync()
    {
        var s = state();
        var pending = s.Outbox;
        if (pending.Count == 0)
        {
            return true;
        }
        var batch = pending.ToList();
        try
        {
            await grains.ForKey<IEventInboxGrain>(key).AcceptAsync(batch);
            if (s.WebhookOn)
            {
                await grains.ForKey<IWebhookGrain>(key).AcceptAsync(batch);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.DeliveryFailed(key, batch.Count, e.GetType().Name);
            return false;
        }
        var delivered = batch[^1].Seq;
        pending.RemoveAll(e => e.Seq <= delivered);
        metrics.Delivered(batch);
        echo.Delivered(batch);
        if (stream is not null)
        {
            await PublishQuietlyAsync(stream(), batch);
        }
        return true;
    }

    /// <summary>The stream is a live feed for other subscribers; the inbox does not depend on it.</summary>
    private async Task PublishQuietlyAsync(IAsyncStream<AccountEvent> to, List<AccountEvent> batch)
    {
        try
        {
            foreach (var e in batch)
            {
                await to.OnNextAsync(e);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.PublishFailed(key, ex.GetType().Name);
        }
    }

    /// <summary>Bounds the saved backlog while the inbox is unreachable; the oldest events go first, counted.</summary>
    private void Trim()
    {
        var s = state();
        var overflow = s.Outbox.Count - capacity;
        if (overflow > 0)
        {
            s.Outbox.RemoveRange(0, overflow);
            s.OutboxDropped += overflow;
            logger.OutboxOverflow(key, overflow);
        }
    }
}
